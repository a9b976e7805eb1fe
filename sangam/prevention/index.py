"""The household vulnerability index.

A state mission configures it (weights per indicator adding up to 100, and
the scores from which a household is medium or high risk); every version is
kept. Scores are recomputed set-based, one UPDATE per district, with the
arithmetic built from the configuration; ``explain`` gives the same
arithmetic per household in words, so that a CRP sees why a family is high
risk (tests hold the two to each other)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from sangam.prevention.indicators import INDICATORS
from sangam.prevention.models import Household, IndexConfiguration, RiskLevel

DEFAULT_WEIGHTS = {
    "extreme_poverty": 12,
    "landless": 6,
    "in_debt": 8,
    "breadwinner_lost": 8,
    "crop_failure": 4,
    "disaster_loss": 5,
    "frequent_migration": 8,
    "alcoholism": 5,
    "domestic_violence": 8,
    "female_headed": 6,
    "child_out_of_school": 8,
    "child_marriage_in_family": 7,
    "member_missing": 8,
    "member_left_with_agent": 7,
}
DEFAULT_MEDIUM_FROM, DEFAULT_HIGH_FROM = 25, 45


@dataclass(frozen=True)
class Config:
    weights: dict
    medium_from: int
    high_from: int
    version: int  # 0: Sangam's default, before the state configures its own

    def terms(self):
        """[(indicator, points)] of every indicator that counts: the one
        arithmetic behind the index's SQL, its explanation and the import."""
        return [(code, weight) for code, weight in self.weights.items() if weight]

    def score(self, indicators):
        """The score of a household whose ``indicators[code]`` are true or false."""
        return sum(weight for code, weight in self.terms() if indicators[code])

    def level(self, score):
        if score >= self.high_from:
            return RiskLevel.HIGH
        if score >= self.medium_from:
            return RiskLevel.MEDIUM
        return RiskLevel.LOW


DEFAULT = Config(DEFAULT_WEIGHTS, DEFAULT_MEDIUM_FROM, DEFAULT_HIGH_FROM, 0)


def validate(weights, medium_from, high_from):
    """Errors in a proposed configuration, as {field: message}; empty if none."""
    errors = {}
    unknown = sorted(set(weights) - set(INDICATORS))
    if unknown:
        errors["weights"] = _("Unknown indicators: %(codes)s") % {"codes": ", ".join(unknown)}
    elif any(not isinstance(w, int) or isinstance(w, bool) or w < 0 for w in weights.values()):
        errors["weights"] = _("Every weight must be a whole number, 0 or more.")
    elif sum(weights.values()) != 100:
        errors["weights"] = _("The weights add up to %(total)s; they must add up to 100.") % {
            "total": sum(weights.values())
        }
    if not (0 < medium_from < high_from <= 100):
        errors["high_from"] = _(
            "Medium risk must start above 0 and below high risk, which is at most 100."
        )
    return errors


def active(state_id):
    row = IndexConfiguration.objects.filter(state_id=state_id).order_by("-version").first()
    if row is None:
        return DEFAULT
    return Config(row.weights, row.medium_from, row.high_from, row.version)


def publish(state, weights, medium_from, high_from, user=None, note=""):
    """Save a new version for ``state``; ValidationError if it does not add up."""
    weights = {code: w for code, w in weights.items() if w}
    errors = validate(weights, medium_from, high_from)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        last = (
            IndexConfiguration.objects.select_for_update()
            .filter(state=state)
            .order_by("-version")
            .values_list("version", flat=True)
            .first()
        )
        return IndexConfiguration.objects.create(
            state=state,
            version=(last or 0) + 1,
            weights=weights,
            medium_from=medium_from,
            high_from=high_from,
            created_by=user,
            note=note,
        )


def explain(household, config):
    """[(indicator code, label, points)] of what counted, largest first, and the total."""
    parts = [
        (code, INDICATORS[code], weight)
        for code, weight in config.terms()
        if getattr(household, code)
    ]
    parts.sort(key=lambda p: -p[2])
    return parts, sum(p[2] for p in parts)


def _score_sql(config):
    terms = [f"CASE WHEN {code} THEN %s ELSE 0 END" for code, _w in config.terms()]
    params = [w for _code, w in config.terms()]
    return ("(" + " + ".join(terms) + ")" if terms else "0"), params


def update_sql(config, extra_where=""):
    """The UPDATE that scores the households of one district, writing only
    rows whose score, level or version change; and a function giving its
    parameters for (district id, *parameters of extra_where)."""
    table = Household._meta.db_table
    score, sp = _score_sql(config)
    level = "CASE WHEN {s} >= %s THEN 'high' WHEN {s} >= %s THEN 'medium' ELSE 'low' END"
    level = level.format(s=score)
    lp = [*sp, config.high_from, *sp, config.medium_from]
    differs = "IS DISTINCT FROM" if connection.vendor == "postgresql" else "IS NOT"
    where = "district_id = %s" + (f" AND {extra_where}" if extra_where else "")
    sql = (
        f"UPDATE {table} SET score = {score}, risk_level = {level}, index_version = %s "  # noqa: S608
        f"WHERE {where} AND (score {differs} {score} OR risk_level {differs} {level} "
        f"OR index_version {differs} %s)"
    )

    def params(district_id, *extra):
        return [*sp, *lp, config.version, district_id, *extra, *sp, *lp, config.version]

    return sql, params


def run_update(cursor, config, district_id, extra_where="", extra_params=()):
    sql, params = update_sql(config, extra_where)
    cursor.execute(sql, params(district_id, *extra_params))
    return max(cursor.rowcount, 0)


def recompute_state(state_id, progress=None):
    """Rescore every household of a state with its active configuration.
    Returns the number of households whose score or level changed."""
    from sangam.geography.models import District

    config = active(state_id)
    changed = 0
    districts = list(
        District.objects.filter(state_id=state_id).order_by("pk").values_list("pk", flat=True)
    )
    with connection.cursor() as cursor:
        for done, district_id in enumerate(districts, 1):
            # One transaction per district: a long recompute never holds the
            # whole state's rows, and a stopped run leaves whole districts.
            with transaction.atomic():
                changed += run_update(cursor, config, district_id)
            if progress:
                progress(done, len(districts))
    return changed


def rescore(household):
    """Rescore one household (after its indicators changed) with the same SQL."""
    config = active(household.district.state_id)
    with connection.cursor() as cursor:
        run_update(cursor, config, household.district_id, "id = %s", [household.pk])
    row = Household._base_manager.filter(pk=household.pk).values(
        "score", "risk_level", "index_version"
    )[0]
    for field, value in row.items():
        setattr(household, field, value)
    return household

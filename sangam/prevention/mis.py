"""The MIS: what reaches at-risk families, rolled up village → block →
district → state. Figures only, never names; each figure is one grouped
query over the area, whatever its size."""

from datetime import date, timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.core.access import SYSTEM
from sangam.core.areas import NATIONAL, area_of
from sangam.geography.models import Block, District, State, Village
from sangam.prevention.models import (
    Alert,
    CheckIn,
    Entitlement,
    Household,
    JobOfferCheck,
    Marriage,
    Member,
    Migration,
    MigrationStatus,
    MissingPerson,
    RecruiterComplaint,
)

# An area (kind, id) lists its parts one level down.
LEVELS = {
    "india": ("state", State, "district__state_id"),
    "state": ("district", District, "district_id"),
    "district": ("block", Block, "block_id"),
    "block": ("village", Village, "village_id"),
}
AREA_FILTER = {
    "india": {},
    "state": "district__state_id",
    "district": "district_id",
    "block": "block_id",
}

FIGURES = [
    ("households", _("Households mapped")),
    ("high_risk", _("High-risk households")),
    ("women_girls", _("At-risk women and girls")),
    ("migrants", _("Migrants tracked")),
    ("overdue", _("Check-ins overdue")),
    ("missing", _("Missing persons")),
    ("applied", _("Entitlements applied")),
    ("received", _("Entitlements received")),
    ("marriages_flagged", _("Marriages with a bride under 18")),
    ("complaints", _("Recruiter complaints")),
]


def _in_area(kind, pk, prefix=""):
    path = AREA_FILTER[kind]
    return Q(**{prefix + path: pk}) if path else Q()


def _grouped(qs, column, **aggregate):
    return {
        row[column]: row["n"]
        for row in qs.values(column).annotate(n=Count("pk", **aggregate)).order_by()
    }


def rollup(kind, pk):
    """[(part, {figure: count})] for the parts of area (kind, pk), and the totals."""
    part_kind, part_model, column = LEVELS[kind]
    today = timezone.localdate()
    households = Household.objects.restrict(SYSTEM).filter(_in_area(kind, pk))
    migrations = Migration.objects.restrict(SYSTEM).filter(_in_area(kind, pk))
    hh = "household__"
    figures = {
        "households": _grouped(households, column),
        "high_risk": _grouped(households.filter(risk_level="high"), column),
        "women_girls": _grouped(
            Member.objects.restrict(SYSTEM).filter(
                _in_area(kind, pk, hh), household__risk_level="high", sex="female"
            ),
            hh + column,
        ),
        "migrants": _grouped(
            migrations.filter(status__in=[MigrationStatus.AWAY, MigrationStatus.NOT_REACHABLE]),
            column,
        ),
        "overdue": _grouped(
            migrations.filter(
                Q(status=MigrationStatus.NOT_REACHABLE)
                | Q(status=MigrationStatus.AWAY, next_checkin_due__lt=today)
            ),
            column,
        ),
        "missing": _grouped(
            MissingPerson.objects.restrict(SYSTEM).filter(
                _in_area(kind, pk), status=MissingPerson.Status.MISSING
            ),
            column,
        ),
        "applied": _grouped(
            Entitlement.objects.restrict(SYSTEM).filter(
                _in_area(kind, pk, hh), status__in=["applied", "received", "rejected"]
            ),
            hh + column,
        ),
        "received": _grouped(
            Entitlement.objects.restrict(SYSTEM).filter(_in_area(kind, pk, hh), status="received"),
            hh + column,
        ),
        "marriages_flagged": _grouped(
            Marriage.objects.restrict(SYSTEM).filter(_in_area(kind, pk), bride_age__lt=18),
            column,
        ),
        "complaints": _grouped(
            RecruiterComplaint.objects.restrict(SYSTEM).filter(
                _in_area(kind, pk, "recruiter__migrations__")
            ),
            "recruiter__migrations__" + column,
            distinct=True,
        ),
    }
    parts = part_model.objects.all()
    if kind != "india":
        parent = {"state": "state_id", "district": "district_id", "block": "block_id"}[kind]
        parts = parts.filter(**{parent: pk})
    rows = []
    for part in parts.order_by("name"):
        counts = {f: figures[f].get(part.pk, 0) for f, _label in FIGURES}
        if kind in ("india", "state") and not any(counts.values()):
            continue  # states and districts with no village work yet
        rows.append((part, counts))
    totals = {f: sum(c[f] for _p, c in rows) for f, _label in FIGURES}
    return part_kind, rows, totals


def month_bounds(text):
    """(first day, first day of next month) of 'YYYY-MM'; this month if unreadable."""
    try:
        year, month = (int(x) for x in text.split("-"))
        first = date(year, month, 1)
    except (AttributeError, ValueError):
        first = timezone.localdate().replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following


def monthly(kind, pk, first, following):
    """What happened in one month in the area: [(label, count)]."""
    within = {"gte": first, "lt": following}

    def span(field):
        return {f"{field}__gte": within["gte"], f"{field}__lt": within["lt"]}

    area = _in_area(kind, pk)
    hh = _in_area(kind, pk, "household__")
    households = Household.objects.restrict(SYSTEM).filter(area)
    return [
        (_("Households surveyed"), households.filter(**span("surveyed_on")).count()),
        (
            _("of them high risk"),
            households.filter(risk_level="high", **span("surveyed_on")).count(),
        ),
        (
            _("People who left for work"),
            Migration.objects.restrict(SYSTEM).filter(area, **span("left_on")).count(),
        ),
        (
            _("Check-ins made"),
            CheckIn.objects.restrict(SYSTEM)
            .filter(_in_area(kind, pk, "migration__"), **span("on"))
            .count(),
        ),
        (
            _("Alerts raised"),
            Alert.objects.restrict(SYSTEM).filter(area, **span("raised_on")).count(),
        ),
        (
            _("Alerts escalated"),
            Alert.objects.restrict(SYSTEM).filter(area, **span("escalated_on")).count(),
        ),
        (
            _("Missing persons reported"),
            MissingPerson.objects.restrict(SYSTEM).filter(area, **span("date_missing")).count(),
        ),
        (
            _("Entitlements received"),
            Entitlement.objects.restrict(SYSTEM)
            .filter(hh, status="received", **span("decided_on"))
            .count(),
        ),
        (
            _("Job offers checked"),
            JobOfferCheck.objects.restrict(SYSTEM).filter(area, **span("checked_on")).count(),
        ),
        (
            _("Marriages with a bride under 18"),
            Marriage.objects.restrict(SYSTEM)
            .filter(area, bride_age__lt=18, **span("married_on"))
            .count(),
        ),
    ]


def areas_for(user):
    """The areas whose figures ``user`` may see: [(kind, pk)]; national staff: [("india", None)]."""
    areas = []
    for m in user.active_memberships():
        area = area_of(m.agency)
        if area == (NATIONAL, None):
            return [("india", None)]
        if area is not None:
            areas.append(area)
    return areas


def may_see(user, kind, pk):
    """Whether (kind, pk) lies within one of the user's areas."""
    for area_kind, area_pk in areas_for(user):
        if area_kind == "india" or (area_kind, area_pk) == (kind, pk):
            return True
        if area_kind == "state":
            if kind == "district" and District.objects.filter(pk=pk, state_id=area_pk).exists():
                return True
            if kind == "block" and Block.objects.filter(pk=pk, district__state_id=area_pk).exists():
                return True
        if area_kind == "district" and kind == "block":
            if Block.objects.filter(pk=pk, district_id=area_pk).exists():
                return True
    return False


def area_name(kind, pk):
    if kind == "india":
        return _("India")
    model = {"state": State, "district": District, "block": Block}[kind]
    return str(model.objects.get(pk=pk))

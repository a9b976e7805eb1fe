"""How vulnerable a village is, from its profile: the points add up to at
most 100 and each comes with its reason, for the ranked list and the map
from which a district chooses where to start."""

from django.utils import timezone
from django.utils.translation import gettext as _


def explain(profile):
    """[(reason, points)] of what counted for ``profile``, and the total."""
    parts = []
    ratio = profile.sex_ratio
    if ratio is not None and ratio < 900:
        parts.append((_("sex ratio %(ratio)s women per 1,000 men") % {"ratio": ratio}, 20))
    elif ratio is not None and ratio < 940:
        parts.append((_("sex ratio %(ratio)s women per 1,000 men") % {"ratio": ratio}, 10))
    population = profile.population_female + profile.population_male
    if population:
        share = profile.out_migrants / population
        if share >= 0.10:
            parts.append((_("%(pct)s%% of people work away") % {"pct": round(100 * share)}, 20))
        elif share >= 0.05:
            parts.append((_("%(pct)s%% of people work away") % {"pct": round(100 * share)}, 10))
    if profile.flood or profile.drought or profile.cyclone:
        parts.append((_("floods, droughts or cyclones"), 15))
        year = timezone.localdate().year
        if profile.last_calamity_year and year - profile.last_calamity_year <= 3:
            parts.append((_("a calamity in the last three years"), 5))
    if profile.child_marriage_common:
        parts.append((_("child marriage is common"), 10))
    if profile.bride_trafficking_known:
        parts.append((_("brides taken away for payment"), 10))
    if profile.customary_sex_work:
        parts.append((_("a practice that feeds prostitution"), 10))
    if not (profile.has_shg or profile.has_vo):
        parts.append((_("no SHG or village organisation"), 5))
    if profile.km_to_police >= 20:
        parts.append((_("police station %(km)s km away") % {"km": profile.km_to_police}, 5))
    return parts, sum(points for _reason, points in parts)


def score(profile):
    return explain(profile)[1]

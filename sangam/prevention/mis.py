"""The MIS: what reaches at-risk families, rolled up village → block →
district → state. Figures only, never names; each figure is one grouped
query over the area, whatever its size."""

from datetime import date, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.core.areas import NATIONAL, area_of
from sangam.geography.models import Block, District, State, Village
from sangam.prevention import figures

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

# (key, label) of the MIS columns; the key is the figure's name within prevention.
FIGURES = [(f.name.removeprefix("prevention."), f.label) for f in figures.AREA]


def _in_area(kind, pk, prefix=""):
    path = AREA_FILTER[kind]
    return Q(**{prefix + path: pk}) if path else Q()


def rollup(kind, pk):
    """[(part, {figure: count})] for the parts of area (kind, pk), and the totals."""
    part_kind, part_model, column = LEVELS[kind]
    counts_by_figure = {
        f.name.removeprefix("prevention."): f.grouped(_in_area(kind, pk, f.area), column)
        for f in figures.AREA
    }
    parts = part_model.objects.all()
    if kind != "india":
        parent = {"state": "state_id", "district": "district_id", "block": "block_id"}[kind]
        parts = parts.filter(**{parent: pk})
    rows = []
    for part in parts.order_by("name"):
        counts = {f: counts_by_figure[f].get(part.pk, 0) for f, _label in FIGURES}
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
    return [
        (f.label, f.in_month(_in_area(kind, pk, f.area), first, following)) for f in figures.MONTHLY
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

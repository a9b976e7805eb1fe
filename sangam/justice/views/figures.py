"""The justice figures of an oversight role's area, as compensation's
figures page: counts and medians, never a name, an FIR number or a court."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from sangam.agencies.models import Agency
from sangam.core.areas import DISTRICT, NATIONAL, STATE
from sangam.geography.models import District, State
from sangam.justice import figures
from sangam.justice.models import Judgment

# The table's rows: each part of the area, by its police station's column
# (the column, the places, the rows' heading and the table's title).
PARTS = {
    "police_station": ("id", Agency, _("Police station"), _("Trials per police station")),
    "district": ("district_id", District, _("District"), _("Trials per district")),
    "state": ("state_id", State, _("State"), _("Trials per state")),
}
# The parts a level splits into, the first of them shown unless asked.
SPLITS = {
    NATIONAL: ("state", "district", "police_station"),
    STATE: ("district", "police_station"),
    DISTRICT: ("police_station",),
}


def _reasons(acquittals):
    """[(label, count)], the most frequent first: never a raw code."""
    labels = dict(Judgment.AcquittalReason.choices)
    return sorted(
        ((labels.get(code) or _("Reason not recorded"), n) for code, n in acquittals.items()),
        key=lambda r: (-r[1], str(r[0])),
    )


@login_required
def area_figures(request):
    """The district or state figures of an oversight role: counts, never names."""
    agency = figures.official_area(request.user)
    if agency is None:
        raise PermissionDenied
    splits = SPLITS.get(agency.jurisdiction_level, SPLITS[DISTRICT])
    by = request.GET.get("by")
    by = by if by in splits else splits[0]
    column, model, heading, title = PARTS[by]
    rows = figures.court_table(figures.in_area(agency, "police_station__"), column)
    places = model.objects.in_bulk(list(rows))
    table = sorted(
        ((places.get(k), row, _reasons(row["acquittals"])) for k, row in rows.items()),
        key=lambda r: str(r[0] or ""),
    )
    total = {}
    for row in rows.values():
        for code, n in row["acquittals"].items():
            total[code] = total.get(code, 0) + n
    return render(
        request,
        "justice/figures.html",
        {
            "agency": agency,
            "figures": figures.area_figures(agency),
            "table": table,
            "by": by,
            "heading": heading,
            "title": title,
            "splits": [(s, PARTS[s][2]) for s in splits] if len(splits) > 1 else [],
            "acquittals": _reasons(total),
        },
    )

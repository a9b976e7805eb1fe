"""The police station a Zero FIR is sent to is chosen with a searchable
picker (core/pickers.py): it may be any of India's police stations, some
17,000, which no select can hold. Not registered in ``PICKERS``: other
forms choose among a few agencies of their own district, as selects."""

from django.utils.translation import gettext_lazy as _

from sangam.agencies.models import Agency
from sangam.core.pickers import Kind, by_name

POLICE_STATION = Kind(
    model=Agency,
    noun=_("police station"),
    label=lambda a: f"{a.name}, {a.district.name if a.district_id else a.state.name}",
    search=by_name,
    search_url="justice:pick_station",
    related=("district", "state"),
)

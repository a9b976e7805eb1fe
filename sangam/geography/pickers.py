"""Districts and villages are chosen with a searchable picker (core/pickers.py),
never from a select of all 754 districts."""

from django.utils.translation import gettext_lazy as _

from sangam.core.pickers import Kind, by_name
from sangam.geography.models import District, Village

PICKERS = [
    Kind(
        model=District,
        noun=_("district"),
        label=lambda d: f"{d.name}, {d.state.name}",
        search=by_name,
        search_url="geography:pick_district",
        related=("state",),
    ),
    Kind(
        model=Village,
        noun=_("village"),
        label=lambda v: f"{v.name}, {v.block.name}",
        search=by_name,
        related=("block",),
    ),
]

"""Districts and villages are chosen with a searchable picker (core/pickers.py),
never from a select of all 754 districts."""

from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from sangam.core.pickers import Kind
from sangam.geography.models import District, Village


def _by_name(queryset, text):
    """Names starting with the text first, then names containing it."""
    return (
        queryset.filter(name__icontains=text)
        .annotate(
            starts=Case(
                When(name__istartswith=text, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("starts", "name", "pk")
    )


PICKERS = [
    Kind(
        model=District,
        noun=_("district"),
        label=lambda d: f"{d.name}, {d.state.name}",
        search=_by_name,
        search_url="geography:pick_district",
        related=("state",),
    ),
    Kind(
        model=Village,
        noun=_("village"),
        label=lambda v: f"{v.name}, {v.block.name}",
        search=_by_name,
        related=("block",),
    ),
]

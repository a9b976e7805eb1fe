"""Named figures: one unit per indicator, declared by each capability in its
``figures.py`` and read by dashboards, the MIS and (later) public statistics.

A figure counts rows of one model matching a condition. Area figures are
computed as Sangam itself (counts, never names), narrowed to an area and
grouped by its parts in one query each; a user's figures go through the
user's restricted queryset. ``denominator`` names the figure it is a share of.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from sangam.core.access import SYSTEM


@dataclass(frozen=True)
class Figure:
    name: str  # "<app>.<indicator>", unique across Sangam
    label: Any
    model: Any
    where: Any = None  # a Q, or a function of no arguments returning one (dates)
    area: str = ""  # path from the model to its place fields ("household__")
    distinct: bool = False  # count each row once through a to-many area path
    dated_by: str = ""  # the date a monthly count is taken by
    denominator: str = ""

    def condition(self):
        where = self.where() if callable(self.where) else self.where
        return where if where is not None else Q()

    def queryset(self, user=SYSTEM, action="view"):
        return self.model.objects.restrict(user, action).filter(self.condition())

    def count(self, user=SYSTEM, where=None):
        qs = self.queryset(user)
        if where is not None:
            qs = qs.filter(where)
        return qs.distinct().count() if self.distinct else qs.count()

    def grouped(self, area_q, column):
        """{part id: count} over the parts ``column`` names, in one query."""
        qs = self.queryset().filter(area_q).values(self.area + column).order_by()
        rows = qs.annotate(n=Count("pk", distinct=self.distinct))
        return {row[self.area + column]: row["n"] for row in rows}

    def in_month(self, area_q, first, following):
        """How many rows fall in [first, following) by ``dated_by``, in the area."""
        span = {f"{self.dated_by}__gte": first, f"{self.dated_by}__lt": following}
        return self.queryset().filter(area_q, **span).count()


def counted_together(user, **parts):
    """{name: count} for several ``(figure, extra condition or None)`` of one
    model in one query: a dashboard card's numbers, asked on every visit."""
    (model,) = {figure.model for figure, _ in parts.values()}
    counts = {}
    for name, (figure, where) in parts.items():
        if figure.distinct:
            raise ValueError(f"{figure.name} counts distinct rows; count it on its own")
        counts[name] = Count("pk", filter=figure.condition() & (where or Q()))
    return model.objects.restrict(user, "view").aggregate(**counts)


@dataclass(frozen=True)
class Card:
    """A dashboard card: ``context(user)`` gives what ``template`` shows, or
    None when the card is not for this user. A card's queries do not grow with
    the data (the contract tests count them)."""

    template: str
    context: Any
    order: int

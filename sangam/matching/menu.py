"""Matching in the menu: reviewers of candidate matches see their queue; those
who may only review survivors registered twice see that list instead."""

from django.utils.translation import gettext_lazy as _

from sangam.core.menu import Item
from sangam.matching.models import CandidateMatch, SurvivorDuplicate

ITEMS = [
    Item(_("Matches to review"), "matching:queue", order=40, models=(CandidateMatch,)),
    Item(
        _("Survivors registered twice"),
        "matching:duplicates",
        order=41,
        models=(SurvivorDuplicate,),
        unless="matching:queue",
    ),
]

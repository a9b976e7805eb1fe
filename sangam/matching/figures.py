"""Matching figures: candidate matches waiting for a reviewer and what
reviewers decided."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sangam.core.access import can
from sangam.core.figures import Card, Figure
from sangam.matching.models import CandidateMatch, Restoration, Review, SurvivorDuplicate
from sangam.matching.queries import duplicates, queue

FIGURES = [
    Figure(
        "matching.pending",
        _("Candidate matches waiting for review"),
        CandidateMatch,
        Q(status=Review.PENDING),
    ),
    Figure(
        "matching.confirmed",
        _("Missing persons found among survivors"),
        CandidateMatch,
        Q(status=Review.CONFIRMED),
    ),
    Figure(
        "matching.duplicates_pending",
        _("Survivors possibly registered twice, waiting for review"),
        SurvivorDuplicate,
        Q(status=Review.PENDING),
    ),
]


def _card(user):
    """Candidate matches waiting that she may decide, and possible duplicates;
    not for those who review none."""
    if not can(user, CandidateMatch, "change"):
        return None
    return {
        "waiting": queue(user).count(),
        "duplicates": duplicates(user).filter(status=Review.PENDING).count(),
        # A child's way home is open until the follow-up visit at home.
        "restorations": Restoration.objects.restrict(user, "view")
        .filter(follow_up_on__isnull=True)
        .count(),
    }


CARDS = [Card("matching/_card.html", _card, order=25)]

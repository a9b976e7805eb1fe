"""Matching figures: candidate matches waiting for a reviewer and what
reviewers decided."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sangam.core.figures import Figure
from sangam.matching.models import CandidateMatch, Review, SurvivorDuplicate

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
CARDS = []

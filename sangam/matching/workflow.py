"""The reviewer's decision and what follows from it: a confirmed match traces
the report, closes the other candidates of both records and, for a child,
starts her restoration through the CWC. (Merging survivors registered twice
is ``merge.py``.)"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from sangam.core.access import SYSTEM
from sangam.matching.models import CandidateMatch, Restoration, Review
from sangam.matching.signals import match_confirmed
from sangam.prevention.models import MissingPerson


def is_child(candidate):
    ages = [candidate.missing_person.age, candidate.survivor.estimated_age]
    return any(a is not None and a < 18 for a in ages)


@transaction.atomic
def decide(candidate, user, confirmed, reason):
    """Record the decision; a confirmation links the records: the report is
    marked traced, the other candidates of both records are closed, and a
    child's restoration starts through the CWC."""
    candidate.record_decision(Review.CONFIRMED if confirmed else Review.REJECTED, reason, user)
    if not confirmed:
        return None
    MissingPerson.objects.restrict(SYSTEM).filter(pk=candidate.missing_person_id).update(
        status=MissingPerson.Status.TRACED
    )
    CandidateMatch.objects.restrict(SYSTEM).filter(
        Q(missing_person_id=candidate.missing_person_id) | Q(survivor_id=candidate.survivor_id),
        status=Review.PENDING,
    ).update(
        status=Review.REJECTED,
        reason=_("Another record was confirmed as this person."),
        reviewed_by=user,
        reviewed_at=timezone.now(),
    )
    match_confirmed.send(sender=CandidateMatch, candidate=candidate, user=user)
    if is_child(candidate):
        return Restoration.objects.create(match=candidate, created_by=user)
    return None

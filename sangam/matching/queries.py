"""Restricted look-ups of the review queue shared by its pages."""

from django.db.models import Q

from sangam.cases.models import Survivor
from sangam.core.access import memberships_granted
from sangam.core.roles import Role
from sangam.matching.models import CandidateMatch, Review
from sangam.prevention.models import MissingPerson


def queue(user):
    """Pending candidates ``user`` may review; CWC members see children only."""
    qs = CandidateMatch.objects.restrict(user, "view").filter(
        status=Review.PENDING, missing_person__status=MissingPerson.Status.MISSING
    )
    roles = {m.role for m in memberships_granted(user, CandidateMatch, "view")}
    if roles == {Role.CWC_MEMBER}:
        qs = qs.filter(Q(missing_person__age__lt=18) | Q(survivor__estimated_age__lt=18))
    return qs


def visible_sides(user, candidates):
    """The missing persons and survivors among ``candidates`` that ``user``
    may see for themselves: ({missing id}, {survivor id})."""
    missing = {c.missing_person_id for c in candidates}
    survivors = {c.survivor_id for c in candidates}
    return (
        set(
            MissingPerson.objects.restrict(user, "view")
            .filter(pk__in=missing)
            .values_list("pk", flat=True)
        ),
        set(
            Survivor.objects.restrict(user, "view")
            .filter(pk__in=survivors)
            .values_list("pk", flat=True)
        ),
    )

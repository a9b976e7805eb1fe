"""Restricted look-ups of the review queue shared by its pages."""

from django.db.models import Q

from sangam.cases.models import Survivor
from sangam.core.access import memberships_granted
from sangam.core.roles import Role
from sangam.matching.models import CandidateMatch, Review, SurvivorDuplicate
from sangam.prevention.models import MissingPerson


def candidates(user, action="view"):
    """Candidate matches ``user`` may ``action``: of the reviewer's jurisdiction,
    only where she or he may see both records on their own terms (a candidate
    tells of both: that it exists, its score and its evidence say that someone
    like the other person was found), and for CWC members children only."""
    qs = CandidateMatch.objects.restrict(user, action).filter(
        missing_person__in=MissingPerson.objects.restrict(user, "view").values("pk"),
        survivor__in=Survivor.objects.restrict(user, "view").values("pk"),
    )
    roles = {m.role for m in memberships_granted(user, CandidateMatch, action)}
    if roles == {Role.CWC_MEMBER}:
        qs = qs.filter(Q(missing_person__age__lt=18) | Q(survivor__estimated_age__lt=18))
    return qs


def queue(user):
    """Pending candidates ``user`` may review."""
    return candidates(user).filter(
        status=Review.PENDING, missing_person__status=MissingPerson.Status.MISSING
    )


def duplicates(user, action="view"):
    """Possible duplicate survivors ``user`` may ``action``: only where she or
    he may see both records (the pair, its score and evidence tell of both)."""
    visible = Survivor.objects.restrict(user, "view").values("pk")
    return SurvivorDuplicate.objects.restrict(user, action).filter(
        first__in=visible, second__in=visible
    )


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

"""The review queue: candidates a reviewer may see, with the evidence in
words, and the decisions (confirm with a reason, reject with a reason)."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sangam.cases.models import Survivor
from sangam.core.access import SYSTEM, memberships_granted
from sangam.core.roles import Role
from sangam.matching.models import CandidateMatch, Restoration, Review
from sangam.matching.settings import COMPARISONS
from sangam.prevention.models import MissingPerson

FIELD_LABELS = {
    "name": gettext_lazy("Name"),
    "surname": gettext_lazy("Surname"),
    "father": gettext_lazy("Father's name"),
    "age": gettext_lazy("Age, allowing for the years between"),
    "dates": gettext_lazy("When reported and when found"),
    "sex": gettext_lazy("Sex"),
    "origin": gettext_lazy("Where they come from"),
}

# The levels of matching/settings.py in words a reviewer reads.
LEVEL_LABELS = {
    "given name": gettext_lazy("same given name"),
    "given name sounds alike": gettext_lazy("given name sounds alike"),
    "words in the other order": gettext_lazy("names written in the other order"),
    "given name with the same consonants": gettext_lazy(
        "given name with the same consonants (vowels written differently)"
    ),
    "given name spelled close": gettext_lazy("given name spelled close"),
    "given name partly alike": gettext_lazy("given name partly alike"),
    "partly alike": gettext_lazy("partly alike"),
    "same": gettext_lazy("same"),
    "close": gettext_lazy("spelled close"),
    "sounds alike": gettext_lazy("sounds alike"),
    "within 1.5 years": gettext_lazy("within 1.5 years"),
    "within 3 years": gettext_lazy("within 3 years"),
    "within 6 years": gettext_lazy("within 6 years"),
    "plausible, a date unknown": gettext_lazy("plausible (a date is not recorded)"),
    "found within a year after the report": gettext_lazy("found within a year after the report"),
    "found 1 to 3 years after the report": gettext_lazy("found 1 to 3 years after the report"),
    "found after the report": gettext_lazy("found after the report"),
    "found within a year before the report": gettext_lazy("found within a year before the report"),
    "same village": gettext_lazy("same village"),
    "village spelled close": gettext_lazy("village spelled close"),
    "same village, district unknown": gettext_lazy("same village (a district not recorded)"),
    "same district, a village unknown": gettext_lazy("same district (a village not recorded)"),
    "same district, another village": gettext_lazy("same district, another village"),
    "district spelled close": gettext_lazy("district spelled close"),
    "same state or language, district unknown": gettext_lazy(
        "same state or language, district unknown"
    ),
}


def queue(user):
    """Pending candidates ``user`` may review; CWC members see children only."""
    qs = CandidateMatch.objects.restrict(user, "view").filter(
        status=Review.PENDING, missing_person__status=MissingPerson.Status.MISSING
    )
    roles = {m.role for m in memberships_granted(user, CandidateMatch, "view")}
    if roles == {Role.CWC_MEMBER}:
        qs = qs.filter(Q(missing_person__age__lt=18) | Q(survivor__estimated_age__lt=18))
    return qs


def evidence(levels):
    """[(field, what the two records say, agrees)] in words, from stored levels."""
    out = []
    for comparison in COMPARISONS:
        level = levels.get(comparison.name)
        if level is None or level < 0:
            out.append((FIELD_LABELS[comparison.name], _("not recorded on both"), None))
        elif level == 0:
            out.append((FIELD_LABELS[comparison.name], _("different"), False))
        else:
            label = comparison.levels[len(comparison.levels) - level].label
            out.append((FIELD_LABELS[comparison.name], LEVEL_LABELS.get(label, label), True))
    return out


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
    if is_child(candidate):
        return Restoration.objects.create(match=candidate, created_by=user)
    return None

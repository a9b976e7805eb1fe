"""Merging two survivor records a human has confirmed are one person.

Everything hangs off the record kept: cases, consents, referrals, name
tokens and candidate matches move to it; the other record's names become
aliases; its account is kept (moved if the kept record has none, else
appended to the kept account with where it came from), so she is never
asked to tell it again. The other record is then deleted; the audit trail
records the merge."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sangam.audit import log
from sangam.cases.models import Case, Consent, Intake, Survivor, SurvivorNameToken
from sangam.core.access import SYSTEM
from sangam.matching.models import CandidateMatch, Review, SurvivorDuplicate
from sangam.referrals.models import Referral


@transaction.atomic
def merge(keep, other, user, reason):
    keep = Survivor.objects.restrict(SYSTEM).select_for_update().get(pk=keep.pk)
    other = Survivor.objects.restrict(SYSTEM).select_for_update().get(pk=other.pk)
    names = [n for n in [other.name, *(other.aliases or [])] if n]
    keep.aliases = list(dict.fromkeys([*(keep.aliases or []), *names]))
    for field in ("date_of_birth", "estimated_age", "age_recorded_on", "origin_state",
                  "origin_district", "origin_village", "safe_contact", "cwc_order"):  # fmt: skip
        if not getattr(keep, field) and getattr(other, field):
            setattr(keep, field, getattr(other, field))
    keep.languages = ",".join(
        sorted(
            {*filter(None, keep.languages.split(",")), *filter(None, other.languages.split(","))}
        )
    )
    keep.cwc_involved = keep.cwc_involved or other.cwc_involved
    keep.version += 1
    keep.save()
    _move_account(keep, other)
    for model in (Case, Consent):
        model.objects.restrict(SYSTEM).filter(survivor=other).update(survivor=keep)
    Referral.objects.restrict(SYSTEM).filter(survivor=other).update(survivor=keep)
    SurvivorNameToken.objects.filter(survivor=other).update(survivor=keep)
    already = set(
        CandidateMatch.objects.restrict(SYSTEM)
        .filter(survivor=keep)
        .values_list("missing_person_id", flat=True)
    )
    CandidateMatch.objects.restrict(SYSTEM).filter(survivor=other).exclude(
        missing_person_id__in=already
    ).update(survivor=keep)
    SurvivorDuplicate.objects.restrict(SYSTEM).filter(
        first__in=[keep, other], second__in=[keep, other]
    ).update(status=Review.CONFIRMED, reason=reason, reviewed_by=user, reviewed_at=timezone.now())
    log.record(
        "merge", log.label_of(Survivor), keep.pk, detail={"merged": other.pk}, purpose=reason
    )
    other.delete()
    return keep


def _move_account(keep, other):
    theirs = Intake.objects.restrict(SYSTEM).filter(survivor=other).first()
    if theirs is None:
        return
    mine = Intake.objects.restrict(SYSTEM).filter(survivor=keep).first()
    if mine is None:
        Intake.objects.restrict(SYSTEM).filter(pk=theirs.pk).update(survivor=keep)
        return
    if theirs.narrative:
        header = _("Account recorded by %(agency)s on %(day)s (merged record):") % {
            "agency": theirs.recorded_by_agency,
            "day": theirs.recorded_on.isoformat(),
        }
        mine.narrative = "\n\n".join(filter(None, [mine.narrative, header, theirs.narrative]))
    if not mine.audio and theirs.audio:
        mine.audio = theirs.audio
    mine.save()

"""Claims past the inquiry limit and interim relief due (`sangam compensation
remind`, daily). A claim past its limit escalates once to the deciding
authority's secretary (its supervisors on Sangam); each authority's legal
services officers and each preparing agency's caseworkers get the counts of
what waits on them. Messages carry counts and a link, never a name."""

from collections import Counter

from django.db.models import Q
from django.utils import timezone

from sangam.agencies.notify import site_link, staff_emails
from sangam.compensation.models import Claim
from sangam.compensation.models.claims import PENDING
from sangam.core import notify
from sangam.core.access import SYSTEM
from sangam.core.roles import Role


def _send(role, counts, template, box):
    sent = 0
    for agency_id, n in counts.items():
        recipients = [(e, lang) for e, lang, _a, _d in staff_emails(role, agency=agency_id)]
        if recipients:
            link = site_link("compensation:list") + f"?box={box}"
            sent += notify.send(recipients, template, {"count": n, "link": link})
    return sent


def escalate(now=None):
    """Claims newly past the inquiry limit: one message per authority, then marked."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    claims = Claim.objects.restrict(SYSTEM).filter(
        status__in=PENDING, inquiry_due_on__lt=today, escalated_at__isnull=True
    )
    rows = list(claims.values_list("pk", "authority_id"))
    _send(
        Role.SUPERVISOR, Counter(a for _pk, a in rows), "compensation/email/escalated", "past_limit"
    )
    if rows:
        Claim.objects.restrict(SYSTEM).filter(pk__in=[pk for pk, _a in rows]).update(
            escalated_at=now
        )
    return len(rows)


def remind(now=None):
    """The counts of pending claims past the limit or with interim relief due."""
    today = timezone.localdate(now or timezone.now())
    due = (
        Claim.objects.restrict(SYSTEM)
        .filter(status__in=PENDING)
        .filter(
            Q(inquiry_due_on__lt=today) | Q(interim_amount__isnull=True, interim_due_on__lte=today)
        )
    )
    rows = list(due.values_list("authority_id", "serving_agency_id"))
    sent = _send(
        Role.LEGAL_SERVICES_OFFICER,
        Counter(a for a, _s in rows),
        "compensation/email/waiting",
        "pending",
    )
    sent += _send(
        Role.CASEWORKER, Counter(s for _a, s in rows), "compensation/email/waiting", "pending"
    )
    return len(rows), sent

"""Escalation and follow-up reminders (run periodically: `sangam referrals remind`).

- A requested referral past its response time escalates once to the
  receiving agency's supervisors (and shows as overdue to the sender).
- An external referral that is still open reminds its sender to follow up
  every SANGAM_REFERRAL_FOLLOW_UP_DAYS days.
Messages carry the referral number and a link, never the person's details.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from sangam.agencies.notify import site_link, staff_emails
from sangam.core import notify
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.referrals.models import OPEN, Referral, Status


def _link(referral):
    return site_link("referrals:detail", referral.pk)


def escalate_overdue(now=None):
    now = now or timezone.now()
    overdue = Referral.objects.restrict(SYSTEM).filter(
        status=Status.REQUESTED,
        due_at__lt=now,
        escalated_at__isnull=True,
        receiver_agency__isnull=False,
    )
    count = 0
    for referral in overdue.select_related("receiver_agency"):
        supervisors = [
            (email, language)
            for email, language, _a, _d in staff_emails(
                Role.SUPERVISOR, agency=referral.receiver_agency_id
            )
        ]
        notify.send(
            supervisors,
            "referrals/email/overdue",
            {"referral": referral, "due_at": referral.due_at, "link": _link(referral)},
        )
        Referral.objects.restrict(SYSTEM).filter(pk=referral.pk).update(escalated_at=now)
        count += 1
    return count


def remind_external(now=None):
    now = now or timezone.now()
    every = timedelta(days=settings.SANGAM_REFERRAL_FOLLOW_UP_DAYS)
    due = Referral.objects.restrict(SYSTEM).filter(
        receiver_agency__isnull=True, status__in=OPEN, requested_at__lte=now - every
    )
    count = 0
    for referral in due.select_related("created_by"):
        last = referral.last_reminded_at
        if last is not None and last > now - every:
            continue
        if referral.created_by and referral.created_by.email:
            notify.send(
                [(referral.created_by.email, referral.created_by.language)],
                "referrals/email/follow_up",
                {"referral": referral, "link": _link(referral)},
            )
        Referral.objects.restrict(SYSTEM).filter(pk=referral.pk).update(last_reminded_at=now)
        count += 1
    return count

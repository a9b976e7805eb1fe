"""Escalation and follow-up reminders (run periodically: `sangam referrals remind`).

- A requested referral past its response time escalates once to the
  receiving agency's supervisors (and shows as overdue to the sender).
- An external referral that is still open reminds its sender to follow up
  every SANGAM_REFERRAL_FOLLOW_UP_DAYS days.
Messages carry the referral number and a link, never the person's details.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from sangam.agencies.notify import site_link, staff_emails
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
            email
            for email, _a, _d in staff_emails(Role.SUPERVISOR, agency=referral.receiver_agency_id)
        ]
        if supervisors:
            send_mail(
                f"Sangam: referral {referral} is overdue",
                f"Referral {referral} to your agency has had no response since "
                f"{referral.due_at:%d %b %Y %H:%M}. Please make sure it is answered: "
                f"{_link(referral)}",
                None,
                list(supervisors),
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
            send_mail(
                f"Sangam: follow up referral {referral}",
                f"Referral {referral} went to a service that is not on Sangam. Please call "
                f"them, then record what happened: {_link(referral)}",
                None,
                [referral.created_by.email],
            )
        Referral.objects.restrict(SYSTEM).filter(pk=referral.pk).update(last_reminded_at=now)
        count += 1
    return count

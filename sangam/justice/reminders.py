"""Escalating missed clocks (run hourly: `sangam justice remind`).

A clock past its due date and not met escalates once: the officers and the
supervisors of the agency that must meet it get one message with how many
of its clocks were missed and a link to its clocks page. Never a name, an
FIR number or anything about a person."""

from django.utils import timezone

from sangam.agencies.notify import site_link, staff_emails
from sangam.core import notify
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.justice.models import Clock

# Who answers for an agency's clocks.
ROLES = (Role.POLICE_OFFICER, Role.CWC_MEMBER, Role.PUBLIC_PROSECUTOR, Role.SUPERVISOR)


def escalate_missed(now=None):
    """Escalate every missed clock once; returns how many were escalated."""
    now = now or timezone.now()
    missed = Clock.objects.restrict(SYSTEM).filter(
        met_at__isnull=True, due_at__lt=now, escalated_at__isnull=True
    )
    by_agency = {}
    for pk, agency in missed.values_list("pk", "responsible_id"):
        by_agency.setdefault(agency, []).append(pk)
    if not by_agency:
        return 0
    recipients = {}
    for role in ROLES:
        for email, language, agency, _district in staff_emails(role, agency__in=list(by_agency)):
            recipients.setdefault(agency, set()).add((email, language))
    link = site_link("justice:clocks")
    for agency, ids in by_agency.items():
        notify.send(
            sorted(recipients.get(agency, ())),
            "justice/email/missed",
            {"count": len(ids), "link": link},
        )
    escalated = [pk for ids in by_agency.values() for pk in ids]
    Clock.objects.restrict(SYSTEM).filter(pk__in=escalated).update(escalated_at=now)
    return len(escalated)

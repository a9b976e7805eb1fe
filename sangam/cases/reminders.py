"""Follow-up reminders (run daily: `sangam cases remind`).

Each case owner hears how many follow-ups are due or overdue; counsellor
tasks go to the counsellors of the case's agency. Counts and a link only."""

from collections import Counter

from django.utils import timezone

from sangam.agencies.notify import site_link, staff_emails
from sangam.cases.models import FollowUp
from sangam.core import notify
from sangam.core.access import SYSTEM
from sangam.core.roles import Role


def remind(today=None):
    today = today or timezone.localdate()
    due = (
        FollowUp.objects.restrict(SYSTEM)
        .filter(done_on__isnull=True, due_on__lte=today)
        .values_list("kind", "case__owner__email", "case__owner__language", "case__agency_id")
    )
    per_person = Counter()
    counsellor_agencies = Counter()
    for kind, owner_email, language, agency_id in due:
        if kind == FollowUp.Kind.COUNSELLOR_TASK:
            counsellor_agencies[agency_id] += 1
        elif owner_email:
            per_person[owner_email, language] += 1
    counsellors = staff_emails(Role.COUNSELLOR, agency__in=list(counsellor_agencies))
    for email, language, agency_id, _district in counsellors:
        per_person[email, language] += counsellor_agencies[agency_id]
    link = site_link("cases:follow_ups")
    for recipient, n in per_person.items():
        notify.send([recipient], "cases/email/follow_ups_due", {"count": n, "link": link})
    return len(per_person)

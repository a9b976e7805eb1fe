"""Case figures: survivors in care and how their cases end. Public statistics
and accountability read these; the counts never carry a name."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.cases.models import Case, FollowUp, Survivor, Transfer
from sangam.cases.queries import follow_ups_for
from sangam.core.figures import Card, Figure
from sangam.core.roles import Role

FIGURES = [
    Figure("cases.survivors", _("Survivors registered"), Survivor),
    Figure("cases.cases", _("Cases"), Case),
    Figure(
        "cases.open",
        _("Cases open"),
        Case,
        ~Q(status=Case.Status.CLOSED),
        denominator="cases.cases",
    ),
    Figure(
        "cases.closed_reintegrated",
        _("Cases closed with the survivor reintegrated"),
        Case,
        Q(
            status=Case.Status.CLOSED,
            outcome__in=[Case.Outcome.REINTEGRATED_FAMILY, Case.Outcome.REINTEGRATED_COMMUNITY],
        ),
        denominator="cases.cases",
    ),
]

# The roles that follow survivors' cases day to day.
CASE_WORK = {Role.CASEWORKER, Role.COUNSELLOR, Role.SUPERVISOR}


def _card(user):
    """Her follow-ups due today or missed (the counsellor's tasks among them)
    and transfers waiting for her agency's answer; not for those who follow
    no case (police, CWC and legal services read cases as her consent allows;
    their work shows on their own cards)."""
    if not {m.role for m in user.active_memberships()} & CASE_WORK:
        return None
    today = timezone.localdate()
    mine = [m.agency_id for m in user.active_memberships()]
    card = follow_ups_for(user).aggregate(
        overdue=Count("pk", filter=Q(due_on__lt=today)),
        today=Count("pk", filter=Q(due_on=today)),
        # Asked to see her after a worrying check-in: shown from the start.
        counsellor=Count("pk", filter=Q(kind=FollowUp.Kind.COUNSELLOR_TASK)),
    )
    return card | {
        "transfers": Transfer.objects.restrict(user, "view")
        .filter(to_agency__in=mine, status=Transfer.Status.REQUESTED)
        .count(),
    }


CARDS = [Card("cases/_card.html", _card, order=10)]

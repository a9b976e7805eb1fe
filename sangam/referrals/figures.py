"""Referral figures: what is waiting, overdue and answered. The dashboard card
shows them for the user's own agencies."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.core.figures import Card, Figure, counted_together
from sangam.referrals.models import Referral, Status

REQUESTED = Figure(
    "referrals.requested",
    _("Referrals waiting for an answer"),
    Referral,
    Q(status=Status.REQUESTED),
)
OVERDUE = Figure(
    "referrals.overdue",
    _("Referrals not answered in time"),
    Referral,
    lambda: Q(status=Status.REQUESTED, due_at__lt=timezone.now()),
    denominator="referrals.requested",
)
ANSWERED = Figure(
    "referrals.answered",
    _("Referrals accepted or completed"),
    Referral,
    Q(status__in=[Status.ACCEPTED, Status.COMPLETED]),
)
FIGURES = [REQUESTED, OVERDUE, ANSWERED]


def _card(user):
    mine = [m.agency_id for m in user.active_memberships()]
    return counted_together(
        user,
        waiting=(REQUESTED, Q(receiver_agency__in=mine)),
        # The sender's dashboard shows what the receiver has not answered in time.
        overdue=(OVERDUE, Q(sender_agency__in=mine) | Q(receiver_agency__in=mine)),
        answered=(ANSWERED, Q(sender_agency__in=mine)),
    )


CARDS = [Card("referrals/_card.html", _card, order=20)]

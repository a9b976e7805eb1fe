"""Restricted look-ups of referrals shared by the pages and the API."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from sangam.referrals.figures import OVERDUE
from sangam.referrals.models import Referral, Status

RELATED = ("sender_agency", "receiver_agency", "service", "service__organization", "need")
BOXES = ("received", "sent", "overdue")


def my_agency_ids(user):
    return [m.agency_id for m in user.active_memberships()]


def in_box(user, box):
    """(box, referrals) of one of the user's boxes; an unknown box is "received"."""
    agencies = my_agency_ids(user)
    referrals = Referral.objects.restrict(user, "view").select_related(*RELATED)
    if box == "sent":
        return box, referrals.filter(sender_agency__in=agencies)
    if box == "overdue":
        # The same condition as the dashboard's overdue figure, written once there.
        return box, referrals.filter(
            Q(sender_agency__in=agencies) | Q(receiver_agency__in=agencies),
            OVERDUE.condition(),
        )
    received = referrals.filter(receiver_agency__in=agencies).exclude(status=Status.DRAFT)
    return "received", received


def get_referral_for_user(user, pk, action="view"):
    """The referral if ``user`` may ``action`` it, else 404 (unknown or forbidden alike)."""
    return get_object_or_404(
        Referral.objects.restrict(user, action).select_related(*RELATED), pk=pk
    )

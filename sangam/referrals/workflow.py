"""What may happen to a referral, by whom, and what it records."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sangam.core.access import CHANGE, allowed_to_create, memberships_granted
from sangam.referrals.models import Referral, ReferralEvent, Status, add_working_days

SENDER, RECEIVER = "sender", "receiver"

# (from, to) -> who may make the change. For an external referral the
# sender records the receiver's answers (learnt by follow-up).
TRANSITIONS = {
    (Status.DRAFT, Status.REQUESTED): SENDER,
    (Status.DRAFT, Status.CANCELLED): SENDER,
    (Status.REQUESTED, Status.ACCEPTED): RECEIVER,
    (Status.REQUESTED, Status.REJECTED): RECEIVER,
    (Status.REQUESTED, Status.ON_HOLD): RECEIVER,
    (Status.REQUESTED, Status.CANCELLED): SENDER,
    (Status.ACCEPTED, Status.IN_PROGRESS): RECEIVER,
    (Status.ACCEPTED, Status.ON_HOLD): RECEIVER,
    (Status.ACCEPTED, Status.CANCELLED): SENDER,
    (Status.IN_PROGRESS, Status.COMPLETED): RECEIVER,
    (Status.IN_PROGRESS, Status.FAILED): RECEIVER,
    (Status.IN_PROGRESS, Status.ON_HOLD): RECEIVER,
    (Status.ON_HOLD, Status.ACCEPTED): RECEIVER,
    (Status.ON_HOLD, Status.IN_PROGRESS): RECEIVER,
    (Status.ON_HOLD, Status.CANCELLED): SENDER,
}
NEEDS_REASON = {Status.REJECTED, Status.FAILED, Status.CANCELLED, Status.ON_HOLD}
NEEDS_OUTCOME = {Status.COMPLETED}


class TransitionRefused(Exception):
    """A change the rules do not allow; the message is safe to show."""


def _member_with_change(user, agency_id):
    return any(m.agency_id == agency_id for m in memberships_granted(user, Referral, CHANGE))


def sides_of(user, referral):
    sides = set()
    if _member_with_change(user, referral.sender_agency_id):
        sides.add(SENDER)
        if referral.is_external:
            sides.add(RECEIVER)
    if referral.receiver_agency_id and _member_with_change(user, referral.receiver_agency_id):
        sides.add(RECEIVER)
    return sides


def allowed_transitions(user, referral):
    sides = sides_of(user, referral)
    return [
        to for (frm, to), side in TRANSITIONS.items() if frm == referral.status and side in sides
    ]


def check_new(user, referral):
    """Refuse a referral the user may not send, or to a service that takes none."""
    errors = {}
    if not allowed_to_create(user, Referral, agency=referral.sender_agency):
        errors["sender_agency"] = _("You may only refer on behalf of your own agency.")
    service = referral.service
    if not service.accepts_referrals:
        errors["service"] = _("This service is %(status)s and does not take referrals.") % {
            "status": service.get_status_display().lower()
        }
    elif service.organization.agency_id == referral.sender_agency_id:
        errors["service"] = _("This service belongs to your own agency.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create(user, referral, *, send):
    """Save a new referral (draft, or sent at once) with its first event."""
    check_new(user, referral)
    referral.receiver_agency = referral.service.organization.agency
    referral.created_by = user
    referral.status = Status.DRAFT
    referral.save()
    _event(referral, "", Status.DRAFT, user, "")
    if send:
        transition(user, referral, Status.REQUESTED, expected_version=referral.version)
    return referral


@transaction.atomic
def transition(user, referral, to, *, reason="", outcome="", expected_version):
    to = Status(to)
    if to not in allowed_transitions(user, referral):
        raise TransitionRefused(
            _("A referral that is %(status)s cannot be made %(to)s by you.")
            % {"status": referral.get_status_display().lower(), "to": to.label.lower()}
        )
    reason = reason.strip()
    if to in NEEDS_REASON and not reason:
        raise TransitionRefused(_("Please give a reason."))
    if to in NEEDS_OUTCOME and not outcome.strip():
        raise TransitionRefused(_("Please record the outcome for the person."))
    if to == Status.REQUESTED and not referral.service.accepts_referrals:
        raise TransitionRefused(_("This service no longer takes referrals."))
    now = timezone.now()
    before = referral.status
    referral.status = to
    referral.status_reason = reason
    if to == Status.REQUESTED:
        referral.requested_at = now
        referral.due_at = add_working_days(now, settings.SANGAM_REFERRAL_RESPONSE_DAYS)
    if to in (Status.ACCEPTED, Status.REJECTED) and referral.responded_at is None:
        referral.responded_at = now
        if not referral.is_external and to == Status.ACCEPTED:
            referral.assigned_to = user
    if to in (Status.COMPLETED, Status.FAILED, Status.CANCELLED, Status.REJECTED):
        referral.closed_at = now
    if outcome:
        referral.outcome = outcome.strip()
    referral.save_checked(expected_version)
    _event(referral, before, to, user, reason or outcome.strip())
    return referral


def _event(referral, before, to, user, reason):
    ReferralEvent.objects.create(
        referral=referral,
        from_status=before,
        to_status=to,
        reason=reason,
        actor_label=user.get_full_name() or user.username,
        created_by=user,
    )

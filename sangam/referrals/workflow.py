"""What may happen to a referral, by whom, and what it records."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sangam.core.access import CHANGE, allowed_to_create, memberships_granted
from sangam.core.workflow import Refused, Step, Table
from sangam.referrals.models import Referral, ReferralEvent, Status, add_working_days

SENDER, RECEIVER = frozenset({"sender"}), frozenset({"receiver"})
NEEDS_REASON = {Status.REJECTED, Status.FAILED, Status.CANCELLED, Status.ON_HOLD}
NEEDS_OUTCOME = {Status.COMPLETED}


def _member_with_change(user, agency_id):
    return any(m.agency_id == agency_id for m in memberships_granted(user, Referral, CHANGE))


def sides_of(user, referral):
    sides = set()
    if _member_with_change(user, referral.sender_agency_id):
        sides |= SENDER
        if referral.is_external:
            sides |= RECEIVER
    if referral.receiver_agency_id and _member_with_change(user, referral.receiver_agency_id):
        sides |= RECEIVER
    return sides


def _step(source, target, who):
    return Step(
        source,
        target,
        who,
        needs_reason=target in NEEDS_REASON,
        needs_outcome=target in NEEDS_OUTCOME,
    )


# From, to, and who may make the change. For an external referral the
# sender records the receiver's answers (learnt by follow-up).
STATUS = Table(
    [
        _step(Status.DRAFT, Status.REQUESTED, SENDER),
        _step(Status.DRAFT, Status.CANCELLED, SENDER),
        _step(Status.REQUESTED, Status.ACCEPTED, RECEIVER),
        _step(Status.REQUESTED, Status.REJECTED, RECEIVER),
        _step(Status.REQUESTED, Status.ON_HOLD, RECEIVER),
        _step(Status.REQUESTED, Status.CANCELLED, SENDER),
        _step(Status.ACCEPTED, Status.IN_PROGRESS, RECEIVER),
        _step(Status.ACCEPTED, Status.ON_HOLD, RECEIVER),
        _step(Status.ACCEPTED, Status.CANCELLED, SENDER),
        _step(Status.IN_PROGRESS, Status.COMPLETED, RECEIVER),
        _step(Status.IN_PROGRESS, Status.FAILED, RECEIVER),
        _step(Status.IN_PROGRESS, Status.ON_HOLD, RECEIVER),
        _step(Status.ON_HOLD, Status.ACCEPTED, RECEIVER),
        _step(Status.ON_HOLD, Status.IN_PROGRESS, RECEIVER),
        _step(Status.ON_HOLD, Status.CANCELLED, SENDER),
    ],
    statuses=Status,
    parties=sides_of,
    refused=gettext_lazy("A referral that is %(status)s cannot be made %(to)s by you."),
)


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
    ReferralEvent.record(user, "", Status.DRAFT, referral=referral)
    if send:
        transition(user, referral, Status.REQUESTED, expected_version=referral.version)
    return referral


@transaction.atomic
def transition(user, referral, to, *, reason="", outcome="", expected_version):
    STATUS.check(user, referral, to, reason=reason, outcome=outcome)
    to, reason = Status(to), reason.strip()
    if to == Status.REQUESTED and not referral.service.accepts_referrals:
        raise Refused(_("This service no longer takes referrals."))
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
    ReferralEvent.record(user, before, to, reason or outcome.strip(), referral=referral)
    return referral

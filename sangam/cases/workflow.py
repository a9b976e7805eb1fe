"""What happens to a case: status changes, check-ins, transfers, follow-ups."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sangam.cases.models import (
    Case,
    CaseEvent,
    Consent,
    ConsentGrant,
    FollowUp,
    PlanStatus,
    Transfer,
    WellbeingCheckIn,
)
from sangam.cases.queries import consent_recorder
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.core.workflow import Refused, Step, Table
from sangam.core.workflow import actor_label as label_of

# A fall of this many WHO-5 percentage points is a clinically relevant change.
WHO5_DROP = 10


# Any status may follow any other (a closed case may be reopened); closing
# needs its outcome.
STATUS = Table(
    [
        Step(source, target, needs_outcome=target == Case.Status.CLOSED)
        for source in Case.Status
        for target in Case.Status
    ],
    statuses=Case.Status,
    outcome=gettext_lazy("Closing a case needs its outcome."),
)

RECEIVER = frozenset({"receiver"})


def _transfer_sides(user, transfer):
    mine = any(m.agency_id == transfer.to_agency_id for m in user.active_memberships())
    return RECEIVER if mine else frozenset()


# Only the receiving agency answers a transfer, and only once.
TRANSFER = Table(
    [
        Step(Transfer.Status.REQUESTED, Transfer.Status.ACCEPTED, RECEIVER),
        Step(Transfer.Status.REQUESTED, Transfer.Status.DECLINED, RECEIVER),
    ],
    statuses=Transfer.Status,
    parties=_transfer_sides,
    refused=gettext_lazy("This transfer has already been answered."),
    not_yours=gettext_lazy("Only the receiving agency can answer a transfer."),
)


@transaction.atomic
def change_status(user, case, to, *, outcome="", note="", expected_version):
    STATUS.check(user, case, to, outcome=outcome)
    if outcome and outcome not in Case.Outcome.values:
        raise Refused(_("Unknown outcome."))
    before = case.status
    case.status = to
    if to == Case.Status.CLOSED:
        case.outcome = outcome
        case.closed_on = timezone.localdate()
    case.save_checked(expected_version)
    CaseEvent.record(user, before, to, note or outcome, case=case)
    if to == Case.Status.CLOSED and outcome in (
        Case.Outcome.REINTEGRATED_FAMILY,
        Case.Outcome.REINTEGRATED_COMMUNITY,
        Case.Outcome.INDEPENDENT,
    ):
        schedule_post_reintegration(user, case)
    return case


def schedule_post_reintegration(user, case):
    """Quarterly follow-ups for the configured period: re-trafficking is common."""
    months = settings.SANGAM_POST_REINTEGRATION_MONTHS
    start = timezone.localdate()
    FollowUp.objects.bulk_create(
        FollowUp(
            case=case,
            kind=FollowUp.Kind.POST_REINTEGRATION,
            due_on=start + timedelta(days=round(30.44 * m)),
            created_by=user,
        )
        for m in range(3, months + 1, 3)
    )


@transaction.atomic
def record_check_in(user, case, checkin):
    """Save a WHO-5 check-in; a low score, distress or a fall asks the counsellor."""
    previous = (
        WellbeingCheckIn.objects.restrict(user, "view")
        .filter(case__survivor=case.survivor_id)
        .order_by("-taken_on", "-pk")
        .first()
    )
    checkin.case = case
    checkin.created_by = user
    checkin.full_clean()
    checkin.save()
    reasons = []
    if checkin.is_low:
        reasons.append(_("low wellbeing score (%(p)s/100)") % {"p": checkin.percentage})
    if checkin.distress:
        reasons.append(_("says she/he is in distress"))
    if previous and previous.percentage - checkin.percentage >= WHO5_DROP:
        reasons.append(_("wellbeing fell since the last check-in"))
    if reasons:
        FollowUp.objects.create(
            case=case,
            kind=FollowUp.Kind.COUNSELLOR_TASK,
            due_on=timezone.localdate() + timedelta(days=2),
            note="; ".join(reasons)[:250],
            assigned_role=Role.COUNSELLOR,
            created_by=user,
        )
    return reasons


@transaction.atomic
def request_transfer(user, case, to_agency, reason):
    if to_agency.pk == case.agency_id:
        raise Refused(_("The case is already with this agency."))
    if case.status == Case.Status.CLOSED:
        raise Refused(_("A closed case cannot be transferred."))
    waiting = Transfer.objects.restrict(user, "view").filter(
        case=case, status=Transfer.Status.REQUESTED
    )
    if waiting.exists():
        raise Refused(_("A transfer of this case is already waiting for an answer."))
    return Transfer.objects.create(case=case, to_agency=to_agency, reason=reason, created_by=user)


@transaction.atomic
def decide_transfer(user, transfer, *, accept, note=""):
    """The receiving agency accepts (a new case opens there; the old one closes
    as transferred, its history stays readable to the new agency as consent
    allows) or declines."""
    TRANSFER.check(user, transfer, Transfer.Status.ACCEPTED if accept else Transfer.Status.DECLINED)
    transfer.decided_at = timezone.now()
    transfer.decision_note = note
    if not accept:
        transfer.status = Transfer.Status.DECLINED
        transfer.save()
        return None
    # The receiver cannot see the sending agency's case yet; the workflow
    # closes it on the receiver's behalf.
    old = Case._base_manager.select_related("agency").get(pk=transfer.case_id)
    new_case = Case.objects.create(
        survivor_id=old.survivor_id,
        agency=transfer.to_agency,
        owner=user,
        status=Case.Status.OPEN,
        created_by=user,
    )
    CaseEvent.record(
        user,
        "",
        Case.Status.OPEN,
        _("Transferred from %(agency)s") % {"agency": old.agency.name},
        case=new_case,
    )
    before = old.status
    Case._base_manager.filter(pk=old.pk).update(
        status=Case.Status.CLOSED,
        outcome=Case.Outcome.TRANSFERRED,
        closed_on=timezone.localdate(),
        version=old.version + 1,
    )
    CaseEvent.record(
        user,
        before,
        Case.Status.CLOSED,
        _("Transferred to %(agency)s") % {"agency": transfer.to_agency.name},
        case=old,
    )
    transfer.status = Transfer.Status.ACCEPTED
    transfer.new_case = new_case
    transfer.save()
    return new_case


@transaction.atomic
def record_consent(user, survivor, form):
    """Save a valid ConsentForm: which kinds of agency may see which categories.

    Consent is the survivor's: only the agency whose case of her is open
    records it, or the CWC for a child in its care, by its order. Refused
    otherwise, whatever the user may see of her."""
    membership = consent_recorder(user, survivor)
    if membership is None:
        raise Refused(_("Only the agency whose case of her is open records her consent."))
    agency = membership.agency
    serving = open_case_agencies(survivor)
    if agency.pk not in serving:
        # A CWC for a child in its care, by its order.
        if not survivor.is_minor:
            raise Refused(_("A CWC records consent for a child only."))
        if form.cleaned_data["given_by"] != Consent.GivenBy.CWC_ORDER:
            raise Refused(_("A CWC records consent by its order."))
    consent = form.save(commit=False)
    consent.survivor = survivor
    consent.recorded_by_agency = agency
    consent.created_by = user
    consent.save()
    ConsentGrant.objects.bulk_create(
        ConsentGrant(consent=consent, agency_type=t, category=c)
        for t in form.cleaned_data["agency_types"]
        for c in form.cleaned_data["categories"]
    )
    return consent


def open_case_agencies(survivor):
    """Ids of the agencies whose case of ``survivor`` is open."""
    return set(
        Case.objects.restrict(SYSTEM)
        .filter(survivor=survivor)
        .exclude(status=Case.Status.CLOSED)
        .values_list("agency_id", flat=True)
    )


def check_open(case):
    """Nothing is added to a closed case: it is reopened first."""
    if case.status == Case.Status.CLOSED:
        raise Refused(_("This case is closed: reopen it to add to it."))


def check_open_to_change(record):
    """Nor is anything on it changed (a goal reached, a follow-up done, a risk
    cleared): a closed case's record stays as it was when it closed."""
    if Case.objects.restrict(SYSTEM).filter(pk=record.case_id, status=Case.Status.CLOSED).exists():
        raise Refused(_("This case is closed: reopen it to change it."))


def set_plan_status(record, status, expected_version):
    """Move a goal or an action of the care plan; Refused for an unknown status
    or a closed case, EditConflict for a stale version."""
    if status not in PlanStatus.values:
        raise Refused(_("Unknown status."))
    check_open_to_change(record)
    record.status = status
    record.save_checked(expected_version, update_fields=["status", "version", "updated_at"])


def mark_follow_up_done(follow_up):
    check_open_to_change(follow_up)
    if follow_up.done_on is None:
        follow_up.done_on = timezone.localdate()
        follow_up.save(update_fields=["done_on", "updated_at"])


def clear_risk(flag):
    check_open_to_change(flag)
    flag.cleared_on = timezone.localdate()
    flag.save(update_fields=["cleared_on", "updated_at"])


def revoke_consent(user, consent):
    """Revoked consent stops applying everywhere on the next query (who may
    revoke it is decided by the grants: Consent.restrict(user, "change");
    a CWC not serving her revokes only a child's, as its date of birth is
    encrypted and checked here)."""
    serving = open_case_agencies(consent.survivor)
    if not any(m.agency_id in serving for m in user.active_memberships()):
        if not consent.survivor.is_minor:
            raise Refused(_("A CWC revokes consent for a child only."))
    if consent.revoked_at is None:
        consent.revoked_at = timezone.now()
        consent.revoked_by = user
        consent.save(update_fields=["revoked_at", "revoked_by", "updated_at"])
    return consent


# --- Registering a survivor ----------------------------------------------
# The one way in for the page, the HTCDS import and the demo: the survivor,
# her first case at the registering agency, its opening event and, when
# there is one, her account.


@transaction.atomic
def register_survivor(user, agency, survivor, *, intake=None, note="", actor_label=""):
    """Save the new ``survivor`` and open her case at ``agency``, owned by ``user``.

    ``intake``, an unsaved account, is saved with her when given. Matching her
    against missing-person reports is the caller's, so that an import matches
    all its survivors at once."""
    survivor.created_by = user
    survivor.save()
    case = Case.objects.create(survivor=survivor, agency=agency, owner=user, created_by=user)
    CaseEvent.objects.create(
        case=case,
        to_status=Case.Status.OPEN,
        note=note,
        actor_label=actor_label or label_of(user),
        created_by=user,
    )
    if intake is not None:
        intake.survivor = survivor
        intake.recorded_by_agency = agency
        intake.created_by = user
        intake.save()
    return case

"""What may happen to a witness protection application, by whom (Witness
Protection Scheme 2018), and what each change records.

The agency helping the witness files the application; the police unit
sends the Threat Analysis Report (a clock: clocks.for_application); the
committee orders interim protection, decides, reviews and ends the order;
the committee and the police unit record where a relocated witness lives.
Anyone who may read the application reports an incident, which brings the
committee's review forward to that day. The forms check the dates and the
fields; here who may make the change and what it must carry.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sangam.agencies.models import Agency, AgencyType
from sangam.cases.models import Case, FollowUp
from sangam.core.access import CHANGE, SYSTEM, VIEW, allowed_to_create, memberships_granted
from sangam.core.roles import Role
from sangam.core.workflow import Refused, Step, Table
from sangam.justice import clocks
from sangam.justice.models import (
    CriminalCase,
    Measure,
    ProtectionApplication,
    ProtectionEvent,
    ProtectionStatus,
    Relocation,
)

COMMITTEE, POLICE, FILER = frozenset({"committee"}), frozenset({"police"}), frozenset({"filer"})
S = ProtectionStatus


def sides_of(user, application):
    """The sides ``user`` acts for on ``application``."""
    sides = set()
    for m in memberships_granted(user, ProtectionApplication, CHANGE):
        if m.agency_id == application.committee_id and m.role == Role.PROTECTION_COMMITTEE:
            sides |= COMMITTEE
        if m.agency_id == application.police_unit_id and m.role == Role.POLICE_OFFICER:
            sides |= POLICE
        if m.agency_id == application.filed_by_id:
            sides |= FILER
    return sides


STATUS = Table(
    [
        Step(S.APPLIED, S.REPORTED, POLICE),
        Step(S.REPORTED, S.GRANTED, COMMITTEE),
        Step(S.REPORTED, S.REFUSED, COMMITTEE, needs_reason=True),
        Step(S.APPLIED, S.ENDED, COMMITTEE | FILER, needs_reason=True),
        Step(S.REPORTED, S.ENDED, COMMITTEE | FILER, needs_reason=True),
        Step(S.GRANTED, S.ENDED, COMMITTEE, needs_reason=True),
    ],
    statuses=ProtectionStatus,
    parties=sides_of,
    refused=gettext_lazy("An application that is “%(status)s” cannot be made “%(to)s” by you."),
)


def committee_of(district_id):
    """The district standing committee an application goes to."""
    return (
        Agency.objects.filter(
            type=AgencyType.PROTECTION_COMMITTEE, district_id=district_id, is_active=True
        )
        .order_by("pk")
        .first()
    )


def _move(user, application, to, expected_version, reason=""):
    before = application.status
    STATUS.check(user, application, to, reason=reason)
    application.status = to
    application.save_checked(expected_version)
    ProtectionEvent.record(user, before, to, reason, application=application)


def _must_be(user, application, side):
    if not sides_of(user, application) & side:
        raise Refused(_("Only the committee may do this."))


@transaction.atomic
def apply(user, application):
    """A new application in its police case, to the committee of the case's
    district; the case's investigating unit reports on the threat."""
    if not allowed_to_create(user, ProtectionApplication, agency=application.filed_by):
        raise ValidationError(
            {"filed_by": _("You may only file an application for your own agency.")}
        )
    case = application.case
    application.committee = committee_of(case.police_station.district_id)
    application.police_unit = case.investigating_agency
    if application.committee is None:
        raise ValidationError(_("The district has no witness protection committee on Sangam."))
    application.created_by = user
    application.status = S.APPLIED
    application.save()
    ProtectionEvent.record(user, "", S.APPLIED, application=application)
    clocks.for_application(application, user)
    return application


@transaction.atomic
def report_threat(user, application, *, expected_version):
    """The police unit's Threat Analysis Report (its fields set by the form)."""
    _move(user, application, S.REPORTED, expected_version)
    clocks.for_application(application, user)


@transaction.atomic
def order_interim(user, application, *, expected_version):
    """Interim protection while the report or the decision is awaited."""
    _must_be(user, application, COMMITTEE)
    if application.status not in (S.APPLIED, S.REPORTED):
        raise Refused(_("Interim protection is ordered before the decision."))
    application.save_checked(expected_version)


@transaction.atomic
def decide(user, application, granted, reason="", *, expected_version):
    if granted:
        _move(user, application, S.GRANTED, expected_version)
    else:
        application.measures, application.review_on = [], None
        _move(user, application, S.REFUSED, expected_version, reason)


@transaction.atomic
def review(user, application, note, *, expected_version):
    """A periodic review of a running order: its measures and next review
    date (set by the form), recorded as an event of the order."""
    _must_be(user, application, COMMITTEE)
    if application.status != S.GRANTED:
        raise Refused(_("Only a running order is reviewed."))
    application.save_checked(expected_version)
    ProtectionEvent.record(user, S.GRANTED, S.GRANTED, note, application=application)


@transaction.atomic
def end(user, application, reason, *, expected_version):
    application.ended_on = timezone.localdate()
    _move(user, application, S.ENDED, expected_version, reason)


@transaction.atomic
def report_incident(user, application, incident):
    """An incident; while the application is open or the order runs, the
    committee's review is due the day it happened."""
    if application.status in (S.REFUSED, S.ENDED):
        raise Refused(_("The application is closed; make a new one."))
    incident.application = application
    incident.created_by = user
    incident.save()
    if application.status == S.GRANTED and (
        application.review_on is None or application.review_on > incident.occurred_on
    ):
        ProtectionApplication.objects.restrict(SYSTEM).filter(pk=application.pk).update(
            review_on=incident.occurred_on
        )
    return incident


def may_relocate(user, application):
    return bool(sides_of(user, application) & (COMMITTEE | POLICE))


@transaction.atomic
def relocate(user, application, relocation, *, expected_version=None):
    """Where the witness lives now: only under an order that relocates her,
    by the committee or the police unit carrying it out."""
    if not may_relocate(user, application):
        raise Refused(_("Only the committee and the police unit carrying out the order may."))
    if application.status != S.GRANTED or Measure.RELOCATION not in application.measures:
        raise Refused(_("The committee's order does not relocate the witness."))
    relocation.application = application
    if relocation.pk is None:
        relocation.created_by = user
        relocation.save()
    else:
        relocation.save_checked(expected_version)
    return relocation


def relocation_for(user, application):
    """The relocated address if ``user`` may read it (audited by the caller)."""
    return Relocation.objects.restrict(user, VIEW).filter(application=application).first()


# --- A threat flag proposes an application ----------------------------------


def propose_after_threat(flag):
    """A "threats from traffickers" flag on her case, while she is a victim
    in a police case and has no open application: her caseworker gets a
    task to consider witness protection with her (never filed for her)."""
    case = flag.case
    if case.status != Case.Status.OPEN:
        return None
    in_police_case = CriminalCase.victims.through.objects.filter(survivor_id=case.survivor_id)
    if not in_police_case.exists():
        return None
    open_ = ProtectionApplication.objects.restrict(SYSTEM).filter(
        survivor_id=case.survivor_id, status__in=(S.APPLIED, S.REPORTED, S.GRANTED)
    )
    task = {"case": case, "kind": FollowUp.Kind.WITNESS_PROTECTION, "done_on__isnull": True}
    if open_.exists() or FollowUp.objects.restrict(SYSTEM).filter(**task).exists():
        return None
    return FollowUp.objects.create(
        case=case,
        kind=FollowUp.Kind.WITNESS_PROTECTION,
        due_on=timezone.localdate(),
        assigned_role=Role.CASEWORKER,
        created_by=flag.created_by,
    )

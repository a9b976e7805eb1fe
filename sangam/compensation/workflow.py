"""What may happen to compensation and rehabilitation records, by whom, and
what each change records."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sangam.cases.models import Survivor
from sangam.compensation.models import (
    BondedLabourEvent,
    BondedLabourRelease,
    BondedLabourScheme,
    DocumentEvent,
    DocumentRecovery,
    DocumentStatus,
    LegalAidApplication,
    LegalAidEvent,
    LegalAidStatus,
    ReleaseStatus,
)
from sangam.core.access import CHANGE, memberships_granted
from sangam.core.workflow import Refused, Step, Table

# Bonded labour and legal aid

DM = frozenset({"dm"})
AUTHORITY, PREPARER = frozenset({"authority"}), frozenset({"preparer"})


def _changes_for(user, model, agency_id):
    return any(m.agency_id == agency_id for m in memberships_granted(user, model, CHANGE))


def release_parties(user, release):
    return DM if _changes_for(user, BondedLabourRelease, release.agency_id) else frozenset()


R = ReleaseStatus
# The DM's steps, in the order of the Act and the scheme. Each step's form
# carries what it records (the order, the certificate, the proposal); the
# ways out of it carry a reason. A prima facie finding of bondage is enough
# for the final assistance proposal: conviction is recorded, never waited for.
RELEASE = Table(
    [
        Step(R.INQUIRY, R.PRIMA_FACIE, DM),
        Step(R.INQUIRY, R.NOT_BONDED, DM, needs_reason=True),
        Step(R.PRIMA_FACIE, R.RELEASED, DM),
        Step(R.RELEASED, R.PROPOSED, DM),
        Step(R.PROPOSED, R.SANCTIONED, DM),
        Step(R.SANCTIONED, R.PAID, DM),
        Step(R.PAID, R.CLOSED, DM, needs_reason=True),
        *[
            Step(source, R.CLOSED, DM, needs_reason=True)
            for source in (R.PRIMA_FACIE, R.RELEASED, R.PROPOSED, R.SANCTIONED)
        ],
    ],
    statuses=ReleaseStatus,
    parties=release_parties,
    refused=gettext_lazy("A release case that is %(status)s cannot be made %(to)s."),
    not_yours=gettext_lazy("Only the District Magistrate's office of this case may do that."),
)
# Steps recorded by a form of their own (the rest only need a reason).
RELEASE_FORM_STEPS = {R.PRIMA_FACIE, R.RELEASED, R.PROPOSED, R.SANCTIONED, R.PAID}


def check_survivor_visible(user, survivor_id, field="survivor"):
    """Refuse a survivor the user may not see (unknown and hidden alike)."""
    if not Survivor.objects.restrict(user, "view").filter(pk=survivor_id).exists():
        raise ValidationError({field: _("Choose a survivor whose record you may see.")})


@transaction.atomic
def open_release(user, release):
    """Save a new release case (its inquiry) with its first event. The scheme
    version is the one in force on the day she was identified."""
    check_survivor_visible(user, release.survivor_id)
    if not _changes_for(user, BondedLabourRelease, release.agency_id):
        raise ValidationError({"agency": _("Open release cases only for your own office.")})
    scheme = BondedLabourScheme.in_force_on(release.identified_on)
    if scheme is None:
        raise ValidationError(
            {"identified_on": _("No version of the bonded-labour scheme is in force on that day.")}
        )
    release.scheme = scheme
    release.status = R.INQUIRY
    release.created_by = user
    release.save()
    BondedLabourEvent.record(user, "", R.INQUIRY, release=release)
    return release


@transaction.atomic
def step_release(user, release, to, *, reason="", expected_version):
    """Move the release (whose step form, if any, has set its fields) to ``to``."""
    RELEASE.check(user, release, to, reason=reason)
    before = release.status
    release.status = to
    release.status_reason = reason.strip()
    release.save_checked(expected_version)
    BondedLabourEvent.record(user, before, to, reason.strip(), release=release)
    return release


@transaction.atomic
def record_release(user, release, *, expected_version):
    """Save what a form recorded without changing the status (immediate
    assistance, the letter to the native district)."""
    if not release_parties(user, release):
        raise Refused(RELEASE.messages["not_yours"] % {"status": "", "to": ""})
    release.save_checked(expected_version)
    return release


def legal_aid_parties(user, application):
    sides = set()
    if _changes_for(user, LegalAidApplication, application.authority_id):
        sides |= AUTHORITY
    if _changes_for(user, LegalAidApplication, application.agency_id):
        sides |= PREPARER
    return sides


L = LegalAidStatus
LEGAL_AID = Table(
    [
        Step(L.APPLIED, L.LAWYER_ASSIGNED, AUTHORITY),
        Step(L.APPLIED, L.REFUSED, AUTHORITY, needs_reason=True),
        Step(L.APPLIED, L.WITHDRAWN, PREPARER | AUTHORITY, needs_reason=True),
        Step(L.LAWYER_ASSIGNED, L.LAWYER_ASSIGNED, AUTHORITY),  # another lawyer
        Step(L.LAWYER_ASSIGNED, L.CLOSED, AUTHORITY, needs_reason=True),
        Step(L.LAWYER_ASSIGNED, L.WITHDRAWN, PREPARER | AUTHORITY, needs_reason=True),
        Step(L.REFUSED, L.APPLIED, PREPARER | AUTHORITY, needs_reason=True),  # review
    ],
    statuses=LegalAidStatus,
    parties=legal_aid_parties,
    refused=gettext_lazy("An application that is %(status)s cannot be made %(to)s by you."),
)


@transaction.atomic
def apply_for_legal_aid(user, application):
    check_survivor_visible(user, application.survivor_id)
    if not _changes_for(user, LegalAidApplication, application.agency_id):
        raise ValidationError({"agency": _("Apply only on behalf of your own agency.")})
    application.status = L.APPLIED
    application.created_by = user
    application.save()
    LegalAidEvent.record(user, "", L.APPLIED, application=application)
    return application


@transaction.atomic
def step_legal_aid(user, application, to, *, reason="", today=None, expected_version):
    LEGAL_AID.check(user, application, to, reason=reason)
    before = application.status
    application.status = to
    application.status_reason = reason.strip()
    if to in (L.CLOSED, L.REFUSED, L.WITHDRAWN):
        application.closed_on = today
    application.save_checked(expected_version)
    LegalAidEvent.record(user, before, to, reason.strip(), application=application)
    return application


def document_parties(user, recovery):
    return PREPARER if _changes_for(user, DocumentRecovery, recovery.agency_id) else frozenset()


D = DocumentStatus
DOCUMENT = Table(
    [
        Step(D.NEEDED, D.APPLIED, PREPARER),
        Step(D.APPLIED, D.ISSUED, PREPARER),
        Step(D.APPLIED, D.REFUSED, PREPARER, needs_reason=True),
        Step(D.REFUSED, D.APPLIED, PREPARER),
    ],
    statuses=DocumentStatus,
    parties=document_parties,
    refused=gettext_lazy("A document that is %(status)s cannot be made %(to)s by you."),
)


@transaction.atomic
def start_recovery(user, recovery):
    check_survivor_visible(user, recovery.survivor_id)
    if not _changes_for(user, DocumentRecovery, recovery.agency_id):
        raise ValidationError({"agency": _("Follow documents only for your own agency.")})
    recovery.status = D.APPLIED if recovery.applied_on else D.NEEDED
    recovery.created_by = user
    recovery.save()
    DocumentEvent.record(user, "", recovery.status, recovery=recovery)
    return recovery


@transaction.atomic
def step_document(user, recovery, to, *, reason="", expected_version):
    DOCUMENT.check(user, recovery, to, reason=reason)
    before = recovery.status
    recovery.status = to
    recovery.status_reason = reason.strip()
    recovery.save_checked(expected_version)
    DocumentEvent.record(user, before, to, reason.strip(), recovery=recovery)
    return recovery

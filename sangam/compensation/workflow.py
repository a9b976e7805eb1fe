"""What may happen to a compensation claim, by whom, and what it records.

The legal services authority decides (inquiry, interim relief, award,
rejection); the agency preparing the claim with her files it, follows it and
may withdraw it at her wish; either side may take an award or a rejection to
appeal or review. Every change goes through here, in one transaction, with
its event; bad input is a ValidationError naming the field.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sangam.agencies.models import AgencyType
from sangam.cases.consent import consented_survivors
from sangam.cases.models import Category, Survivor
from sangam.compensation.models import (
    BondedLabourEvent,
    BondedLabourRelease,
    BondedLabourScheme,
    Claim,
    ClaimDocument,
    ClaimEvent,
    ClaimHandover,
    ClaimPayment,
    DocumentEvent,
    DocumentRecovery,
    DocumentStatus,
    LegalAidApplication,
    LegalAidEvent,
    LegalAidStatus,
    ReleaseStatus,
    SchemeVersion,
    Status,
)
from sangam.compensation.models.claims import AccountStatus
from sangam.core.access import CHANGE, memberships_granted
from sangam.core.roles import Role
from sangam.core.workflow import Refused, Step, Table

AUTHORITY, PREPARER = frozenset({"authority"}), frozenset({"preparer"})
BOTH = AUTHORITY | PREPARER
AUTHORITY_TYPES = (AgencyType.DLSA, AgencyType.SLSA)


def sides_of(user, claim):
    sides = set()
    for m in memberships_granted(user, Claim, CHANGE):
        if m.agency_id == claim.authority_id and m.role == Role.LEGAL_SERVICES_OFFICER:
            sides |= AUTHORITY
        if m.agency_id == claim.serving_agency_id:
            sides |= PREPARER
    return sides


def _step(source, target, who, reason=False):
    return Step(source, target, who, needs_reason=reason)


STATUS = Table(
    [
        _step(Status.DRAFT, Status.FILED, BOTH),
        _step(Status.DRAFT, Status.WITHDRAWN, BOTH, reason=True),
        _step(Status.FILED, Status.INQUIRY, AUTHORITY),
        _step(Status.FILED, Status.AWARDED, AUTHORITY),
        _step(Status.FILED, Status.REJECTED, AUTHORITY, reason=True),
        _step(Status.FILED, Status.WITHDRAWN, BOTH, reason=True),
        _step(Status.INQUIRY, Status.AWARDED, AUTHORITY),
        _step(Status.INQUIRY, Status.REJECTED, AUTHORITY, reason=True),
        _step(Status.INQUIRY, Status.WITHDRAWN, BOTH, reason=True),
        _step(Status.AWARDED, Status.PAID, AUTHORITY),
        _step(Status.AWARDED, Status.APPEAL, BOTH, reason=True),
        _step(Status.REJECTED, Status.APPEAL, BOTH, reason=True),
        _step(Status.PAID, Status.APPEAL, BOTH, reason=True),
        _step(Status.APPEAL, Status.INQUIRY, AUTHORITY, reason=True),
        _step(Status.APPEAL, Status.CLOSED, AUTHORITY, reason=True),
    ],
    statuses=Status,
    parties=sides_of,
    refused=gettext_lazy("A claim that is %(status)s cannot be made %(to)s by you."),
)
# Steps taken with their own forms (dates, amounts), not the plain buttons.
OWN_FORMS = {Status.FILED, Status.AWARDED, Status.PAID}


def award_range(claim, harms=None):
    """(lowest, highest) award the scheme allows for the claim's harms, the
    minor uplift applied; highest is None when a harm has no maximum. For a
    victim of trafficking the Central Victim Compensation Fund's floor holds."""
    harms = list(claim.harms.all() if harms is None else harms)
    if not harms:
        return None, None
    age, scheme = claim.age_at_application, claim.scheme
    low = scheme.uplifted(max(h.min_amount for h in harms), age)
    maxima = [h.max_amount for h in harms]
    high = None if None in maxima else scheme.uplifted(sum(maxima), age)
    if claim.trafficking:
        cvcf = SchemeVersion.cvcf(claim.applied_on)
        if cvcf is not None:
            floor = max((h.min_amount for h in cvcf.harms.all()), default=0)
            low = max(low, cvcf.uplifted(floor, age))
    if high is not None and low > high:
        high = low
    return low, high


def interim_share(claim):
    """(interim ordered so far, the least it must reach): the scheme's share
    of the highest maximum among her harms."""
    maxima = [h.max_amount for h in claim.harms.all() if h.max_amount]
    if not maxima:
        return claim.interim_amount or 0, None
    top = claim.scheme.uplifted(max(maxima), claim.age_at_application)
    return claim.interim_amount or 0, top * claim.scheme.interim_share_percent // 100


def has_legal_consent(survivor, authority):
    """Whether her consent lets the authority's kind of agency see legal matters."""
    return (
        consented_survivors(authority.type, Category.LEGAL)
        .filter(consent__survivor_id=survivor.pk)
        .exists()
    )


def _check_harms(claim, harms):
    other = [h for h in harms if h.version_id != claim.scheme_id]
    if other:
        raise ValidationError(
            {
                "harms": _("“%(harm)s” is a row of another scheme, not %(scheme)s.")
                % {"harm": other[0].label, "scheme": claim.scheme.title}
            }
        )


def check_new(user, claim, harms):
    errors = {}
    if claim.authority.type not in AUTHORITY_TYPES:
        errors["authority"] = _("Choose a District or State Legal Services Authority.")
    elif claim.serving_agency_id != claim.authority_id and not has_legal_consent(
        claim.survivor, claim.authority
    ):
        errors["authority"] = _(
            "She has not consented to a legal services authority seeing legal matters. "
            "Record her consent on her case first."
        )
    mine = {m.agency_id for m in memberships_granted(user, Claim, "add")}
    if claim.serving_agency_id not in mine:
        errors["serving_agency"] = _("You may only prepare claims for your own agency.")
    if not Survivor.objects.restrict(user, "view").filter(pk=claim.survivor_id).exists():
        errors["survivor"] = _("You cannot see this survivor.")
    if errors:
        raise ValidationError(errors)
    _check_harms(claim, harms)


@transaction.atomic
def create(user, claim, harms=(), documents=()):
    """Save a new claim (being prepared) with its checklist and first event.
    ``documents``: the kinds her case already shows she holds."""
    check_new(user, claim, harms)
    claim.created_by = user
    return save_new(user, claim, harms, documents)


def save_new(user, claim, harms, documents, reason=""):
    """A new claim with its checklist and first event (checked by the caller)."""
    claim.status = Status.DRAFT
    claim.save()
    claim.harms.set(harms)
    ClaimDocument.objects.bulk_create(
        ClaimDocument(
            claim=claim,
            kind=kind,
            state=ClaimDocument.State.HELD if kind in documents else ClaimDocument.State.MISSING,
            created_by=claim.created_by,
        )
        for kind in ClaimDocument.Kind.values
    )
    ClaimEvent.record(user, "", Status.DRAFT, reason, claim=claim)
    return claim


@transaction.atomic
def save_particulars(user, claim, harms, expected_version):
    """An edit of the claim's particulars (the form's instance), harms included."""
    if claim.status not in (Status.DRAFT, Status.FILED, Status.INQUIRY):
        raise Refused(_("A decided claim's particulars can no longer be changed."))
    _check_harms(claim, harms)
    claim.save_checked(expected_version)
    claim.harms.set(harms)
    return claim


def _move(user, claim, to, reason, expected_version):
    before = claim.status
    claim.status = to
    claim.status_reason = reason
    claim.save_checked(expected_version)
    ClaimEvent.record(user, before, to, reason, claim=claim)


@transaction.atomic
def transition(user, claim, to, *, reason="", expected_version):
    STATUS.check(user, claim, to, reason=reason)
    if to in OWN_FORMS:
        raise Refused(_("Use the claim's own form for this step."))
    _move(user, claim, to, reason.strip(), expected_version)
    return claim


@transaction.atomic
def file(user, claim, applied_on, *, expected_version):
    """The application reaches the authority: the scheme's clocks start."""
    STATUS.check(user, claim, Status.FILED)
    if applied_on > timezone.localdate():
        raise ValidationError({"applied_on": _("The application date cannot be in the future.")})
    if claim.offence_date and applied_on < claim.offence_date:
        raise ValidationError({"applied_on": _("The application cannot be before the offence.")})
    claim.start_clocks(applied_on)
    _move(user, claim, Status.FILED, "", expected_version)
    return claim


def _not_before(errors, field, day, earlier, message):
    if day and earlier and day < earlier:
        errors[field] = message


@transaction.atomic
def record_interim(user, claim, data, *, expected_version):
    """Interim relief: asked for (with a police officer's or magistrate's
    certificate), then ordered by the authority, within the scheme's amounts."""
    if claim.status not in PENDING_OR_DRAFT:
        raise Refused(_("Interim relief is recorded while the claim is pending."))
    errors = {}
    ordering = data.get("interim_ordered_on") or data.get("interim_amount") is not None
    if ordering and AUTHORITY - sides_of(user, claim):
        raise Refused(_("Only the deciding authority orders interim relief."))
    _not_before(
        errors,
        "interim_requested_on",
        data.get("interim_requested_on"),
        claim.offence_date,
        _("The request cannot be before the offence."),
    )
    _not_before(
        errors,
        "interim_ordered_on",
        data.get("interim_ordered_on"),
        claim.applied_on,
        _("An order cannot come before the application."),
    )
    _not_before(
        errors,
        "interim_ordered_on",
        data.get("interim_ordered_on"),
        data.get("interim_requested_on"),
        _("An order cannot come before the request."),
    )
    amount = data.get("interim_amount")
    if ordering and (amount is None or not data.get("interim_ordered_on")):
        errors["interim_amount"] = _("An order needs its amount and date.")
    elif amount is not None:
        _low, high = award_range(claim)
        if high is not None and amount > high:
            errors["interim_amount"] = _("Interim relief cannot exceed the scheme's maximum.")
        elif claim.interim_amount is None and amount < claim.scheme.interim_min:
            errors["interim_amount"] = _("The scheme pays at least ₹%(n)s on receipt.") % {
                "n": claim.scheme.interim_min
            }
    if errors:
        raise ValidationError(errors)
    for field, value in data.items():
        setattr(claim, field, value)
    claim.save_checked(expected_version)
    return claim


PENDING_OR_DRAFT = {Status.DRAFT, Status.FILED, Status.INQUIRY, Status.APPEAL}


@transaction.atomic
def award(user, claim, *, amount, order_number, order_date, reason="", expected_version):
    STATUS.check(user, claim, Status.AWARDED)
    errors = {}
    if claim.applied_on and order_date < claim.applied_on:
        errors["award_order_date"] = _("The order cannot be dated before the application.")
    if order_date > timezone.localdate():
        errors["award_order_date"] = _("The order date cannot be in the future.")
    low, high = award_range(claim)
    if low is None:
        errors["award_amount"] = _("Choose the harms from the scheme before the award.")
    elif (amount < low or (high is not None and amount > high)) and not reason.strip():
        errors["award_reason"] = _(
            "₹%(amount)s is outside the scheme's range of ₹%(low)s–%(high)s: "
            "record the reason for it."
        ) % {"amount": amount, "low": low, "high": high if high is not None else "…"}
    if errors:
        raise ValidationError(errors)
    claim.award_amount = amount
    claim.award_order_number = order_number
    claim.award_order_date = order_date
    claim.award_reason = reason.strip()
    _move(user, claim, Status.AWARDED, reason.strip(), expected_version)
    return claim


@transaction.atomic
def record_account(user, claim, data, *, expected_version):
    """The bank account step: applied for, then opened (number kept encrypted)."""
    errors = {}
    status = data["account_status"]
    if status == AccountStatus.OPENED:
        if not data.get("account_opened_on"):
            errors["account_opened_on"] = _("When was the account opened?")
        if not (data.get("account_number") or "").strip():
            errors["account_number"] = _("Payments need the account number.")
    if status in (AccountStatus.APPLIED, AccountStatus.OPENED) and not data.get(
        "account_applied_on"
    ):
        errors["account_applied_on"] = _("When was the account applied for?")
    _not_before(
        errors,
        "account_opened_on",
        data.get("account_opened_on"),
        data.get("account_applied_on"),
        _("It cannot open before it was applied for."),
    )
    if errors:
        raise ValidationError(errors)
    for field, value in data.items():
        setattr(claim, field, value)
    claim.save_checked(expected_version)
    return claim


@transaction.atomic
def record_payment(user, claim, payment, *, expected_version):
    """Money paid into her account; the award paid in full makes the claim paid."""
    if AUTHORITY - sides_of(user, claim):
        raise Refused(_("Only the deciding authority records payments."))
    errors = {}
    kind = payment.kind
    if claim.account_status != AccountStatus.OPENED:
        errors["amount"] = _(
            "No bank account is recorded as opened: compensation is paid only into her "
            "own account. Record the account first."
        )
    elif payment.paid_on < claim.account_opened_on:
        errors["paid_on"] = _("The payment cannot be before her account was opened.")
    if payment.paid_on > timezone.localdate():
        errors["paid_on"] = _("A payment date cannot be in the future.")
    paid = dict.fromkeys(ClaimPayment.Kind.values, 0)
    for p in claim.payments.restrict(user, "view"):
        paid[p.kind] += p.amount
    if kind == ClaimPayment.Kind.INTERIM:
        if claim.interim_amount is None:
            errors["kind"] = _("No interim relief has been ordered.")
        elif payment.paid_on < claim.interim_ordered_on:
            errors["paid_on"] = _("The payment cannot be before the order.")
        elif paid[kind] + payment.amount > claim.interim_amount:
            errors["amount"] = _("More than the interim relief ordered.")
    else:
        if claim.award_amount is None or claim.status != Status.AWARDED:
            errors["kind"] = _("There is no award to pay.")
        elif payment.paid_on < claim.award_order_date:
            errors["paid_on"] = _("The payment cannot be before the order.")
        elif (
            paid["award"] + paid["fixed_deposit"] + payment.amount > claim.award_amount
            and "amount" not in errors
        ):
            errors["amount"] = _("The payments would exceed the amount awarded.")
        if kind == ClaimPayment.Kind.FIXED_DEPOSIT and not payment.matures_on:
            errors["matures_on"] = _("When does the deposit mature?")
    if errors:
        raise ValidationError(errors)
    payment.claim = claim
    payment.created_by = user
    payment.save()
    total = paid["award"] + paid["fixed_deposit"] + (0 if kind == "interim" else payment.amount)
    if kind != ClaimPayment.Kind.INTERIM and total == claim.award_amount:
        _move(user, claim, Status.PAID, "", expected_version)
    else:
        claim.save_checked(expected_version)
    return payment


@transaction.atomic
def update_document(user, claim, document, *, expected_version):
    """A line of the checklist changed (the form's instance): kept with the claim's version."""
    if document.state == ClaimDocument.State.REQUESTED and not document.asked_whom.strip():
        raise ValidationError({"asked_whom": _("Say who was asked for it.")})
    if document.state in (ClaimDocument.State.REQUESTED, ClaimDocument.State.HELD) and not (
        document.on
    ):
        raise ValidationError({"on": _("Give the date.")})
    document.save()
    claim.save_checked(expected_version)
    return document


@transaction.atomic
def hand_over(user, claim, to_authority, reason, *, expected_version):
    """Hand the claim to another authority (another state's, often): it moves
    there with its history, and the scheme becomes the one in force there."""
    if AUTHORITY - sides_of(user, claim):
        raise Refused(_("Only the deciding authority hands a claim over."))
    if claim.status not in PENDING_OR_DRAFT:
        raise Refused(_("A decided claim is not handed over."))
    if to_authority.type not in AUTHORITY_TYPES or to_authority.pk == claim.authority_id:
        raise ValidationError({"to_authority": _("Choose another legal services authority.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Please give a reason.")})
    ClaimHandover.objects.create(
        claim=claim,
        from_authority=claim.authority,
        to_authority=to_authority,
        reason=reason.strip(),
        created_by=user,
    )
    scheme = SchemeVersion.for_state(to_authority.state, claim.applied_on)
    if scheme is not None and scheme.pk != claim.scheme_id:
        codes = list(claim.harms.values_list("code", flat=True))
        claim.scheme = scheme
        claim.harms.set(scheme.harms.filter(code__in=codes))
    claim.authority = to_authority
    claim.save_checked(expected_version)
    ClaimEvent.record(
        user,
        claim.status,
        claim.status,
        _("Handed over to %(authority)s: %(reason)s")
        % {"authority": to_authority.name, "reason": reason.strip()},
        claim=claim,
    )
    return claim


# Bonded labour and legal aid
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

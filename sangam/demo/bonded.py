"""Demo bonded-labour release, legal aid and documents in Malda, made
through the same forms and workflow as the pages. Idempotent; synthetic.

The demo survivor recruited for a garment unit with her wages withheld
consents (recorded by the NGO whose case of her is open) to the district
administration and the DLSA seeing who she is and her legal matters;
``demo.dm`` has found her bonded, released her with a certificate, paid the
immediate assistance and proposed the final assistance (the sanction is
hers to record next); the NGO's caseworker has applied for legal aid (the
DLSA's ``demo.legal`` assigns the lawyer) and follows her documents."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from sangam.accounts.models import User
from sangam.agencies.models import Agency, AgencyType
from sangam.cases import workflow as cases
from sangam.cases.forms import ConsentForm
from sangam.cases.models import Survivor
from sangam.compensation import forms, workflow
from sangam.compensation.models import (
    BondedLabourCategory,
    BondedLabourRelease,
    DocumentStatus,
    ReleaseStatus,
)
from sangam.core.access import SYSTEM

ALIAS = "Reena Kumari (synthetic)"


def _user(username):
    return User.objects.restrict(SYSTEM).filter(username=username).first()


def _valid(form):
    if not form.is_valid():  # the demo's own data: a broken form is a bug here
        raise ValueError(form.errors.as_json())
    return form


def _iso(days_ago):
    return (timezone.localdate() - timedelta(days=days_ago)).isoformat()


@transaction.atomic
def seed_bonded_labour():
    dm, worker = _user("demo.dm"), _user("demo.caseworker")
    if dm is None or worker is None:
        return 0
    if BondedLabourRelease.objects.restrict(SYSTEM).exists():
        return 0
    ngo = worker.active_memberships()[0].agency
    office = dm.active_memberships()[0].agency
    survivor = next(
        (
            s
            for s in Survivor.objects.restrict(SYSTEM).filter(cases__agency=ngo).order_by("pk")
            if ALIAS in (s.aliases or [])
        ),
        None,
    )
    if survivor is None:
        return 0
    consent = ConsentForm({
        "given_by": "survivor", "manner": "in_person", "language": "hin",
        "purpose": "Release from bonded labour, legal aid and her documents",
        "agency_types": [AgencyType.DISTRICT_ADMINISTRATION, AgencyType.DLSA, AgencyType.NGO],
        "categories": ["identity", "legal"],
    })  # fmt: skip
    cases.record_consent(worker, survivor, _valid(consent))

    release = _valid(
        forms.ReleaseForm(
            {
                "survivor": survivor.pk,
                "agency": office.pk,
                "identified_on": _iso(21),
                "inquiry_started_on": _iso(20),
                "place_of_work": "Garment unit, Demo Industrial Area (synthetic)",
                "employer": "Unit owner (synthetic)",
                "native_district": office.district_id,
                "conviction_status": "investigation",
                "criminal_case_reference": "FIR 000/2026 (synthetic)",
            },
            user=dm,
        )
    ).instance
    workflow.open_release(dm, release)
    steps = [
        (
            forms.PrimaFacieForm,
            {
                "prima_facie_on": _iso(18),
                "prima_facie_order_number": "BL/MLD/0001 (synthetic)",
                "inquiry_summary": "Synthetic: advance of ₹15,000 repaid by unpaid work for "
                "two years; not free to leave or to work elsewhere.",
            },
            ReleaseStatus.PRIMA_FACIE,
        ),
        (
            forms.CertificateForm,
            {
                "certificate_number": "RC/MLD/0001 (synthetic)",
                "certificate_issued_on": _iso(17),
                "certificate_officer": "Sub-Divisional Magistrate, Sadar (demo)",
            },
            ReleaseStatus.RELEASED,
        ),
        (
            forms.ImmediateAssistanceForm,
            {"immediate_assistance_amount": 30000, "immediate_assistance_paid_on": _iso(16)},
            None,
        ),
    ]
    for form_class, data, to in steps:
        form = _valid(form_class({**data, "version": release.version}, instance=release))
        if to is None:
            workflow.record_release(dm, release, expected_version=form.cleaned_data["version"])
        else:
            workflow.step_release(dm, release, to, expected_version=form.cleaned_data["version"])
    special = BondedLabourCategory.objects.get(version=release.scheme, code="special")
    form = forms.ProposalForm(
        {
            "category": special.pk,
            "conviction_status": "investigation",
            "criminal_case_reference": "FIR 000/2026 (synthetic)",
            "proposed_on": _iso(10),
            "version": release.version,
        },
        instance=release,
    )
    _valid(form)
    workflow.step_release(dm, release, ReleaseStatus.PROPOSED, expected_version=release.version)

    meeting = _valid(
        forms.MeetingForm(
            {
                "agency": office.pk,
                "level": "district",
                "held_on": _iso(12),
                "members_present": 7,
                "cases_reviewed": 1,
                "decisions": "Synthetic: survey of garment units in the district next month.",
                "next_meeting_on": (timezone.localdate() + timedelta(days=78)).isoformat(),
            },
            user=dm,
        )
    ).save(commit=False)
    meeting.created_by = dm
    meeting.save()

    dlsa = Agency.objects.get(district=ngo.district, type=AgencyType.DLSA)
    application = _valid(
        forms.LegalAidForm(
            {
                "survivor": survivor.pk,
                "agency": ngo.pk,
                "authority": dlsa.pk,
                "ground": "12b",
                "matter": "bonded_labour",
                "details": "Synthetic: unpaid wages and the criminal case against the unit.",
                "applied_on": _iso(9),
            },
            user=worker,
        )
    ).instance
    workflow.apply_for_legal_aid(worker, application)

    # (kind, applied on, issued on, and for an entitlement: the catalogue's code and for whom)
    documents = [
        ("aadhaar", _iso(8), None, {}),
        ("ration_card", _iso(15), _iso(3), {}),
        ("bank_account", "", None, {}),
        (
            "entitlement",
            _iso(20),
            None,
            {"entitlement": "pension", "for_whom": "family", "relation": "mother"},
        ),
    ]
    for kind, applied_on, issued_on, entitlement in documents:
        recovery = _valid(
            forms.DocumentRecoveryForm(
                {
                    "survivor": survivor.pk,
                    "agency": ngo.pk,
                    "kind": kind,
                    "office": "Block office, Sadar (demo)" if applied_on else "",
                    "applied_on": applied_on,
                    **entitlement,
                },
                user=worker,
            )
        ).instance
        workflow.start_recovery(worker, recovery)
        if issued_on:
            form = forms.DocumentIssuedForm(
                {"issued_on": issued_on, "number": "WB0000123456", "version": recovery.version},
                instance=recovery,
            )
            _valid(form)
            workflow.step_document(
                worker, recovery, DocumentStatus.ISSUED, expected_version=recovery.version
            )
    return 1

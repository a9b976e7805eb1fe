"""The compensation world: an NGO in Malda with a survivor who consented to
a legal services authority seeing her identity and legal matters, DLSA
Malda, an SLSA of West Bengal, DLSA Delhi (South) and an unrelated NGO in
Delhi; NALSA 2018 and the CVCF floor come with the migrations."""

from datetime import date, timedelta

import pytest

from sangam.agencies.models import AgencyType
from sangam.compensation import workflow
from sangam.compensation.models import (
    BondedLabourRelease,
    BondedLabourScheme,
    Claim,
    ReleaseStatus,
    SchemeVersion,
)
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from tests.conftest import make_agency, make_consent, make_survivor, make_user


@pytest.fixture
def world(reference):
    ngo = make_agency("IN-WB", "Malda", name="Malda NGO (synthetic)")
    dlsa = make_agency("IN-WB", "Malda", type="dlsa", name="DLSA Malda (synthetic)")
    slsa = make_agency("IN-WB", type="slsa", level="state", name="SLSA WB (synthetic)")
    delhi = make_agency("IN-DL", "South", type="dlsa", name="DLSA South Delhi (synthetic)")
    other = make_agency("IN-DL", "South", name="Delhi NGO (synthetic)")
    district_office = make_agency(
        "IN-WB", "Malda", type="district_administration", name="DM Malda (synthetic)"
    )
    worker = make_user("worker", Role.CASEWORKER, ngo)
    survivor, case = make_survivor(ngo, worker, "Test Survivor (synthetic)", "Synthetic account.")
    make_consent(survivor, ngo, worker, "dlsa", "identity", "legal")
    return {
        "ngo": ngo,
        "dlsa": dlsa,
        "delhi": delhi,
        "slsa": slsa,
        "worker": worker,
        "officer": make_user("officer", Role.LEGAL_SERVICES_OFFICER, dlsa),
        "secretary": make_user("secretary", Role.SUPERVISOR, dlsa),
        "delhi_officer": make_user("delhi.officer", Role.LEGAL_SERVICES_OFFICER, delhi),
        "slsa_officer": make_user("slsa.officer", Role.LEGAL_SERVICES_OFFICER, slsa),
        "outsider": make_user("outsider", Role.CASEWORKER, other),
        "official": make_user("official", Role.DISTRICT_OFFICIAL, district_office),
        "survivor": survivor,
        "case": case,
        "nalsa": SchemeVersion.for_state(dlsa.state),
    }


def fresh(record):
    """The record as it is now in the database (a claim, a release …)."""
    return type(record).objects.restrict(SYSTEM).get(pk=record.pk)


def open_claim(world, harms=("rape",), age=16, **fields):
    scheme = world["nalsa"]
    claim = Claim(
        survivor=world["survivor"],
        case=world["case"],
        serving_agency=world["ngo"],
        authority=world["dlsa"],
        scheme=scheme,
        age_at_application=age,
        **fields,
    )
    return workflow.create(world["worker"], claim, list(scheme.harms.filter(code__in=harms)))


def filed(world, applied_on, **kwargs):
    claim = open_claim(world, **kwargs)
    return workflow.file(world["worker"], claim, applied_on, expected_version=claim.version)


# Bonded labour and legal aid
TODAY = date.today()


def days_ago(n):
    return TODAY - timedelta(days=n)


@pytest.fixture
def malda(reference):
    office = make_agency("IN-WB", "Malda", type=AgencyType.DISTRICT_ADMINISTRATION, name="DM Malda")
    other_office = make_agency(
        "IN-WB", "Murshidabad", type=AgencyType.DISTRICT_ADMINISTRATION, name="DM Murshidabad"
    )
    ngo = make_agency("IN-WB", "Malda", name="Malda NGO (synthetic)")
    other_ngo = make_agency("IN-WB", "Malda", name="Another Malda NGO (synthetic)")
    dlsa = make_agency("IN-WB", "Malda", type=AgencyType.DLSA, name="DLSA Malda (synthetic)")
    worker = make_user("worker", Role.CASEWORKER, ngo)
    consenting, _case = make_survivor(
        ngo, worker, "Rupa Testname (synthetic)", "Synthetic account", estimated_age=24
    )
    make_consent(
        consenting,
        ngo,
        worker,
        AgencyType.DISTRICT_ADMINISTRATION,
        "identity",
        "legal",
    )
    for kind in (AgencyType.NGO, AgencyType.DLSA):
        make_consent(consenting, ngo, worker, kind, "identity", "legal")
    private, _case = make_survivor(
        ngo, worker, "Mina Hiddenname (synthetic)", "Synthetic account", estimated_age=30
    )
    return {
        "office": office,
        "ngo": ngo,
        "dlsa": dlsa,
        "dm": make_user("dm.malda", Role.DISTRICT_MAGISTRATE, office),
        "official": make_user("official.malda", Role.DISTRICT_OFFICIAL, office),
        "other_dm": make_user("dm.murshidabad", Role.DISTRICT_MAGISTRATE, other_office),
        "worker": worker,
        "other_worker": make_user("other.worker", Role.CASEWORKER, other_ngo),
        "legal": make_user("legal.malda", Role.LEGAL_SERVICES_OFFICER, dlsa),
        "survivor": consenting,
        "private": private,
    }


def open_release(world, **fields):
    release = BondedLabourRelease(
        survivor=world["survivor"],
        agency=world["office"],
        identified_on=fields.pop("identified_on", days_ago(30)),
        inquiry_started_on=fields.pop("inquiry_started_on", days_ago(29)),
        **fields,
    )
    return workflow.open_release(world["dm"], release)


def released(world, **fields):
    """A release case with its prima facie order and certificate."""
    release = open_release(world, **fields)
    release.prima_facie_on, release.prima_facie_order_number = days_ago(25), "PF/1"
    workflow.step_release(
        world["dm"], release, ReleaseStatus.PRIMA_FACIE, expected_version=release.version
    )
    release.certificate_number, release.certificate_issued_on = "RC/1", days_ago(24)
    release.certificate_officer = "SDM Sadar (synthetic)"
    workflow.step_release(
        world["dm"], release, ReleaseStatus.RELEASED, expected_version=release.version
    )
    return fresh(release)


def scheme(code):
    return BondedLabourScheme.objects.get(code=code)

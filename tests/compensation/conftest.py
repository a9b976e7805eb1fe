"""The compensation world, in Malda: the District Magistrate's office (a DM
and a district official), the NGO whose case of the survivor is open (a
caseworker), the DLSA (a legal services officer); the DM of another
district; and two survivors of the NGO: one who consented to the district
administration, the DLSA and NGOs seeing who she is and her legal matters,
one who did not."""

from datetime import date, timedelta

import pytest

from sangam.agencies.models import AgencyType
from sangam.compensation import workflow
from sangam.compensation.models import BondedLabourRelease, BondedLabourScheme, ReleaseStatus
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from tests.conftest import make_agency, make_consent, make_survivor, make_user

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


def fresh(release):
    return BondedLabourRelease.objects.restrict(SYSTEM).get(pk=release.pk)


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

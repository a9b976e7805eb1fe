"""The compensation world: an NGO in Malda with a survivor who consented to
a legal services authority seeing her identity and legal matters, DLSA
Malda, an SLSA of West Bengal, DLSA Delhi (South) and an unrelated NGO in
Delhi; NALSA 2018 and the CVCF floor come with the migrations."""

import pytest

from sangam.compensation import workflow
from sangam.compensation.models import Claim, SchemeVersion
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


def fresh(claim):
    return Claim.objects.restrict(SYSTEM).get(pk=claim.pk)


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

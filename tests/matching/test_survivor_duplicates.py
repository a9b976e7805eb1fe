"""Survivors registered twice, at two agencies, are surfaced for a human;
merging keeps every case, consent and her account on one record."""

import pytest

from sangam.cases.models import Case, Category, Consent, Intake, Survivor
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.matching import registers
from sangam.matching.models import SurvivorDuplicate
from tests.conftest import district, make_agency, make_consent, make_survivor, make_user


@pytest.fixture
def twice(reference):
    from sangam.geography.models import State

    ngo = make_agency("IN-WB", "Malda", name="Malda NGO (synthetic)")
    home = make_agency("IN-WB", "Malda", type="shelter_cci", name="Girls home (synthetic)")
    ngo_worker = make_user("ngo.worker", Role.CASEWORKER, ngo)
    home_worker = make_user("home.worker", Role.CASEWORKER, home)
    place = {"origin_state": State.objects.get(code="IN-WB"),
             "origin_district": district("IN-WB", "Malda"), "estimated_age": 15}  # fmt: skip
    at_ngo, _ = make_survivor(ngo, ngo_worker, "Mousumi Khatun", "Told at the NGO.", **place)
    at_home, _ = make_survivor(home, home_worker, "মৌসুমী খাতুন", "Told at the home.", **place)
    make_survivor(ngo, ngo_worker, "Rina Das (synthetic)", "Another girl.", estimated_age=30)
    # The district's DCPU sees both records with her consent to the DCPU;
    # each agency's supervisor sees only its own record.
    make_consent(at_home, home, home_worker, "dcpu", Category.IDENTITY)
    make_consent(at_ngo, ngo, ngo_worker, "dcpu", Category.IDENTITY)
    dcpu = make_agency("IN-WB", "Malda", type="dcpu", name="Malda DCPU (synthetic)")
    return {
        "at_ngo": at_ngo,
        "at_home": at_home,
        "supervisor": make_user("ngo.supervisor", Role.SUPERVISOR, ngo),
        "dcpu": make_user("dcpu.malda", Role.DCPU_OFFICER, dcpu),
    }


def test_it_finds_the_two_records_and_merges_them_when_a_human_says_so(twice, client):
    assert registers.find_duplicate_survivors() == 1
    pair = SurvivorDuplicate.objects.restrict(SYSTEM).get()
    assert {pair.first, pair.second} == {twice["at_ngo"], twice["at_home"]}

    client.force_login(twice["dcpu"])
    page = client.get("/matching/duplicates/").content.decode()
    assert "Mousumi Khatun" in page and "মৌসুমী খাতুন" in page
    keep = "first" if pair.first == twice["at_ngo"] else "second"
    form = {"decision": "merge", "keep": keep, "reason": "Same girl, she said"}
    response = client.post(f"/matching/duplicates/{pair.pk}/", form)
    assert response.status_code == 302
    kept = Survivor.objects.restrict(SYSTEM).get(pk=twice["at_ngo"].pk)
    assert not Survivor.objects.restrict(SYSTEM).filter(pk=twice["at_home"].pk).exists()
    assert "মৌসুমী খাতুন" in kept.aliases
    assert Case.objects.restrict(SYSTEM).filter(survivor=kept).count() == 2
    assert Consent.objects.restrict(SYSTEM).filter(survivor=kept).count() == 2
    account = Intake.objects.restrict(SYSTEM).get(survivor=kept).narrative
    assert "Told at the NGO." in account and "Told at the home." in account
    # Decided: a new run does not raise it again.
    assert registers.find_duplicate_survivors() == 0


def test_a_record_not_shared_stays_hidden_and_undecidable(twice, client):
    registers.find_duplicate_survivors()
    pair = SurvivorDuplicate.objects.restrict(SYSTEM).get()
    client.force_login(twice["supervisor"])
    # The pair would tell her supervisor that someone like her is registered
    # at an agency whose record is not shared with them: it is not shown.
    assert "Nothing to review." in client.get("/matching/duplicates/").content.decode()
    assert client.get(f"/matching/duplicates/{pair.pk}/").status_code == 404
    response = client.post(f"/matching/duplicates/{pair.pk}/",
                           {"decision": "merge", "keep": "first", "reason": "x"})  # fmt: skip
    assert response.status_code == 404
    assert Survivor.objects.restrict(SYSTEM).count() == 3


def test_keeping_them_apart_is_remembered(twice, client):
    registers.find_duplicate_survivors()
    pair = SurvivorDuplicate.objects.restrict(SYSTEM).get()
    client.force_login(twice["dcpu"])
    client.post(f"/matching/duplicates/{pair.pk}/",
                {"decision": "apart", "keep": "first", "reason": "Different mothers"})  # fmt: skip
    pair.refresh_from_db()
    assert pair.status == "rejected" and pair.reason == "Different mothers"
    assert registers.find_duplicate_survivors() == 0
    assert Survivor.objects.restrict(SYSTEM).count() == 3

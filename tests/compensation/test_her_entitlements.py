"""Entitlements for her and her family from the state's catalogue (data,
not a second list): chosen from the version in force where her agency
works, recorded with that version, tracked like a document from applied to
received, named in the reader's language; a code of no catalogue refused."""

from django.utils import translation

from sangam.compensation.models import DocumentRecovery, EntitlementCatalogue
from sangam.core.access import SYSTEM
from tests.compensation.conftest import days_ago


def _start(client, malda, **changes):
    data = {"survivor": malda["survivor"].pk, "agency": malda["ngo"].pk, "kind": "entitlement",
            "entitlement": "pension", "for_whom": "family", "relation": "mother",
            "office": "Block office (synthetic)", "applied_on": days_ago(5), **changes}  # fmt: skip
    return client.post("/compensation/documents/new/", data)


def test_a_pension_for_her_mother_from_the_catalogue_in_force(malda, client):
    client.force_login(malda["worker"])
    form = client.get("/compensation/documents/new/").content.decode()
    assert "Pension (old age, widow, disability)" in form
    assert _start(client, malda).status_code == 302
    recovery = DocumentRecovery.objects.restrict(SYSTEM).get()
    in_force = EntitlementCatalogue.in_force_for(malda["ngo"].state_id)
    assert (recovery.catalogue, recovery.entitlement) == (in_force, "pension")
    assert (recovery.status, recovery.for_whom, recovery.relation) == (
        "applied", "family", "mother",
    )  # fmt: skip
    page = client.get(recovery.get_absolute_url()).content.decode()
    assert "Pension (old age, widow, disability)" in page and "mother" in page
    listing = client.get("/compensation/documents/").content.decode()
    assert "Pension (old age, widow, disability)" in listing
    with translation.override("hi"):
        assert recovery.what == "पेंशन (वृद्धावस्था, विधवा, विकलांगता)"
    step = f"{recovery.get_absolute_url()}step/issued/"
    client.post(step, {"issued_on": days_ago(1), "number": "PEN00042", "version": 1})
    assert DocumentRecovery.objects.restrict(SYSTEM).get().status == "issued"


def test_an_entitlement_not_in_the_catalogue_or_without_a_relation_is_refused(malda, client):
    client.force_login(malda["worker"])
    page = _start(client, malda, entitlement="free_car").content.decode()
    assert "Select a valid choice" in page
    page = _start(client, malda, relation="").content.decode()
    assert "Say who in her family." in page
    page = _start(client, malda, entitlement="").content.decode()
    assert "Choose the entitlement." in page
    assert not DocumentRecovery.objects.restrict(SYSTEM).exists()


def test_a_document_is_for_herself_unless_said_otherwise(malda, client):
    client.force_login(malda["worker"])
    response = client.post(
        "/compensation/documents/new/",
        {"survivor": malda["survivor"].pk, "agency": malda["ngo"].pk, "kind": "aadhaar"},
    )
    assert response.status_code == 302
    recovery = DocumentRecovery.objects.restrict(SYSTEM).get()
    assert (recovery.for_whom, recovery.entitlement, recovery.catalogue) == ("herself", "", None)

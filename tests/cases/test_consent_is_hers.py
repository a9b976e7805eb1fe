"""Consent is the survivor's: an agency that sees her through consent reads
what it allows and writes only its own records. Her identity and her
consents are written by the agency whose case of her is open (or the CWC for
a child, by order); nothing is added to a closed case; an expired consent is
refused at entry."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sangam.cases.models import Case, Consent, FollowUp, Goal, RiskFlag, Survivor
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.referrals.models import Referral
from tests.cases.conftest import NAME, consent_for
from tests.cases.test_case_api import Api
from tests.conftest import district, make_agency, make_service, make_survivor, make_user

CONSENT = {
    "given_by": "survivor",
    "manner": "in_person",
    "purpose": "Her complaint",
    "language": "Bengali",
    "agency_types": ["ahtu"],
    "categories": ["identity", "account"],
}


@pytest.fixture
def referred(case_world, directory):
    """The 15-year-old referred by the Delhi NGO to the Malda girls' home,
    with her consent letting shelters see her identity and her account."""
    survivor = case_world["survivor"]
    Survivor.objects.restrict(SYSTEM).filter(pk=survivor.pk).update(estimated_age=15)
    service = make_service(
        "Malda girls' home", district("IN-WB", "Malda"), agency=case_world["wb_home"]
    )
    Referral.objects.create(
        sender_agency=case_world["ngo"],
        service=service,
        receiver_agency=case_world["wb_home"],
        survivor=survivor,
        person_reference="REF-1",
        created_by=case_world["worker"],
    )
    consent_for(case_world, "shelter_cci", "identity", "account")
    return case_world


def test_a_home_she_was_referred_to_cannot_widen_her_consent(client, referred):
    survivor, home = referred["survivor"], Api(client, referred["wb_worker"])
    assert home.get(f"/survivors/{survivor.pk}").json()["name"] == NAME
    widened = home.send("post", f"/survivors/{survivor.pk}/consents", CONSENT)
    assert widened.status_code == 404
    assert Consent.objects.restrict(SYSTEM).count() == 1
    police = Api(client, referred["police"])
    assert police.get(f"/survivors/{survivor.pk}").status_code == 404
    # Nor on the page, nor by revoking the consent that lets her see her.
    client.force_login(referred["wb_worker"])
    url = reverse("cases:consent", args=[survivor.pk])
    assert client.get(url).status_code == 404
    form = {**CONSENT, "agency_types": "ahtu", "categories": "identity"}
    assert client.post(url, form).status_code == 404
    consent = Consent.objects.restrict(SYSTEM).get()
    assert client.post(reverse("cases:revoke", args=[consent.pk])).status_code == 404
    assert Consent.objects.restrict(SYSTEM).get().revoked_at is None
    body = client.get(reverse("cases:survivor", args=[survivor.pk])).content.decode()
    assert NAME in body and "Record consent" not in body and "Revoke" not in body


def test_a_home_she_was_referred_to_cannot_edit_her_identity(client, referred):
    survivor = referred["survivor"]
    client.force_login(referred["wb_worker"])
    url = reverse("cases:edit", args=[survivor.pk])
    assert client.get(url).status_code == 404
    form = {"name": "Someone else (synthetic)", "sex": "female", "version": survivor.version}
    assert client.post(url, form).status_code == 404
    assert client.get(reverse("cases:intake", args=[survivor.pk])).status_code == 404
    assert Survivor.objects.restrict(SYSTEM).get().name == NAME


def test_the_agency_whose_case_is_open_records_her_consent(client, referred):
    survivor = referred["survivor"]
    given = Api(client, referred["worker"]).send(
        "post", f"/survivors/{survivor.pk}/consents", CONSENT
    )
    assert given.status_code == 201, given.content
    assert given.json()["manner"] == "in_person" and given.json()["given_by"] == "survivor"
    assert Api(client, referred["police"]).get(f"/survivors/{survivor.pk}").status_code == 200


def test_how_she_gave_it_is_asked(client, case_world):
    survivor = case_world["survivor"]
    without = {k: v for k, v in CONSENT.items() if k != "manner"}
    api = Api(client, case_world["worker"])
    assert api.send("post", f"/survivors/{survivor.pk}/consents", without).status_code == 422
    client.force_login(case_world["worker"])
    page = client.post(
        reverse("cases:consent", args=[survivor.pk]),
        {**without, "agency_types": "ahtu", "categories": "identity"},
    )
    assert page.status_code == 200 and "This field is required" in page.content.decode()
    assert not Consent.objects.restrict(SYSTEM).exists()


def test_an_expired_consent_is_refused_at_entry(client, case_world):
    survivor = case_world["survivor"]
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    api = Api(client, case_world["worker"])
    refused = api.send(
        "post", f"/survivors/{survivor.pk}/consents", {**CONSENT, "valid_until": yesterday}
    )
    assert refused.status_code == 422
    assert "expired consent" in str(refused.json()["errors"]["valid_until"])
    client.force_login(case_world["worker"])
    page = client.post(
        reverse("cases:consent", args=[survivor.pk]),
        {**CONSENT, "valid_until": yesterday, "agency_types": "ahtu", "categories": "identity"},
    )
    assert "an expired consent cannot be recorded" in page.content.decode()
    assert not Consent.objects.restrict(SYSTEM).exists()
    today = timezone.localdate().isoformat()
    kept = api.send("post", f"/survivors/{survivor.pk}/consents", {**CONSENT, "valid_until": today})
    assert kept.status_code == 201


@pytest.fixture
def two_ngos(case_world):
    """A second Delhi NGO with its own case for her, and her consent letting
    NGOs see her identity: it sees the first NGO's case."""
    other = make_agency("IN-DL", "South", name="Second Delhi NGO (synthetic)")
    worker = make_user("other.worker", Role.CASEWORKER, other)
    survivor = case_world["survivor"]
    Case.objects.create(survivor=survivor, agency=other, owner=worker, created_by=worker)
    consent_for(case_world, "ngo", "identity")
    return {**case_world, "other": worker}


def test_an_ngo_seeing_her_through_consent_cannot_add_to_another_ngos_case(client, two_ngos):
    case, other = two_ngos["case"], Api(client, two_ngos["other"])
    assert other.get(f"/cases/{case.pk}").status_code == 200
    goal = {"domain": "legal", "need": "x", "goal": "Not hers to set"}
    assert other.send("post", f"/cases/{case.pk}/goals", goal).status_code == 404
    client.force_login(two_ngos["other"])
    page = client.post(
        reverse("cases:add", args=[case.pk, "goal"]), {f"goal-{k}": v for k, v in goal.items()}
    )
    assert page.status_code == 404
    assert client.get(reverse("cases:form", args=[case.pk, "goal"])).status_code == 404
    Case.objects.restrict(SYSTEM).filter(pk=case.pk).update(status=Case.Status.CLOSED)
    assert other.send("post", f"/cases/{case.pk}/goals", goal).status_code == 404
    assert not Goal.objects.restrict(SYSTEM).exists()
    # Her identity is edited by any agency whose case of her is open: its own is.
    assert client.get(reverse("cases:edit", args=[two_ngos["survivor"].pk])).status_code == 200


def test_nothing_is_added_to_a_closed_case(client, case_world):
    case, api = case_world["case"], Api(client, case_world["worker"])
    Case.objects.restrict(SYSTEM).filter(pk=case.pk).update(status=Case.Status.CLOSED)
    goal = {"domain": "legal", "need": "x", "goal": "Claim"}
    refused = api.send("post", f"/cases/{case.pk}/goals", goal)
    assert refused.status_code == 409 and "closed" in refused.json()["detail"]
    checkin = {"taken_on": timezone.localdate().isoformat(), **{f"item{i}": 3 for i in range(1, 6)}}
    assert api.send("post", f"/cases/{case.pk}/wellbeing", checkin).status_code == 409
    client.force_login(case_world["worker"])
    page = client.post(
        reverse("cases:add", args=[case.pk, "goal"]),
        {f"goal-{k}": v for k, v in goal.items()},
        follow=True,
    )
    assert "This case is closed: reopen it to add to it." in page.content.decode()
    assert not Goal.objects.restrict(SYSTEM).exists()
    body = client.get(reverse("cases:case", args=[case.pk])).content.decode()
    assert "Add a goal" not in body and "Save status" in body


def test_nothing_on_a_closed_case_is_changed_either(client, case_world):
    case, worker = case_world["case"], case_world["worker"]
    today = timezone.localdate()
    goal = Goal.objects.create(case=case, domain="legal", need="x", goal="Claim", created_by=worker)
    follow_up = FollowUp.objects.create(case=case, due_on=today, created_by=worker)
    flag = RiskFlag.objects.create(
        case=case, kind=RiskFlag.Kind.choices[0][0], reason="x", review_on=today, created_by=worker
    )
    Case.objects.restrict(SYSTEM).filter(pk=case.pk).update(status=Case.Status.CLOSED)
    api = Api(client, worker)
    refused = api.send("patch", f"/goals/{goal.pk}", {"status": "done", "version": 1})
    assert refused.status_code == 409 and "closed" in refused.json()["detail"]
    assert api.send("post", f"/follow-ups/{follow_up.pk}/done").status_code == 409
    client.force_login(worker)
    page = client.post(
        reverse("cases:plan_status", args=["goal", goal.pk]),
        {"status": "done", "version": "1"},
        follow=True,
    )
    assert "This case is closed: reopen it to change it." in page.content.decode()
    client.post(reverse("cases:follow_up_done", args=[follow_up.pk]))
    client.post(reverse("cases:risk_clear", args=[flag.pk]))
    assert Goal.objects.restrict(SYSTEM).get().status != "done"
    assert FollowUp.objects.restrict(SYSTEM).get().done_on is None
    assert RiskFlag.objects.restrict(SYSTEM).get().cleared_on is None
    # Reopened, the same steps go through.
    Case.objects.restrict(SYSTEM).filter(pk=case.pk).update(status=Case.Status.OPEN)
    assert api.send("post", f"/follow-ups/{follow_up.pk}/done").status_code == 200


def test_after_a_transfer_the_old_agency_no_longer_writes_what_is_hers(client, case_world):
    from sangam.cases import workflow

    home = case_world["wb_worker"]
    transfer = workflow.request_transfer(
        case_world["worker"], case_world["case"], case_world["wb_home"], "Going home"
    )
    new_case = workflow.decide_transfer(home, transfer, accept=True)
    survivor = case_world["survivor"]
    client.force_login(case_world["worker"])
    assert client.get(reverse("cases:edit", args=[survivor.pk])).status_code == 404
    assert client.get(reverse("cases:consent", args=[survivor.pk])).status_code == 404
    client.force_login(home)
    assert client.get(reverse("cases:edit", args=[survivor.pk])).status_code == 200
    goal = {"domain": "legal", "need": "x", "goal": "Claim"}
    added = Api(client, home).send("post", f"/cases/{new_case.pk}/goals", goal)
    assert added.status_code == 201


def test_a_cwc_records_consent_for_a_child_in_its_care_by_order(client, case_world):
    survivor, cwc = case_world["survivor"], Api(client, case_world["cwc"])
    Survivor.objects.restrict(SYSTEM).filter(pk=survivor.pk).update(cwc_involved=True)
    consent_for(case_world, "cwc", "identity")  # the CWC knows her
    order = {**CONSENT, "given_by": "cwc_order", "manner": "order", "agency_types": ["dcpu"]}
    not_by_order = cwc.send("post", f"/survivors/{survivor.pk}/consents", CONSENT)
    assert not_by_order.status_code == 422 and "by its order" in str(not_by_order.json())
    given = cwc.send("post", f"/survivors/{survivor.pk}/consents", order)
    assert given.status_code == 201, given.content
    assert (
        Consent.objects.restrict(SYSTEM).get(pk=given.json()["id"]).recorded_by_agency.type == "cwc"
    )
    # An adult is not the CWC's to consent for, nor to revoke for.
    Survivor.objects.restrict(SYSTEM).filter(pk=survivor.pk).update(estimated_age=30)
    adult = cwc.send("post", f"/survivors/{survivor.pk}/consents", order)
    assert adult.status_code == 422 and "child" in str(adult.json())
    revoked = cwc.send("post", f"/consents/{given.json()['id']}/revoke")
    assert revoked.status_code == 409 and "child" in revoked.json()["detail"]
    assert Consent.objects.restrict(SYSTEM).get(pk=given.json()["id"]).revoked_at is None
    Survivor.objects.restrict(SYSTEM).filter(pk=survivor.pk).update(estimated_age=15)
    assert cwc.send("post", f"/consents/{given.json()['id']}/revoke").json()["revoked"] is True


def test_a_cwc_records_nothing_for_a_child_not_in_its_care(client, case_world):
    survivor = case_world["survivor"]
    consent_for(case_world, "cwc", "identity")
    order = {**CONSENT, "given_by": "cwc_order", "manner": "order"}
    refused = Api(client, case_world["cwc"]).send(
        "post", f"/survivors/{survivor.pk}/consents", order
    )
    assert refused.status_code == 404


def test_an_agency_with_its_own_closed_case_sees_but_does_not_write(client, case_world):
    other = make_agency("IN-DL", "South", name="Earlier Delhi NGO (synthetic)")
    worker = make_user("earlier.worker", Role.CASEWORKER, other)
    survivor, _case = make_survivor(other, worker, "Test Person (synthetic)", "Synthetic.")
    Case.objects.restrict(SYSTEM).filter(agency=other).update(status=Case.Status.CLOSED)
    client.force_login(worker)
    assert client.get(reverse("cases:survivor", args=[survivor.pk])).status_code == 200
    assert client.get(reverse("cases:edit", args=[survivor.pk])).status_code == 404

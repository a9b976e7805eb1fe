"""Accused networks: Sangam proposes links between accused in different
cases (a shared phone, a name in any script, a vehicle) and to recruiters in
the registry; an officer of either case decides; only confirmed links make
the network of a case. Police and prosecution only, like the accused.
Proceeds attached are recorded with the case."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sangam.accounts.models import APIToken
from sangam.audit.models import AuditEntry
from sangam.core.access import SYSTEM
from sangam.justice import networks, workflow
from sangam.justice.models import Accused, AccusedLink, CriminalCase, NetworkKey, Proceeds
from sangam.matching.models import Review
from tests.justice.conftest import FIR_AT, offences


@pytest.fixture
def delhi_case(world):
    return workflow.register_fir(
        world["dl_police"],
        CriminalCase(police_station=world["dl_station"], fir_number="D-7/2025", fir_at=FIR_AT),
        offences(FIR_AT.date(), "BNS 143"),
        [],
    )


def accused(user, case, name, **fields):
    return workflow.save_accused(user, case, Accused(name=name, role="recruiter", **fields))


def links():
    return list(AccusedLink.objects.restrict(SYSTEM).order_by("pk"))


@pytest.fixture
def api(client):
    def call(user, method, url, body=None):
        token = APIToken.issue(user, "test")[1]
        return getattr(client, method)(
            "/api/justice" + url,
            body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )

    return call


def test_a_phone_shared_across_cases_is_proposed_and_an_officer_confirms(
    world, case, delhi_case, client
):
    mine = accused(world["police"], case, "Accused Malda (synthetic)", phones=["+91 98300 11111"])
    theirs = accused(
        world["dl_police"], delhi_case, "Accused Delhi (synthetic)", phones=["098300-11111"]
    )
    [link] = links()
    assert (link.accused_id, link.other_id, link.status) == (mine.pk, theirs.pk, Review.PENDING)
    assert link.levels == {"phone": 1}

    client.force_login(world["police"])
    page = client.get(f"/justice/accused/{mine.pk}/").content.decode()
    assert "Same phone number" in page
    # The Delhi accused is another station's record: the page says where,
    # never the name.
    assert "PS South Delhi (synthetic)" in page and "Accused Delhi" not in page
    network = client.get(f"/justice/cases/{case.pk}/network/").content.decode()
    assert "No confirmed link yet." in network

    response = client.post(
        f"/justice/links/{link.pk}/decision/",
        {f"link{link.pk}-decision": "confirm", f"link{link.pk}-reason": "Call records match."},
    )
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.status == Review.CONFIRMED and link.reviewed_by == world["police"]
    network = client.get(f"/justice/cases/{case.pk}/network/").content.decode()
    assert "An accused in a case of PS South Delhi (synthetic)" in network
    assert "FIR D-7/2025" in network and "Accused Delhi" not in network
    # The Delhi officer reads the Malda side the same way, from his own page.
    client.force_login(world["dl_police"])
    page = client.get(f"/justice/accused/{theirs.pk}/").content.decode()
    assert "Sadar PS (synthetic)" in page and "Accused Malda" not in page
    assert "Confirmed" in page


def test_names_link_across_scripts_and_word_order(world, case, delhi_case):
    accused(world["police"], case, "Rakesh Sharma (synthetic)")
    accused(world["dl_police"], delhi_case, "Shaw Ratan", aliases=["শর্মা রাকেশ (synthetic)"])
    [link] = links()
    assert link.levels == {"name": 1} and link.score == 0.5


def test_a_single_word_or_a_differing_name_links_nobody(world, case, delhi_case):
    accused(world["police"], case, "Rakesh")
    accused(world["dl_police"], delhi_case, "Rakesh")
    accused(world["dl_police"], delhi_case, "Mukesh Sharma")
    accused(world["police"], case, "Rakesh Verma")
    assert links() == []


def test_accused_of_one_case_are_not_linked_to_each_other(world, case):
    accused(world["police"], case, "Accused One (synthetic)", phones=["9830011111"])
    accused(world["police"], case, "Accused Two (synthetic)", phones=["9830011111"])
    assert links() == []


def test_a_key_held_by_many_links_nobody(world, case, delhi_case, monkeypatch):
    monkeypatch.setattr(networks, "COMMON", 2)
    accused(world["police"], case, "Accused One (synthetic)", vehicles=["WB 01 AB 1234"])
    accused(world["dl_police"], delhi_case, "Accused Two (synthetic)", vehicles=["wb01ab1234"])
    assert [lk.levels for lk in links()] == [{"vehicle": 1}]
    # A third holder makes it a taxi stand's plate: the pending proposal goes.
    accused(world["dl_police"], delhi_case, "Accused Three (synthetic)", vehicles=["WB01AB1234"])
    networks.propose()
    assert links() == []


def test_a_corrected_phone_withdraws_a_proposal_but_never_a_decision(world, case, delhi_case):
    mine = accused(world["police"], case, "Accused Malda (synthetic)", phones=["9830011111"])
    accused(world["dl_police"], delhi_case, "Accused Delhi (synthetic)", phones=["9830011111"])
    accused(world["dl_police"], delhi_case, "Accused Other (synthetic)", phones=["9830022222"])
    mine.phones = ["9830022222"]
    workflow.save_accused(world["police"], case, mine, expected_version=mine.version)
    [link] = links()
    assert link.other.name == "Accused Other (synthetic)"
    networks.decide(world["police"], link, False, "Different people: checked.")
    mine.phones = ["9830099999"]
    workflow.save_accused(world["police"], case, mine, expected_version=mine.version)
    assert [(lk.pk, lk.status) for lk in links()] == [(link.pk, Review.REJECTED)]


def test_an_accused_is_linked_to_a_recruiter_in_the_registry(world, case, client):
    from sangam.geography.models import State
    from sangam.prevention.models import Recruiter

    agent = Recruiter.objects.create(
        name="Registry Agent (synthetic)",
        phone="+91 99999 55555",
        state=State.objects.get(code="IN-WB"),
        created_by=world["police"],
    )
    networks.index_recruiters()
    mine = accused(world["police"], case, "Accused Malda (synthetic)", phones=["9999955555"])
    [link] = links()
    assert (link.accused_id, link.recruiter_id, link.other_id) == (mine.pk, agent.pk, None)
    networks.decide(world["police"], link, True, "Same agent.")
    client.force_login(world["police"])
    network = client.get(f"/justice/cases/{case.pk}/network/").content.decode()
    assert "Recruiters in the registry" in network and "Registry Agent (synthetic)" in network


def test_networks_links_and_proceeds_are_404_to_anyone_but_police_and_prosecution(
    world, case, delhi_case, client, api
):
    mine = accused(world["police"], case, "Accused Malda (synthetic)", phones=["9830011111"])
    accused(world["dl_police"], delhi_case, "Accused Delhi (synthetic)", phones=["9830011111"])
    [link] = links()
    proceeds = workflow.save_proceeds(
        world["police"],
        case,
        Proceeds(kind="account", description="Synthetic account", attached_on=date(2025, 3, 2)),
    )
    for user in (world["caseworker"], world["legal"], world["cwc_member"]):
        client.force_login(user)
        assert client.get(f"/justice/cases/{case.pk}/network/").status_code == 404
        assert client.get(f"/justice/proceeds/{proceeds.pk}/").status_code == 404
        decision = {f"link{link.pk}-decision": "confirm", f"link{link.pk}-reason": "x"}
        assert client.post(f"/justice/links/{link.pk}/decision/", decision).status_code == 404
        assert api(user, "get", f"/accused/{mine.pk}/links").status_code == 404
        assert api(user, "get", f"/cases/{case.pk}/network").status_code == 404
        assert api(user, "get", f"/cases/{case.pk}/proceeds").status_code == 404
        assert api(user, "get", f"/proceeds/{proceeds.pk}").status_code == 404
        body = {"decision": "confirm", "reason": "x"}
        assert api(user, "post", f"/links/{link.pk}/decision", body).status_code == 404
    # Delhi's officer decides the link (his side) but reads no Malda record.
    assert api(world["dl_police"], "get", f"/proceeds/{proceeds.pk}").status_code == 404
    assert api(world["dl_police"], "get", f"/cases/{case.pk}/network").status_code == 404
    # The prosecution reads the network and the links, and decides nothing.
    assert api(world["prosecutor"], "get", f"/cases/{case.pk}/network").status_code == 200
    body = {"decision": "confirm", "reason": "x"}
    assert api(world["prosecutor"], "post", f"/links/{link.pk}/decision", body).status_code == 403
    assert AccusedLink.objects.restrict(SYSTEM).get(pk=link.pk).status == Review.PENDING


def test_the_api_names_the_far_side_only_to_who_may_read_it_and_decides_once(
    world, case, delhi_case, api
):
    mine = accused(world["police"], case, "Accused Malda (synthetic)", phones=["9830011111"])
    theirs = accused(
        world["dl_police"], delhi_case, "Accused Delhi (synthetic)", phones=["9830011111"]
    )
    [row] = api(world["police"], "get", f"/accused/{mine.pk}/links").json()
    assert row["evidence"] == ["phone"] and row["status"] == "pending"
    assert row["other"]["name"] is None and row["other"]["police_station"] == (
        "PS South Delhi (synthetic)"
    )
    assert "9830011111" not in str(row)
    bad = api(world["dl_police"], "post", f"/links/{row['id']}/decision", {"decision": "maybe"})
    assert bad.status_code == 422
    body = {"decision": "reject", "reason": "Different people."}
    done = api(world["dl_police"], "post", f"/links/{row['id']}/decision", body)
    assert done.status_code == 200 and done.json()["status"] == "rejected"
    assert done.json()["other"]["name"] is None  # he may not read the Malda accused
    again = api(world["police"], "post", f"/links/{row['id']}/decision", body)
    assert again.status_code == 409
    own = api(world["dl_police"], "get", f"/accused/{theirs.pk}/links").json()
    assert own[0]["status"] == "rejected"


def test_proceeds_are_recorded_and_what_the_court_ordered_is_dated(world, case, client, api):
    client.force_login(world["police"])
    before = {
        "kind": "account",
        "description": "Synthetic account ending 0042",
        "attached_on": "2025-02-01",
        "order": "T-ATT-1/2025 (BNSS s.107)",
        "status": "attached",
    }
    page = client.post(f"/justice/cases/{case.pk}/proceeds/", before).content.decode()
    assert "This is before the FIR." in page
    assert Proceeds.objects.restrict(SYSTEM).count() == 0
    assert api(world["police"], "post", f"/cases/{case.pk}/proceeds", before).status_code == 422

    made = api(world["police"], "post", f"/cases/{case.pk}/proceeds", {**before, "value": 240000,
               "attached_on": "2025-03-05"})  # fmt: skip
    assert made.status_code == 201 and made.json()["status_on"] == "2025-03-05"
    proceeds = Proceeds.objects.restrict(SYSTEM).get()
    assert (
        "Synthetic account ending 0042" in client.get(f"/justice/cases/{case.pk}/").content.decode()
    )
    changed = {**before, "attached_on": "2025-03-05", "status": "confiscated", "version": 1}
    assert api(world["police"], "put", f"/proceeds/{proceeds.pk}", changed).status_code == 200
    proceeds.refresh_from_db()
    assert proceeds.status == "confiscated" and proceeds.status_on == date.today()
    # A stale version is refused, not overwritten.
    assert api(world["police"], "put", f"/proceeds/{proceeds.pk}", changed).status_code == 409
    assert api(world["prosecutor"], "put", f"/proceeds/{proceeds.pk}", changed).status_code == 404


def test_the_link_command_rekeys_and_proposes_over_every_record(world, case, delhi_case):
    accused(world["police"], case, "Accused Malda (synthetic)", phones=["9830011111"])
    accused(world["dl_police"], delhi_case, "Accused Delhi (synthetic)", phones=["9830011111"])
    AccusedLink.objects.restrict(SYSTEM).delete()
    NetworkKey.objects.all().delete()
    call_command("justice", "link")
    assert links() == []  # no keys: nothing to join
    call_command("justice", "link", "--reindex")
    assert len(links()) == 1
    entries = AuditEntry.objects.filter(object_type="justice.accusedlink", action="create")
    entry = entries.order_by("seq").last()
    assert entry is not None and entry.actor_label == "command:justice link"


def test_the_network_page_takes_the_same_queries_however_many_are_linked(
    world, case, delhi_case, client
):
    mine = accused(world["police"], case, "Accused Malda (synthetic)", phones=["9830011111"])

    def link_more(n):
        for i in range(n):
            far = accused(
                world["dl_police"],
                delhi_case,
                f"Accused Delhi {i} (synthetic)",
                phones=["9830011111"],
            )
            link = AccusedLink.objects.restrict(SYSTEM).get(accused=mine, other=far)
            networks.decide(world["police"], link, True, "Checked.")

    client.force_login(world["police"])

    def queries():
        with CaptureQueriesContext(connection) as done:
            assert client.get(f"/justice/cases/{case.pk}/network/").status_code == 200
        return len(done)

    link_more(1)
    one = queries()
    link_more(4)
    assert queries() == one
    assert mine.case.fir_at - FIR_AT == timedelta(0)

"""Who sees and writes the trial. The police holding the case and its
prosecutor write it; her NGO (with her "legal" consent) and the DLSA read
the hearings' dates and outcomes, never their notes; judgments name an
accused: police, prosecution and the DLSA only. Another district's staff
get 404 from the pages and the API, whoever they are."""

from datetime import date

import pytest

from sangam.accounts.models import APIToken
from sangam.core.access import SYSTEM
from sangam.justice import workflow
from sangam.justice.models import ChargedSection, Hearing, Judgment


@pytest.fixture
def heard(world, case, tried):
    workflow.add_hearing(
        world["prosecutor"],
        tried,
        Hearing(
            on=date(2025, 7, 1), purpose="prosecution_evidence", outcome="adjourned",
            asked_by="defence", adjournment_reason="Counsel away (synthetic)",
            next_on=date(2025, 7, 20), notes="Hearing note (synthetic)",
        ),
        expected_version=tried.version,
    )  # fmt: skip
    workflow.record_judgment(
        world["prosecutor"],
        tried,
        Judgment(
            accused=tried.accused_on_trial,
            section=ChargedSection.objects.restrict(SYSTEM).get(case=case),
            on=date(2026, 3, 1), verdict="acquitted", acquittal_reason="witness_hostile",
        ),
        expected_version=tried.version,
    )  # fmt: skip
    tried.refresh_from_db()
    return tried


@pytest.fixture
def api(client):
    def call(user, method, url, body=None):
        token = APIToken.issue(user, "test")[1]
        return getattr(client, method)(
            "/api/justice" + url, body, content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )  # fmt: skip

    return call


def test_her_ngo_reads_the_hearing_dates_and_outcomes_not_the_notes(world, case, heard, client):
    client.force_login(world["caseworker"])
    page = client.get(case.get_absolute_url()).content.decode()
    assert "1 Jul 2025" in page and "Adjourned" in page and "20 Jul 2025" in page
    for hidden in ("Hearing note", "Counsel away", "Witness turned hostile", "Record a judgment"):
        assert hidden not in page


def test_the_dlsa_reads_the_judgment_and_the_writers_the_notes(world, case, heard, client):
    client.force_login(world["legal"])
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Witness turned hostile" in page and "Hearing note" not in page
    client.force_login(world["prosecutor"])
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Hearing note (synthetic)" in page and "Record a judgment" in page


def test_readers_cannot_write_the_trial(world, case, heard, client):
    posts = [
        f"/justice/cases/{case.pk}/trial/",
        f"/justice/trials/{heard.pk}/hearings/",
        f"/justice/trials/{heard.pk}/judgments/",
        f"/justice/trials/{heard.pk}/appeals/",
    ]
    for name in ("caseworker", "legal", "cwc_member", "ahtu_officer"):
        client.force_login(world[name])
        for url in posts:
            assert client.post(url, {}).status_code in (403, 404), (name, url)
    assert Hearing.objects.restrict(SYSTEM).count() == 1


def test_another_district_gets_404_from_pages_and_api(world, case, heard, client, api):
    posts = [
        f"/justice/cases/{case.pk}/trial/",
        f"/justice/trials/{heard.pk}/hearings/",
        f"/justice/trials/{heard.pk}/judgments/",
    ]
    for name in ("dl_police", "dl_caseworker"):
        user = world[name]
        client.force_login(user)
        assert client.get(case.get_absolute_url()).status_code == 404
        for url in posts:
            assert client.post(url, {}).status_code == 404, (name, url)
        for url in (f"/cases/{case.pk}/trial", f"/trials/{heard.pk}/hearings",
                    f"/trials/{heard.pk}/judgments"):  # fmt: skip
            assert api(user, "get", url).status_code == 404, (name, url)


def test_the_api_reads_hearings_and_judgments_as_the_pages_do(world, case, heard, api):
    body = api(world["caseworker"], "get", f"/trials/{heard.pk}/hearings").json()
    assert [(h["on"], h["outcome"], h["notes"]) for h in body] == [
        ("2025-07-01", "adjourned", None)
    ]
    assert api(world["caseworker"], "get", f"/trials/{heard.pk}/judgments").status_code == 404
    body = api(world["prosecutor"], "get", f"/trials/{heard.pk}/hearings").json()
    assert body[0]["notes"] == "Hearing note (synthetic)"
    body = api(world["legal"], "get", f"/trials/{heard.pk}/judgments").json()
    assert [(j["section"], j["verdict"], j["acquittal_reason"]) for j in body] == [
        ("BNS 143", "acquitted", "witness_hostile")
    ]
    trial = api(world["caseworker"], "get", f"/cases/{case.pk}/trial").json()
    assert trial["cnr"] == heard.cnr and trial["concluded_on"] == "2026-03-01"


def test_the_api_writes_with_the_pages_forms_422_409_and_403(world, case, tried, api):
    hearing = {"version": tried.version, "on": "2025-07-01", "purpose": "arguments",
               "outcome": "adjourned", "asked_by": "prosecution"}  # fmt: skip
    response = api(world["prosecutor"], "post", f"/trials/{tried.pk}/hearings", hearing)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors["next_on"] == ["An adjourned hearing has a next date."]
    ok = {**hearing, "next_on": "2025-07-10", "adjournment_reason": "Synthetic."}
    assert api(world["caseworker"], "post", f"/trials/{tried.pk}/hearings", ok).status_code == 403
    assert api(world["prosecutor"], "post", f"/trials/{tried.pk}/hearings", ok).status_code == 201
    stale = api(world["prosecutor"], "post", f"/trials/{tried.pk}/hearings", ok)
    assert stale.status_code == 409
    trial = {"version": tried.version + 1, "court": "Renamed (synthetic)", "court_kind": "special",
             "court_district": world["station"].district_id, "cnr": "WBMD01"}  # fmt: skip
    response = api(world["police"], "put", f"/cases/{case.pk}/trial", trial)
    assert response.status_code == 422 and "cnr" in response.json()["errors"]
    trial["cnr"] = "wbmd010012342025"
    response = api(world["police"], "put", f"/cases/{case.pk}/trial", trial)
    assert response.status_code == 200, response.content
    assert response.json()["court"] == "Renamed (synthetic)"


def test_recording_the_trial_names_the_prosecution_office_that_then_writes_it(world, client):
    from sangam.justice.models import CriminalCase, Trial
    from tests.justice.conftest import CNR, FIR_AT, offences

    case = workflow.register_fir(
        world["police"],
        CriminalCase(police_station=world["station"], fir_number="T-5/2025", fir_at=FIR_AT),
        offences(FIR_AT.date(), "BNS 143"),
        [],
    )
    client.force_login(world["prosecutor"])
    assert client.get(case.get_absolute_url()).status_code == 404
    client.force_login(world["police"])
    trial = {"court": "Court (synthetic)", "court_kind": "sessions", "cnr": CNR,
             "court_district": world["station"].district_id,
             "prosecution": world["prosecution"].pk}  # fmt: skip
    response = client.post(
        f"/justice/cases/{case.pk}/trial/", {f"trial-{k}": v for k, v in trial.items()}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.prosecution == world["prosecution"]
    client.force_login(world["prosecutor"])
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Add a hearing" in page and Trial.objects.restrict(SYSTEM).get().case == case


def test_appeals_through_the_api_follow_the_judgment(world, case, heard, api):
    """``heard`` has its judgment: an appeal is added by the prosecutor and
    read by the DLSA, never by her NGO; one dated before the judgment is 422."""
    heard.refresh_from_db()
    appeal = {"version": heard.version, "by": "accused", "court": "High Court (synthetic)",
              "filed_on": "2026-02-01", "outcome": "pending"}  # fmt: skip
    early = api(world["prosecutor"], "post", f"/trials/{heard.pk}/appeals", appeal)
    assert early.status_code == 422 and "filed_on" in early.json()["errors"]
    appeal["filed_on"] = "2026-04-01"
    assert api(world["caseworker"], "post", f"/trials/{heard.pk}/appeals", appeal).status_code in (
        403, 404,
    )  # fmt: skip
    made = api(world["prosecutor"], "post", f"/trials/{heard.pk}/appeals", appeal)
    assert made.status_code == 201, made.content
    body = api(world["legal"], "get", f"/trials/{heard.pk}/appeals").json()
    assert [(a["by"], a["court"], a["outcome"]) for a in body] == [
        ("accused", "High Court (synthetic)", "pending")
    ]
    assert api(world["caseworker"], "get", f"/trials/{heard.pk}/appeals").status_code == 404


def test_the_witnesses_examined_at_a_hearing_are_counted(world, case, tried, api, client):
    hearing = {"version": tried.version, "on": "2025-07-01", "purpose": "prosecution_evidence",
               "outcome": "held", "witnesses_examined": 2}  # fmt: skip
    made = api(world["prosecutor"], "post", f"/trials/{tried.pk}/hearings", hearing)
    assert made.status_code == 201 and made.json()["witnesses_examined"] == 2
    tried.refresh_from_db()
    wrong = {**hearing, "witnesses_examined": -1, "version": tried.version}
    assert (
        api(world["prosecutor"], "post", f"/trials/{tried.pk}/hearings", wrong).status_code == 422
    )
    client.force_login(world["caseworker"])
    assert "2 witnesses examined" in client.get(case.get_absolute_url()).content.decode()

"""The criminal case on its page: registered by the station, sent to the
AHTU (the page says so until it is), sections added and dropped, the
chargesheet; read by the DLSA and her NGO as her consent allows, the
accused only by police and prosecution; another district's staff 404."""

from datetime import date, timedelta

from django.utils import timezone

from sangam.agencies.models import AgencyType
from sangam.audit.models import AuditEntry
from sangam.core.access import SYSTEM
from sangam.justice import workflow
from sangam.justice.models import Accused, ChargedSection, CriminalCase
from tests.conftest import make_consent
from tests.justice.conftest import FIR_AT

NEEDS_AHTU = "has not been sent to the Anti Human Trafficking Unit"


def fir_form(world, **changes):
    return {
        "police_station": world["station"].pk,
        "fir_number": "T-9/2025",
        "fir_at": "2025-03-01T10:00",
        "sections": ["BNS 143", "POCSO 4"],
        "victims": [world["survivor"].pk],
        **changes,
    }


def test_the_station_registers_an_fir_under_bns_143_and_pocso(world, client):
    # The station links her as the victim: she lets police see who she is.
    make_consent(
        world["survivor"], world["ngo"], world["caseworker"], AgencyType.POLICE_STATION, "identity"
    )
    client.force_login(world["police"])
    response = client.post("/justice/cases/new/", fir_form(world))
    case = CriminalCase.objects.restrict(SYSTEM).get()
    assert response.url == case.get_absolute_url()
    charged = ChargedSection.objects.restrict(SYSTEM).filter(case=case)
    assert sorted(str(s) for s in charged) == ["BNS 143", "POCSO 4"]
    page = client.get(response.url).content.decode()
    assert NEEDS_AHTU in page and "Investigation of a rape or POCSO offence completed" in page
    assert list(case.victims.restrict(SYSTEM)) == [world["survivor"]]


def test_a_section_not_in_force_on_the_fir_date_is_refused(world, client):
    client.force_login(world["police"])
    response = client.post("/justice/cases/new/", fir_form(world, sections=["IPC 370"]))
    assert "Not in force on the FIR date (01 Mar 2025): IPC 370." in response.content.decode()
    response = client.post(
        "/justice/cases/new/", fir_form(world, fir_at="2023-05-01T10:00", sections=["BNS 143"])
    )
    assert "Not in force on the FIR date (01 May 2023): BNS 143." in response.content.decode()
    assert not CriminalCase.objects.restrict(SYSTEM).exists()


def test_the_page_says_send_it_to_the_ahtu_until_it_is(world, case, client):
    client.force_login(world["police"])
    assert NEEDS_AHTU in client.get(case.get_absolute_url()).content.decode()
    response = client.post(
        f"/justice/cases/{case.pk}/ahtu/",
        {"version": case.version, "ahtu": world["ahtu"].pk, "sent_on": "2025-03-02"},
    )
    assert response.status_code == 302
    page = client.get(case.get_absolute_url()).content.decode()
    assert NEEDS_AHTU not in page and "AHTU Malda (synthetic)" in page
    # The AHTU now holds the case too.
    client.force_login(world["ahtu_officer"])
    assert client.get(case.get_absolute_url()).status_code == 200


def test_a_chargesheet_dated_before_the_fir_is_refused(world, case, client):
    client.force_login(world["police"])
    response = client.post(
        f"/justice/cases/{case.pk}/progress/",
        {"version": case.version, "chargesheet_on": "2025-02-28"},
    )
    assert "This is before the FIR was registered." in response.content.decode()
    case.refresh_from_db()
    assert case.chargesheet_on is None


def test_a_stale_version_is_not_saved(world, case, client, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: FIR_AT + timedelta(days=50))
    client.force_login(world["police"])
    stale = case.version
    workflow.send_to_ahtu(
        world["police"], case, world["ahtu"], date(2025, 3, 2), expected_version=case.version
    )
    response = client.post(
        f"/justice/cases/{case.pk}/progress/", {"version": stale, "chargesheet_on": "2025-04-01"}
    )
    assert "Someone else saved this record" in response.content.decode()
    case.refresh_from_db()
    assert case.chargesheet_on is None


def test_a_section_is_dropped_with_its_reason_and_kept(world, case, client, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: FIR_AT + timedelta(days=10))
    client.force_login(world["police"])
    client.post(
        f"/justice/cases/{case.pk}/sections/",
        {"version": case.version, "section": "BNS 137", "added_on": "2025-03-01"},
    )
    added = ChargedSection.objects.restrict(SYSTEM).get(case=case, offence__section="137")
    case.refresh_from_db()
    response = client.post(
        f"/justice/cases/{case.pk}/sections/drop/",
        {
            "version": case.version,
            "charged": added.pk,
            "dropped_on": "2025-03-05",
            "reason": "Synthetic",
        },
    )
    assert response.status_code == 302
    added.refresh_from_db()
    assert added.dropped_on == date(2025, 3, 5)


def test_her_ngo_sees_the_progress_but_never_the_accused(world, case, client):
    accused = workflow.save_accused(
        world["police"],
        case,
        Accused(name="Accused Named (synthetic)", role=Accused.Role.RECRUITER, arrested_at=FIR_AT),
    )
    client.force_login(world["caseworker"])
    page = client.get(case.get_absolute_url()).content.decode()
    assert "T-1/2025" in page and "BNS 143" in page
    assert "Accused Named" not in page and "Chargesheet before default bail" not in page
    assert client.get(accused.get_absolute_url()).status_code == 404
    # Seeing through consent is never a right to write.
    response = client.post(f"/justice/cases/{case.pk}/progress/", {"version": case.version})
    assert response.status_code == 404


def test_police_and_prosecution_see_the_accused_and_each_read_is_audited(world, case, client):
    accused = workflow.save_accused(
        world["police"],
        case,
        Accused(name="Accused Named (synthetic)", role=Accused.Role.RECRUITER, arrested_at=FIR_AT),
    )
    for user in (world["police"], world["prosecutor"]):
        client.force_login(user)
        assert "Accused Named" in client.get(accused.get_absolute_url()).content.decode()
    views = AuditEntry.objects.filter(action="view", object_id=str(accused.pk))
    assert views.count() == 2


def test_the_dlsa_of_the_district_reads_it_with_her_consent(world, case, client):
    client.force_login(world["legal"])
    assert client.get(case.get_absolute_url()).status_code == 200


def test_without_consent_her_ngo_and_the_dlsa_get_404(world, case, client):
    from sangam.cases.models import Consent

    Consent.objects.restrict(SYSTEM).filter(survivor=world["survivor"]).update(
        revoked_at=timezone.now()
    )
    for user in (world["caseworker"], world["legal"]):
        client.force_login(user)
        assert client.get(case.get_absolute_url()).status_code == 404


def test_another_district_gets_404(world, case, client):
    for user in (world["dl_police"], world["dl_caseworker"]):
        client.force_login(user)
        assert client.get(case.get_absolute_url()).status_code == 404

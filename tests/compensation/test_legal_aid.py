"""Free legal aid: the serving agency's caseworker applies for her, the
DLSA's legal services officer assigns the panel lawyer; every change is
kept with its reason; others get 404."""

from sangam.compensation.models import LegalAidApplication, LegalAidEvent, LegalAidStatus
from sangam.core.access import SYSTEM
from tests.compensation.conftest import days_ago


def _apply(client, malda, **changes):
    data = {
        "survivor": malda["survivor"].pk,
        "agency": malda["ngo"].pk,
        "authority": malda["dlsa"].pk,
        "ground": "12b",
        "matter": "compensation",
        "applied_on": days_ago(5).isoformat(),
        **changes,
    }
    return client.post("/compensation/legal-aid/new/", data)


def _fresh():
    return LegalAidApplication.objects.restrict(SYSTEM).get()


def test_the_caseworker_applies_and_the_dlsa_assigns_a_lawyer(malda, client):
    client.force_login(malda["worker"])
    assert _apply(client, malda).status_code == 302
    application = _fresh()
    assert application.status == LegalAidStatus.APPLIED
    # Only the authority assigns the lawyer.
    assert (
        "Assign a panel lawyer" not in client.get(application.get_absolute_url()).content.decode()
    )
    lawyer_url = f"{application.get_absolute_url()}lawyer/"
    client.post(lawyer_url, {"panel_lawyer": "Adv. Test", "assigned_on": days_ago(1),
                             "version": application.version})  # fmt: skip
    assert _fresh().status == LegalAidStatus.APPLIED

    client.force_login(malda["legal"])
    page = client.get(application.get_absolute_url()).content.decode()
    assert "Rupa Testname" in page and "Assign a panel lawyer" in page
    response = client.post(
        lawyer_url,
        {"panel_lawyer": "Adv. Test Lawyer (synthetic)", "assigned_on": days_ago(1),
         "version": application.version},
    )  # fmt: skip
    assert response.status_code == 302
    assert (_fresh().status, _fresh().panel_lawyer) == (
        "lawyer_assigned",
        "Adv. Test Lawyer (synthetic)",
    )

    client.force_login(malda["worker"])
    assert "Adv. Test Lawyer" in client.get(application.get_absolute_url()).content.decode()
    events = LegalAidEvent.objects.restrict(SYSTEM).filter(application=application)
    assert [e.to_status for e in events] == ["applied", "lawyer_assigned"]


def test_a_lawyer_assigned_before_the_application_is_refused(malda, client):
    client.force_login(malda["worker"])
    _apply(client, malda)
    application = _fresh()
    client.force_login(malda["legal"])
    response = client.post(
        f"{application.get_absolute_url()}lawyer/",
        {"panel_lawyer": "Adv. Test", "assigned_on": days_ago(9), "version": application.version},
    )
    assert "before the application" in response.context["form"].errors["assigned_on"][0]
    assert _fresh().status == LegalAidStatus.APPLIED


def test_refusing_needs_a_reason_and_keeps_it(malda, client):
    client.force_login(malda["worker"])
    _apply(client, malda)
    application = _fresh()
    client.force_login(malda["legal"])
    url = f"{application.get_absolute_url()}transition/"
    client.post(url, {"to": "refused", "reason": "", "version": application.version})
    assert _fresh().status == LegalAidStatus.APPLIED
    client.post(url, {"to": "refused", "reason": "Outside s.12", "version": application.version})
    assert (_fresh().status, _fresh().status_reason) == ("refused", "Outside s.12")
    assert _fresh().closed_on is not None


def test_a_survivor_the_caseworker_cannot_see_is_refused(malda, client):
    client.force_login(malda["other_worker"])
    response = _apply(client, malda, agency=malda["ngo"].pk)
    errors = response.context["form"].errors
    assert "survivor" in errors and "agency" in errors
    assert not LegalAidApplication.objects.restrict(SYSTEM).exists()


def test_another_agency_gets_404(malda, client):
    client.force_login(malda["worker"])
    _apply(client, malda)
    application = _fresh()
    for user in (malda["other_worker"], malda["other_dm"], malda["official"]):
        client.force_login(user)
        assert client.get(application.get_absolute_url()).status_code == 404

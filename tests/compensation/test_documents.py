"""Her documents recovered: applied for, then issued, with the dates; the
number kept encrypted and shown masked; dates out of order refused."""

from sangam.compensation.models import DocumentEvent, DocumentRecovery
from sangam.core.access import SYSTEM
from tests.compensation.conftest import days_ago


def _fresh():
    return DocumentRecovery.objects.restrict(SYSTEM).get()


def _start(client, malda, **changes):
    data = {"survivor": malda["survivor"].pk, "agency": malda["ngo"].pk, "kind": "aadhaar",
            "office": "Block office (synthetic)", **changes}  # fmt: skip
    return client.post("/compensation/documents/new/", data)


def test_a_document_goes_from_needed_to_applied_to_issued(malda, client):
    client.force_login(malda["worker"])
    assert _start(client, malda).status_code == 302
    recovery = _fresh()
    assert recovery.status == "needed"
    step = f"{recovery.get_absolute_url()}step/"
    client.post(f"{step}applied/", {"applied_on": days_ago(10), "version": recovery.version})
    assert (_fresh().status, _fresh().applied_on) == ("applied", days_ago(10))
    client.post(
        f"{step}issued/",
        {"issued_on": days_ago(2), "number": "123456789012", "version": _fresh().version},
    )
    done = _fresh()
    assert (done.status, done.issued_on, done.number) == ("issued", days_ago(2), "123456789012")
    page = client.get(done.get_absolute_url()).content.decode()
    assert "••••••••9012" in page and "123456789012" not in page
    events = DocumentEvent.objects.restrict(SYSTEM).filter(recovery=done)
    assert [e.to_status for e in events] == ["needed", "applied", "issued"]


def test_issued_before_applied_is_refused(malda, client):
    client.force_login(malda["worker"])
    _start(client, malda, applied_on=days_ago(5))
    recovery = _fresh()
    assert recovery.status == "applied"
    response = client.post(
        f"{recovery.get_absolute_url()}step/issued/",
        {"issued_on": days_ago(6), "version": recovery.version},
    )
    assert "before it was applied for" in response.context["form"].errors["issued_on"][0]
    assert _fresh().status == "applied"


def test_another_document_must_be_named(malda, client):
    client.force_login(malda["worker"])
    response = _start(client, malda, kind="other")
    assert response.context["form"].errors["other_kind"]
    assert not DocumentRecovery.objects.restrict(SYSTEM).exists()


def test_another_agency_gets_404(malda, client):
    client.force_login(malda["worker"])
    _start(client, malda)
    for user in (malda["other_worker"], malda["dm"], malda["legal"]):
        client.force_login(user)
        assert client.get(_fresh().get_absolute_url()).status_code == 404

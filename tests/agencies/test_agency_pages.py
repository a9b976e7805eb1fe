import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from sangam.agencies.models import Agency, AgencyContact
from sangam.core.access import SYSTEM
from sangam.core.editing import EDIT_CONFLICT
from sangam.core.roles import Role
from tests.conftest import make_agency, make_user


@pytest.fixture
def admin_wb(client, reference):
    user = make_user("state.wb", Role.STATE_ADMINISTRATOR, make_agency("IN-WB"))
    client.force_login(user)
    return user


def test_the_list_uses_a_fixed_number_of_queries(client, admin_wb):
    for i in range(3):
        make_agency("IN-WB", "Malda", name=f"NGO {i} (synthetic)")
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("agencies:list"))
    for i in range(3, 20):
        make_agency("IN-WB", "Nadia", name=f"NGO {i} (synthetic)")
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("agencies:list"))
    assert "NGO 19 (synthetic)" in response.content.decode()
    assert len(many) == len(few)


def test_the_list_filters_by_state_type_and_text(client, admin_wb):
    make_agency("IN-WB", "Malda", type="cwc", name="Malda CWC (synthetic)")
    make_agency("IN-DL", "South", type="ngo", name="Delhi NGO (synthetic)")
    page = client.get(reverse("agencies:list"), {"state": "IN-WB", "type": "cwc"}).content.decode()
    assert "Malda CWC" in page and "Delhi NGO" not in page
    page = client.get(reverse("agencies:list"), {"q": "delhi"}).content.decode()
    assert "Delhi NGO" in page and "Malda CWC" not in page


def test_it_shows_field_errors_and_saves_nothing(client, admin_wb):
    response = client.post(
        reverse("agencies:create"), {"name": "", "type": "ngo", "jurisdiction_level": "district"}
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert Agency.objects.count() == 1  # only the administrator's own agency


def test_a_state_administrator_cannot_add_agencies_in_another_state(client, admin_wb):
    from sangam.geography.models import District, State

    dl = State.objects.get(code="IN-DL")
    response = client.post(
        reverse("agencies:create"),
        {
            "name": "Elsewhere (synthetic)",
            "type": "ngo",
            "jurisdiction_level": "district",
            "state": dl.pk,
            "district": District.objects.filter(state=dl).first().pk,
        },
    )
    assert "within your jurisdiction" in response.content.decode()
    assert not Agency.objects.filter(name="Elsewhere (synthetic)").exists()


@pytest.fixture
def agency_edited_meanwhile(reference):
    """An agency and the edit form a user filled in before someone else saved it."""
    agency = make_agency("IN-WB", "Malda", name="Original (synthetic)")
    stale = {
        "name": "Mine (synthetic)",
        "type": agency.type,
        "jurisdiction_level": "district",
        "state": agency.state_id,
        "district": agency.district_id,
        "is_active": "on",
        "version": agency.version,
    }
    other = Agency.objects.get(pk=agency.pk)
    other.name = "Theirs (synthetic)"
    other.save_checked(other.version)
    return agency, stale


def test_concurrent_edits_are_detected_not_overwritten(client, admin_wb, agency_edited_meanwhile):
    agency, stale = agency_edited_meanwhile
    response = client.post(reverse("agencies:edit", args=[agency.pk]), stale)
    assert "Someone else saved this record while you were editing it." in response.content.decode()
    assert Agency.objects.get(pk=agency.pk).name == "Theirs (synthetic)"


def test_a_hindi_user_reads_the_edit_conflict_in_hindi(client, admin_wb, agency_edited_meanwhile):
    agency, stale = agency_edited_meanwhile
    admin_wb.language = "hi"
    admin_wb.save(update_fields=["language"])
    page = client.post(reverse("agencies:edit", args=[agency.pk]), stale).content.decode()
    with translation.override("hi"):
        hindi = str(EDIT_CONFLICT)
    assert "Someone else saved this record" not in page
    assert hindi in page
    assert "किसी और ने" in hindi
    assert Agency.objects.get(pk=agency.pk).name == "Theirs (synthetic)"


def test_a_supervisor_adds_a_contact_and_it_is_audited(client, reference):
    agency = make_agency("IN-WB", "Malda")
    client.force_login(make_user("sup", Role.SUPERVISOR, agency))
    response = client.post(
        reverse("agencies:contact_create", args=[agency.pk]),
        {"name": "Added (synthetic)", "phone": "+91 99999 11111"},
    )
    assert response.status_code == 302
    # Names are ciphertext in the table: found by reading, not by a lookup.
    [contact] = [c for c in AgencyContact.objects.restrict(SYSTEM) if c.name == "Added (synthetic)"]
    from sangam.audit.models import AuditEntry

    assert AuditEntry.objects.filter(
        action="create", object_type="agencies.agencycontact", object_id=str(contact.pk)
    ).exists()
    client.get(reverse("agencies:detail", args=[agency.pk]))
    listed = AuditEntry.objects.filter(action="list").latest("seq")
    assert listed.detail["ids"] == [str(contact.pk)]


def test_the_audit_trail_is_for_oversight_roles_only(client, reference):
    agency = make_agency("IN-WB", "Malda")
    client.force_login(make_user("cw", Role.CASEWORKER, agency))
    assert client.get(reverse("audit:list")).status_code == 403
    client.force_login(make_user("dm", Role.DISTRICT_OFFICIAL, agency))
    assert client.get(reverse("audit:list")).status_code == 200

"""A user of agency A in district X cannot list, open, search, export or guess
the URL of agency B's records in district Y — for every model holding personal
data, in the web pages and the API."""

import pytest
from django.urls import reverse

from sangam.accounts.models import APIToken, User
from sangam.agencies.models import AgencyContact, Membership
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from tests.conftest import dashboard_card, make_agency, make_user


@pytest.fixture
def client_a(client, two_districts):
    client.force_login(two_districts["user_a"])
    return client


@pytest.fixture
def token_a(two_districts):
    return APIToken.issue(two_districts["user_a"], "test")[1]


def api(client, token, path, method="get", **kwargs):
    return getattr(client, method)(
        f"/api{path}",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        content_type="application/json",
        **kwargs,
    )


def test_it_lists_only_own_district_contacts(client_a, two_districts):
    response = client_a.get(reverse("agencies:detail", args=[two_districts["b"].pk]))
    assert response.status_code == 200
    assert "Contact Bravo" not in response.content.decode()
    own = client_a.get(reverse("agencies:detail", args=[two_districts["a"].pk]))
    assert "Contact Alpha" in own.content.decode()


def test_it_hides_other_agencys_contact_behind_404(client_a, two_districts):
    url = reverse("agencies:contact_edit", args=[two_districts["contact_b"].pk])
    assert client_a.get(url).status_code == 404


def test_it_does_not_let_a_caseworker_edit_even_own_agency_contacts(client_a, two_districts):
    url = reverse("agencies:contact_edit", args=[two_districts["contact_a"].pk])
    assert client_a.get(url).status_code == 404


def test_it_refuses_export_of_other_agencys_contacts(client_a, two_districts):
    response = client_a.get(reverse("agencies:contacts_export", args=[two_districts["b"].pk]))
    assert response.status_code == 403
    own = client_a.get(reverse("agencies:contacts_export", args=[two_districts["a"].pk]))
    assert own.status_code == 200
    body = own.content.decode()
    assert "Contact Alpha" in body and "Contact Bravo" not in body


def test_it_does_not_find_other_agencys_contacts_by_search(two_districts):
    user = two_districts["user_a"]
    # Contact names are ciphertext in the table; the search is by agency.
    search = {"agency__name__icontains": "Agency B"}
    assert AgencyContact.objects.restrict(SYSTEM).filter(**search).exists()
    assert not AgencyContact.objects.restrict(user, "view").filter(**search).exists()


def test_it_counts_only_visible_records_on_the_dashboard(client_a):
    response = client_a.get(reverse("dashboard"))
    assert dashboard_card(response, "agencies/_card.html")["contacts"] == 1
    assert dashboard_card(response, "agencies/_card.html")["colleagues"] == 1  # own membership only


def test_api_lists_no_contacts_of_other_agency(client, two_districts, token_a):
    response = api(client, token_a, f"/agencies/{two_districts['b'].pk}/contacts")
    assert response.status_code == 200
    assert response.json() == []


def test_api_hides_other_agencys_contact_behind_404(client, two_districts, token_a):
    response = api(client, token_a, f"/contacts/{two_districts['contact_b'].pk}")
    assert response.status_code == 404
    assert response.json()["detail"] == "Not found."
    assert response["Content-Type"] == "application/problem+json"
    assert api(client, token_a, "/contacts/999999").json()["detail"] == "Not found."


def test_api_refuses_to_change_other_agencys_contact(client, two_districts, token_a):
    response = api(
        client,
        token_a,
        f"/contacts/{two_districts['contact_b'].pk}",
        method="put",
        data={"name": "X", "version": 1},
    )
    assert response.status_code == 404
    contact = AgencyContact.objects.restrict(SYSTEM).get(pk=two_districts["contact_b"].pk)
    assert contact.name == "Contact Bravo (synthetic)"


def test_api_refuses_to_add_contacts_to_other_agency(client, two_districts, token_a):
    response = api(
        client,
        token_a,
        f"/agencies/{two_districts['b'].pk}/contacts",
        method="post",
        data={"name": "Intruder (synthetic)"},
    )
    assert response.status_code == 403
    assert not any(c.name.startswith("Intruder") for c in AgencyContact.objects.restrict(SYSTEM))


def test_memberships_of_other_agencies_are_invisible(two_districts):
    user = two_districts["user_a"]
    visible = set(
        Membership.objects.restrict(user, "view").values_list("user__username", flat=True)
    )
    assert visible == {"worker.a"}


def test_users_of_other_agencies_are_invisible(two_districts):
    user = two_districts["user_a"]
    assert list(User.objects.restrict(user, "view").values_list("username", flat=True)) == [
        "worker.a"
    ]


def test_a_district_official_sees_own_district_not_another(two_districts):
    official = make_user(
        "official.malda",
        Role.DISTRICT_OFFICIAL,
        make_agency("IN-WB", "Malda", name="DM Office Malda (synthetic)"),
    )
    names = set(AgencyContact.objects.restrict(official, "view").values_list("name", flat=True))
    assert names == {"Contact Alpha (synthetic)"}
    users = set(User.objects.restrict(official, "view").values_list("username", flat=True))
    assert users == {"worker.a", "official.malda"}


def test_a_state_administrator_sees_the_state_not_other_states(two_districts):
    admin = make_user("state.wb", Role.STATE_ADMINISTRATOR, make_agency("IN-WB"))
    names = set(AgencyContact.objects.restrict(admin, "view").values_list("name", flat=True))
    assert names == {"Contact Alpha (synthetic)"}

"""Administrators manage people on the People pages: invitations, roles,
deactivation, a lost second factor; never a role above their own, never
outside their agency (agency administrators) or state (state administrators)."""

import re

from django.core import mail
from django.test import Client
from django.urls import reverse

from sangam.accounts.models import TOTPDevice, User
from sangam.agencies.models import Membership
from sangam.audit.models import AuditEntry
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from tests.conftest import PASSWORD, totp_now

NEW_PASSWORD = "a-long-new-password-42"


def person_url(name, agency, someone):
    return reverse(f"accounts:{name}", args=[agency.pk, someone.pk])


def invite(client, agency, role=Role.CASEWORKER, username="new.worker"):
    return client.post(
        reverse("accounts:invite", args=[agency.pk]),
        {
            "username": username,
            "first_name": "Mitali",
            "last_name": "Sen (synthetic)",
            "email": "mitali@test.sangam.invalid",
            "role": role,
        },
    )


def fresh(user):
    return User.objects.restrict(SYSTEM).get(pk=user.pk)


def log_in(client, username, password=PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_an_invited_caseworker_chooses_her_password_then_sets_up_her_authenticator(world, client):
    client.force_login(world["admin"])
    response = invite(client, world["ngo"])
    assert response.status_code == 302
    new = User.objects.restrict(SYSTEM).get(username="new.worker")
    assert not new.has_usable_password()
    assert Membership.objects.restrict(SYSTEM).get(user=new).role == Role.CASEWORKER
    [message] = mail.outbox
    assert message.to == ["mitali@test.sangam.invalid"]
    assert "Mitali" not in message.body and "Sen" not in message.body
    link = re.search(r"https?://\S+", message.body).group(0)

    newcomer = Client()
    form_page = newcomer.get(link, follow=True)
    assert "choose your password" in form_page.content.decode()
    chosen = newcomer.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert chosen.status_code == 302 and chosen.url == reverse("login")
    assert log_in(newcomer, "new.worker", NEW_PASSWORD).url == reverse("accounts:setup")
    entry = AuditEntry.objects.get(
        action="invite", object_id=str(new.pk), detail__role="caseworker"
    )
    assert entry.actor_id == world["admin"].pk
    assert entry.detail["agency"] == world["ngo"].pk


def test_the_invitation_link_works_only_once(world, client):
    client.force_login(world["admin"])
    invite(client, world["ngo"])
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    first = Client()
    page = first.get(link, follow=True)
    first.post(
        page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    again = Client().get(link, follow=True)
    assert "no longer valid" in again.content.decode()


def test_an_agency_administrator_cannot_give_a_role_above_her_own(world, client):
    client.force_login(world["admin"])
    response = invite(client, world["ngo"], role=Role.DISTRICT_OFFICIAL)
    assert response.status_code == 200
    assert not User.objects.restrict(SYSTEM).filter(username="new.worker").exists()
    assert not mail.outbox

    membership = Membership.objects.restrict(SYSTEM).get(user=world["worker"])
    client.post(
        reverse("accounts:change_role", args=[world["ngo"].pk, world["worker"].pk, membership.pk]),
        {"role": Role.STATE_ADMINISTRATOR},
        follow=True,
    )
    membership.refresh_from_db()
    assert membership.role == Role.CASEWORKER
    assert not AuditEntry.objects.filter(action="role_change").exists()


def test_she_may_give_her_own_rank_and_below(world, client):
    client.force_login(world["admin"])
    membership = Membership.objects.restrict(SYSTEM).get(user=world["worker"])
    url = reverse("accounts:change_role", args=[world["ngo"].pk, world["worker"].pk, membership.pk])
    page = client.post(url, {"role": Role.SUPERVISOR}, follow=True).content.decode()
    assert "Role changed." in page
    membership.refresh_from_db()
    assert membership.role == Role.SUPERVISOR
    entry = AuditEntry.objects.get(action="role_change")
    assert entry.detail == {"agency": world["ngo"].pk, "from": "caseworker", "to": "supervisor"}
    assert entry.actor_id == world["admin"].pk
    assert invite(client, world["ngo"], role=Role.AGENCY_ADMINISTRATOR).status_code == 302


def test_she_cannot_manage_someone_who_holds_a_higher_role_elsewhere(world, client):
    client.force_login(world["admin"])
    official = world["official"]
    page = client.get(person_url("person", world["ngo"], official)).content.decode()
    assert "holds a role above yours" in page
    assert "Deactivate" not in page
    client.post(person_url("deactivate", world["ngo"], official))
    client.post(person_url("reset_second_factor", world["ngo"], official))
    assert fresh(official).is_active
    assert Membership.objects.restrict(SYSTEM).filter(user=official, is_active=True).count() == 2
    assert TOTPDevice.objects.filter(user=official).exists()


def test_she_cannot_change_her_own_account(world, client):
    admin = world["admin"]
    client.force_login(admin)
    membership = Membership.objects.restrict(SYSTEM).get(user=admin)
    client.post(
        reverse("accounts:change_role", args=[world["ngo"].pk, admin.pk, membership.pk]),
        {"role": Role.CASEWORKER},
    )
    client.post(person_url("deactivate", world["ngo"], admin))
    membership.refresh_from_db()
    assert membership.role == Role.AGENCY_ADMINISTRATOR and membership.is_active


def test_an_agency_administrator_gets_404_outside_her_agency(world, client):
    client.force_login(world["admin"])
    station, police = world["station"], world["police"]
    assert client.get(reverse("accounts:agency_people", args=[station.pk])).status_code == 404
    assert client.get(reverse("accounts:invite", args=[station.pk])).status_code == 404
    assert client.get(person_url("person", station, police)).status_code == 404
    assert client.post(person_url("deactivate", station, police)).status_code == 404
    # Her own agency's page does not reach a person of another agency either.
    assert client.get(person_url("person", world["ngo"], police)).status_code == 404
    assert client.post(person_url("deactivate", world["ngo"], police)).status_code == 404
    assert fresh(police).is_active
    people = client.get(reverse("accounts:people")).content.decode()
    assert "Malda NGO" in people and "Malda station" not in people


def test_a_state_administrator_manages_the_agencies_of_her_state_only(world, client):
    client.force_login(world["state_admin"])
    listed = client.get(reverse("accounts:people")).content.decode()
    assert "Malda NGO" in listed and "Malda station" in listed
    assert "Delhi NGO" not in listed
    delhi, delhi_worker = world["delhi"], world["delhi_worker"]
    assert client.get(reverse("accounts:agency_people", args=[delhi.pk])).status_code == 404
    assert client.post(person_url("deactivate", delhi, delhi_worker)).status_code == 404
    assert fresh(delhi_worker).is_active
    # In her state she may appoint an agency administrator, even a district official.
    assert invite(client, world["station"], role=Role.AGENCY_ADMINISTRATOR).status_code == 302
    assert invite(client, world["ngo"], Role.DISTRICT_OFFICIAL, "new.official").status_code == 302
    assert invite(client, world["ngo"], Role.SYSTEM_ADMINISTRATOR, "x").status_code == 200


def test_a_deactivated_caseworker_cannot_log_in_and_her_session_ends(world, client):
    worker = world["worker"]
    hers = Client()
    log_in(hers, worker.username)
    hers.post(reverse("accounts:verify"), {"code": totp_now(worker)})
    assert hers.get(reverse("dashboard")).status_code == 200

    client.force_login(world["admin"])
    page = client.post(person_url("deactivate", world["ngo"], worker), follow=True)
    assert "Deactivated" in page.content.decode()
    assert not fresh(worker).is_active
    assert hers.get(reverse("dashboard")).status_code == 302
    refused = log_in(Client(), worker.username).content.decode()
    assert "Wrong username or password" in refused
    entry = AuditEntry.objects.get(action="deactivate", object_id=str(worker.pk))
    assert entry.actor_id == world["admin"].pk and entry.detail["account"] is True


def test_reactivating_gives_her_back_her_roles_here(world, client):
    worker = world["worker"]
    client.force_login(world["admin"])
    client.post(person_url("deactivate", world["ngo"], worker))
    client.post(person_url("reactivate", world["ngo"], worker))
    assert fresh(worker).is_active
    assert Membership.objects.restrict(SYSTEM).get(user=worker).is_active
    assert AuditEntry.objects.filter(action="reactivate", object_id=str(worker.pk)).exists()


def test_deactivating_her_in_one_agency_keeps_her_other_work(world, client):
    police = world["police"]
    Membership.objects.create(user=police, agency=world["ngo"], role=Role.CASEWORKER)
    client.force_login(world["admin"])
    client.post(person_url("deactivate", world["ngo"], police))
    police = fresh(police)
    assert police.is_active
    assert [m.agency for m in police.active_memberships()] == [world["station"]]


def test_a_lost_authenticator_is_reset_and_she_sets_up_a_new_one(world, client):
    worker = world["worker"]
    hers = Client()
    hers.force_login(worker)
    client.force_login(world["admin"])
    page = client.post(person_url("reset_second_factor", world["ngo"], worker), follow=True)
    assert "sets up a new one at her next login" in page.content.decode()
    assert not TOTPDevice.objects.filter(user=worker).exists()
    assert hers.get(reverse("dashboard")).status_code == 302
    assert log_in(Client(), worker.username).url == reverse("accounts:setup")
    entry = AuditEntry.objects.get(action="factor_reset")
    assert entry.object_id == str(worker.pk) and entry.actor_id == world["admin"].pk
    assert entry.detail["agency"] == world["ngo"].pk
    # Only the one entry for the reset itself (ending her sessions is no change of hers).
    assert not AuditEntry.objects.filter(
        object_id=str(worker.pk), actor_id=world["admin"].pk, action="update"
    ).exists()


def test_the_people_menu_is_only_for_those_who_manage_people(world, client):
    client.force_login(world["admin"])
    assert reverse("accounts:people") in client.get(reverse("dashboard")).content.decode()
    assert client.get(reverse("accounts:people")).status_code == 200
    for user in (world["worker"], world["supervisor"], world["official"]):
        client.force_login(user)
        assert reverse("accounts:people") not in client.get(reverse("dashboard")).content.decode()
        assert client.get(reverse("accounts:people")).status_code == 404
        url = reverse("accounts:agency_people", args=[world["ngo"].pk])
        assert client.get(url).status_code == 404


def test_opening_an_agencys_people_and_a_person_is_audited(world, client):
    client.force_login(world["admin"])
    page = client.get(reverse("accounts:agency_people", args=[world["ngo"].pk]))
    assert "worker.malda" in page.content.decode()
    listed = AuditEntry.objects.get(action="list", object_type="accounts.user")
    assert str(world["worker"].pk) in listed.detail["ids"]
    client.get(person_url("person", world["ngo"], world["worker"]))
    assert AuditEntry.objects.filter(action="view", object_id=str(world["worker"].pk)).exists()


def test_a_taken_username_is_refused_and_nothing_is_written(world, client):
    client.force_login(world["admin"])
    before = Membership.objects.restrict(SYSTEM).count()
    page = invite(client, world["ngo"], username="WORKER.malda").content.decode()
    assert "This username is taken" in page
    assert Membership.objects.restrict(SYSTEM).count() == before
    assert not mail.outbox


def test_an_invitation_that_cannot_be_mailed_leaves_no_account(world, client, monkeypatch):
    import smtplib

    from sangam.core import notify

    def broken(*args, **kwargs):
        raise smtplib.SMTPException("mail server down")

    monkeypatch.setattr(notify, "send_mail", broken)
    client.force_login(world["admin"])
    before = Membership.objects.restrict(SYSTEM).count()
    client.raise_request_exception = False
    assert invite(client, world["ngo"]).status_code == 500
    assert not User.objects.restrict(SYSTEM).filter(username="new.worker").exists()
    assert Membership.objects.restrict(SYSTEM).count() == before


def test_she_adds_a_second_role_from_the_person_page(world, client):
    worker = world["worker"]
    client.force_login(world["admin"])
    page = client.get(person_url("person", world["ngo"], worker)).content.decode()
    assert 'id="add-role"' in page and "District official" not in page
    client.post(person_url("add_role", world["ngo"], worker), {"role": Role.COUNSELLOR})
    roles = set(
        Membership.objects.restrict(SYSTEM).filter(user=worker).values_list("role", flat=True)
    )
    assert roles == {"caseworker", "counsellor"}

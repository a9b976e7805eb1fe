"""`sangam users`: the first administrator and scripts manage people with the
pages' rules; clear errors, and nothing half-written."""

import io
import sys

import pytest
from django.contrib.auth import authenticate
from django.core import mail
from django.core.management import CommandError, call_command

from sangam.accounts.models import TOTPDevice, User
from sangam.agencies.models import Agency, Membership
from sangam.audit.models import AuditEntry
from sangam.core.access import SYSTEM
from sangam.core.roles import Role

STRONG = "first-admin-password-2026"


def users(*args, stdin=""):
    out = io.StringIO()
    saved, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        call_command("users", *args, stdout=out)
    finally:
        sys.stdin = saved
    return out.getvalue()


def memberships(username):
    return Membership.objects.restrict(SYSTEM).filter(user__username=username)


def test_the_first_administrator_is_created_with_her_own_agency(reference):
    out = users(
        "create", "first.admin", "--role", "system_administrator",
        "--new-agency", "Sangam operations (synthetic)",
        "--email", "ops@test.sangam.invalid", "--password-stdin",
        stdin=STRONG + "\n",
    )  # fmt: skip
    assert "created first.admin" in out
    admin = authenticate(username="first.admin", password=STRONG)
    assert admin is not None and admin.needs_two_factor
    [membership] = memberships("first.admin")
    assert membership.role == Role.SYSTEM_ADMINISTRATOR
    assert membership.agency.jurisdiction_level == "national"
    entry = AuditEntry.objects.get(action="invite", object_id=str(admin.pk))
    assert entry.actor_label == "command:users create"


def test_a_weak_password_writes_nothing(reference):
    with pytest.raises(CommandError, match="too short|too common"):
        users(
            "create", "first.admin", "--role", "system_administrator",
            "--new-agency", "Sangam operations (synthetic)",
            "--email", "ops@test.sangam.invalid", "--password-stdin",
            stdin="abc\n",
        )  # fmt: skip
    assert not User.objects.restrict(SYSTEM).filter(username="first.admin").exists()
    assert not Agency.objects.filter(name="Sangam operations (synthetic)").exists()


def test_without_a_terminal_it_asks_for_a_way_to_set_the_password(world):
    with pytest.raises(CommandError, match="--password-stdin or --invite"):
        users(
            "create", "new.cw", "--role", "caseworker", "--agency", str(world["ngo"].pk),
            "--email", "new.cw@test.sangam.invalid",
        )  # fmt: skip
    assert not User.objects.restrict(SYSTEM).filter(username="new.cw").exists()


def test_a_taken_username_writes_nothing_not_even_the_new_agency(world):
    with pytest.raises(CommandError, match="username is taken"):
        users(
            "create", "worker.malda", "--role", "caseworker",
            "--new-agency", "Another (synthetic)",
            "--email", "x@test.sangam.invalid", "--password-stdin", stdin=STRONG + "\n",
        )  # fmt: skip
    assert not Agency.objects.filter(name="Another (synthetic)").exists()


def test_an_invitation_is_emailed_instead_of_a_password(world):
    users(
        "create", "new.cw", "--role", "caseworker", "--agency", str(world["ngo"].pk),
        "--email", "new.cw@test.sangam.invalid", "--invite",
    )  # fmt: skip
    [message] = mail.outbox
    assert message.to == ["new.cw@test.sangam.invalid"]
    assert "/accounts/invitation/" in message.body
    assert not User.objects.restrict(SYSTEM).get(username="new.cw").has_usable_password()


def test_an_agency_is_found_by_its_exact_name_and_an_unknown_one_is_a_clear_error(world):
    users("set-role", "police.malda", "--agency", "Malda NGO (synthetic)", "--role", "caseworker")
    assert set(memberships("police.malda").values_list("role", flat=True)) == {
        "police_officer",
        "caseworker",
    }
    with pytest.raises(CommandError, match="no agency with that name"):
        users("set-role", "police.malda", "--agency", "Nowhere", "--role", "caseworker")
    with pytest.raises(CommandError, match="unknown role"):
        users("set-role", "police.malda", "--agency", "1", "--role", "chief")


def test_set_role_changes_her_only_role_there_and_is_audited(world):
    users("set-role", "worker.malda", "--agency", str(world["ngo"].pk), "--role", "supervisor")
    assert list(memberships("worker.malda").values_list("role", flat=True)) == ["supervisor"]
    entry = AuditEntry.objects.get(action="role_change")
    assert entry.detail["from"] == "caseworker" and entry.actor_label == "command:users set-role"


def test_set_role_asks_which_role_when_she_holds_several(world):
    ngo = str(world["ngo"].pk)
    Membership.objects.create(user=world["worker"], agency=world["ngo"], role=Role.COUNSELLOR)
    with pytest.raises(CommandError, match="several roles"):
        users("set-role", "worker.malda", "--agency", ngo, "--role", "supervisor")
    users(
        "set-role", "worker.malda", "--agency", ngo, "--role", "supervisor",
        "--replace", "counsellor",
    )  # fmt: skip
    assert set(memberships("worker.malda").values_list("role", flat=True)) == {
        "caseworker",
        "supervisor",
    }


def test_deactivating_an_account_stops_her_login_and_reactivating_restores_it(world):
    users("deactivate", "worker.malda")
    assert authenticate(username="worker.malda", password="correct-horse-battery-9") is None
    assert AuditEntry.objects.filter(action="deactivate", detail__account=True).exists()
    users("reactivate", "worker.malda")
    assert authenticate(username="worker.malda", password="correct-horse-battery-9") is not None


def test_reset_second_factor_forgets_her_authenticator(world):
    users("reset-second-factor", "worker.malda")
    assert not TOTPDevice.objects.filter(user=world["worker"]).exists()
    entry = AuditEntry.objects.get(action="factor_reset")
    assert entry.object_id == str(world["worker"].pk)
    with pytest.raises(CommandError, match="no user with that username"):
        users("reset-second-factor", "nobody")


def test_list_shows_roles_without_names_or_addresses_and_is_audited(world):
    out = users("list", "--agency", str(world["ngo"].pk))
    lines = out.splitlines()
    assert lines[0].startswith("username\taccount")
    assert f"worker.malda\tactive\tyes\t{world['ngo'].pk}\tcaseworker\tyes" in lines
    assert "police.malda" not in out
    assert "@" not in out
    assert AuditEntry.objects.filter(action="list", object_type="accounts.user").exists()

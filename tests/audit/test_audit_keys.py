"""Where the audit key comes from, and moving a chain to a new key."""

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from sangam.audit import keys, log
from sangam.audit.models import GENESIS, AuditEntry
from tests.conftest import set_audit_triggers

REPOSITORY = Path(__file__).resolve().parents[2]


def _b64(key):
    return base64.b64encode(key).decode()


@pytest.fixture
def fresh_key(monkeypatch):
    """Run with another key, read again from the environment."""

    def use(key):
        monkeypatch.setenv("SANGAM_AUDIT_KEY", _b64(key))
        keys.audit_key.cache_clear()

    yield use
    monkeypatch.undo()
    keys.audit_key.cache_clear()


def _entries(n=4):
    for i in range(n):
        log.record("view", "agencies.agencycontact", i)


def _rehash(hash_of):
    """Rewrite every hash by ``hash_of``, as an earlier version or key did."""
    set_audit_triggers(False)
    prev = GENESIS
    with connection.cursor() as c:
        for entry in AuditEntry.objects.order_by("seq"):
            entry.prev_hash = prev
            entry.hash = hash_of(entry)
            c.execute(
                "UPDATE audit_auditentry SET prev_hash = %s, hash = %s WHERE seq = %s",
                [entry.prev_hash, entry.hash, entry.seq],
            )
            prev = entry.hash
        c.execute("UPDATE audit_auditchainhead SET hash = %s WHERE id = 1", [prev])
    set_audit_triggers(True)


def test_a_legacy_chain_is_named_and_rekeyed(db, capsys):
    _entries()
    _rehash(AuditEntry.legacy_hash)
    with pytest.raises(CommandError, match="not keyed yet: run `sangam audit rekey --from-legacy`"):
        call_command("audit", "verify")
    call_command("audit", "rekey", "--from-legacy")
    call_command("audit", "verify")
    assert "4 entries verified, 1 anchors match" in capsys.readouterr().out
    log.record("view", "x", 1)  # the head moved with the chain: appends go on
    call_command("audit", "verify")


def test_rekey_refuses_a_chain_that_was_altered_under_the_old_rule(db):
    _entries()
    _rehash(AuditEntry.legacy_hash)
    set_audit_triggers(False)
    with connection.cursor() as c:
        c.execute("UPDATE audit_auditentry SET object_id = 'x' WHERE seq = 2")
    set_audit_triggers(True)
    with pytest.raises(CommandError, match="not re-keyed: the chain is broken at entry 2"):
        call_command("audit", "rekey", "--from-legacy")
    assert AuditEntry.objects.get(seq=1).hash == AuditEntry.objects.get(seq=1).legacy_hash()


def test_a_chain_moves_from_the_previous_key_to_the_new_one(db, fresh_key, monkeypatch):
    old, new = os.urandom(32), os.urandom(32)
    fresh_key(old)
    _entries()
    call_command("audit", "anchor")
    fresh_key(new)
    with pytest.raises(CommandError, match="broken at entry 1: content was altered"):
        call_command("audit", "verify")
    monkeypatch.setenv("SANGAM_AUDIT_PREVIOUS_KEY", _b64(old))
    call_command("audit", "rekey")
    call_command("audit", "verify")


def test_rekey_without_the_previous_key_says_what_to_set(db):
    _entries(1)
    with pytest.raises(CommandError, match="set SANGAM_AUDIT_PREVIOUS_KEY"):
        call_command("audit", "rekey")


def test_outside_production_a_random_key_is_made_once_in_a_private_file(
    tmp_path, monkeypatch, settings
):
    path = tmp_path / "config" / "audit.key"
    monkeypatch.delenv("SANGAM_AUDIT_KEY")
    monkeypatch.setenv("SANGAM_AUDIT_KEY_FILE", str(path))
    keys.audit_key.cache_clear()
    try:
        key = keys.audit_key()
        keys.audit_key.cache_clear()
        assert keys.audit_key() == key  # read back, not made again
    finally:
        keys.audit_key.cache_clear()
    assert len(key) == 32
    assert path.stat().st_mode & 0o777 == 0o600
    assert not path.resolve().is_relative_to(REPOSITORY)


def test_the_default_key_file_is_outside_the_repository(monkeypatch):
    monkeypatch.delenv("SANGAM_AUDIT_KEY_FILE", raising=False)
    assert not keys.key_file().resolve().is_relative_to(REPOSITORY)


def test_production_refuses_to_run_without_the_audit_key(production_env):
    env = dict(production_env)
    env.pop("SANGAM_AUDIT_KEY")
    result = subprocess.run(
        [sys.executable, "-m", "sangam.site.cli", "check", "--deploy"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SANGAM_AUDIT_KEY is required in production" in result.stderr

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.utils import DatabaseError

from sangam.audit import keys, log
from sangam.audit.models import GENESIS, AuditEntry
from tests.conftest import set_audit_triggers


def _entries(n=5):
    for i in range(n):
        log.record("view", "agencies.agencycontact", i)


def _drop_triggers():
    # Someone with database-owner rights can drop the triggers; the chain
    # must still expose what they did. (Rolled back with the test.)
    set_audit_triggers(False)


def test_it_verifies_an_intact_chain(db, capsys):
    _entries()
    call_command("audit", "verify")
    assert "5 entries verified" in capsys.readouterr().out


def _rewrite_from(seq, hash_of):
    """What someone with write access to the table but not the key can do:
    alter an entry and recompute every later hash and link by some rule."""
    entries = list(AuditEntry.objects.filter(seq__gte=seq - 1).order_by("seq"))
    prev_hash = entries[0].hash if seq > 1 else GENESIS
    with connection.cursor() as c:
        for entry in entries[1:] if seq > 1 else entries:
            if entry.seq == seq:
                entry.object_id = "tampered"
            entry.prev_hash = prev_hash
            entry.hash = hash_of(entry)
            c.execute(
                "UPDATE audit_auditentry SET object_id = %s, prev_hash = %s, hash = %s "
                "WHERE seq = %s",
                [entry.object_id, entry.prev_hash, entry.hash, entry.seq],
            )
            prev_hash = entry.hash
        c.execute("UPDATE audit_auditchainhead SET hash = %s WHERE id = 1", [prev_hash])


def test_recomputing_every_later_hash_with_the_public_rule_is_detected(db):
    _entries()
    _drop_triggers()
    _rewrite_from(3, AuditEntry.legacy_hash)
    with pytest.raises(CommandError, match="broken at entry 3: content was altered"):
        call_command("audit", "verify")


def test_recomputing_every_later_hash_with_a_guessed_key_is_detected(db):
    _entries()
    _drop_triggers()
    _rewrite_from(3, lambda e: e.compute_hash(b"g" * 32))
    with pytest.raises(CommandError, match="broken at entry 3: content was altered"):
        call_command("audit", "verify")


def test_the_entries_are_keyed_with_the_audit_key(db):
    entry = log.record("view", "x", 1)
    assert entry.hash == keys.mac(keys.audit_key(), entry.prev_hash + entry.content())
    assert entry.hash != entry.legacy_hash()


def test_it_names_the_first_altered_entry(db):
    _entries()
    _drop_triggers()
    with connection.cursor() as c:
        c.execute("UPDATE audit_auditentry SET object_id = '99' WHERE seq = 3")
    with pytest.raises(CommandError, match="broken at entry 3: content was altered"):
        call_command("audit", "verify")


def test_it_names_a_removed_entry(db):
    _entries()
    _drop_triggers()
    with connection.cursor() as c:
        c.execute("DELETE FROM audit_auditentry WHERE seq = 2")
    with pytest.raises(CommandError, match="broken at entry 2: entry 2 is missing"):
        call_command("audit", "verify")


def test_it_detects_removal_of_the_newest_entries(db):
    _entries()
    _drop_triggers()
    with connection.cursor() as c:
        c.execute("DELETE FROM audit_auditentry WHERE seq >= 4")
    with pytest.raises(CommandError, match="broken at entry 4"):
        call_command("audit", "verify")


def test_it_detects_a_recomputed_hash_that_breaks_the_link(db):
    _entries()
    _drop_triggers()
    entry = AuditEntry.objects.get(seq=2)
    entry.object_id = "tampered"
    forged = entry.compute_hash()
    with connection.cursor() as c:
        c.execute(
            "UPDATE audit_auditentry SET object_id = 'tampered', hash = %s WHERE seq = 2", [forged]
        )
    with pytest.raises(CommandError, match="broken at entry 3: does not follow"):
        call_command("audit", "verify")


def test_the_database_refuses_updates_and_deletes(db):
    _entries(1)
    for sql in ("UPDATE audit_auditentry SET object_id = 'x'", "DELETE FROM audit_auditentry"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as c:
            c.execute(sql)
    assert AuditEntry.objects.count() == 1


def test_the_model_refuses_updates_and_deletes(db):
    entry = log.record("view", "x", 1)
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()


def test_the_command_exits_non_zero_on_a_broken_chain(db):
    _entries(2)
    _drop_triggers()
    with connection.cursor() as c:
        c.execute("UPDATE audit_auditentry SET purpose = 'x' WHERE seq = 1")
    with pytest.raises(CommandError) as excinfo:
        call_command("audit", "verify")
    assert excinfo.value.returncode == 1

"""The chain head anchored outside the database, and the head row guarded
like the entries."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.utils import DatabaseError

from sangam.audit import log
from sangam.audit.models import AuditChainHead, AuditEntry
from tests.conftest import set_audit_triggers


def _entries(n):
    for i in range(n):
        log.record("view", "agencies.agencycontact", i)


def _truncate_to(seq):
    """Delete the entries after ``seq`` and move the head back onto ``seq``:
    every remaining hash and the head agree, so only an anchor can tell."""
    set_audit_triggers(False)  # as the owner could; rolled back with the test
    kept = AuditEntry.objects.get(seq=seq)
    with connection.cursor() as c:
        c.execute("DELETE FROM audit_auditentry WHERE seq > %s", [seq])
        c.execute(
            "UPDATE audit_auditchainhead SET seq = %s, hash = %s WHERE id = 1", [seq, kept.hash]
        )
    set_audit_triggers(True)


def test_anchor_appends_the_signed_head(db, audit_anchor_file, capsys):
    _entries(2)
    call_command("audit", "anchor")
    _entries(1)
    call_command("audit", "anchor")
    lines = [json.loads(line) for line in audit_anchor_file.read_text().splitlines()]
    assert [line["seq"] for line in lines] == [2, 3]
    assert lines[1]["hash"] == AuditEntry.objects.get(seq=3).hash
    assert set(lines[0]) == {"seq", "hash", "at", "key", "mac"}
    call_command("audit", "verify")
    assert "3 entries verified, 2 anchors match" in capsys.readouterr().out


def test_removing_the_newest_entries_and_moving_the_head_back_is_detected(db):
    _entries(5)
    call_command("audit", "anchor")
    _truncate_to(3)
    with pytest.raises(CommandError, match=r"broken at entry 4: entries after 3 were removed "
                       r"\(anchored at 5 on "):  # fmt: skip
        call_command("audit", "verify")


def test_a_truncated_chain_that_grew_again_differs_from_its_anchor(db):
    _entries(4)
    call_command("audit", "anchor")
    _truncate_to(2)
    _entries(3)  # the application goes on writing: entries 3 to 5 are new
    with pytest.raises(CommandError, match="broken at entry 4: differs from the anchor of "):
        call_command("audit", "verify")


def test_a_restored_backup_may_be_older_than_the_newest_anchor(db, capsys):
    _entries(3)
    call_command("audit", "anchor")
    _entries(2)
    call_command("audit", "anchor")
    _truncate_to(3)  # what restoring the backup taken at the first anchor gives
    call_command("audit", "verify", "--allow-newer-anchors")
    assert "3 entries verified, 1 anchors match" in capsys.readouterr().out


@pytest.mark.parametrize("field, value", [("seq", 9), ("hash", "f" * 64)])
def test_a_forged_anchor_line_is_refused(db, audit_anchor_file, field, value):
    _entries(2)
    call_command("audit", "anchor")
    line = json.loads(audit_anchor_file.read_text())
    with audit_anchor_file.open("a") as f:
        f.write(json.dumps({**line, field: value}) + "\n")
    with pytest.raises(CommandError, match="line 2 of the anchor file is not signed"):
        call_command("audit", "verify")


def test_a_malformed_anchor_line_is_refused(db, audit_anchor_file):
    audit_anchor_file.write_text("not json\n")
    with pytest.raises(CommandError, match="line 1 of the anchor file is malformed"):
        call_command("audit", "verify")


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM audit_auditchainhead",
        "UPDATE audit_auditchainhead SET seq = 2",
        "UPDATE audit_auditchainhead SET seq = 4",
        "UPDATE audit_auditchainhead SET hash = 'x'",
        "INSERT INTO audit_auditchainhead (id, seq, hash) VALUES (2, 3, 'x')",
    ],
)
def test_the_database_refuses_to_move_or_remove_the_head(db, sql):
    _entries(3)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as c:
        c.execute(sql)
    head = AuditChainHead.objects.get(pk=1)
    assert (head.seq, head.hash) == (3, AuditEntry.objects.get(seq=3).hash)
    assert AuditChainHead.objects.count() == 1

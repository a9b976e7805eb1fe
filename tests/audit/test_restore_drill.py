"""`sangam backup` and the restore drill on a small PostgreSQL database: the
drill restores into a fresh database and verifies the audit chain there
against the anchors."""

import base64
import os
import subprocess
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from sangam.audit import log

REPOSITORY = Path(__file__).resolve().parents[2]
SANGAM = REPOSITORY / ".venv" / "bin" / "sangam"

pytestmark = pytest.mark.postgresql


@pytest.fixture
def postgres(audit_flushable, transactional_db, tmp_path, monkeypatch):
    """The test database, committed (pg_dump reads it from its own
    connection), with a backup key and a backup directory."""
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump and pg_restore need PostgreSQL (CI's PostgreSQL pass runs this)")
    s = connection.settings_dict
    url = f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    if s.get("PASSWORD"):
        url = url.replace("@", f":{s['PASSWORD']}@", 1)
    monkeypatch.setenv("SANGAM_BACKUP_KEY", base64.b64encode(os.urandom(32)).decode())
    monkeypatch.setenv("SANGAM_BACKUP_DIR", str(tmp_path / "backups"))
    return {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "sangam.site.settings"}


def _run(env, *command):
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)


def _entries(n):
    for i in range(n):
        log.record("view", "agencies.agencycontact", i)


def test_a_backup_restores_into_a_fresh_database_whose_chain_verifies(postgres, tmp_path):
    _entries(3)
    call_command("audit", "anchor")
    made = _run(postgres, SANGAM, "backup", "--keep", "2")
    assert made.returncode == 0, made.stderr
    files = list((tmp_path / "backups").glob("sangam-*.backup"))
    assert len(files) == 1 and files[0].stat().st_mode & 0o777 == 0o600
    assert b"agencies.agencycontact" not in files[0].read_bytes()  # encrypted
    _entries(2)  # the live chain goes on after the backup
    call_command("audit", "anchor")

    drill = _run(postgres, REPOSITORY / "scripts" / "restore-drill")
    assert drill.returncode == 0, drill.stdout + drill.stderr
    assert "3 entries verified, 1 anchors match, 1 anchors are newer" in drill.stdout
    assert "restore drill: passed" in drill.stdout


def test_the_drill_fails_on_a_backup_whose_chain_was_altered(postgres):
    _entries(3)
    # audit_flushable has lifted the triggers for this module, as an owner could.
    with connection.cursor() as c:
        c.execute("UPDATE audit_auditentry SET object_id = 'x' WHERE seq = 2")
    assert _run(postgres, SANGAM, "backup").returncode == 0
    drill = _run(postgres, REPOSITORY / "scripts" / "restore-drill")
    assert drill.returncode != 0
    assert "broken at entry 2: content was altered" in drill.stderr


def test_a_restore_never_writes_into_a_database_holding_tables(postgres, tmp_path):
    _entries(1)
    assert _run(postgres, SANGAM, "backup").returncode == 0
    (path,) = (tmp_path / "backups").glob("sangam-*.backup")
    with pytest.raises(CommandError, match="not restored: the target database is not empty"):
        call_command("restore", str(path), postgres["DATABASE_URL"])

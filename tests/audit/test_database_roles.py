"""The application's PostgreSQL role cannot touch the audit triggers: the
schema is migrated by an owner role, scripts/database-roles.sql gives the
application's role data rights only (docs/operations.md)."""

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

REPOSITORY = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.postgresql


@pytest.fixture(scope="module")
def two_roles():
    """A fresh database migrated by its owner role, and an application role
    given the rights of scripts/database-roles.sql. Dropped afterwards."""
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("database roles are PostgreSQL's (CI's PostgreSQL pass runs this)")
    server = f"host={db['HOST'] or '127.0.0.1'} port={db['PORT'] or 5432}"
    su = f"{server} user={db['USER']} dbname=postgres"
    tag = f"h15roles{os.getpid()}"
    owner, app, name = f"{tag}_owner", f"{tag}_app", f"{tag}_db"
    with psycopg.connect(su, autocommit=True) as c:
        c.execute(f"CREATE ROLE {owner} LOGIN")
        c.execute(f"CREATE ROLE {app} LOGIN")
        c.execute(f"CREATE DATABASE {name} OWNER {owner}")
    url = f"postgres://{{}}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"
    env = {"DJANGO_SETTINGS_MODULE": "sangam.site.settings"}
    try:
        migrate = subprocess.run(
            [sys.executable, "-m", "sangam.site.cli", "migrate", "--no-input"],
            env={**os.environ, **env, "DATABASE_URL": url.format(owner)},
            capture_output=True,
            text=True,
            check=False,
        )
        assert migrate.returncode == 0, migrate.stderr
        grants = subprocess.run(
            ["psql", "-q", f"{server} user={db['USER']} dbname={name}", "-v", f"owner={owner}",
             "-v", f"app={app}", "-f", str(REPOSITORY / "scripts" / "database-roles.sql")],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert grants.returncode == 0, grants.stderr
        yield {
            "app": f"{server} user={app} dbname={name}",
            "owner": f"{server} user={owner} dbname={name}",
            "app_url": url.format(app),
            "env": env,
        }
    finally:
        with psycopg.connect(su, autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            c.execute(f"DROP ROLE IF EXISTS {app}")
            c.execute(f"DROP ROLE IF EXISTS {owner}")


def _sangam(roles, *args):
    return subprocess.run(
        [sys.executable, "-m", "sangam.site.cli", *args],
        env={**os.environ, **roles["env"], "DATABASE_URL": roles["app_url"]},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    "sql",
    [
        "ALTER TABLE audit_auditentry DISABLE TRIGGER USER",
        "ALTER TABLE audit_auditentry DISABLE TRIGGER audit_entry_no_change",
        "DROP TRIGGER audit_entry_no_change ON audit_auditentry",
        "ALTER TABLE audit_auditchainhead DISABLE TRIGGER USER",
        "DROP TRIGGER audit_head_guard ON audit_auditchainhead",
        "CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS "
        "$$ BEGIN RETURN OLD; END; $$ LANGUAGE plpgsql",
        "DROP FUNCTION audit_head_guard() CASCADE",
        "UPDATE audit_auditentry SET object_id = 'x'",
        "DELETE FROM audit_auditentry",
        "TRUNCATE audit_auditentry",
        "DELETE FROM audit_auditchainhead",
        "CREATE TABLE audit_copy (id int)",
    ],
)
def test_the_application_role_cannot_touch_the_audit_trail(two_roles, sql):
    with psycopg.connect(two_roles["app"]) as c:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            c.execute(sql)


def test_the_owner_could_which_is_why_the_application_does_not_run_as_it(two_roles):
    with psycopg.connect(two_roles["owner"]) as c:
        c.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER USER")
        c.rollback()


def test_sangam_writes_and_verifies_its_audit_trail_as_the_application_role(two_roles):
    written = _sangam(
        two_roles,
        "shell",
        "-c",
        "from sangam.audit import log; [log.record('view', 'x', i) for i in range(3)]",
    )
    assert written.returncode == 0, written.stderr
    assert _sangam(two_roles, "audit", "anchor").returncode == 0
    verified = _sangam(two_roles, "audit", "verify")
    assert verified.returncode == 0, verified.stderr
    assert "3 entries verified, 1 anchors match" in verified.stdout
    with psycopg.connect(two_roles["app"]) as c:
        with pytest.raises(psycopg.errors.RaiseException, match="only moves to the next entry"):
            c.execute("UPDATE audit_auditchainhead SET seq = 1")

"""Protect the chain head row like the entries: it cannot be removed, and an
update may only move it one entry forward, onto an entry that exists with
that hash — so nobody can delete the newest entries and move the head back
without first lifting the triggers, which only the database owner can."""

from django.db import migrations

GUARD = (
    "NEW.id <> OLD.id OR NEW.seq <> OLD.seq + 1 OR NOT EXISTS "
    "(SELECT 1 FROM audit_auditentry WHERE seq = NEW.seq AND hash = NEW.hash)"
)
SQLITE = [
    """CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_auditchainhead
       BEGIN SELECT RAISE(ABORT, 'the audit chain head cannot be removed'); END""",
    f"""CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_auditchainhead
       WHEN {GUARD}
       BEGIN SELECT RAISE(ABORT, 'the audit chain head only moves to the next entry'); END""",
    """CREATE TRIGGER audit_head_single BEFORE INSERT ON audit_auditchainhead
       WHEN NEW.id <> 1 OR NEW.seq <> 0
       BEGIN SELECT RAISE(ABORT, 'the audit chain has one head, starting at 0'); END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_head_no_delete",
    "DROP TRIGGER IF EXISTS audit_head_forward_only",
    "DROP TRIGGER IF EXISTS audit_head_single",
]
POSTGRESQL = [
    f"""CREATE OR REPLACE FUNCTION audit_head_guard() RETURNS trigger AS $$
       BEGIN
         IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
           RAISE EXCEPTION 'the audit chain head cannot be removed';
         ELSIF TG_OP = 'INSERT' AND (NEW.id <> 1 OR NEW.seq <> 0) THEN
           RAISE EXCEPTION 'the audit chain has one head, starting at 0';
         ELSIF TG_OP = 'UPDATE' AND ({GUARD}) THEN
           RAISE EXCEPTION 'the audit chain head only moves to the next entry';
         END IF;
         RETURN NEW;
       END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_head_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_auditchainhead
       FOR EACH ROW EXECUTE FUNCTION audit_head_guard()""",
    """CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_auditchainhead
       FOR EACH STATEMENT EXECUTE FUNCTION audit_head_guard()""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_head_guard ON audit_auditchainhead",
    "DROP TRIGGER IF EXISTS audit_head_no_truncate ON audit_auditchainhead",
    "DROP FUNCTION IF EXISTS audit_head_guard()",
]


def _run(schema_editor, statements):
    for sql in statements:
        schema_editor.execute(sql)


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, SQLITE)
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRESQL)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    _run(schema_editor, SQLITE_REVERSE if vendor == "sqlite" else POSTGRESQL_REVERSE)


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_people_management_actions")]
    operations = [migrations.RunPython(forwards, backwards)]

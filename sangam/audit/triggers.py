"""The audit tables' append-only triggers, with the SQL of the migrations
that install them (0002: entries, 0004: the chain head)."""

from contextlib import contextmanager
from importlib import import_module

from django.db import connection

_MIGRATIONS = [
    import_module("sangam.audit.migrations.0002_chain_head_and_append_only"),
    import_module("sangam.audit.migrations.0005_protect_the_chain_head"),
]


def _statements(enabled):
    sqlite = connection.vendor == "sqlite"
    if enabled:
        return [s for m in _MIGRATIONS for s in (m.SQLITE if sqlite else m.POSTGRESQL)]
    return [s for m in _MIGRATIONS for s in (m.SQLITE_REVERSE if sqlite else m.POSTGRESQL_REVERSE)]


def set_enabled(enabled):
    """Create or drop every audit trigger (needs the tables' owner)."""
    # A plain cursor: the schema editor cannot run inside a transaction.
    with connection.cursor() as cursor:
        for sql in _statements(enabled):
            cursor.execute(sql)


@contextmanager
def lifted():
    """Inside the caller's transaction, without the triggers: a rollback
    brings them back with everything else."""
    if connection.vendor == "postgresql":
        tables = ("audit_auditentry", "audit_auditchainhead")
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
            yield
            for table in tables:
                cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
    else:
        set_enabled(False)
        yield
        set_enabled(True)

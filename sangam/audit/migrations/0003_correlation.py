"""A correlation id on each entry: the entries of one request or command.

SQLite adds a column with a default by rebuilding the table, which drops
the triggers that keep entries append-only: they are created again."""

from importlib import import_module

from django.db import migrations, models

append_only = import_module("sangam.audit.migrations.0002_chain_head_and_append_only")


def restore_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        append_only._run(schema_editor, append_only.SQLITE_REVERSE + append_only.SQLITE)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_chain_head_and_append_only")]

    operations = [
        migrations.AddField(
            model_name="auditentry",
            name="correlation",
            field=models.CharField(blank=True, default="", max_length=32),
        ),
        migrations.RunPython(restore_triggers, migrations.RunPython.noop),
    ]

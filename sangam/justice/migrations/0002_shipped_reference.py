"""The shipped offence and clock tables (reference/*.json), published and
marked "verify against the notified text"."""

from django.db import migrations


def load(apps, schema_editor):
    from sangam.justice.reference import load

    load(apps)


class Migration(migrations.Migration):
    dependencies = [("justice", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

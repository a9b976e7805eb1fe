"""The clock tables with the courts' alerts (reference/clocks.json): new
published versions for the same periods, which replace the first ones.
Loading is by title, so the versions already there are left as they are."""

from django.db import migrations


def load(apps, schema_editor):
    from sangam.justice.reference import load

    load(apps)


class Migration(migrations.Migration):
    dependencies = [("justice", "0004_court")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

"""The shipped scheme versions (NALSA 2018, the CVCF floor for trafficking)
from sangam/compensation/reference/*.json, published and marked unverified."""

from django.db import migrations


def load(apps, schema_editor):
    from sangam.compensation.reference import load as load_versions

    load_versions(apps.get_model("compensation", "SchemeVersion"),
                  apps.get_model("compensation", "SchemeHarm"))


class Migration(migrations.Migration):
    dependencies = [("compensation", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

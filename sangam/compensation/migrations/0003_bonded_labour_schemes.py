"""The bonded-labour rehabilitation scheme's shipped versions (2016 and its
2021 revision) from sangam/compensation/reference/, marked unverified."""

from django.db import migrations


from sangam.compensation.reference import load_bonded_labour_scheme, shipped_bonded_labour_schemes


def load(apps, schema_editor):
    scheme = apps.get_model("compensation", "BondedLabourScheme")
    category = apps.get_model("compensation", "BondedLabourCategory")
    for data in shipped_bonded_labour_schemes():
        load_bonded_labour_scheme(data, scheme, category)


def unload(apps, schema_editor):
    scheme = apps.get_model("compensation", "BondedLabourScheme")
    category = apps.get_model("compensation", "BondedLabourCategory")
    codes = [data["code"] for data in shipped_bonded_labour_schemes()]
    category.objects.filter(version__code__in=codes).delete()
    scheme.objects.filter(code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("compensation", "0002_reference_data")]

    operations = [migrations.RunPython(load, unload)]

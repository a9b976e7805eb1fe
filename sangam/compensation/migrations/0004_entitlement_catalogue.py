"""The first version of the entitlement catalogue: the national list that
prevention's household register kept in code (same codes, so every
household's recorded entitlement stays valid), marked unverified."""

from django.db import migrations

from sangam.compensation.reference import (
    load_entitlement_catalogue,
    shipped_entitlement_catalogues,
)


def load(apps, schema_editor):
    catalogue = apps.get_model("compensation", "EntitlementCatalogue")
    item = apps.get_model("compensation", "EntitlementItem")
    state = apps.get_model("geography", "State")
    for data in shipped_entitlement_catalogues():
        load_entitlement_catalogue(data, catalogue, item, state)


def unload(apps, schema_editor):
    catalogue = apps.get_model("compensation", "EntitlementCatalogue")
    item = apps.get_model("compensation", "EntitlementItem")
    codes = [data["code"] for data in shipped_entitlement_catalogues()]
    item.objects.filter(version__code__in=codes).delete()
    catalogue.objects.filter(code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("compensation", "0003_bonded_labour_schemes")]

    operations = [migrations.RunPython(load, unload)]

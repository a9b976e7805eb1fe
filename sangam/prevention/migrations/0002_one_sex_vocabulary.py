"""Household members and missing persons take the one Sex vocabulary
(sangam.core.vocabulary): the registers' "other" becomes "transgender", as
the census and the other registers call it. Reversible: "transgender" and
"unknown" (which the old vocabulary lacked) go back to "other"."""

from django.db import migrations, models

TABLES = ("Member", "MissingPerson")
CHOICES = [
    ("female", "Female"),
    ("male", "Male"),
    ("transgender", "Transgender"),
    ("unknown", "Not known"),
]


def forwards(apps, schema_editor):
    for name in TABLES:
        model = apps.get_model("prevention", name)
        model._base_manager.filter(sex="other").update(sex="transgender")


def backwards(apps, schema_editor):
    for name in TABLES:
        model = apps.get_model("prevention", name)
        model._base_manager.filter(sex__in=["transgender", "unknown"]).update(sex="other")


class Migration(migrations.Migration):
    dependencies = [("prevention", "0001_initial")]

    operations = [
        # Widen first: "transgender" does not fit the old six characters.
        migrations.AlterField(
            model_name="member",
            name="sex",
            field=models.CharField(choices=CHOICES, max_length=12, verbose_name="sex"),
        ),
        migrations.AlterField(
            model_name="missingperson",
            name="sex",
            field=models.CharField(choices=CHOICES, max_length=12, verbose_name="sex"),
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]

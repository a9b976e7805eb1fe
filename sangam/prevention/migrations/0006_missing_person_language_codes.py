"""Missing persons' language takes the one language vocabulary: what was typed
("Bangla", "Bengali", "বাংলা") becomes its ISO 639-3 code ("ben"), as for
survivors and referrals. Text no vocabulary knows stays as it was typed (the
page shows it as it is); reversing leaves the codes, which are valid text."""

from django.db import migrations

from sangam.core.vocabulary import normalise_language


def forwards(apps, schema_editor):
    MissingPerson = apps.get_model("prevention", "MissingPerson")
    typed = MissingPerson._base_manager.exclude(language="").values_list("language", flat=True)
    for text in set(typed):
        code = normalise_language(text)
        if code and code != text:
            MissingPerson._base_manager.filter(language=text).update(language=code)


class Migration(migrations.Migration):
    dependencies = [("prevention", "0005_encrypt_recruiters_with_a_name_index")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False)]

"""The published index configuration is change-logged (ChangeLoggedModel)."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("prevention", "0002_one_sex_vocabulary")]

    operations = [
        migrations.AddField(
            model_name="indexconfiguration",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
    ]

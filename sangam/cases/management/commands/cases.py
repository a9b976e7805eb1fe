from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from sangam.audit.log import acting_as
from sangam.cases.crypto import EncryptedField, data_keys, key_id_of
from sangam.cases.models import Survivor
from sangam.core.access import SYSTEM
from sangam.core.progress import ProgressBar

BATCH = 500


def encrypted_models():
    for model in apps.get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedField)]
        if fields:
            yield model, fields


class Command(BaseCommand):
    help = (
        "`rotate-keys`: re-encrypt survivors' identifying fields with the first key in "
        "SANGAM_DATA_KEYS (then the old key can be removed); with --blind-index also "
        "rebuild the name index after SANGAM_BLIND_INDEX_KEY changed."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        rotate = sub.add_parser("rotate-keys")
        rotate.add_argument("--blind-index", action="store_true")

    def handle(self, *args, action, blind_index, **options):
        current = data_keys()[0][0]
        with acting_as(label="command:cases rotate-keys"):
            for model, fields in encrypted_models():
                self._rotate(model, fields, current)
            if blind_index:
                qs = Survivor.objects.restrict(SYSTEM).order_by("pk")
                bar = ProgressBar(qs.count(), stream=self.stderr)
                for i, survivor in enumerate(qs.iterator(chunk_size=BATCH), 1):
                    survivor.index_names()
                    bar.update(i)
                bar.close()
                self.stdout.write("name index rebuilt")

    def _rotate(self, model, fields, current):
        manager = model._base_manager
        names = [f.attname for f in fields]
        quote = connection.ops.quote_name
        columns = ", ".join(quote(f.column) for f in fields)
        with connection.cursor() as cursor:  # raw SQL: the ciphertext, not the value
            table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
            cursor.execute(f"SELECT {pk}, {columns} FROM {table}")  # noqa: S608
            stale = [
                row[0]
                for row in cursor.fetchall()
                if any(v and key_id_of(v) != current for v in row[1:])
            ]
        bar = ProgressBar(len(stale), stream=self.stderr)
        done = 0
        for start in range(0, len(stale), BATCH):
            chunk = stale[start : start + BATCH]
            with transaction.atomic():
                objs = list(manager.filter(pk__in=chunk))
                manager.bulk_update(objs, names)  # re-encrypts with the current key
            done += len(chunk)
            bar.update(done)
        bar.close()
        self.stdout.write(f"{model._meta.label}: {done} records re-encrypted with key {current}")

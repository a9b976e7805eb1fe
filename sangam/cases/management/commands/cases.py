from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from sangam.audit.log import acting_as
from sangam.cases import exchange
from sangam.cases.models import Survivor
from sangam.core.access import SYSTEM, allowed_to_create
from sangam.core.crypto import EncryptedField, data_keys, key_id_of
from sangam.core.progress import ProgressBar

BATCH = 500


def encrypted_models():
    for model in apps.get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedField)]
        if fields:
            yield model, fields


class Command(BaseCommand):
    help = (
        "`rotate-keys`: re-encrypt every encrypted field with the first key in "
        "SANGAM_DATA_KEYS (then the old key can be removed); with --blind-index also "
        "rebuild the name indexes after SANGAM_BLIND_INDEX_KEY changed. `export --format "
        "htcds --user NAME [--identifiers] PATH` / `import --format htcds --user NAME "
        "--agency ID PATH`: HTCDS 2.0 CSV. `remind`: follow-ups due (daily)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        rotate = sub.add_parser("rotate-keys")
        rotate.add_argument("--blind-index", action="store_true")
        exp = sub.add_parser("export", help="Cases as HTCDS 2.0 CSV, as one user sees them.")
        exp.add_argument("--format", choices=["htcds"], default="htcds")
        exp.add_argument("--user", required=True, help="export what this user may export")
        exp.add_argument(
            "--identifiers", action="store_true", help="include names, birth dates, contacts"
        )
        exp.add_argument("path")
        imp = sub.add_parser("import", help="HTCDS 2.0 CSV into cases of one agency.")
        imp.add_argument("--format", choices=["htcds"], default="htcds")
        imp.add_argument("--user", required=True)
        imp.add_argument("--agency", type=int, required=True, help="agency id")
        imp.add_argument("path")
        sub.add_parser("remind", help="E-mail follow-ups due today or overdue (run daily).")

    def handle(self, *args, action, **options):
        if action == "export":
            return self._export(**options)
        if action == "import":
            return self._import(**options)
        if action == "remind":
            from sangam.cases.reminders import remind

            with acting_as(label="command:cases remind"):
                self.stdout.write(f"reminded {remind()} people")
            return
        self._rotate_all(options["blind_index"])

    def _user(self, username):
        from sangam.accounts.models import User

        user = User.objects.restrict(SYSTEM).filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"no active user {username!r}")
        return user

    def _export(self, user, identifiers, path, **options):
        actor = self._user(user)
        with acting_as(user=actor, label="command:cases export"):
            try:
                n = exchange.export_csv(actor, path, identifiers=identifiers)
            except PermissionError as exc:
                raise CommandError(str(exc)) from None
        self.stdout.write(f"exported {n} cases to {path}")

    def _import(self, user, agency, path, **options):
        from sangam.agencies.models import Agency

        actor = self._user(user)
        target = Agency.objects.filter(pk=agency).first()
        if target is None or not allowed_to_create(actor, Survivor, agency=target):
            raise CommandError("this user may not add cases for that agency")
        with acting_as(user=actor, label="command:cases import"):
            try:
                report = exchange.import_csv(actor, target, path)
            except OSError as exc:
                raise CommandError(f"cannot read {path}: {exc.strerror}") from None
        if not report.committed:
            for line, reason in report.errors[:200]:
                self.stderr.write(f"line {line}: {reason}")
            raise CommandError(f"{len(report.errors)} errors; nothing was imported")
        self.stdout.write(f"imported {report.created} cases")

    def _rotate_all(self, blind_index):
        current = data_keys()[0][0]
        with acting_as(label="command:cases rotate-keys"):
            for model, fields in encrypted_models():
                self._rotate(model, fields, current)
            if blind_index:
                # Every model with a name index (survivors, recruiters).
                for model in apps.get_models():
                    if not hasattr(model, "index_names"):
                        continue
                    qs = model.objects.restrict(SYSTEM).order_by("pk")
                    bar = ProgressBar(qs.count(), stream=self.stderr)
                    for i, record in enumerate(qs.iterator(chunk_size=BATCH), 1):
                        record.index_names()
                        bar.update(i)
                    bar.close()
                    self.stdout.write(f"{model._meta.label}: name index rebuilt")
                # The accused networks' keys (justice/networks.py), by name:
                # cases does not import justice.
                call_command("justice", "link", "--reindex", stdout=self.stdout)

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

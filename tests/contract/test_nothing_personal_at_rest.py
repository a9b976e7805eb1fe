"""Nothing personal readable from a database dump: every register of people
and every free-text field about a person is ciphertext in its table, and
the demo world (a record of every model) leaves no name, phone or note in
plaintext anywhere in the database."""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from sangam.core.access import SYSTEM
from sangam.core.crypto import EncryptedField, EncryptExisting, is_ciphertext

ENCRYPTED = {
    "prevention.household": {"head_name", "hamlet", "phone"},
    "prevention.member": {"name", "work"},
    "prevention.migration": {
        "destination_place", "work", "employer", "agent_name", "agent_phone",
        "migrant_phone", "contact_name", "contact_phone",
    },
    "prevention.checkin": {"note"},
    "prevention.marriage": {"bride_name", "groom_name", "groom_place"},
    "prevention.missingperson": {"name", "father_name", "circumstances", "fir_gd_number"},
    "prevention.joboffercheck": {"offer"},
    "prevention.recruitercomplaint": {"summary"},
    "prevention.recruiter": {"name", "phone", "address"},
    "agencies.agencycontact": {"name", "phone", "email"},
    "cases.survivor": {"name", "aliases", "date_of_birth", "origin_village", "safe_contact"},
    "cases.goal": {"need", "goal"},
    "cases.action": {"description"},
    "cases.followup": {"note"},
    "cases.servicedelivered": {"description"},
    "cases.riskflag": {"reason"},
    "cases.transfer": {"reason", "decision_note"},
    "cases.caseevent": {"note"},
    "referrals.referral": {"need_summary", "status_reason", "outcome"},
    "referrals.referralevent": {"reason"},
}  # fmt: skip


def encrypted_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, EncryptedField)]


@pytest.mark.parametrize("label", sorted(ENCRYPTED))
def test_registers_of_people_and_notes_about_a_person_are_encrypted(label):
    model = apps.get_model(label)
    assert ENCRYPTED[label] <= {f.name for f in encrypted_fields(model)}


# Public reference data: a village or a district is named there, and a
# survivor's village of origin may well be one of them.
PUBLIC = ("geography_", "directory_")


def raw_text_cells(public):
    """Every text cell of the tables of public reference data (``public``)
    or of all the others, read with a plain cursor (a dump)."""
    cells = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table.startswith(PUBLIC) != public:
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            cells += [v for row in cursor.fetchall() for v in row if isinstance(v, str)]
    return cells


def test_a_dump_of_the_demo_world_holds_no_name_phone_or_note(world):
    values = {}
    for model in apps.get_models():
        fields = encrypted_fields(model)
        for row in model._base_manager.values_list(*[f.name for f in fields]) if fields else ():
            for field, value in zip(fields, row, strict=True):
                if isinstance(value, str) and len(value) >= 6:
                    values.setdefault(value, f"{model._meta.label}.{field.name}")
    # The demo has records of the registers and notes: the check has something to find.
    seen = {where.rsplit(".", 1)[0] for where in values.values()}
    assert {
        "prevention.Household", "prevention.Member", "prevention.Migration",
        "prevention.MissingPerson", "prevention.Marriage", "agencies.AgencyContact",
        "cases.Goal", "cases.RiskFlag", "referrals.Referral",
    } <= seen  # fmt: skip
    # A place name (a destination "Mumbai") is public: an agency may be named after it.
    places = set(raw_text_cells(public=True))
    dump = "\n".join(raw_text_cells(public=False))
    leaked = sorted(
        f"{where}: {value!r}"
        for value, where in values.items()
        if value in dump and value not in places
    )
    assert leaked == []


def test_register_rows_are_stored_as_ciphertext(world):
    from sangam.prevention.models import Household, Member, MissingPerson

    for model, column in ((Household, "head_name"), (Member, "name"), (MissingPerson, "name")):
        assert model.objects.restrict(SYSTEM).exists()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {column} FROM {model._meta.db_table}")  # noqa: S608
            assert all(is_ciphertext(value) for (value,) in cursor.fetchall())


def stored(model, names):
    columns = [model._meta.get_field(n).column for n in names]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(columns)} FROM {model._meta.db_table} ORDER BY id"  # noqa: S608
        )
        return cursor.fetchall()


@pytest.mark.parametrize(
    "migration",
    [
        "sangam.agencies.migrations.0004_encrypt_personal_text",
        "sangam.prevention.migrations.0004_encrypt_personal_text",
        "sangam.prevention.migrations.0005_encrypt_recruiters_with_a_name_index",
        "sangam.cases.migrations.0003_encrypt_personal_text",
        "sangam.referrals.migrations.0004_encrypt_personal_text",
    ],
)
def test_the_migration_encrypts_plaintext_already_in_the_tables_and_keeps_it(world, migration):
    """Rows written before the columns were encrypted hold plaintext: the
    migration's data step encrypts them and they read back the same; the
    reverse step gives the plaintext back."""
    operations = importlib.import_module(migration).Migration.operations
    [step] = [op for op in operations if isinstance(op, EncryptExisting)]
    editor = type("Editor", (), {"connection": connection})()
    by_model = {}
    for label in step.labels:
        app_label, model_name, field = label.split(".")
        by_model.setdefault(apps.get_model(app_label, model_name), []).append(field)
    before = {m: list(m._base_manager.order_by("pk").values_list(*f)) for m, f in by_model.items()}
    assert any(v for rows in before.values() for row in rows for v in row)

    step.reverse_code(apps, editor)  # the tables as an older Sangam left them
    for model, names in by_model.items():
        plain = stored(model, names)
        assert not any(is_ciphertext(v) for row in plain for v in row)
        assert [tuple(r) for r in plain] == [tuple(r) for r in before[model]]

    step.code(apps, editor)
    for model, names in by_model.items():
        assert all(is_ciphertext(v) or not v for row in stored(model, names) for v in row)
        assert list(model._base_manager.order_by("pk").values_list(*names)) == before[model]

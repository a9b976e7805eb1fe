"""One Sex vocabulary for every register of people, and the migration that
moved the household and missing-person registers onto it."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from sangam.cases.models import Survivor
from sangam.core.vocabulary import Sex, Takes
from sangam.directory.models import Service
from sangam.prevention.models import Member, MissingPerson
from sangam.referrals.models import Referral
from tests.conftest import district, make_village

BEFORE = [("prevention", "0001_initial")]
AFTER = [("prevention", "0002_one_sex_vocabulary")]


def test_every_register_of_people_records_sex_in_the_same_words():
    for model, field in [
        (Survivor, "sex"),
        (Member, "sex"),
        (MissingPerson, "sex"),
        (Referral, "person_sex"),
    ]:
        assert model._meta.get_field(field).choices == Sex.choices, model


def test_a_service_takes_anyone_or_people_of_one_sex_in_the_same_words():
    assert Service._meta.get_field("sex").choices == Takes.choices
    assert set(Takes.values) - {Takes.ANY} <= set(Sex.values)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def _old_registers(apps, village):
    """A household member and a missing girl written as the old registers wrote them."""
    Household = apps.get_model("prevention", "Household")
    Member = apps.get_model("prevention", "Member")
    MissingPerson = apps.get_model("prevention", "MissingPerson")
    place = {"village_id": village.pk, "block_id": village.block_id}
    place["district_id"] = village.district_id
    household = Household.objects.create(code="H-1", head_name="Head (synthetic)", **place)
    for serial, sex in enumerate(["female", "male", "other"], 1):
        Member.objects.create(
            household=household,
            serial=serial,
            name=f"Member {serial} (synthetic)",
            relation="head" if serial == 1 else "child",
            sex=sex,
            birth_year=2000,
        )
    for n, sex in enumerate(["female", "other"], 1):
        MissingPerson.objects.create(
            register_no=f"MP-{n}",
            name=f"Missing {n} (synthetic)",
            sex=sex,
            date_missing=date(2026, 5, 1),
            **place,
        )


def _sexes(apps):
    Member = apps.get_model("prevention", "Member")
    MissingPerson = apps.get_model("prevention", "MissingPerson")
    return (
        list(Member.objects.order_by("serial").values_list("sex", flat=True)),
        list(MissingPerson.objects.order_by("register_no").values_list("sex", flat=True)),
    )


@pytest.mark.django_db(transaction=True)
def test_the_registers_other_becomes_transgender_and_back(audit_flushable, reference):
    village = make_village(district("IN-JH", "Gumla"))
    try:
        old = _migrate(BEFORE)
        _old_registers(old, village)

        new = _migrate(AFTER)
        assert _sexes(new) == (["female", "male", "transgender"], ["female", "transgender"])

        back = _migrate(BEFORE)
        assert _sexes(back) == (["female", "male", "other"], ["female", "other"])
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

"""Languages are stored as ISO 639-3 codes, whatever a user typed."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sangam.core.vocabulary import language_codes, language_list, language_names, normalise_language


def test_a_language_name_or_code_is_stored_as_its_iso_639_3_code():
    assert [normalise_language(x) for x in ("Bengali", "bn", "ben", " Odia ")] == [
        "ben",
        "ben",
        "ben",
        "ory",
    ]
    assert normalise_language("Klingonese") == ""


def test_a_list_of_languages_is_sorted_without_repeats():
    assert language_list("Hindi, Bengali, hin,") == ["ben", "hin"]
    assert language_list("") == []


def test_a_list_naming_an_unknown_language_says_which():
    with pytest.raises(ValidationError, match="Klingonese"):
        language_list("Hindi, Klingonese")


def test_a_search_for_a_language_finds_it_under_both_of_its_codes():
    assert language_codes("Hindi") == {"hi", "hin"}
    assert language_codes("nothing of the kind") == set()


@pytest.mark.parametrize(
    "typed, code",
    [("Oriya", "ory"), ("Bangla", "ben"), ("বাংলা", "ben"), ("हिंदी", "hin"),
     ("Santhali", "sat"), ("Nepali", "nep"), ("Mizo", "lus"), ("Sadri", "sck")],
)  # fmt: skip
def test_a_language_is_known_however_india_writes_its_name(typed, code):
    assert normalise_language(typed) == code


def test_a_stored_code_is_read_as_the_languages_name_in_the_readers_language():
    assert language_names("ben,ory") == "Bengali, Odia"
    with translation.override("hi"):
        assert language_names("ben,hin") == "बँगाली, हिंदी"
    with translation.override("bn"):
        assert language_names("ben") != "ben"
    assert language_names("as typed before codes") == "as typed before codes"


@pytest.mark.django_db(transaction=True)
def test_the_missing_persons_typed_languages_become_codes(audit_flushable, reference):
    from datetime import date

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from tests.conftest import district, make_village

    village = make_village(district("IN-JH", "Gumla"))
    before = [("prevention", "0005_encrypt_recruiters_with_a_name_index")]
    after = [("prevention", "0006_missing_person_language_codes")]
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(before)
        old = MigrationExecutor(connection).loader.project_state(before).apps
        MissingPerson = old.get_model("prevention", "MissingPerson")
        place = {"village_id": village.pk, "block_id": village.block_id}
        for n, typed in enumerate(["Bengali", "bangla", "Khortha", ""], 1):
            MissingPerson.objects.create(
                register_no=f"MP-{n}", name=f"Missing {n} (synthetic)", sex="female",
                date_missing=date(2026, 5, 1), language=typed,
                district_id=village.district_id, **place,
            )  # fmt: skip
        MigrationExecutor(connection).migrate(after)
        new = MigrationExecutor(connection).loader.project_state(after).apps
        languages = new.get_model("prevention", "MissingPerson").objects.order_by("register_no")
        # What no vocabulary knows stays as typed rather than being lost.
        assert list(languages.values_list("language", flat=True)) == ["ben", "ben", "Khortha", ""]
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

"""Languages are stored as ISO 639-3 codes, whatever a user typed."""

import pytest
from django.core.exceptions import ValidationError

from sangam.core.vocabulary import language_codes, language_list, normalise_language


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

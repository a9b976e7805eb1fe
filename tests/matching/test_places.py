"""States and districts read the way registers and rescued people write them."""

from hypothesis import given
from hypothesis import strategies as st

from sangam.matching.places import Places


def read(state, district, rows=()):
    return Places(list(rows)).read(state, district)


def test_it_reads_a_district_in_other_words_as_the_same_district():
    west = read("West Bengal", "Paschim Medinipur")
    assert read("West Bengal", "Medinipur West") == west
    assert read("WB", "West Medinipur") == west
    assert read("Odisha", "Keonjhar") == read("Odisha", "Kendujhar")


def test_it_reads_a_misspelled_district_as_the_nearest_of_its_state():
    assert read("Bihar", "Sheohr") == read("Bihar", "Sheohar")
    assert read("Uttar Pradesh", "Agraa") == read("Uttar Pradesh", "Agra")
    assert read("Jharkhand", "Romgarh") == read("Jharkhand", "Ramgarh")


def test_a_district_tells_the_state_when_none_was_given():
    assert read("", "Murshidabad") == read("West Bengal", "Murshidabad")
    assert read("", "Murshidabad")[0] == "IN-WB"


def test_a_district_said_with_the_wrong_state_is_still_that_district():
    assert read("Bihar", "Kokrajhar")[1] == read("Assam", "Kokrajhar")[1]


def test_a_name_two_states_have_does_not_tell_the_state():
    # Aurangabad is a district of Bihar and of Maharashtra.
    assert read("", "Aurangabad")[0] is None
    assert read("Bihar", "Aurangabad") != read("Maharashtra", "Aurangabad")


def test_it_reads_states_as_people_write_them():
    assert read("W.B.", "")[0] == read("West Bengal", "")[0] == read("पश्चिम बंगाल", "")[0]
    assert read("Orissa", "")[0] == read("Odisha", "")[0]
    assert read("Jharkand", "")[0] == "IN-JH"


def test_a_spelling_the_files_agree_on_is_kept_as_a_district():
    # Not in the gazetteer, and far from any district of the state.
    rows = [("Bihar", "Chandrapura Kalan")] * 5
    assert read("Bihar", "Chandrapur Kalan", rows) == read("Bihar", "Chandrapura Kalan", rows)
    assert read("Bihar", "Chandrapur Kalan") != read("Bihar", "Chandrapura Kalan")


def test_what_cannot_be_read_stays_as_written():
    assert read("Nepal", "Jhapa") == ("nepal", "japa")
    assert read("", "") == (None, None)


@given(st.text(max_size=30), st.text(max_size=30))
def test_it_never_fails_on_any_text(state, district):
    read = Places([(state, district)]).read(state, district)
    assert len(read) == 2

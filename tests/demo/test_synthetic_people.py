import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from sangam.demo.people import PeopleGenerator, spelling_variants

SCRIPTS = {
    "hin": "DEVANAGARI",
    "mar": "DEVANAGARI",
    "ben": "BENGALI",
    "asm": "BENGALI",
    "ory": "ORIYA",
}


@given(st.integers(min_value=0, max_value=10_000))
def test_people_are_plausible_for_any_seed(seed):
    for p in PeopleGenerator(seed=seed).people(20):
        assert 8 <= p.age <= 60
        assert p.sex in {"female", "male"}
        assert p.name and p.native_name
        letters = [c for c in p.native_name if c.isalpha()]
        assert all(SCRIPTS[p.script_language] in unicodedata.name(c) for c in letters)


def test_the_same_seed_gives_the_same_people():
    a = [p.name for p in PeopleGenerator(seed=1).people(50)]
    b = [p.name for p in PeopleGenerator(seed=1).people(50)]
    assert a == b


def test_it_knows_common_spelling_variants():
    assert "Puja" in spelling_variants("Pooja")
    assert "Md Rafiq" in spelling_variants("Mohammad Rafiq")
    assert "Sabnam" in spelling_variants("Shabnam")

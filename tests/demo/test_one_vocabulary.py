"""The demo's people and the missing-and-found registers share one vocabulary:
the same names, spelled the same way, in every script."""

import unicodedata

from sangam.demo import names
from sangam.demo.missing import Generator
from sangam.demo.people import PeopleGenerator

EVERY_NAME = names.FEMALE + names.MALE + names.SURNAMES + names.MORE_SURNAMES
EVERY_NAME += names.OTHER_SURNAMES


def test_demo_people_are_named_from_the_vocabulary():
    given = {n[0] for n in names.FEMALE + names.MALE}
    surnames = {n[0] for n in names.SURNAMES + names.MORE_SURNAMES + names.OTHER_SURNAMES}
    for person in PeopleGenerator(seed=3).people(300):
        assert person.given_name in given
        assert person.surname in surnames | {""}


def test_the_registers_list_the_vocabularys_names_first():
    generator = Generator(seed=1)
    assert generator.female[: len(names.FEMALE)] == names.FEMALE
    assert generator.male[: len(names.MALE)] == names.MALE


def test_one_latin_spelling_per_name():
    latin = [n[0] for n in EVERY_NAME]
    assert len(latin) == len(set(latin))
    assert "Laxmi" not in latin and "Lakshmi" in latin


def test_every_name_is_written_in_odia_script():
    for name in EVERY_NAME:
        for ch in name[3].replace(" ", ""):
            assert "ORIYA" in unicodedata.name(ch), (name[0], name[3])

"""Blocking keys and comparison levels for records as the field writes them:
each true pair below is one a reviewer would confirm at a glance, and each
must be found by the key meant for it (the rule alone, so the test fails if
the key does not work) while an unrelated record in the same place is not."""

from types import SimpleNamespace

import pytest

from sangam.matching import records, settings
from sangam.matching.engines import DuckDBEngine
from sangam.matching.linker import Linker


def row(ident, name, father="", district="Malda", state="West Bengal", age="", village=""):
    return {
        "id": ident, "name": name, "sex": "female", "age": age, "date_missing": "2025-01-10",
        "date_found": "2025-06-01", "father_name": father, "origin_state": state,
        "origin_district": district, "origin_village": village, "stated_state": state,
        "stated_district": district, "stated_village": village, "language": "",
    }  # fmt: skip


def candidates(rule, missing, found):
    """(missing id, found id) pairs the one blocking ``rule`` gives."""
    config = SimpleNamespace(
        **{k: getattr(settings, k) for k in dir(settings) if k.isupper()},
    )
    config.BLOCKING_RULES = config.BLOCKING_RULES_AT_SCALE = (rule,)
    left, _ = records.prepare(missing, "missing")
    right, _ = records.prepare(found, "found")
    records.number(left)
    records.number(right)
    engine = DuckDBEngine()
    try:
        linker = Linker(engine, config=config, progress=None).run(left, right)
        return {(a, b) for batch in linker.results(0) for a, b, *_ in batch}
    finally:
        engine.close()


OTHER = row("M-other", "Rekha Mondal", father="Sujit Mondal")


def test_a_given_name_with_two_letters_swapped_blocks_with_the_name():
    rule = "l.d1 = r.d1 AND l.di = r.di"
    assert rule in settings.BLOCKING_RULES and rule in settings.BLOCKING_RULES_AT_SCALE
    pairs = candidates(rule, [row("M1", "Nisha"), OTHER], [row("F1", "Nsiha")])
    assert pairs == {("M1", "F1")}


def test_a_given_name_with_a_letter_dropped_blocks_with_the_name():
    rule = "l.d1 = r.d1 AND l.fas = r.fas"
    missing = [row("M1", "Srilatha Dasari", father="Venkat Dasari"), OTHER]
    found = [row("F1", "Sriata Dasari", father="Venkat", district="")]
    assert candidates(rule, missing, found) == {("M1", "F1")}


def test_a_fathers_name_in_bengali_blocks_with_it_in_latin():
    rule = "l.fd1 = r.fd1 AND l.di = r.di"
    missing = [row("M1", "Sunita Hansda", father="বিরসা হাঁসদা"), OTHER]
    # A pet name: only the father's name and the district are left to agree.
    found = [row("F1", "Munni", father="Birsa Hansda")]
    assert candidates(rule, missing, found) == {("M1", "F1")}


def test_a_tamil_name_written_initial_first_blocks_with_the_given_name():
    rule = "l.s1 = r.s1 AND l.di = r.di"
    missing = [row("M1", "R. Meena", district="Salem", state="Tamil Nadu"), OTHER]
    found = [row("F1", "Meena R.", district="Salem", state="Tamil Nadu")]
    assert candidates(rule, missing, found) == {("M1", "F1")}


def test_a_tamil_fathers_name_written_as_the_surname_blocks_with_the_father():
    rule = "l.fas = r.s2 AND l.di = r.di"
    missing = [row("M1", "Meena", father="Ramesh", district="Salem", state="Tamil Nadu"), OTHER]
    found = [row("F1", "Meena Ramesh", district="Salem", state="Tamil Nadu")]
    assert candidates(rule, missing, found) == {("M1", "F1")}


def test_a_given_name_alone_blocks_when_the_father_and_district_agree():
    rule = "l.d1 = r.d1 AND l.di = r.di"
    missing = [row("M1", "Sunita Murmu", father="Babulal Murmu"), OTHER]
    found = [row("F1", "Sunia", father="Babulal")]
    assert ("M1", "F1") in candidates(rule, missing, found)
    # The same name a letter off in another district is not a candidate.
    elsewhere = [row("F2", "Sunia", father="Babulal", district="Purulia")]
    assert candidates(rule, missing, elsewhere) == set()


@pytest.mark.parametrize(
    ("written", "level"),
    [
        ("Nsiha", "given name a letter off"),  # two letters swapped
        ("Nishaa", "given name"),  # folded away: no typing slip at all
        ("Rekha", None),  # another name
    ],
)
def test_a_given_name_a_letter_off_has_its_own_level(written, level):
    name = next(c for c in settings.COMPARISONS if c.name == "name")
    labels = [lv.label for lv in name.levels]
    config = SimpleNamespace(**{k: getattr(settings, k) for k in dir(settings) if k.isupper()})
    config.BLOCKING_RULES = config.BLOCKING_RULES_AT_SCALE = ("l.di = r.di",)
    left, _ = records.prepare([row("M1", "Nisha")], "missing")
    right, _ = records.prepare([row("F1", written)], "found")
    records.number(left)
    records.number(right)
    engine = DuckDBEngine()
    try:
        linker = Linker(engine, config=config, progress=None).run(left, right)
        (result,) = [r for batch in linker.results(0, explain=True) for r in batch]
    finally:
        engine.close()
    got = result[4 + [c.name for c in settings.COMPARISONS].index("name")]
    expected = 0 if level is None else len(labels) - labels.index(level)
    assert got == expected


def test_a_pet_name_blocks_with_everyone_of_her_district_and_no_one_elsewhere():
    rule = "l.di = r.pd"
    assert rule in settings.BLOCKING_RULES and rule in settings.BLOCKING_RULES_AT_SCALE
    missing = [
        row("M1", "Sunita Hansda"),
        OTHER,
        row("M2", "Sunita Hansda", district="Purulia"),
    ]
    # What a child tells a CWC: her pet name, her district, nothing else.
    found = [row("F1", "Munni"), row("F2", "Guddy")]
    assert candidates(rule, missing, found) == {
        ("M1", "F1"), ("M-other", "F1"), ("M1", "F2"), ("M-other", "F2"),
    }  # fmt: skip
    # A given name that is not a pet name does not block on the district alone.
    assert candidates(rule, missing, [row("F3", "Mitali")]) == set()


def test_a_pet_name_on_the_report_blocks_too():
    rule = "l.pd = r.di"
    assert rule in settings.BLOCKING_RULES and rule in settings.BLOCKING_RULES_AT_SCALE
    missing = [row("M1", "Bablu"), row("M2", "Bablu", district="Purulia")]
    assert candidates(rule, missing, [row("F1", "Rakesh Hansda")]) == {("M1", "F1")}


@pytest.mark.parametrize("rule", ["l.sd = r.df", "l.df = r.sd"])
def test_a_short_form_blocks_with_the_given_name_of_its_first_letter(rule):
    assert rule in settings.BLOCKING_RULES and rule in settings.BLOCKING_RULES_AT_SCALE
    short, full = row("X1", "Khu Das"), row("X2", "Khubhakhi")
    other = row("X3", "Rekha")  # the same district, another first letter
    elsewhere = row("X4", "Khubhakhi", district="Purulia")
    if rule == "l.sd = r.df":
        missing, found = [short], [full, other, elsewhere]
    else:
        missing, found = [full, other, elsewhere], [short]
    expected = ("X1", "X2") if rule == "l.sd = r.df" else ("X2", "X1")
    assert candidates(rule, missing, found) == {expected}


def test_the_same_given_name_with_the_fathers_name_a_letter_off_blocks():
    rule = "l.s1 = r.s1 AND l.fd1 = r.fd1"
    assert rule in settings.BLOCKING_RULES_AT_SCALE
    missing = [row("M1", "Mampi", father="Dilip Sahu"), row("M2", "Mampi", father="Ramesh")]
    # The district blank, the surname dropped, the father's name mistyped.
    found = [row("F1", "Mampi Sahu", father="Dili", district="")]
    assert candidates(rule, missing, found) == {("M1", "F1")}


def test_the_given_names_first_letters_with_the_father_block_across_districts():
    rule = "l.p2 = r.p2 AND l.fas = r.fas"
    assert rule in settings.BLOCKING_RULES_AT_SCALE
    missing = [row("M1", "Sita Bose", father="Arjun Bose"), row("M2", "Rita", father="Arjun")]
    # Two letters off, the district wrong (another of the same state).
    found = [row("F1", "Sihi", father="Arjunn", district="Purulia")]
    assert candidates(rule, missing, found) == {("M1", "F1")}


def test_the_surname_and_the_father_block_when_the_given_name_is_two_letters_off():
    rule = "l.s2 = r.s2 AND l.fas = r.fas"
    assert rule in settings.BLOCKING_RULES_AT_SCALE
    missing = [
        row("M1", "Jichi Mondal", father="Pajam"),
        row("M2", "Jichi Das", father="Pajam"),
    ]
    found = [row("F1", "जिचाची मंडल", father="पजाम मंडल", district="")]
    assert candidates(rule, missing, found) == {("M1", "F1")}


def test_a_given_name_is_rare_in_proportion_to_the_registers():
    # Shared by 15 x 10 = 150 pairs: common among 100 found persons, rare
    # among 5,000 (at most one pair per records.RARE_PER_RECORDS records).
    def sides(n_found):
        missing = [row(f"M{i}", "Jademi") for i in range(15)]
        missing += [row(f"M-{i}", "Rekha") for i in range(n_found)]
        found = [row(f"F{i}", "Jademi") for i in range(10)]
        found += [row(f"F-{i}", "Sunita") for i in range(n_found - 10)]
        left, _ = records.prepare(missing, "missing")
        right, _ = records.prepare(found, "found")
        return records.complete(left, right)

    assert records.RARE_PAIRS < 150 <= 5_000 // records.RARE_PER_RECORDS
    left, right = sides(5_000)
    assert left["r1"][0] == right["r1"][0] == "jdemi"
    left, right = sides(100)
    assert left["r1"][0] is None and right["r1"][0] is None

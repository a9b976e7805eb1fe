"""An agency's area, as a filter on any model's place fields."""

import pytest
from django.db.models import Q

from sangam.agencies.models import Agency
from sangam.core.areas import area_of, area_q, covers
from sangam.geography.models import State, Village
from tests.conftest import district, make_village


@pytest.fixture
def places(reference):
    gumla = district("IN-JH", "Gumla")
    return {
        "sisai": make_village(gumla, "Sisai (synthetic)", "Kotam (synthetic)"),
        "bharno": make_village(gumla, "Bharno (synthetic)", "Amalia (synthetic)"),
        "ranchi": make_village(district("IN-JH", "Ranchi"), "Kanke (synthetic)", "Pithoria (s)"),
        "malda": make_village(district("IN-WB", "Malda"), "Englishbazar (s)", "Mahadipur (s)"),
    }


def agency(level, village=None, state_code="IN-JH"):
    """An unsaved agency of ``level`` around ``village`` (the area is all that matters)."""
    return Agency(
        name=f"A {level} agency (synthetic)",
        jurisdiction_level=level,
        state=State.objects.get(code=state_code),
        district=village.district if village and level in ("district", "block") else None,
        block=village.block if village and level == "block" else None,
    )


def villages_in(q):
    return set(Village.objects.filter(q).values_list("name", flat=True)) if q is not None else set()


def names(places, *keys):
    return {places[k].name for k in keys}


def test_a_national_agency_sees_every_village(places):
    q = area_q(agency("national"), district="district", block="block")
    assert q == Q()
    assert villages_in(q) == names(places, "sisai", "bharno", "ranchi", "malda")


def test_a_state_agency_sees_the_villages_of_its_state_only(places):
    q = area_q(agency("state"), district="district", block="block")
    assert villages_in(q) == names(places, "sisai", "bharno", "ranchi")


def test_a_state_agency_is_found_through_the_state_field_when_the_model_has_one(places):
    q = area_q(agency("state"), state="district__state", district="district")
    assert q == Q(district__state=State.objects.get(code="IN-JH").pk)
    assert villages_in(q) == names(places, "sisai", "bharno", "ranchi")


def test_a_district_agency_sees_the_villages_of_its_district_in_every_block(places):
    q = area_q(agency("district", places["sisai"]), district="district", block="block")
    assert villages_in(q) == names(places, "sisai", "bharno")


def test_a_block_agency_sees_the_villages_of_its_block_only(places):
    q = area_q(agency("block", places["sisai"]), district="district", block="block")
    assert villages_in(q) == names(places, "sisai")


def test_a_block_agency_sees_its_district_where_records_know_no_block(places):
    q = area_q(agency("block", places["sisai"]), district="district")
    assert villages_in(q) == names(places, "sisai", "bharno")


def test_records_that_cannot_be_placed_at_the_agency_level_are_not_shown(places):
    # A state agency, and a model that records neither its state nor its district.
    assert area_q(agency("state"), block="block") is None
    # A district agency that has no district recorded.
    assert area_q(agency("district"), district="district", block="block") is None


def test_any_of_several_place_fields_may_put_a_record_in_the_area(places):
    sisai = places["sisai"]
    q = area_q(agency("district", sisai), district=("district", "block__district"))
    assert villages_in(q) == names(places, "sisai", "bharno")


def test_an_agency_covers_a_place_inside_its_area_and_no_other(places):
    sisai, ranchi, malda = places["sisai"], places["ranchi"], places["malda"]
    jh = sisai.district.state_id
    assert covers(agency("national"), district_id=malda.district_id)
    assert covers(agency("state"), state_id=jh)
    assert not covers(agency("state"), state_id=malda.district.state_id)
    assert covers(agency("district", sisai), district_id=sisai.district_id, state_id=jh)
    assert not covers(agency("district", sisai), district_id=ranchi.district_id, state_id=jh)
    assert not covers(agency("national"))  # a place nobody recorded


def test_an_agency_area_is_named_by_its_level_and_place(places):
    sisai = places["sisai"]
    assert area_of(agency("national")) == ("national", None)
    assert area_of(agency("district", sisai)) == ("district", sisai.district_id)
    assert area_of(agency("block", sisai)) == ("block", sisai.block_id)
    assert area_of(agency("district")) is None

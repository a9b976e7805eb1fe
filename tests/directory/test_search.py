"""Directory search: "the nearest shelter that takes girls under 18, speaks
Bengali and has a bed today" — filters, distance ranking and bad input."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sangam.directory import search
from sangam.directory.models import ServiceCapacity
from tests.conftest import district, make_service


@pytest.fixture
def malda_services(directory):
    malda = district("IN-WB", "Malda")
    return {
        "near_girls": make_service(
            "Near girls home",
            malda,
            sex="female",
            ages=(6, 18),
            languages=("ben",),
            beds=2,
            offset=(0.02, 0.0),
        ),
        "far_girls": make_service(
            "Far girls home",
            malda,
            sex="female",
            ages=(6, 18),
            languages=("ben",),
            beds=3,
            offset=(0.9, 0.0),
        ),
        "full_girls": make_service(
            "Full girls home",
            malda,
            sex="female",
            ages=(6, 18),
            languages=("ben",),
            beds=0,
        ),
        "boys": make_service(
            "Boys home", malda, sex="male", ages=(6, 18), languages=("ben",), beds=4
        ),
        "women": make_service(
            "Women shelter",
            malda,
            terms=("shelter-women",),
            sex="female",
            ages=(18, None),
            languages=("ben",),
            beds=5,
        ),
        "hindi_only": make_service(
            "Hindi girls home",
            malda,
            sex="female",
            ages=(6, 18),
            languages=("hin",),
            beds=5,
        ),
        "closed": make_service(
            "Closed girls home",
            malda,
            sex="female",
            ages=(6, 18),
            languages=("ben",),
            beds=5,
            status="defunct",
        ),
        "legal": make_service("Legal aid cell", malda, terms=("legal-aid",), languages=("ben",)),
    }


def names(query):
    return [row.service.name for row in search.search(query)]


def girl_query(**extra):
    malda = district("IN-WB", "Malda")
    base = {
        "term": "shelter",
        "sex": "female",
        "age": 15,
        "language": "Bengali",
        "has_bed": True,
        "near": (malda.latitude, malda.longitude),
    }
    return search.Query(**{**base, **extra})


def test_it_finds_the_nearest_shelter_for_a_girl_with_a_bed_today(malda_services):
    assert names(girl_query()) == ["Near girls home", "Far girls home"]


def test_it_drops_services_outside_the_radius(malda_services):
    assert names(girl_query(radius_km=25)) == ["Near girls home"]


def test_it_reports_distance_in_kilometres(malda_services):
    first = search.search(girl_query())[0]
    assert 1 <= search.distance_km(first) <= 4  # 0.02° of latitude ≈ 2.2 km


def test_it_ignores_capacity_not_reported_recently(malda_services):
    ServiceCapacity.objects.filter(service=malda_services["near_girls"]).update(
        updated=timezone.now() - timedelta(days=3)
    )
    assert names(girl_query()) == ["Far girls home"]


def test_it_includes_full_shelters_when_beds_are_not_asked_for(malda_services):
    assert names(girl_query(has_bed=False)) == [
        "Full girls home",
        "Near girls home",
        "Far girls home",
    ]


def test_it_matches_a_language_by_name_or_code(malda_services):
    assert names(girl_query(language="bn")) == names(girl_query(language="Bengali"))
    assert "Hindi girls home" in names(girl_query(language="hin"))
    assert "Hindi girls home" not in names(girl_query())


def test_it_searches_free_text_in_hindi(malda_services):
    found = names(search.Query(text="कानूनी"))  # "legal", a Hindi term name
    assert found == ["Legal aid cell"]


def test_it_never_lists_closed_services(malda_services):
    assert "Closed girls home" not in names(search.Query())


def test_it_finds_narrower_terms_under_a_broad_one(malda_services):
    assert "Women shelter" in names(search.Query(term="shelter"))
    assert "Women shelter" not in names(search.Query(term="shelter-children"))


def test_the_page_shows_results_with_a_constant_number_of_queries(
    client, malda_services, django_assert_max_num_queries
):
    url = reverse("directory:search")
    params = {"term": "shelter", "near": "Malda", "sex": "female", "age": "15"}
    with django_assert_max_num_queries(12):
        response = client.get(url, params)
    body = response.content.decode()
    assert body.index("Near girls home") < body.index("Far girls home")
    # A dozen more services do not add queries.
    malda = district("IN-WB", "Malda")
    for i in range(12):
        make_service(f"Extra home {i}", malda, sex="female", ages=(6, 18), beds=1)
    with django_assert_max_num_queries(12):
        client.get(url, params)


def test_it_explains_an_unknown_place_or_language(client, directory):
    response = client.get(
        reverse("directory:search"), {"near": "Atlantis", "language": "Klingonese"}
    )
    body = response.content.decode()
    assert "We could not find that place." in body
    assert "Unknown language" in body


def test_it_rejects_out_of_range_coordinates(client, directory):
    response = client.get(reverse("directory:search"), {"near": "123.0,88.0"})
    assert "We could not find that place." in response.content.decode()


def test_it_resolves_a_village_to_its_point(malda_services):
    from sangam.geography.models import Block, Village

    malda = district("IN-WB", "Malda")
    block = Block.objects.create(district=malda, name="Test block")
    Village.objects.create(
        district=malda, block=block, name="Testgaon", latitude=25.5, longitude=88.0
    )
    label, point = search.resolve_place("testgaon")
    assert point == (25.5, 88.0)
    assert "Malda" in label

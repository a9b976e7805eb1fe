"""Village profiles score each village's vulnerability, explained, ranked
and placed on the district map."""

from sangam.prevention.models import VillageProfile


def profile_data(**changes):
    data = {
        "households": 120, "population_female": 400, "population_male": 470,
        "out_migrants": 95, "flood": "on", "last_calamity_year": "2025",
        "child_marriage_common": "on", "has_shg": "on", "km_to_police": "25",
        "km_to_health": "8",
    }  # fmt: skip
    data.update(changes)
    return data


def test_it_scores_a_village_and_explains_why(client, jharkhand):
    village = jharkhand["village"]
    client.force_login(jharkhand["crp"])
    response = client.post(f"/prevention/villages/{village.pk}/profile/", profile_data())
    assert response.status_code == 302
    profile = VillageProfile.objects.get(village=village)
    # sex ratio 851 (+20), 11% away (+20), floods (+15) recently (+5), child marriage (+10),
    # police 25 km (+5)
    assert profile.score == 75
    page = client.get(f"/prevention/villages/{village.pk}/").content.decode()
    assert "sex ratio 851 women per 1,000 men (+20)" in page
    assert "Vulnerability score 75 of 100" in page


def test_it_refuses_figures_that_contradict_each_other(client, jharkhand):
    client.force_login(jharkhand["crp"])
    village = jharkhand["village"]
    page = client.post(
        f"/prevention/villages/{village.pk}/profile/",
        profile_data(out_migrants=2000, last_calamity_year=2999),
    ).content.decode()
    assert "More people away than live in the village." in page
    assert "Give a year from 1900 to this year." in page
    assert not VillageProfile.objects.exists()


def test_it_ranks_villages_and_maps_them(client, jharkhand):
    client.force_login(jharkhand["supervisor"])
    village = jharkhand["village"]
    village.latitude, village.longitude = 23.2, 84.9
    village.save()
    client.post(f"/prevention/villages/{village.pk}/profile/", profile_data())
    page = client.get("/prevention/villages/").content.decode()
    assert "Kotam (synthetic)" in page and "Amalia (synthetic)" not in page
    points = client.get("/prevention/villages/points.json").json()["points"]
    assert points == [
        {
            "name": "Kotam (synthetic)",
            "score": 75,
            "lat": 23.2,
            "lon": 84.9,
            "url": f"/prevention/villages/{village.pk}/",
        }  # fmt: skip
    ]

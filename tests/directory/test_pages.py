"""The public directory pages, and agencies keeping their entries true."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from sangam.core.roles import Role
from sangam.directory.models import Service, ServiceCapacity
from tests.conftest import district, make_agency, make_service, make_user


@pytest.fixture
def home(directory):
    agency = make_agency("IN-WB", "Malda", type="shelter_cci", name="Home agency (synthetic)")
    service = make_service(
        "Girls home", district("IN-WB", "Malda"), sex="female", ages=(6, 18), beds=1, agency=agency
    )
    return {
        "agency": agency,
        "service": service,
        "staff": make_user("home.staff", Role.CASEWORKER, agency),
        "stranger": make_user(
            "stranger", Role.CASEWORKER, make_agency("IN-WB", "Malda", name="Other (synthetic)")
        ),
        "official": make_user(
            "malda.official",
            Role.DISTRICT_OFFICIAL,
            make_agency("IN-WB", "Malda", type="district_administration", name="DM (synthetic)"),
        ),
    }


def test_anyone_can_search_and_read_an_entry_without_logging_in(client, home):
    response = client.get(reverse("directory:search"), {"near": "Malda", "term": "shelter"})
    assert "Girls home" in response.content.decode()
    detail = client.get(home["service"].get_absolute_url()).content.decode()
    assert "Last verified" in detail and "Keep this entry true" not in detail


def test_the_map_gets_points_as_geojson(client, home):
    data = client.get(reverse("directory:map"), {"near": "Malda"}).json()
    assert data["type"] == "FeatureCollection"
    assert data["features"][0]["properties"]["name"] == "Girls home"
    assert data["features"][0]["properties"]["bed"] is True


def test_the_agency_updates_todays_capacity(client, home):
    client.force_login(home["staff"])
    url = reverse("directory:capacity", args=[home["service"].pk])
    client.post(url, {"available": 0, "maximum": 10})
    bed = ServiceCapacity.objects.get(service=home["service"])
    assert bed.available == 0 and bed.updated_by == home["staff"]
    response = client.post(url, {"available": 12, "maximum": 10}, follow=True)
    assert "More beds free than beds in all." in response.content.decode()


def test_another_agency_cannot_change_the_entry(client, home):
    client.force_login(home["stranger"])
    url = reverse("directory:capacity", args=[home["service"].pk])
    assert client.post(url, {"available": 5}).status_code == 404
    assert client.get(reverse("directory:edit", args=[home["service"].pk])).status_code == 404
    assert ServiceCapacity.objects.get(service=home["service"]).available == 1


def test_an_edit_over_someone_elses_is_refused(client, home):
    client.force_login(home["staff"])
    url = reverse("directory:edit", args=[home["service"].pk])
    form = {"name": "Girls home", "status": "active", "sex": "female", "version": 1}
    Service.objects.filter(pk=home["service"].pk).update(version=2)
    response = client.post(url, form)
    assert "Someone else saved this record" in response.content.decode()


def test_stale_entries_are_listed_and_verified_by_the_district(client, home):
    Service.objects.filter(pk=home["service"].pk).update(
        assured_date=timezone.localdate() - timedelta(days=400)
    )
    client.force_login(home["official"])
    assert "Girls home" in client.get(reverse("directory:stale")).content.decode()
    client.post(reverse("directory:verify", args=[home["service"].pk]))
    service = Service.objects.get(pk=home["service"].pk)
    assert service.assured_date == timezone.localdate()
    assert service.verified_by == home["official"]
    assert "Girls home" not in client.get(reverse("directory:stale")).content.decode()


def test_the_stale_command_emails_the_district_official(home):
    call_command("directory", "stale")
    assert [m.to for m in mail.outbox] == [["malda.official@test.sangam.invalid"]]
    assert "1 service directory entries" in mail.outbox[0].body


def test_the_district_directory_prints_in_hindi_with_devanagari(client, home):
    response = client.get(
        reverse("directory:print_district", args=["IN-WB", "IN-WB-MALDA"]), {"lang": "hi"}
    )
    assert response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "बच्चों" in text  # "Shelter for children" in Hindi, shaped and extractable
    fonts = {
        f.get_object()["/BaseFont"]
        for page in pdf.pages
        for f in page["/Resources"]["/Font"].values()
    }
    assert any("Devanagari" in name for name in fonts)


def test_an_unknown_state_is_not_found(client, directory):
    assert client.get("/directory/print/IN-XX.pdf").status_code == 404


def _new_service(district_obj, **extra):
    return {
        "organization": "New org (synthetic)",
        "name": "New girls shelter (synthetic)",
        "terms": ["shelter-children"],
        "sex": "female",
        "minimum_age": 6,
        "maximum_age": 18,
        "languages": "Bengali, Hindi",
        "phone": "+91 99999 11111",
        "district": district_obj.pk,
        "address": "Demo road 1",
        "postal_code": "732101",
        "beds": 4,
        **extra,
    }


def test_a_district_official_adds_a_service_that_is_then_found(client, home):
    client.force_login(home["official"])
    malda = district("IN-WB", "Malda")
    response = client.post(reverse("directory:create"), _new_service(malda))
    service = Service.objects.get(name="New girls shelter (synthetic)")
    assert response.status_code == 302 and service.verified_by == home["official"]
    found = client.get(
        reverse("directory:search"),
        {"near": "Malda", "term": "shelter", "language": "bn", "has_bed": "on", "age": 15},
    )
    assert "New girls shelter" in found.content.decode()


def test_a_service_outside_the_officials_district_is_refused(client, home):
    client.force_login(home["official"])
    response = client.post(reverse("directory:create"), _new_service(district("IN-DL", "South")))
    assert "only add services within your area" in response.content.decode()
    assert not Service.objects.filter(name="New girls shelter (synthetic)").exists()


def test_caseworkers_cannot_add_services(client, home):
    client.force_login(home["staff"])
    assert client.get(reverse("directory:create")).status_code == 403


def test_the_public_sees_which_agency_verified_an_entry(client, home):
    client.force_login(home["official"])
    client.post(reverse("directory:verify", args=[home["service"].pk]))
    client.logout()
    detail = client.get(home["service"].get_absolute_url()).content.decode()
    assert "DM (synthetic)" in detail and "malda.official" not in detail


def test_a_state_search_links_to_its_printable_directory(client, home):
    malda = district("IN-WB", "Malda")
    body = client.get(
        reverse("directory:search"), {"state": "IN-WB", "district": malda.pk}
    ).content.decode()
    assert "/directory/print/IN-WB/IN-WB-MALDA.pdf?lang=hi" in body


def test_verifying_never_redirects_off_site(client, home):
    client.force_login(home["official"])
    url = reverse("directory:verify", args=[home["service"].pk])
    response = client.post(url, {"next": "https://evil.example/phish"})
    assert response.url == home["service"].get_absolute_url()
    response = client.post(url, {"next": reverse("directory:stale")})
    assert response.url == reverse("directory:stale")

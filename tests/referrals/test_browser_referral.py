"""In Debian's Chromium at phone size: a caseworker finds the nearest shelter
with a free bed for a 15-year-old girl who speaks Bengali, refers her, the
shelter accepts, and the caseworker sees the acceptance."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from sangam.core.roles import Role
from sangam.directory.taxonomy import load_taxonomy
from tests.conftest import district, from_menu, log_in, make_agency, make_service, make_user

pytestmark = pytest.mark.browser


def test_it_refers_a_girl_to_the_nearest_shelter_with_a_bed_and_sees_it_accepted(
    browser, live_server, transactional_db
):
    call_command("geography", "load")
    load_taxonomy()
    malda = district("IN-WB", "Malda")
    ngo = make_agency("IN-WB", "Malda", name="Malda NGO (synthetic)")
    home = make_agency("IN-WB", "Malda", type="shelter_cci", name="Malda girls home (synthetic)")
    caseworker = make_user("caseworker", Role.CASEWORKER, ngo)
    shelter_staff = make_user("shelter.staff", Role.CASEWORKER, home)
    girls = {"sex": "female", "ages": (6, 18), "languages": ("ben",)}
    make_service("Nearest girls home", malda, beds=2, agency=home, offset=(0.01, 0), **girls)
    make_service("Full girls home", malda, beds=0, offset=(0.005, 0), **girls)
    make_service("Distant girls home", malda, beds=4, offset=(0.8, 0), **girls)
    make_service("Boys home", malda, sex="male", ages=(6, 18), languages=("ben",), beds=3)

    page = log_in(browser, live_server.url, caseworker)
    from_menu(page, "Service directory")
    page.get_by_label("Service type", exact=True).select_option("shelter")
    page.get_by_label("Near (village, district or lat,lon)").fill("Malda")
    page.get_by_label("For", exact=True).select_option("female")
    page.get_by_label("Age", exact=True).fill("15")
    page.get_by_label("Language spoken", exact=True).fill("Bengali")
    page.get_by_label("Has a free bed today").check()
    page.get_by_role("button", name="Search").click()

    results = page.locator("ol.results > li")
    expect(results).to_have_count(2)
    expect(results.first).to_contain_text("Nearest girls home")
    expect(results.first).to_contain_text("Bed free today")
    expect(page.locator("#map .leaflet-interactive").first).to_be_attached()  # offline map drew
    results.first.get_by_role("link", name="Nearest girls home").click()

    page.get_by_role("link", name="Refer someone to this service").click()
    expect(page.locator("#chosen")).to_contain_text("Nearest girls home")
    page.get_by_label("Case reference").fill("MALDA/2026/0042")
    page.get_by_label("Need", exact=True).select_option(label="Shelter for children")
    page.get_by_label("Age", exact=True).fill("15")
    page.get_by_label("Sex", exact=True).select_option("female")
    page.get_by_label("Language the person speaks").fill("Bengali")
    page.get_by_role("button", name="Send referral").click()
    expect(page.locator("#status")).to_have_text("Requested")
    referral_url = page.url

    shelter = log_in(browser, live_server.url, shelter_staff)
    from_menu(shelter, "Referrals")
    shelter.get_by_role("link", name="MALDA/2026/0042").click()
    expect(shelter.get_by_text("Bengali").or_(shelter.get_by_text("ben"))).to_be_visible()
    shelter.get_by_role("button", name="Accept").click()
    expect(shelter.locator("#status")).to_have_text("Accepted")

    page.goto(referral_url)
    expect(page.locator("#status")).to_have_text("Accepted")
    expect(page.locator(".history")).to_contain_text("shelter.staff")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

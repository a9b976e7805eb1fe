"""In Debian's Chromium at phone size: a CRP registers a household in a
Jharkhand village, the index marks it high risk and says why; she records a
daughter leaving with an agent for Delhi; the check-in is missed, the alert
reaches the block, and the block turns it into a missing-person report."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from sangam.core.access import SYSTEM
from sangam.prevention.models import MissingPerson
from tests.conftest import from_menu, log_in

pytestmark = pytest.mark.browser


def test_a_missed_checkin_becomes_a_missing_person_report(
    browser,  # noqa: F811
    live_server,
    transactional_db,
    request,
):
    call_command("geography", "load")
    jharkhand = request.getfixturevalue("jharkhand")
    today = timezone.localdate()

    page = log_in(browser, live_server.url, jharkhand["crp"])
    from_menu(page, "Prevention")
    page.get_by_role("link", name="Register a household").click()
    page.get_by_label("Village").fill("Kotam (synthetic), Sisai (synthetic)")
    page.get_by_label("Household number").fill("K-17")
    page.get_by_label("Head of household").fill("Sunita Testdevi (synthetic)")
    for indicator in ("Extreme poverty", "In debt", "Landless", "Female-headed household",
                      "Domestic violence", "Child out of school"):  # fmt: skip
        page.get_by_label(indicator, exact=True).check()
    page.get_by_role("button", name="Save").click()

    expect(page.locator("#risk-level")).to_have_text("High risk")
    why = page.locator("#why li")
    expect(why).to_have_count(6)
    expect(why.first).to_have_text("Extreme poverty (+12)")
    expect(page.locator("#risk")).to_contain_text("Score 48 of 100")

    page.get_by_text("Add a member").click()
    page.get_by_label("Name").fill("Rani Testkumari (synthetic)")
    page.get_by_label("Relation to the head").select_option("daughter")
    page.get_by_label("Sex").select_option("female")
    page.get_by_label("Age (years)").fill("16")
    page.get_by_role("button", name="Add member").click()
    expect(page.locator("#members")).to_contain_text("Rani Testkumari (synthetic)")

    page.get_by_role("link", name="Someone left the village").click()
    page.get_by_label("Who left").select_option(label="Rani Testkumari (synthetic)")
    page.get_by_label("Register number").fill("MIG-2026-3")
    page.get_by_label("Left on").fill((today - timedelta(days=40)).isoformat())
    page.get_by_label("Destination state").select_option(label="Delhi")
    page.get_by_label("Destination town or city").fill("Delhi")
    page.get_by_label("Work promised").fill("Domestic work")
    page.get_by_label("Agent who took them").fill("Agent Testname (synthetic)")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#status")).to_have_text("Away, in touch")

    # The daily run: the check-in due 10 days ago was missed.
    call_command("prevention", "checkins", "--no-email")

    block = log_in(browser, live_server.url, jharkhand["supervisor"])
    from_menu(block, "Prevention")
    block.get_by_role("link", name=re.compile("out of touch")).click()
    alert = block.locator("ul.alerts > li").filter(has_text="Rani Testkumari (synthetic)")
    expect(alert).to_contain_text("escalated to Block")
    alert.get_by_role("button", name="Report missing").click()

    expect(block.get_by_role("textbox", name="Name", exact=True)).to_have_value(
        "Rani Testkumari (synthetic)"
    )
    expect(block.get_by_label("Father's or mother's name")).to_have_value(
        "Sunita Testdevi (synthetic)"
    )
    expect(block.get_by_label("Circumstances")).to_contain_text("Agent Testname (synthetic)")
    block.get_by_label("Police complaint filed").check()
    block.get_by_label("Police station").fill("Sisai PS (synthetic)")
    block.get_by_label("FIR or GD number").fill("GD 12/2026")
    block.get_by_label("Complaint date").fill(today.isoformat())
    block.get_by_role("button", name="Save").click()
    expect(block.locator("ul.list")).to_contain_text("Rani Testkumari (synthetic)")
    expect(block.locator("ul.list")).to_contain_text("Sisai PS (synthetic)")

    person = MissingPerson.objects.restrict(SYSTEM).get()
    assert person.migration.register_no == "MIG-2026-3"
    assert person.household.member_missing

"""In Debian's Chromium at phone size: a Delhi caseworker takes in a
Bengali-speaking 16-year-old rescued in Delhi (CWC production recorded),
records consent, a care plan with two goals and a WHO-5 check-in, and
transfers her to a home in West Bengal, whose caseworker then reads her
account instead of asking again."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from sangam.core.roles import Role
from tests.conftest import from_menu, log_in, make_agency, make_user

pytestmark = pytest.mark.browser

NAME = "মিতা রায়"  # synthetic
ACCOUNT = "Synthetic account: a neighbour promised work in Delhi; kept in a flat for months."


def field(page, label):
    """A form field by its label, which ends in " *" when required."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def test_intake_consent_plan_check_in_and_transfer_across_states(
    browser,  # noqa: F811
    live_server,
    transactional_db,
):
    call_command("geography", "load")
    delhi = make_agency("IN-DL", "South", name="Delhi NGO (synthetic)")
    malda_home = make_agency(
        "IN-WB", "Malda", type="shelter_cci", name="Malda girls home (synthetic)"
    )
    worker = make_user("delhi.worker", Role.CASEWORKER, delhi)
    receiver = make_user("malda.worker", Role.CASEWORKER, malda_home)

    page = log_in(browser, live_server.url, worker)
    from_menu(page, "Survivors")
    page.get_by_role("link", name="Register a survivor").click()
    field(page, "Name").fill(NAME)
    field(page, "Other names or spellings").fill("Mita Roy")
    field(page, "Sex").select_option("female")
    field(page, "Estimated age").fill("16")
    field(page, "Give or take (years)").fill("1")
    field(page, "Languages").fill("Bengali")
    field(page, "District of origin").fill("Malda")
    page.get_by_label("CWC involved").check()
    field(page, "CWC order reference").fill("CWC-SD/2026/117")
    field(page, "Account, in the survivor's words").fill(ACCOUNT)
    field(page, "Language it was given in").fill("Bengali")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(NAME)
    expect(page.get_by_text("Child", exact=True).first).to_be_visible()

    page.get_by_role("link", name="Record consent").click()
    field(page, "Given by").select_option("cwc_order")
    field(page, "Given how").select_option("order")
    field(page, "Purpose").fill("Care, protection and restoration to family")
    field(page, "Language of the conversation").fill("Bengali")
    field(page, "Witness").fill("CWC member (synthetic)")
    page.get_by_label("Shelter home – Child Care Institution").check()
    page.get_by_label("Identity (names, age, origin, documents)").check()
    page.get_by_label("Account of what happened").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Consent recorded.")).to_be_visible()

    page.locator("a", has_text="C-").first.click()
    expect(page.get_by_role("region", name="Care plan")).to_be_visible()
    for domain, goal in [
        ("shelter", "Safe place to stay"),
        ("reintegration", "Return to family in Malda"),
    ]:
        plan = page.get_by_role("region", name="Care plan").locator(
            "details", has_text="Add a goal"
        )
        # Open the form unless the page opened it already (a click would close it).
        if not plan.evaluate("details => details.open"):
            plan.get_by_text("Add a goal").click()
        field(plan, "Domain").select_option(domain)
        field(plan, "Need assessed").fill("Synthetic need")
        field(plan, "Goal").fill(goal)
        plan.get_by_role("button", name="Add goal").click()
        expect(page.locator(".goal").filter(has_text=goal)).to_be_visible()

    page.get_by_text("New check-in").click()
    for i in range(1, 6):  # "Less than half of the time" = 2
        page.locator(f"input[name='who5-item{i}'][value='2']").check()
    page.get_by_role("button", name="Save check-in").click()
    expect(page.locator(".history").first).to_contain_text("40/100")
    expect(page.get_by_text("counsellor has been asked")).to_be_visible()

    transfer = page.get_by_role("region", name="Transfer")
    transfer.get_by_text("Transfer to another agency").click()
    field(transfer, "Transfer to").select_option(label="Malda girls home (synthetic)")
    field(transfer, "Reason").fill("Going home: the CWC ordered restoration to her district")
    page.get_by_role("button", name="Request transfer").click()
    expect(page.get_by_text("Transfer requested.")).to_be_visible()

    malda = log_in(browser, live_server.url, receiver)
    malda.goto(f"{live_server.url}/cases/transfers/")
    malda.get_by_role("button", name="Accept transfer").click()
    expect(malda.get_by_text("the case is now with your agency")).to_be_visible()
    malda.get_by_role("link", name="S-").first.click()
    expect(malda.get_by_role("heading", level=1)).to_contain_text(NAME)
    expect(malda.locator(".narrative")).to_contain_text("kept in a flat for months")
    assert malda.evaluate("document.documentElement.scrollWidth") <= 360

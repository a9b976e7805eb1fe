"""In Debian's Chromium at phone size: a caseworker opens a compensation
claim from her case (pre-filled: nothing typed twice) and files it; the DLSA
officer orders interim relief; the caseworker records the Jan Dhan account;
the officer records an award within the scheme's range and its payment; the
caseworker sees each step on the claim's page."""

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from sangam.compensation.models import SchemeHarm, SchemeVersion
from sangam.compensation.reference import load
from sangam.core.roles import Role
from tests.conftest import district, log_in, make_agency, make_consent, make_survivor, make_user

pytestmark = pytest.mark.browser


def test_a_claim_goes_from_her_case_to_the_money_in_her_account(
    browser, live_server, transactional_db
):
    call_command("geography", "load")
    load(SchemeVersion, SchemeHarm)  # a flushed test database lost migration 0002's rows
    malda = district("IN-WB", "Malda")
    ngo = make_agency("IN-WB", "Malda", name="Malda NGO (synthetic)")
    dlsa = make_agency("IN-WB", "Malda", type="dlsa", name="DLSA Malda (synthetic)")
    worker = make_user("caseworker", Role.CASEWORKER, ngo)
    officer = make_user("dlsa.officer", Role.LEGAL_SERVICES_OFFICER, dlsa)
    survivor, case = make_survivor(
        ngo,
        worker,
        "Test Survivor (synthetic)",
        "Synthetic account.",
        origin_state=malda.state,
        origin_district=malda,
        age_recorded_on=timezone.localdate(),
    )
    make_consent(survivor, ngo, worker, "dlsa", "identity", "legal")
    today = timezone.localdate().isoformat()

    page = log_in(browser, live_server.url, worker)
    page.goto(f"{live_server.url}{case.get_absolute_url()}")
    page.get_by_role("link", name="Open a victim compensation claim").click()
    expect(page.get_by_label("Age", exact=True)).to_have_value("16")
    expect(page.get_by_label("Deciding authority")).to_have_value(str(dlsa.pk))
    expect(page.get_by_text("A claim does not depend on a rescue, an FIR")).to_be_visible()
    page.get_by_label("Rape — ₹4,00,000–7,00,000", exact=False).check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#status")).to_have_text("Being prepared")
    expect(page.locator("#range")).to_have_text("₹6,00,000–₹10,50,000")  # +50% for a minor
    page.locator("#file").get_by_role("button", name="File").click()
    expect(page.locator("#status")).to_have_text("Filed")
    claim_url = page.url

    dlsa_page = log_in(browser, live_server.url, officer)
    dlsa_page.goto(claim_url)
    expect(dlsa_page.get_by_text("Test Survivor (synthetic)")).to_be_visible()
    dlsa_page.get_by_text("Record the request or the order").click()
    form = dlsa_page.locator("#interim-form")
    form.get_by_label("Interim relief ordered on").fill(today)
    form.get_by_label("Interim order number").fill("DLSA/MLD/IR/1")
    form.get_by_label("Interim relief (₹)").fill("10000")
    form.get_by_role("button", name="Save interim relief").click()
    expect(dlsa_page.locator("#interim")).to_contain_text("₹10,000")

    page.goto(claim_url)
    expect(page.locator("#interim")).to_contain_text("₹10,000")
    page.get_by_text("Record the account step").click()
    form = page.locator("#account-form")
    form.get_by_label("Bank account").select_option("opened")
    form.get_by_label("Account applied for on").fill(today)
    form.get_by_label("Account opened on").fill(today)
    form.get_by_label("Jan Dhan (PMJDY) account").check()
    form.get_by_label("Account number").fill("99990000123456")
    form.get_by_role("button", name="Save account").click()
    expect(page.locator("#account")).to_contain_text("Account opened")
    expect(page.locator("#account")).to_contain_text("3456")
    expect(page.locator("#account")).not_to_contain_text("99990000123456")

    dlsa_page.goto(claim_url)
    form = dlsa_page.locator("#award-form")
    form.get_by_label("Amount awarded (₹)").fill("700000")
    form.get_by_label("Order number").fill("DLSA/MLD/VC/9")
    form.get_by_label("Order date").fill(today)
    form.get_by_role("button", name="Record award").click()
    expect(dlsa_page.locator("#status")).to_have_text("Awarded")
    dlsa_page.get_by_text("Record a payment").click()
    form = dlsa_page.locator("#payment-form")
    form.get_by_label("Payment").select_option("award")
    form.get_by_label("Amount (₹)").fill("700000")
    form.get_by_label("Paid on").fill(today)
    form.get_by_role("button", name="Record payment").click()
    expect(dlsa_page.locator("#status")).to_have_text("Paid")

    page.goto(claim_url)
    expect(page.locator("#status")).to_have_text("Paid")
    expect(page.locator("#award")).to_contain_text("₹7,00,000")
    expect(page.locator("#payments")).to_contain_text("₹7,00,000")
    expect(page.locator(".history")).to_contain_text("dlsa.officer")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

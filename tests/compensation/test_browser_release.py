"""In Debian's Chromium at phone size: the District Magistrate opens a
release case for a survivor who consented, records the prima facie order,
the release certificate and the immediate assistance, and a payment above
the scheme's limit is refused next to its field."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from sangam.agencies.models import AgencyType
from sangam.compensation.models import BondedLabourCategory, BondedLabourScheme
from sangam.compensation.reference import load_bonded_labour_scheme, shipped_bonded_labour_schemes
from sangam.core.roles import Role
from tests.conftest import from_menu, log_in, make_agency, make_consent, make_survivor, make_user

pytestmark = pytest.mark.browser


def _day(n):
    return (date.today() - timedelta(days=n)).isoformat()


def test_the_dm_records_a_release_and_its_immediate_assistance(
    browser, live_server, transactional_db
):
    call_command("geography", "load")
    for data in shipped_bonded_labour_schemes():  # a flushed database lost the migration's
        load_bonded_labour_scheme(data, BondedLabourScheme, BondedLabourCategory)
    office = make_agency("IN-WB", "Malda", type=AgencyType.DISTRICT_ADMINISTRATION, name="DM Malda")
    ngo = make_agency("IN-WB", "Malda", name="Malda NGO (synthetic)")
    worker = make_user("worker", Role.CASEWORKER, ngo)
    dm = make_user("dm.malda", Role.DISTRICT_MAGISTRATE, office)
    survivor, _case = make_survivor(ngo, worker, "Rupa Testname (synthetic)", "Synthetic")
    make_consent(survivor, ngo, worker, AgencyType.DISTRICT_ADMINISTRATION, "identity", "legal")

    page = log_in(browser, live_server.url, dm)
    from_menu(page, "Bonded labour")
    page.get_by_role("link", name="New release case").click()
    page.get_by_label("Survivor").select_option(str(survivor.pk))
    page.get_by_label("Identified or rescued on").fill(_day(6))
    page.get_by_label("Inquiry started on").fill(_day(6))
    page.get_by_label("Where she was made to work").fill("Brick kiln (synthetic)")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#status")).to_have_text("Inquiry")

    page.get_by_role("link", name="Prima facie order").click()
    page.get_by_label("Prima facie order dated").fill(_day(5))
    page.get_by_label("Order number").fill("PF/2026/1")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#status")).to_have_text("Prima facie bonded")

    page.get_by_role("link", name="Release certificate").click()
    page.get_by_label("Certificate number").fill("RC/2026/1")
    page.get_by_label("Certificate issued on").fill(_day(4))
    page.get_by_label("Issued by (officer and designation)").fill("SDM Sadar (synthetic)")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#certificate")).to_contain_text("RC/2026/1")
    expect(page.get_by_role("link", name="Release certificate (PDF)")).to_be_visible()

    page.get_by_role("link", name="Immediate assistance").click()
    page.get_by_label("Immediate assistance (₹)").fill("35000")
    page.get_by_label("Immediate assistance paid on").fill(_day(4))
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#id_immediate_assistance_amount_error")).to_contain_text("₹30,000")
    page.get_by_label("Immediate assistance (₹)").fill("30000")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#immediate")).to_contain_text("₹30,000")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

"""In Debian's Chromium at phone size: an AHTU officer records the rescue of
a 15-year-old girl, produces her before the CWC within 24 hours (the clock
shows met), registers the FIR under BNS 143 with POCSO, arrests an accused
and sees the 90-day default-bail date, files the chargesheet in time; her
NGO caseworker, with her consent, sees the case's progress but never the
accused; the officer records the trial, naming the prosecution office; its
prosecutor records a hearing with the next date, which the caseworker sees
(never the hearing's notes), and the conviction that concludes the trial."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from sangam.agencies.models import AgencyType
from sangam.core.roles import Role
from sangam.justice.reference import load
from tests.conftest import log_in, make_agency, make_consent, make_survivor, make_user

pytestmark = pytest.mark.browser


def when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_from_rescue_to_judgment_with_the_laws_clocks(browser, live_server, transactional_db):
    call_command("geography", "load")
    load()  # the shipped tables (a transactional test may have flushed them)
    ahtu = make_agency("IN-WB", "Malda", type=AgencyType.AHTU, name="AHTU Malda (synthetic)")
    cwc = make_agency("IN-WB", "Malda", type=AgencyType.CWC, name="CWC Malda (synthetic)")
    ngo = make_agency("IN-WB", "Malda", name="NGO Malda (synthetic)")
    pp = make_agency("IN-WB", "Malda", type=AgencyType.PROSECUTION, name="PP Malda (synthetic)")
    prosecutor = make_user("prosecutor", Role.PUBLIC_PROSECUTOR, pp)
    officer = make_user("ahtu.officer", Role.POLICE_OFFICER, ahtu)
    caseworker = make_user("caseworker", Role.CASEWORKER, ngo)
    girl, _ = make_survivor(
        ngo, caseworker, "Browser Girl (synthetic)", "Synthetic.", estimated_age=15
    )
    make_consent(girl, ngo, caseworker, AgencyType.AHTU, "identity")
    make_consent(girl, ngo, caseworker, AgencyType.NGO, "legal")
    now = timezone.now()

    page = log_in(browser, live_server.url, officer)
    page.goto(f"{live_server.url}/justice/")
    page.get_by_role("link", name="Record a rescue").click()
    page.get_by_label("Source of information").select_option("ngo")
    page.get_by_label("Date and time of the rescue").fill(when(now - timedelta(hours=5)))
    page.get_by_label("Place").fill("Synthetic place")
    page.get_by_label("First witness").fill("Witness One (synthetic)")
    page.locator("#id_witness_one_sex").select_option("female")
    page.get_by_label("Second witness").fill("Witness Two (synthetic)")
    page.locator("#id_witness_two_sex").select_option("male")
    page.get_by_role("button", name="Save").click()

    page.get_by_label("Already registered").select_option(label=str(girl))
    page.get_by_label("Estimated age").fill("15")
    page.get_by_role("button", name="Add").click()
    clock = page.locator('[data-clock="cwc"]')
    expect(clock).to_contain_text("Rescued child produced before the CWC")
    page.get_by_text("Record production and orders").click()
    page.get_by_label("CWC", exact=True).select_option(label=cwc.name)
    page.get_by_label("Produced before the CWC").fill(when(now - timedelta(hours=1)))
    page.get_by_role("button", name="Save").click()
    expect(page.locator('[data-clock="cwc"]')).to_contain_text("Met")

    page.goto(f"{live_server.url}/justice/cases/new/")
    page.get_by_label("Police station").select_option(label=ahtu.name)
    page.get_by_label("FIR number").fill("BR-1/2026")
    page.get_by_label("FIR registered at").fill(when(now - timedelta(hours=3)))
    page.get_by_label("Sections charged").select_option(["BNS 143", "POCSO 4"])
    page.get_by_label("Victims").select_option(label=str(girl))
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#needs-ahtu")).to_be_visible()

    page.get_by_text("Add an accused").click()
    page.locator("#id_name").fill("Accused Browser (synthetic)")
    page.get_by_label("Role alleged").select_option("recruiter")
    arrested = now - timedelta(hours=2)
    page.get_by_label("Arrested at").fill(when(arrested))
    page.get_by_role("button", name="Add").last.click()
    bail = page.locator('[data-clock="default_bail_long"]')
    due = timezone.localtime(arrested.replace(second=0, microsecond=0) + timedelta(days=90))
    expect(bail).to_contain_text(due.strftime("%-d %b %Y"))
    days = (due.date() - timezone.localdate()).days
    expect(bail).to_contain_text(f"{days} days left")

    page.get_by_text("Chargesheet and progress").click()
    page.get_by_label("Chargesheet filed on").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.locator('[data-clock="default_bail_long"]')).to_contain_text("Met")
    expect(page.locator("#chargesheet")).to_contain_text("Filed on")
    case_url = page.url

    ngo_page = log_in(browser, live_server.url, caseworker)
    ngo_page.goto(case_url)
    expect(ngo_page.locator("#chargesheet")).to_contain_text("Filed on")
    expect(ngo_page.get_by_text("BNS 143", exact=True)).to_be_visible()
    expect(ngo_page.get_by_text("Accused Browser (synthetic)")).to_have_count(0)
    expect(ngo_page.get_by_role("heading", name="Accused")).to_have_count(0)

    # The officer records the trial: the Special Court, its CNR, the charges
    # framed today, the prosecution office that conducts it.
    today = timezone.localdate()
    page.get_by_text("Record the trial").click()
    page.locator("#id_trial-court").fill("Special Court Malda (synthetic)")
    page.locator("#id_trial-court_kind").select_option("special")
    page.locator("#id_trial-cnr").fill("wbmd 01 001234 2026")
    page.locator("#id_trial-charges_framed_on").fill(today.isoformat())
    page.locator("#id_trial-prosecution").select_option(label=pp.name)
    page.locator('form[action$="/trial/"] button').click()
    expect(page.locator("#cnr")).to_have_text("WBMD010012342026")
    expect(page.locator("#in-camera")).to_be_visible()  # POCSO 4: BNSS 366

    pp_page = log_in(browser, live_server.url, prosecutor)
    pp_page.goto(case_url)
    pp_page.get_by_text("Add a hearing").click()
    pp_page.locator("#id_hearing-on").fill(today.isoformat())
    pp_page.locator("#id_hearing-purpose").select_option("victim_evidence")
    pp_page.locator("#id_hearing-outcome").select_option("held")
    pp_page.locator("#id_hearing-by_video").check()
    next_on = today + timedelta(days=7)
    pp_page.locator("#id_hearing-next_on").fill(next_on.isoformat())
    pp_page.locator("#id_hearing-notes").fill("Testimony recorded (synthetic)")
    pp_page.locator('form[action$="/hearings/"] button').click()
    expect(pp_page.locator("#hearings")).to_contain_text("Testimony recorded (synthetic)")

    ngo_page.goto(case_url)
    hearings = ngo_page.locator("#hearings")
    expect(hearings).to_contain_text(next_on.strftime("%-d %b %Y"))
    expect(hearings).not_to_contain_text("Testimony recorded")

    for section in ("BNS 143", "POCSO 4"):
        pp_page.get_by_text("Record a judgment").click()
        pp_page.locator("#id_judgment-accused").select_option(index=1)
        pp_page.locator("#id_judgment-section").select_option(label=section)
        pp_page.locator("#id_judgment-on").fill(today.isoformat())
        pp_page.locator("#id_judgment-verdict").select_option("convicted")
        pp_page.locator("#id_judgment-sentence").fill("RI for 10 years (synthetic)")
        pp_page.locator('form[action$="/judgments/"] button').click()
    expect(pp_page.locator("#judgments")).to_contain_text("Convicted")
    expect(pp_page.locator("#concluded")).to_be_visible()
    expect(pp_page.locator('[data-clock="no_hearing"]')).to_contain_text("Met")

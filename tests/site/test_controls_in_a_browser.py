"""Measured in Chromium at 360 x 740, on the demo's own pages: the header
takes at most 15% of the screen below the demo banner, menu links and every
radio and checkbox row (its label and control together) are at least
44 x 44 px, a tap on a choice's words chooses it, one-line fields are one
line high, and the district picker suggests as she types and says when
nothing matches."""

import re

import pyotp
import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from sangam.accounts.models import User
from sangam.cases.models import Case
from sangam.core.access import SYSTEM
from sangam.matching.models import CandidateMatch
from tests.conftest import CSP_REFUSALS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DEMO_TOTP_KEY = "SANGAMDEMOTOTPKEYFORDEMOSONLY234"
TAP = 44


def sign_in(browser, url, username):
    page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    page.on(
        "console",
        lambda m: CSP_REFUSALS.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(f"{url}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("sangam-demo-2026")
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("6-digit code").fill(pyotp.TOTP(DEMO_TOTP_KEY).now())
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    return page


def small_choices(page):
    """Radio and checkbox rows (label and control) under 44 x 44 px."""
    return page.evaluate(
        """() => [...document.querySelectorAll('main input[type=radio], main input[type=checkbox]')]
          .map(i => { const t = (i.closest('label') || i).getBoundingClientRect();
                      const c = i.getBoundingClientRect();
                      const inside = c.left >= t.left && c.right <= t.right
                                     && c.top >= t.top && c.bottom <= t.bottom;
                      return [i.name, Math.round(t.width), Math.round(t.height), inside]; })
          .filter(([n, w, h, inside]) => w < 44 || h < 44 || !inside)"""
    )


def test_a_cwc_member_decides_with_a_thumb(browser, live_server):
    call_command("seed", "--demo", stdout=None)
    cwc = User.objects.restrict(SYSTEM).get(username="demo.cwc")
    candidate = CandidateMatch.objects.restrict(cwc, "view").get(status="pending")
    page = sign_in(browser, live_server.url, "demo.cwc")

    header = page.locator("header.top").bounding_box()
    assert header["height"] <= 0.15 * 740
    page.get_by_text("Menu", exact=True).click()
    links = page.locator("header nav a").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })"
    )
    assert links and all(w >= TAP and h >= TAP for w, h in links), links
    page.get_by_text("Menu", exact=True).click()

    page.goto(f"{live_server.url}/matching/review/{candidate.pk}/")
    assert small_choices(page) == []
    page.get_by_text("Not the same person", exact=True).click()  # the words, not the circle
    expect(page.get_by_role("radio", name="Not the same person")).to_be_checked()
    expect(page.get_by_role("radio", name="Same person", exact=True)).not_to_be_checked()

    # The caseworker's WHO-5 form and the CRP's "New household": every
    # control a thumb's width, one-line fields one line high.
    worker = User.objects.restrict(SYSTEM).get(username="demo.caseworker")
    case = Case.objects.restrict(worker, "change").filter(status="open").first() or (
        Case.objects.restrict(worker, "change").first()
    )
    page = sign_in(browser, live_server.url, "demo.caseworker")
    page.goto(f"{live_server.url}/cases/{case.pk}/form/wellbeing/")
    assert page.locator("main input[type=radio]").count() >= 30
    assert small_choices(page) == []
    page.goto(f"{live_server.url}/cases/new/")
    name = page.get_by_label(re.compile("^Name")).bounding_box()
    assert name["height"] < 60  # it was a 260 px box
    district = page.locator("#id_origin_district")
    district.press_sequentially("bilas", delay=50)
    suggested = page.locator("#id_origin_district_list option")
    expect(suggested).to_have_count(2)  # asked of the server as she types
    assert suggested.evaluate_all("els => els.map(e => e.value)") == [
        "Bilaspur, Chhattisgarh",
        "Bilaspur, Himachal Pradesh",
    ]
    district.fill("")
    district.press_sequentially("zzqx", delay=50)
    expect(page.locator("#id_origin_district_hint")).to_have_text(
        "No district matches what you typed."
    )
    crp = sign_in(browser, live_server.url, "demo.crp")
    crp.goto(f"{live_server.url}/prevention/households/new/")
    assert crp.locator("main input[type=checkbox]").count() >= 10
    assert small_choices(crp) == []

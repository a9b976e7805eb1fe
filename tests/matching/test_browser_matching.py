"""In Debian's Chromium at phone size: an AHTU officer reviews a match
between a report in Latin script and a rescued girl registered in Bengali,
side by side with the evidence, and confirms it; the CWC member's queue
holds children only, and the confirmed child's restoration is hers."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from sangam.core.access import SYSTEM
from sangam.matching.models import CandidateMatch
from sangam.prevention.models import MissingPerson
from tests.conftest import from_menu, log_in
from tests.matching.conftest import found, missing

pytestmark = pytest.mark.browser


def test_an_ahtu_officer_confirms_a_cross_script_match(
    browser,  # noqa: F811
    live_server,
    transactional_db,
    request,
):
    call_command("geography", "load")
    sides = request.getfixturevalue("malda")
    missing(sides["village"], "Mousumi Khatun", age=14)
    missing(sides["village"], "Sumitra Mondal", age=25)
    found(sides, "মৌসুমী খাতুন", age=15)
    found(sides, "সুমিত্রা মণ্ডল", age=26)
    call_command("matching", "run")

    cwc = log_in(browser, live_server.url, sides["cwc"])
    from_menu(cwc, "Matches to review")
    expect(cwc.locator("ul.candidates")).to_contain_text("Mousumi Khatun")
    expect(cwc.locator("ul.candidates")).not_to_contain_text("Sumitra Mondal")

    police = log_in(browser, live_server.url, sides["police"])
    from_menu(police, "Matches to review")
    queue = police.locator("ul.candidates > li")
    expect(queue.filter(has_text="Sumitra Mondal")).to_have_count(1)
    queue.filter(has_text="Mousumi Khatun").get_by_role("link").click()
    expect(police.locator("#missing-name")).to_have_text("Mousumi Khatun")
    expect(police.locator("#found-name")).to_have_text("মৌসুমী খাতুন")
    expect(police.locator("#evidence")).to_contain_text("Name")
    expect(police.locator("#evidence")).to_contain_text("agrees")
    police.get_by_label("Same person", exact=True).check()
    police.get_by_label("Why").fill("Her mother identified her from a photograph")
    police.get_by_role("button", name="Record decision").click()
    expect(police.locator("#next-step")).to_have_text("Next: home verification ordered")

    [person] = [p for p in MissingPerson.objects.restrict(SYSTEM) if p.name == "Mousumi Khatun"]
    assert person.status == "traced"
    confirmed = CandidateMatch.objects.restrict(SYSTEM).get(status="confirmed")
    assert confirmed.missing_person == person and confirmed.reviewed_by == sides["police"]

    from_menu(cwc, "Matches to review")
    expect(cwc.locator("ul.candidates")).not_to_contain_text("Mousumi Khatun")
    cwc.get_by_role("link", name="Children being restored").click()
    cwc.get_by_role("link", name=person.register_no).click()
    cwc.get_by_label("Home verification ordered").fill(
        person.date_missing.replace(year=person.date_missing.year + 1).isoformat()
    )
    cwc.get_by_role("button", name="Save").click()
    expect(cwc.locator("#next-step")).to_have_text("Next: home verification report received")

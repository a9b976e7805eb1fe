"""Log in with two factors in Debian's Chromium, switch to Hindi, see the
dashboard — on a 360 px wide phone screen."""

import pytest
from playwright.sync_api import sync_playwright

from sangam.core.roles import Role
from tests.conftest import ARGS, CHROMIUM, PASSWORD, make_agency, make_user, totp_now

pytestmark = pytest.mark.browser


@pytest.fixture
def page(audit_flushable, live_server, monkeypatch):
    # Playwright's sync API runs an event loop in this thread; Django's ORM
    # calls from the test itself are still synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 740})
        yield context.new_page()
        browser.close()


def test_it_logs_in_with_two_factors_switches_to_hindi_and_shows_the_dashboard(
    page, live_server, transactional_db
):
    from django.core.management import call_command

    call_command("geography", "load")
    user = make_user("browser.worker", Role.CASEWORKER, make_agency("IN-WB", "Malda"))

    page.goto(f"{live_server.url}/")
    page.get_by_label("Username").fill("browser.worker")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.get_by_label("6-digit code").fill(totp_now(user))
    page.get_by_role("button", name="Verify").click()
    assert page.get_by_role("heading", name="Dashboard").is_visible()
    assert page.get_by_text("Demo data").is_visible()

    page.get_by_text("Menu", exact=True).click()  # the switch is in the menu
    page.get_by_label("Language").select_option("hi")
    page.get_by_role("button", name="Change").click()
    assert page.get_by_role("heading", name="डैशबोर्ड").is_visible()
    assert page.locator("html").get_attribute("lang") == "hi"

    # The choice is kept for the user, not just this page.
    page.goto(f"{live_server.url}/dashboard/")
    assert page.get_by_role("heading", name="डैशबोर्ड").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

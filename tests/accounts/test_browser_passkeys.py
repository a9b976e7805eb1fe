"""A passkey added in My account replaces the code at the next login, and
can be removed — in Debian's Chromium with its virtual authenticator (the
DevTools WebAuthn domain), through static/sangam/passkeys.js."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from sangam.accounts.models import Passkey
from sangam.core.roles import Role
from tests.conftest import PASSWORD, make_agency, make_user, totp_now

pytestmark = pytest.mark.browser


def password_step(page, url):
    page.goto(f"{url}/login/")
    page.get_by_label("Username").fill("passkey.worker")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_a_passkey_added_in_my_account_replaces_the_code(browser, live_server, transactional_db):
    call_command("geography", "load")
    user = make_user("passkey.worker", Role.CASEWORKER, make_agency("IN-WB", "Malda"))
    page = browser.new_context(viewport={"width": 1024, "height": 800}).new_page()
    devtools = page.context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    devtools.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )

    password_step(page, live_server.url)
    page.get_by_label("6-digit code").fill(totp_now(user))
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()

    page.goto(f"{live_server.url}/accounts/me/")
    page.get_by_label("Name of the passkey").fill("Test phone")
    page.get_by_role("button", name="Add a passkey").click()
    expect(page.get_by_text("Passkey added")).to_be_visible()
    expect(page.get_by_role("cell", name="Test phone")).to_be_visible()
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("button", name="Log out").click()

    password_step(page, live_server.url)
    page.get_by_role("button", name="Use a passkey").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    assert Passkey.objects.get(user=user).last_used_at is not None

    page.goto(f"{live_server.url}/accounts/me/")
    page.get_by_role("button", name="Remove").click()
    expect(page.get_by_text("Passkey removed")).to_be_visible()
    assert not Passkey.objects.exists()

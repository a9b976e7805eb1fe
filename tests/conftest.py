import base64
import os

import pyotp
import pytest
from django.core.management import call_command
from playwright.sync_api import expect, sync_playwright

from sangam.accounts.models import TOTPDevice, User
from sangam.agencies.models import Agency, AgencyContact, AgencyType, Membership
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.geography.models import District, State

PASSWORD = "correct-horse-battery-9"


@pytest.fixture
def reference(db):
    from sangam.compensation.reference import load_all
    from sangam.justice.reference import load

    call_command("geography", "load")
    # Loaded by data migrations, but gone after a transactional test's flush.
    load_all()
    load()


def district(state_code, name):
    return District.objects.get(state__code=state_code, name=name)


def make_agency(state_code, district_name=None, type=AgencyType.NGO, name=None, level=None):
    state = State.objects.get(code=state_code)
    dist = district(state_code, district_name) if district_name else None
    return Agency.objects.create(
        name=name or f"Test {type} {district_name or state_code} (synthetic)",
        type=type,
        jurisdiction_level=level or ("district" if dist else "state"),
        state=state,
        district=dist,
    )


def make_user(username, role, agency, totp=True):
    user = User.objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@test.sangam.invalid"
    )
    Membership.objects.create(user=user, agency=agency, role=role)
    if totp:
        TOTPDevice.objects.create(user=user, secret=pyotp.random_base32(), confirmed=True)
    return User.objects.restrict(SYSTEM).get(pk=user.pk)


def make_contact(agency, name="Test Contact (synthetic)"):
    return AgencyContact.objects.create(agency=agency, name=name, phone="+91 99999 00000")


@pytest.fixture
def two_districts(reference):
    """Agency A in Malda (West Bengal) and agency B in South Delhi, each with a
    caseworker and a contact person."""
    a = make_agency("IN-WB", "Malda", name="Agency A (synthetic)")
    b = make_agency("IN-DL", "South", name="Agency B (synthetic)")
    return {
        "a": a,
        "b": b,
        "user_a": make_user("worker.a", Role.CASEWORKER, a),
        "user_b": make_user("worker.b", Role.CASEWORKER, b),
        "contact_a": make_contact(a, "Contact Alpha (synthetic)"),
        "contact_b": make_contact(b, "Contact Bravo (synthetic)"),
    }


def totp_now(user):
    return pyotp.TOTP(TOTPDevice.objects.get(user=user).secret).now()


@pytest.fixture(autouse=True)
def audit_anchor_file(tmp_path, monkeypatch):
    """Each test anchors into its own file: anchors outlive the database
    rollback between tests, and a later test's shorter chain would look
    truncated."""
    path = tmp_path / "audit-anchors.jsonl"
    monkeypatch.setenv("SANGAM_AUDIT_ANCHOR_FILE", str(path))
    return path


def set_audit_triggers(enabled):
    """Create or drop the audit trail's append-only triggers (entries and
    chain head), with the SQL of the migrations that install them."""
    from sangam.audit import triggers

    triggers.set_enabled(enabled)


@pytest.fixture(scope="module")
def audit_flushable(django_db_setup, django_db_blocker):
    """Transactional tests end by emptying every table, which the audit
    trail's append-only triggers refuse. Lift them for one test module; they
    come back when the module is done, after the last flush."""
    with django_db_blocker.unblock():
        set_audit_triggers(False)
    yield
    with django_db_blocker.unblock():
        set_audit_triggers(True)


def make_service(
    name,
    district_obj,
    *,
    terms=("shelter-children",),
    sex="any",
    ages=(None, None),
    languages=("hin",),
    beds=None,
    agency=None,
    offset=(0.0, 0.0),
    status="active",
):
    """A directory entry at ``district_obj``'s centre moved by ``offset`` degrees."""
    from sangam.directory.workflow import create_service

    return create_service(
        organization=f"{name} org (synthetic)",
        agency=agency,
        name=name,
        district=district_obj,
        terms=terms,
        sex=sex,
        minimum_age=ages[0],
        maximum_age=ages[1],
        languages=languages,
        phone="+91 99999 12345",
        address="Test address 1",
        postal_code="000000",
        point=(district_obj.latitude + offset[0], district_obj.longitude + offset[1]),
        beds=beds,
        beds_maximum=10,
        status=status,
    )


@pytest.fixture
def directory(reference):
    from sangam.directory.taxonomy import load_taxonomy

    load_taxonomy()


def make_survivor(agency, worker, name, narrative, **fields):
    """A 16-year-old survivor with a case at ``agency`` and her account (synthetic)."""
    from sangam.cases.models import Case, Intake, Survivor

    fields = {"sex": "female", "estimated_age": 16, **fields}
    survivor = Survivor.objects.create(name=name, created_by=worker, **fields)
    case = Case.objects.create(survivor=survivor, agency=agency, owner=worker, created_by=worker)
    Intake.objects.create(
        survivor=survivor,
        narrative=narrative,
        language="ben",
        recorded_by_agency=agency,
        created_by=worker,
    )
    return survivor, case


def make_consent(survivor, agency, worker, agency_type, *categories):
    """A CWC-ordered consent letting ``agency_type`` see ``categories``."""
    from sangam.cases.models import Consent, ConsentGrant

    consent = Consent.objects.create(
        survivor=survivor,
        given_by="cwc_order",
        manner="order",
        purpose="Care and protection",
        language="ben",
        recorded_by_agency=agency,
        created_by=worker,
    )
    for category in categories:
        ConsentGrant.objects.create(consent=consent, agency_type=agency_type, category=category)
    return consent


def make_village(
    district_obj, block_name="Test Block (synthetic)", name="Test Village (synthetic)"
):
    from sangam.geography.models import Block, Village

    block, _ = Block.objects.get_or_create(district=district_obj, name=block_name)
    return Village.objects.create(district=district_obj, block=block, name=name)


@pytest.fixture
def jharkhand(reference):
    """A village in Gumla (Jharkhand) with its block's CLF (a CRP), the block
    mission unit (a supervisor) and the district AHTU (a police officer);
    and a village in another block the CRP does not work in."""
    gumla = district("IN-JH", "Gumla")
    village = make_village(gumla, "Sisai (synthetic)", "Kotam (synthetic)")
    other = make_village(gumla, "Bharno (synthetic)", "Amalia (synthetic)")
    state = State.objects.get(code="IN-JH")

    def agency(type, name, level, block=None):
        return Agency.objects.create(
            name=name,
            type=type,
            jurisdiction_level=level,
            state=state,
            district=gumla,
            block=block,
        )

    clf = agency(AgencyType.CLF, "Sisai CLF (synthetic)", "block", village.block)
    unit = agency(AgencyType.SRLM_UNIT, "Sisai block unit (synthetic)", "block", village.block)
    ahtu = agency(AgencyType.AHTU, "Gumla AHTU (synthetic)", "district")
    return {
        "district": gumla,
        "village": village,
        "other_village": other,
        "crp": make_user("crp.sisai", Role.CRP, clf),
        "supervisor": make_user("block.sisai", Role.SUPERVISOR, unit),
        "police": make_user("ahtu.gumla", Role.POLICE_OFFICER, ahtu),
        "clf": clf,
    }


def make_household(village, user, code="H-001", **indicators):
    from sangam.prevention import index
    from sangam.prevention.models import Household

    household = Household.objects.create(
        village=village,
        code=code,
        head_name="Head Testname (synthetic)",
        created_by=user,
        **indicators,
    )
    return index.rescore(household)


def dashboard_card(response, template):
    """What the dashboard's card drawn with ``template`` shows (its context)."""
    return dict(response.context["cards"])[template]


# Debian's Chromium, driven by Playwright (never a downloaded browser); the
# flags keep it off this machine's closed network.
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# What Chromium refused under the Content Security Policy on signed-in pages:
# a browser test fails if anything was (an inline script or style would be).
CSP_REFUSALS = []


@pytest.fixture
def browser(audit_flushable, live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    CSP_REFUSALS.clear()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()
    assert CSP_REFUSALS == []


def log_in(browser, url, user):
    page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    page.on(
        "console",
        lambda m: CSP_REFUSALS.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(f"{url}/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("6-digit code").fill(totp_now(user))
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    return page


def from_menu(page, name):
    """Follow a link of the menu, which on a phone is behind its one button."""
    page.locator("header .menu > summary").click()
    page.locator("header nav").get_by_role("link", name=name, exact=True).click()


@pytest.fixture
def production_env(tmp_path):
    """The environment of a production deployment on an SQLite file."""
    env = {
        **os.environ,
        "SANGAM_ENV": "production",
        "SANGAM_SECRET_KEY": "k3y-" + "x9Q!z7#Lm2$Vb8&Rt5" * 4,
        "SANGAM_ALLOWED_HOSTS": "sangam.example.org",
        "SANGAM_VAR_DIR": str(tmp_path),
        "SANGAM_DATA_KEYS": "k1:" + base64.b64encode(b"k" * 32).decode(),
        "SANGAM_BLIND_INDEX_KEY": base64.b64encode(b"b" * 32).decode(),
        "DJANGO_SETTINGS_MODULE": "sangam.site.settings",
    }
    env.pop("DATABASE_URL", None)
    return env

"""What a person on a cheap phone notices, on the demo's own pages: choices
whose label holds the control, searchable pickers instead of selects of
every district (and free text that matches nothing said so), numbers that
call, the menu behind one button, Sangam's own phone-sized error pages, and
no raw keys, codes or broken plurals. The sizes themselves are measured in
Chromium (test_controls_in_a_browser.py)."""

import re
from html import unescape

import pytest
from django.core.management import call_command
from django.db import transaction

from sangam.accounts.models import User
from sangam.cases.models import Survivor
from sangam.core.access import SYSTEM
from sangam.geography.models import District
from sangam.matching.models import CandidateMatch
from sangam.prevention.models import Household

ROLES = [
    "demo.crp", "demo.caseworker", "demo.counsellor", "demo.supervisor", "demo.shelter",
    "demo.police", "demo.cwc", "demo.dcpu", "demo.legal", "demo.district", "demo.state",
]  # fmt: skip
SKIP = re.compile(r"/(logout|language|export|print|import|letter|audio)\b|\.(pdf|xlsx|csv|json)")
# What leaked to pages before: stored keys with their values, a missing
# number shown as "?", a plural of one, template syntax.
RAW = [
    re.compile(r"\b[a-z]+_[a-z_]+: ?(held|missing|true|false|none)\b"),
    re.compile(r"\(± ?\?\)"),
    re.compile(r"\b1 (people|persons|households|villages|districts|complaints|alerts)\b"),
    re.compile(r"\{\{|\{%|%\}"),
    re.compile(r"\bNone\b"),
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed", "--demo", stdout=None)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def login(demo, db, client):
    def as_user(username):
        user = User.objects.restrict(SYSTEM).get(username=username)
        client.force_login(user)
        return user

    return as_user


def text_of(html):
    html = re.sub(r"<(script|style|datalist)\b.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_each_choice_of_the_cwc_decision_is_one_tap_target_with_its_words(login, client):
    cwc = login("demo.cwc")
    candidate = CandidateMatch.objects.restrict(cwc, "view").get(status="pending")
    html = client.get(f"/matching/review/{candidate.pk}/").content.decode()
    decision = re.search(r"<fieldset class=\"field choices.*?</fieldset>", html, re.S).group(0)
    assert "<legend>Decision" in decision
    choices = re.findall(r"<label[^>]*>\s*<input type=\"radio\"[^>]*>\s*([^<]+)</label>", decision)
    assert [c.strip() for c in choices][:2] == ["Same person", "Not the same person"]


def test_the_household_form_puts_each_checkbox_inside_its_label(login, client):
    login("demo.crp")
    html = client.get("/prevention/households/new/").content.decode()
    boxes = re.findall(r"<input type=\"checkbox\"", html)
    inside = re.findall(r"<label class=\"check-row\"[^>]*>\s*<input type=\"checkbox\"", html)
    assert len(boxes) >= 10 and len(inside) == len(boxes)


def test_a_district_is_typed_and_matched_not_picked_from_754(login, client):
    login("demo.caseworker")
    html = client.get("/cases/new/").content.decode()
    field = re.search(r'<input type="text" name="origin_district"[^>]*>', html).group(0)
    assert 'list="id_origin_district_list"' in field and "data-pick=" in field
    assert '<select name="origin_district"' not in html
    suggested = client.post("/geography/pick/district/", {"q": "mald"}).content.decode()
    assert '<option value="Malda, West Bengal">' in suggested
    assert client.get("/geography/pick/district/?q=mald").status_code == 405  # text by POST only


def _register(client, district):
    return client.post(
        "/cases/new/",
        {"name": "Picker Testname (synthetic)", "sex": "female", "origin_district": district},
    )


def test_free_text_that_matches_no_district_says_so_and_saves_nothing(login, client):
    login("demo.caseworker")
    before = Survivor.objects.restrict(SYSTEM).count()
    html = _register(client, "Maldaa").content.decode()
    assert "No district matches “Maldaa”" in html
    assert Survivor.objects.restrict(SYSTEM).count() == before


def test_a_name_two_states_share_asks_which(login, client):
    login("demo.caseworker")
    shared = District.objects.filter(name="Bilaspur").count()
    assert shared == 2  # Chhattisgarh and Himachal Pradesh
    html = _register(client, "Bilaspur").content.decode()
    assert "More than one district is called “Bilaspur”" in html
    assert "Bilaspur, Chhattisgarh" in html and "Bilaspur, Himachal Pradesh" in html  # suggested


def test_the_district_as_the_list_names_it_is_saved(login, client):
    login("demo.caseworker")
    response = _register(client, "bilaspur, himachal pradesh")
    assert response.status_code == 302, text_of(response.content.decode())[:2000]
    survivor = Survivor.objects.restrict(SYSTEM).latest("pk")
    assert survivor.name == "Picker Testname (synthetic)"
    assert survivor.origin_district.state.name == "Himachal Pradesh"


def test_a_household_phone_number_calls_with_one_tap(login, client):
    crp = login("demo.crp")
    household = Household.objects.restrict(crp, "view").exclude(phone="").first()
    html = client.get(f"/prevention/households/{household.pk}/").content.decode()
    assert re.search(r'<a class="tel" href="tel:\+?\d{6,}">', html)


def test_the_menu_is_behind_one_button(login, client):
    login("demo.caseworker")
    html = client.get("/dashboard/").content.decode()
    header = re.search(r"<header.*?</header>", html, re.S).group(0)
    assert re.search(r"<details class=\"menu\">\s*<summary>Menu</summary>", header)
    assert "<nav" in header.split("<summary>Menu</summary>", 1)[1]


def test_sangams_own_error_pages_fit_a_phone(login, client):
    login("demo.caseworker")
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    html = missing.content.decode()
    assert 'name="viewport" content="width=device-width' in html and "Not found" in html
    from django.template.loader import render_to_string

    error = render_to_string("500.html")
    assert 'name="viewport" content="width=device-width' in error and "sangam.css" in error


def test_the_survivor_page_names_documents_and_age_in_words(login, client):
    worker = login("demo.caseworker")
    survivor = Survivor.objects.restrict(worker, "view").first()
    survivor.documents = {"aadhaar": "held", "bank_account": "missing"}
    survivor.save()
    text = text_of(client.get(survivor.get_absolute_url()).content.decode())
    assert "aadhaar" not in text and "bank_account" not in text
    assert "Has: Aadhaar" in text and "Missing: Bank account" in text


@pytest.mark.parametrize("username", ROLES)
def test_no_page_of_the_demo_shows_a_raw_key_code_or_broken_plural(login, client, username):
    login(username)
    menu = re.search(r"<nav.*?</nav>", client.get("/dashboard/").content.decode(), re.S)
    pages = {"/dashboard/"} | set(re.findall(r'href="(/[^"#?]*)"', menu.group(0)))
    for path in sorted(pages):
        html = client.get(path).content.decode()
        pages |= set(re.findall(r'<main.*?href="(/[^"#?]*\d/)"', html, re.S)[:3])
    found = []
    for path in sorted(p for p in pages if not SKIP.search(p)):
        response = client.get(path)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        text = text_of(response.content.decode())
        found += [f"{path}: {m.group(0)!r}" for r in RAW for m in r.finditer(text)]
    assert found == []

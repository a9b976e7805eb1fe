"""The 2G page budget (docs/development/page-budget.md), without a browser:
every page a CRP or caseworker of the demo opens (her menu and the pages it
links to) is under 100 KB compressed on a cold load (the page and every
static file it names) and under 20 KB on a repeat visit (the page alone: in
production static files are cached under hashed names). Static files are
served pre-compressed with year-long cache headers; pages are gzipped.
benchmarks/page_weight.py measures the same in Chromium, with the 2G time."""

import gzip
import json
import re
import subprocess
import sys

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.db import transaction

from sangam.accounts.models import User
from sangam.core.access import SYSTEM

COLD, WARM = 100 * 1024, 20 * 1024
ROLES = ["demo.crp", "demo.caseworker", "demo.shelter"]
SKIP = re.compile(
    r"/(logout|language|export|print|import|letter|audio)\b|\.pdf|\.xlsx|\.csv|\.json"
)
STATIC = re.compile(r'/static/([^"\'?#\s]+)')


def compressed(data):
    return len(gzip.compress(data, compresslevel=9))


def static_bytes(path):
    found = finders.find(path)
    assert found, f"a page names {path}, which is not shipped"
    with open(found, "rb") as f:
        return compressed(f.read())


def kind(path):
    return re.sub(r"/(?![a-z-]+/)[^/]+/", "/N/", path)


def links(html, within):
    part = re.search(rf"<{within}\b.*?</{within}>", html, re.S)
    found = re.findall(r'href="(/[^"#?]*)"', part.group(0) if part else "")
    return [h for h in found if not SKIP.search(h) and not h.startswith("/static/")]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed", "--demo", stdout=None)
        yield
        transaction.set_rollback(True)


def pages_of(client):
    """Her menu, and one page of each kind that her menu's pages link to."""
    menu = links(client.get("/dashboard/").content.decode(), "nav") + ["/dashboard/"]
    pages = {kind(p): p for p in menu}
    for path in menu:
        for href in links(client.get(path).content.decode(), "main"):
            pages.setdefault(kind(href), href)
    return sorted(pages.values())


@pytest.mark.parametrize("username", ROLES)
def test_every_page_she_uses_is_under_the_2g_budget(demo, db, client, username):
    client.force_login(User.objects.restrict(SYSTEM).get(username=username))
    weights, over = {}, []
    for path in pages_of(client):
        response = client.get(path)
        if response.status_code != 200:
            continue
        html = response.content
        warm = compressed(html)
        cold = warm + sum(static_bytes(p) for p in set(STATIC.findall(html.decode())))
        weights[path] = (cold, warm)
        if cold >= COLD or warm >= WARM:
            over.append(f"{path}: {cold / 1024:.0f} KB cold, {warm / 1024:.0f} KB warm")
    assert len(weights) >= 8, weights  # her pages were found and opened
    assert over == []


def test_the_register_a_survivor_page_draws_no_select_of_every_district(demo, db, client):
    client.force_login(User.objects.restrict(SYSTEM).get(username="demo.caseworker"))
    html = client.get("/cases/new/").content.decode()
    assert "Register a survivor" in html
    assert max(len(s) for s in re.findall(r"<select\b.*?</select>", html, re.S)) < 5_000
    assert len(html) < 60_000  # it was 109 KB


def test_pages_travel_gzipped(demo, db, client):
    client.force_login(User.objects.restrict(SYSTEM).get(username="demo.caseworker"))
    response = client.get("/cases/new/", headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert len(response.content) < len(gzip.decompress(response.content)) / 3


def test_htmx_and_leaflet_only_on_the_pages_that_use_them(demo, db, client):
    client.force_login(User.objects.restrict(SYSTEM).get(username="demo.caseworker"))
    dashboard = client.get("/dashboard/").content.decode()
    assert "htmx" not in dashboard and "leaflet" not in dashboard
    directory = client.get("/directory/").content.decode()
    assert "htmx" in directory and "leaflet" in directory


def test_production_serves_static_files_compressed_hashed_and_cached_for_good(
    production_env, tmp_path
):
    run = [sys.executable, "-m", "sangam.site.cli", "collectstatic", "--no-input", "-v0"]
    subprocess.run(run, env=production_env, check=True)
    root = tmp_path / "static"
    manifest = json.loads((root / "staticfiles.json").read_text())["paths"]
    for name in ("sangam/sangam.css", "sangam/picker.js", "vendor/india-states.geojson"):
        hashed = root / manifest[name]
        assert hashed.name != name.rsplit("/", 1)[1]
        assert (hashed.parent / (hashed.name + ".gz")).exists(), f"{name} has no .gz"
    outlines = root / (manifest["vendor/india-states.geojson"] + ".gz")
    assert outlines.stat().st_size < 100 * 1024  # it moved 577 KB
    # WhiteNoise's headers for a hashed name: a year and more, never revalidated.
    url = f"/static/{manifest['sangam/sangam.css']}"
    code = (
        "import django; django.setup();"
        "from whitenoise.middleware import WhiteNoiseMiddleware as W;"
        f"print(W(lambda r: None).immutable_file_test('', {url!r}))"
    )
    env = {**production_env, "DJANGO_SETTINGS_MODULE": "sangam.site.settings"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.stdout.strip() == "True", result.stderr

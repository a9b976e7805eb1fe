"""Every response carries the security headers; pages and answers with
personal data are never stored by a browser or proxy; no page needs inline
script or style (the CSP refuses them); Django's debug page is off unless a
developer asks for it."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import sangam
from sangam.accounts.models import APIToken
from sangam.core.roles import Role
from tests.conftest import make_agency, make_survivor, make_user

CSP = "Content-Security-Policy"


def settings_value(name, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SANGAM_")}
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-c", f"import sangam.site.settings as s; print(s.{name})"],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


@pytest.fixture
def case_world(reference):
    ngo = make_agency("IN-DL", "South", name="Delhi NGO (synthetic)")
    worker = make_user("worker", Role.CASEWORKER, ngo)
    survivor, _case = make_survivor(ngo, worker, "Asha Synthetic", "synthetic account")
    return {"worker": worker, "survivor": survivor}


def test_make_run_shows_sangams_error_pages_unless_debugging_is_asked_for():
    assert settings_value("DEBUG") == "False"
    assert settings_value("DEBUG", SANGAM_DEBUG="1") == "True"


def test_production_sends_hsts(tmp_path):
    value = settings_value(
        "SECURE_HSTS_SECONDS",
        SANGAM_ENV="production",
        SANGAM_SECRET_KEY="x" * 60,
        SANGAM_VAR_DIR=str(tmp_path),
    )
    assert int(value) >= 31536000


def test_a_survivor_page_is_never_stored_and_carries_the_policies(client, case_world):
    client.force_login(case_world["worker"])
    response = client.get(f"/cases/survivors/{case_world['survivor'].pk}/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    policy = response[CSP]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_api_answers_are_never_stored(client, case_world):
    raw = APIToken.issue(case_world["worker"], "t")[1]
    response = client.get(
        f"/api/cases/survivors/{case_world['survivor'].pk}", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_public_login_page_has_the_policy_too(client, db):
    response = client.get("/login/")
    assert CSP in response and "Permissions-Policy" in response


INLINE = [
    re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),  # a script without src
    re.compile(r"<style", re.I),
    re.compile(r"\sstyle=", re.I),
    re.compile(r"\son[a-z]+=", re.I),  # onclick=, onchange= …
    re.compile(r"\shx-on", re.I),  # htmx's inline handlers are eval'd
    re.compile(r"javascript:", re.I),
]


def test_no_template_needs_inline_script_or_style():
    root = Path(sangam.__file__).parent
    found = [
        f"{path.relative_to(root)}: {match.group(0)}"
        for path in root.rglob("templates/**/*.html")
        for pattern in INLINE
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []

"""The case page's forms come when their section is opened: the page a
station reads many times a day carries no form it did not open (a form
with errors, and the AHTU's while the case waits for it, are drawn open
on the page); each form is sent only to whoever may post it, as a page
of its own without JavaScript, and posts where the page's did."""

import re
from datetime import date

import pytest

from sangam.audit.models import AuditEntry
from sangam.core.access import SYSTEM
from sangam.justice import workflow
from sangam.justice.models import ChargedSection

HTMX = {"HTTP_HX_REQUEST": "true"}


def fields(html):
    return set(re.findall(r'<(?:input|select|textarea)[^>]* name="([^"]+)"', html))


def slots(html):
    return re.findall(r'<details hx-get="(/justice/cases/\d+/form/[\w-]+/)"', html)


def test_the_writers_page_sends_no_form_until_a_section_is_opened(world, case, client):
    # Sent to the AHTU: no section is open from the start.
    workflow.send_to_ahtu(
        world["police"], case, world["ahtu"], date(2025, 3, 2), expected_version=case.version
    )
    client.force_login(world["police"])
    page = client.get(case.get_absolute_url()).content.decode()
    opened = [u.rsplit("/", 2)[-2] for u in slots(page)]
    assert opened == ["section", "trial", "accused", "proceeds", "progress"]
    # Only the drop form of its one section is on the page (and the
    # header's language switch).
    dropping = {"csrfmiddlewaretoken", "version", "charged", "dropped_on", "reason"}
    assert fields(page) <= dropping | {"language", "next"}
    assert "<noscript>" in page
    assert "htmx-2.min.js" in page  # what fetches them


def test_an_opened_section_gets_its_form_posting_where_the_page_did(world, case, client):
    client.force_login(world["police"])
    fragment = client.get(f"/justice/cases/{case.pk}/form/section/", **HTMX)
    html = fragment.content.decode()
    assert f'action="/justice/cases/{case.pk}/sections/"' in html
    assert {"section", "added_on", "version"} <= fields(html)
    assert "<html" not in html
    response = client.post(
        f"/justice/cases/{case.pk}/sections/",
        {"version": case.version, "section": "BNS 137", "added_on": "2025-03-01"},
    )
    assert response.status_code == 302
    assert ChargedSection.objects.restrict(SYSTEM).filter(case=case).count() == 2
    # Without JavaScript the same form is a page of its own.
    page = client.get(f"/justice/cases/{case.pk}/form/section/").content.decode()
    assert "<html" in page and "<h1>Add a section</h1>" in page
    assert f'href="{case.get_absolute_url()}"' in page


def test_opening_a_form_is_an_audited_read_of_the_case(world, case, client):
    client.force_login(world["police"])
    before = AuditEntry.objects.filter(action="view", object_id=str(case.pk)).count()
    client.get(f"/justice/cases/{case.pk}/form/progress/", **HTMX)
    assert AuditEntry.objects.filter(action="view", object_id=str(case.pk)).count() == before + 1


def test_a_form_with_errors_is_drawn_open_on_the_page(world, case, client):
    client.force_login(world["police"])
    response = client.post(
        f"/justice/cases/{case.pk}/sections/",
        {"version": case.version, "section": "BNS 137", "added_on": "2024-01-01"},
    )
    html = response.content.decode()
    assert "<details open><summary>Add a section</summary>" in html
    assert 'class="error"' in html and "section" in fields(html)


def test_the_ahtu_form_is_open_while_the_case_waits_for_it(world, case, client):
    client.force_login(world["police"])
    html = client.get(case.get_absolute_url()).content.decode()
    assert "<details open><summary>Send to the AHTU</summary>" in html
    assert "ahtu" in fields(html)


def test_the_trial_forms_follow_the_trial(world, tried, client):
    case = tried.case
    client.force_login(world["prosecutor"])
    page = client.get(case.get_absolute_url()).content.decode()
    assert [u.rsplit("/", 2)[-2] for u in slots(page)] == ["trial", "hearing", "judgment"]
    assert "Change the trial" in page
    html = client.get(f"/justice/cases/{case.pk}/form/judgment/", **HTMX).content.decode()
    assert f'action="/justice/trials/{tried.pk}/judgments/"' in html
    # The accused on trial, by reference.
    assert f">A-{tried.accused_on_trial.pk}</option>" in html
    trial = client.get(f"/justice/cases/{case.pk}/form/trial/", **HTMX).content.decode()
    assert 'value="WBMD010012342025"' in trial


@pytest.mark.parametrize("name", ["section", "progress", "ahtu", "accused", "trial", "judgment"])
def test_a_reader_by_consent_never_gets_a_form(world, case, client, name):
    # Her NGO reads the case (her consent to "legal"); it never writes it.
    client.force_login(world["caseworker"])
    assert client.get(case.get_absolute_url()).status_code == 200
    response = client.get(f"/justice/cases/{case.pk}/form/{name}/", **HTMX)
    assert response.status_code in (403, 404)
    assert 'action="/justice/' not in response.content.decode()


def test_another_district_and_unknown_forms_get_404(world, case, client):
    client.force_login(world["dl_police"])
    assert client.get(f"/justice/cases/{case.pk}/form/section/").status_code == 404
    client.force_login(world["police"])
    assert client.get(f"/justice/cases/{case.pk}/form/nothing/").status_code == 404
    # A hearing has no form before the trial is recorded.
    assert client.get(f"/justice/cases/{case.pk}/form/hearing/").status_code == 404

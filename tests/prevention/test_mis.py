"""The MIS rolls the registers up village → block → district → state, as
figures only, for the areas a person works in; exported and printed."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from sangam.agencies.models import Agency
from sangam.core.roles import Role
from sangam.geography.models import State
from sangam.prevention.models import Entitlement, Member, Migration, MissingPerson
from tests.conftest import make_household, make_user

TODAY = timezone.localdate()


@pytest.fixture
def registers(jharkhand):
    village, other = jharkhand["village"], jharkhand["other_village"]
    high = dict.fromkeys(
        ["extreme_poverty", "in_debt", "domestic_violence", "landless", "member_left_with_agent",
         "female_headed"],
        True,
    )  # fmt: skip
    h1 = make_household(village, None, code="A", **high)
    make_household(village, None, code="B")
    h3 = make_household(other, None, code="C", **high)
    for h in (h1, h3):
        Member.objects.create(household=h, serial=1, name="W (synthetic)", relation="head",
                              sex="female", birth_year=1980)  # fmt: skip
    girl = Member.objects.create(household=h1, serial=2, name="G (synthetic)",
                                 relation="daughter", sex="female", birth_year=2009)  # fmt: skip
    Migration.objects.create(
        village=village, household=h1, member=girl, register_no="M1",
        left_on=TODAY - timedelta(days=60), destination_state=State.objects.get(code="IN-DL"),
        destination_place="Delhi", next_checkin_due=TODAY - timedelta(days=30),
    )  # fmt: skip
    MissingPerson.objects.create(village=other, register_no="P1", name="P (synthetic)",
                                 sex="female", date_missing=TODAY)  # fmt: skip
    Entitlement.objects.create(household=h1, kind="mgnregs", status="received", decided_on=TODAY)
    Entitlement.objects.create(household=h3, kind="pm_jay", status="applied")
    return jharkhand


def test_it_rolls_up_by_block_for_a_district_official(client, registers):
    from tests.conftest import make_agency

    office = make_agency("IN-JH", "Gumla", type="district_administration")
    official = make_user("dm.gumla", Role.DISTRICT_OFFICIAL, office)
    client.force_login(official)
    page = client.get("/prevention/mis/").content.decode()
    assert "MIS: Gumla" in page
    assert "W (synthetic)" not in page  # figures, never names
    rows = {r[0]: r[1:] for r in _table(page)}
    # households, high risk, women/girls, migrants, overdue, missing, applied, received, ...
    assert rows["Sisai (synthetic)"][:8] == ["2", "1", "2", "1", "1", "0", "1", "1"]
    assert rows["Bharno (synthetic)"][:8] == ["1", "1", "1", "0", "0", "1", "1", "0"]
    assert rows["Total"][:8] == ["3", "2", "3", "1", "1", "1", "2", "1"]

    book = load_workbook(io.BytesIO(client.get("/prevention/mis/export.xlsx?area=district&id="
                                               f"{registers['district'].pk}").content))  # fmt: skip
    values = [[c.value for c in row] for row in book.active.iter_rows()]
    assert values[-1][:3] == ["Total", 3, 2]


def test_a_crp_sees_only_her_block_and_not_the_district(client, registers):
    client.force_login(registers["crp"])
    page = client.get("/prevention/mis/").content.decode()
    assert "Kotam (synthetic)" in page and "Amalia (synthetic)" not in page
    district = registers["district"].pk
    assert client.get(f"/prevention/mis/?area=district&id={district}").status_code == 403
    assert client.get("/prevention/mis/?area=india").status_code == 403


def test_it_prints_the_monthly_report(client, registers):
    client.force_login(registers["supervisor"])
    month = TODAY.strftime("%Y-%m")
    page = client.get(f"/prevention/mis/monthly/?month={month}").content.decode()
    rows = dict(_table(page))
    assert rows["Households surveyed"] == "2" and rows["Entitlements received"] == "1"
    response = client.get(f"/prevention/mis/monthly.pdf?month={month}")
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Monthly MIS report" in text and "Households surveyed" in text


def _table(html):
    import re

    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        cells = [
            re.sub(r"<[^>]+>", "", c).strip()
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)
        ]
        if cells:
            rows.append(cells if len(cells) != 2 else tuple(cells))
    return rows


def test_oversight_roles_cannot_open_registers(client, registers):
    office = Agency.objects.create(
        name="JH SRLM (synthetic)", type="srlm_unit", jurisdiction_level="state",
        state=State.objects.get(code="IN-JH"),
    )  # fmt: skip
    client.force_login(make_user("srlm.jh", Role.STATE_ADMINISTRATOR, office))
    district = registers["district"].pk
    page = client.get(f"/prevention/mis/?area=district&id={district}").content.decode()
    assert "Bharno (synthetic)" in page
    assert "W (synthetic)" not in client.get("/prevention/at-risk/").content.decode()

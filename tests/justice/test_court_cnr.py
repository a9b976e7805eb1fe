"""The trial's CNR is eCourts' 16-character number: 4 letters for the state
and district, a 2-digit establishment code, a 6-digit serial and the year.
Typed in lower case or with spaces it is kept as eCourts prints it; anything
else is refused with the reason by the field, and nothing is saved."""

import pytest
from django.core.exceptions import ValidationError

from sangam.core.access import SYSTEM
from sangam.justice.models import Trial, normalise_cnr, validate_cnr
from tests.justice.conftest import CNR


def trial_form(world, **changes):
    data = {
        "court": "Special Court Malda (synthetic)",
        "court_kind": "special",
        "court_district": world["station"].district_id,
        "cnr": CNR,
        "public_prosecutor": "PP (synthetic)",
        **changes,
    }
    return {f"trial-{k}": v for k, v in data.items()}


@pytest.mark.parametrize(
    "typed", ["WBMD010012342025", "wbmd010012342025", "WBMD 01 001234 2025", "wbmd-01-001234-2025"]
)
def test_a_cnr_is_kept_upper_case_without_spaces(typed):
    assert normalise_cnr(typed) == CNR
    validate_cnr(normalise_cnr(typed))


@pytest.mark.parametrize(
    "cnr",
    [
        "WBMD01001234202",  # 15 characters
        "WBMD0100123420251",  # 17
        "WB12010012342025",  # digits where the district's letters go
        "WBMDAB0012342025",  # letters where the establishment code goes
        "WBMD010000002025",  # serial 000000
        "WBMD010012341899",  # not a year of filing
    ],
)
def test_anything_else_is_refused(cnr):
    with pytest.raises(ValidationError):
        validate_cnr(cnr)


def test_the_page_records_the_trial_with_the_cnr_as_ecourts_prints_it(world, case, client):
    client.force_login(world["police"])
    response = client.post(
        f"/justice/cases/{case.pk}/trial/", trial_form(world, cnr="wbmd 01 001234 2025")
    )
    assert response.status_code == 302
    trial = Trial.objects.restrict(SYSTEM).get()
    assert trial.cnr == CNR and trial.case == case
    page = client.get(case.get_absolute_url()).content.decode()
    assert CNR in page and "Special Court Malda (synthetic)" in page


def test_an_invalid_cnr_is_refused_by_the_field_and_nothing_saved(world, case, client):
    client.force_login(world["police"])
    response = client.post(f"/justice/cases/{case.pk}/trial/", trial_form(world, cnr="WBMD0100"))
    assert response.status_code == 200
    form = response.context["trial_form"]
    assert "A CNR number has 16 characters" in form.errors["cnr"][0]
    assert not Trial.objects.restrict(SYSTEM).exists()


def test_a_cnr_already_recorded_for_another_case_is_refused(world, case, tried, client):
    from sangam.justice import workflow
    from sangam.justice.models import CriminalCase
    from tests.justice.conftest import FIR_AT, offences

    other = workflow.register_fir(
        world["police"],
        CriminalCase(police_station=world["station"], fir_number="T-2/2025", fir_at=FIR_AT),
        offences(FIR_AT.date(), "BNS 143"),
        [],
    )
    client.force_login(world["police"])
    response = client.post(f"/justice/cases/{other.pk}/trial/", trial_form(world))
    assert response.status_code == 200
    assert response.context["trial_form"].errors["cnr"]
    assert Trial.objects.restrict(SYSTEM).count() == 1


def test_charges_are_not_framed_before_the_chargesheet(world, case, client):
    client.force_login(world["police"])
    response = client.post(
        f"/justice/cases/{case.pk}/trial/", trial_form(world, charges_framed_on="2025-03-05")
    )
    errors = response.context["trial_form"].errors
    assert errors["charges_framed_on"] == ["Charges are framed on a chargesheet: record it first."]
    assert not Trial.objects.restrict(SYSTEM).exists()


def test_a_stale_version_is_not_saved(world, tried, client):
    client.force_login(world["police"])
    url = f"/justice/cases/{tried.case_id}/trial/"
    data = trial_form(world, version=tried.version, court="Renamed (synthetic)")
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "trial-court": "Again (synthetic)"}, follow=True)
    assert "Someone else saved this record" in response.content.decode()
    assert Trial.objects.restrict(SYSTEM).get().court == "Renamed (synthetic)"

"""Bad input on a release: refused with the reason next to the field, and
nothing saved."""

import pytest

from sangam.compensation.models import BondedLabourRelease
from sangam.core.access import SYSTEM
from tests.compensation.conftest import days_ago, fresh, open_release, released


def _post(client, release, step, data):
    url = f"/compensation/bonded-labour/{release.pk}/step/{step}/"
    return client.post(url, {**data, "version": fresh(release).version})


def _unchanged(release, before):
    after = fresh(release)
    assert (after.version, after.status) == (before.version, before.status)
    return after


def test_immediate_assistance_above_the_scheme_limit(malda, client):
    release = released(malda)
    client.force_login(malda["dm"])
    response = _post(
        client,
        release,
        "immediate-assistance",
        {"immediate_assistance_amount": 30001, "immediate_assistance_paid_on": days_ago(1)},
    )
    errors = response.context["form"].errors
    assert "at most ₹30,000" in errors["immediate_assistance_amount"][0]
    assert _unchanged(release, release).immediate_assistance_amount is None


def test_immediate_assistance_under_the_2016_scheme_is_held_to_its_own_limit(malda, client):
    from datetime import date

    release = released(malda, identified_on=date(2020, 1, 10), inquiry_started_on=date(2020, 1, 10))
    assert release.scheme.code == "cssrbl-2016"
    client.force_login(malda["dm"])
    response = _post(
        client,
        release,
        "immediate-assistance",
        {"immediate_assistance_amount": 25000, "immediate_assistance_paid_on": days_ago(1)},
    )
    assert "at most ₹20,000" in response.context["form"].errors["immediate_assistance_amount"][0]


def test_payment_before_the_certificate(malda, client):
    release = released(malda)
    client.force_login(malda["dm"])
    response = _post(
        client,
        release,
        "immediate-assistance",
        {"immediate_assistance_amount": 10000, "immediate_assistance_paid_on": days_ago(30)},
    )
    assert "on or after the release certificate" in str(
        response.context["form"].errors["immediate_assistance_paid_on"]
    )
    _unchanged(release, release)


def test_no_payment_step_is_open_before_the_certificate(malda, client):
    release = open_release(malda)
    client.force_login(malda["dm"])
    response = _post(
        client,
        release,
        "immediate-assistance",
        {"immediate_assistance_amount": 10000, "immediate_assistance_paid_on": days_ago(1)},
    )
    assert response.status_code == 302
    assert fresh(release).immediate_assistance_paid_on is None


@pytest.mark.parametrize(
    "step, data, field",
    [
        ("prima-facie", {"prima_facie_on": 40, "prima_facie_order_number": "PF"}, "prima_facie_on"),
        ("prima-facie", {"prima_facie_on": -3, "prima_facie_order_number": "PF"}, "prima_facie_on"),
    ],
)
def test_dates_out_of_order_or_in_the_future(malda, client, step, data, field):
    release = open_release(malda)  # identified 30 days ago
    client.force_login(malda["dm"])
    data = {k: days_ago(v) if k.endswith("_on") else v for k, v in data.items()}
    response = _post(client, release, step, data)
    assert response.context["form"].errors[field]
    _unchanged(release, release)


def test_a_certificate_before_the_prima_facie_order(malda, client):
    release = released(malda)  # prima facie 25 days ago
    release = fresh(release)
    client.force_login(malda["dm"])
    release.status = "prima_facie"
    BondedLabourRelease.objects.restrict(SYSTEM).filter(pk=release.pk).update(
        status="prima_facie", certificate_issued_on=None
    )
    response = _post(
        client,
        release,
        "certificate",
        {"certificate_number": "RC", "certificate_issued_on": days_ago(26),
         "certificate_officer": "SDM"},
    )  # fmt: skip
    assert "before the prima facie order" in str(
        response.context["form"].errors["certificate_issued_on"]
    )


def test_a_category_of_another_scheme_version(malda, client):
    release = released(malda)
    other = release.scheme.__class__.objects.exclude(pk=release.scheme_id).get()
    client.force_login(malda["dm"])
    response = _post(
        client,
        release,
        "proposal",
        {"category": other.categories.first().pk, "proposed_on": days_ago(1),
         "conviction_status": "no_case"},
    )  # fmt: skip
    assert "this case's scheme version" in response.context["form"].errors["category"][0]
    _unchanged(release, release)


def test_an_annuity_below_the_categorys_minimum(malda, client):
    release = released(malda)
    client.force_login(malda["dm"])
    response = _post(
        client,
        release,
        "proposal",
        {"category": release.scheme.categories.get(code="extreme").pk, "annuity_amount": 1000,
         "proposed_on": days_ago(1), "conviction_status": "no_case"},
    )  # fmt: skip
    assert "at least ₹2,00,000" in response.context["form"].errors["annuity_amount"][0]
    _unchanged(release, release)


def test_a_survivor_the_dm_cannot_see(malda, client):
    client.force_login(malda["dm"])
    response = client.post(
        "/compensation/bonded-labour/new/",
        {
            "survivor": malda["private"].pk,
            "agency": malda["office"].pk,
            "identified_on": days_ago(3).isoformat(),
            "inquiry_started_on": days_ago(3).isoformat(),
            "conviction_status": "no_case",
        },
    )
    assert "whose record you may see" in str(response.context["form"].errors["survivor"])
    assert not BondedLabourRelease.objects.restrict(SYSTEM).exists()


def test_a_stale_version_is_a_conflict_not_an_overwrite(malda, client):
    release = released(malda)
    client.force_login(malda["dm"])
    url = f"/compensation/bonded-labour/{release.pk}/step/immediate-assistance/"
    response = client.post(
        url,
        {"immediate_assistance_amount": 5000, "immediate_assistance_paid_on": days_ago(1),
         "version": release.version - 1},
    )  # fmt: skip
    assert "Someone else saved this record" in response.content.decode()
    assert fresh(release).immediate_assistance_amount is None

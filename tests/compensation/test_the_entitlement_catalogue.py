"""The entitlement catalogue is versioned reference data: its first version
is the list prevention's household register kept in code (same codes and
labels, Hindi included), a state's own version replaces it there only, and
the household page and its form read it."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sangam.compensation.models import EntitlementCatalogue, EntitlementItem, entitlements_for
from sangam.compensation.reference import load_entitlement_catalogue
from sangam.geography.models import State
from tests.conftest import make_household


def _jh():
    return State.objects.get(code="IN-JH")


def test_the_first_version_is_prevention_list_for_every_state(reference):
    national = EntitlementCatalogue.objects.get()
    assert national.state is None and national.is_published and not national.verified
    codes = [code for code, _label in entitlements_for(_jh().pk)]
    assert codes[:3] == ["ration_card", "antyodaya", "pmay_g"] and len(codes) == 13
    with translation.override("hi"):
        assert dict(entitlements_for(_jh().pk))["mgnregs"] == "मनरेगा जॉब कार्ड"


def _jharkhand_version(items):
    return load_entitlement_catalogue(
        {"code": "jh-2026", "state": "IN-JH", "title": "Jharkhand", "source": "test",
         "in_force_from": "2026-01-01", "items": items},
        EntitlementCatalogue, EntitlementItem, State,
    )  # fmt: skip


def test_a_states_own_version_replaces_the_national_list_there_only(reference):
    _jharkhand_version([{"code": "sarvjan_pension", "label": "Sarvjan pension", "labels": {}}])
    assert entitlements_for(_jh().pk, on=date(2026, 6, 1)) == [
        ("sarvjan_pension", "Sarvjan pension")
    ]
    bihar = State.objects.get(code="IN-BR")
    assert len(entitlements_for(bihar.pk, on=date(2026, 6, 1))) == 13


def test_a_version_repeating_a_code_is_refused_whole(reference):
    item = {"code": "x", "label": "X", "labels": {}}
    with pytest.raises(ValidationError):
        _jharkhand_version([item, item])
    assert not EntitlementCatalogue.objects.filter(code="jh-2026").exists()


def test_the_household_page_lists_the_catalogue_and_takes_only_its_codes(client, jharkhand):
    household = make_household(jharkhand["village"], jharkhand["crp"])
    client.force_login(jharkhand["crp"])
    page = client.get(f"/prevention/households/{household.pk}/").content.decode()
    assert "MGNREGS job card" in page and "e-Shram registration" in page
    url = f"/prevention/households/{household.pk}/entitlements/"
    client.post(url, {"kind": "not_in_catalogue", "status": "applied"})
    assert not household.entitlements.restrict(jharkhand["crp"]).exists()
    client.post(url, {"kind": "e_shram", "status": "applied"})
    assert household.entitlements.restrict(jharkhand["crp"]).get().kind == "e_shram"

"""The bonded-labour scheme's amounts are data with their source: shipped
unverified, published (so locked), picked by the day she was identified; an
inconsistent version is refused whole."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from sangam.compensation.models import BondedLabourCategory, BondedLabourScheme
from sangam.compensation.reference import load_bonded_labour_scheme, shipped_bonded_labour_schemes
from sangam.core.reference import PublishedVersionLocked


def test_both_shipped_versions_are_published_and_marked_to_verify(db):
    versions = {v.code: v for v in BondedLabourScheme.objects.all()}
    assert set(versions) == {"cssrbl-2016", "cssrbl-2021"}
    assert all(v.is_published and not v.verified for v in versions.values())
    assert "Verify against the notified scheme" in versions["cssrbl-2021"].source
    rows = {r.code: r for r in versions["cssrbl-2021"].categories.all()}
    assert (rows["special"].amount, rows["special"].annuity_minimum) == (200000, 125000)
    assert (rows["extreme"].amount, rows["extreme"].annuity_minimum) == (300000, 200000)
    assert versions["cssrbl-2021"].immediate_assistance_limit == 30000


def test_the_version_in_force_on_the_day_she_was_identified_is_chosen(db):
    assert BondedLabourScheme.in_force_on(date(2020, 6, 1)).code == "cssrbl-2016"
    assert BondedLabourScheme.in_force_on(date(2022, 1, 27)).code == "cssrbl-2021"
    assert BondedLabourScheme.in_force_on(date(2015, 1, 1)) is None


def test_a_published_version_and_its_rows_cannot_be_edited(db):
    version = BondedLabourScheme.objects.get(code="cssrbl-2021")
    version.immediate_assistance_limit = 50000
    with pytest.raises(PublishedVersionLocked):
        version.save()
    row = version.categories.first()
    row.amount = 1
    with pytest.raises(PublishedVersionLocked):
        row.save()


def _draft(**changes):
    data = {**shipped_bonded_labour_schemes()[1], "code": "cssrbl-test", **changes}
    return data


@pytest.mark.parametrize(
    "changes, message",
    [
        (
            {"categories": [{"code": "x", "label": "X", "amount": 100, "annuity_minimum": 200}]},
            "annuity share is above the amount",
        ),
        ({"immediate_assistance_limit": 500000}, "immediate assistance limit is above"),
        ({"categories": []}, "at least one category"),
        ({"in_force_until": "2020-01-01"}, "cannot end before"),
    ],
)
def test_an_inconsistent_version_is_refused_and_nothing_is_kept(db, changes, message):
    with pytest.raises(ValidationError) as refused:
        load_bonded_labour_scheme(_draft(**changes), BondedLabourScheme, BondedLabourCategory)
    assert message in " ".join(refused.value.messages)
    assert not BondedLabourScheme.objects.filter(code="cssrbl-test").exists()
    assert not BondedLabourCategory.objects.filter(version__code="cssrbl-test").exists()


def test_publishing_a_draft_checks_its_rows(db):
    draft = BondedLabourScheme.objects.create(
        code="draft", title="Draft", source="test", in_force_from=date(2030, 1, 1),
        immediate_assistance_limit=10,
    )  # fmt: skip
    BondedLabourCategory.objects.create(
        version=draft, code="a", label="A", amount=100, annuity_minimum=101
    )
    with pytest.raises(ValidationError):
        draft.publish()
    draft.refresh_from_db()
    assert not draft.is_published


def test_the_command_lists_the_versions_and_what_is_unverified(db):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("compensation", "schemes", stdout=out)
    text = out.getvalue()
    assert "cssrbl-2021: 2022-01-27 to —, published, verify against the notified scheme" in text
    assert "special: 200000 (annuity at least 125000)" in text

"""A state legal services officer drafts her state's scheme version, fixes
inconsistent amounts the page refuses by the field, and publishes it; a
published version is never edited and claims filed in her state then use it."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from sangam.compensation.models import SchemeHarm, SchemeVersion
from sangam.core.reference import PublishedVersionLocked


def _draft(world, client):
    client.force_login(world["slsa_officer"])
    response = client.post("/compensation/schemes/new/")
    assert response.status_code == 302
    return SchemeVersion.objects.get(state=world["slsa"].state, published_at__isnull=True)


def test_a_draft_is_copied_from_the_version_in_force(world, client):
    draft = _draft(world, client)
    assert draft.harms.count() == world["nalsa"].harms.count()
    assert draft.verified is False


def test_a_minimum_above_the_maximum_is_refused_by_the_field(world, client):
    draft = _draft(world, client)
    page = client.post(
        f"/compensation/schemes/{draft.pk}/harm/",
        {
            "code": "new_harm",
            "label": "New harm",
            "min_amount": 9000,
            "max_amount": 8000,
            "order": 1,
            "draft_version": draft.version,
        },
    )
    assert page.status_code == 422
    assert "The maximum cannot be below the minimum." in page.content.decode()
    assert not draft.harms.filter(code="new_harm").exists()


def test_interim_relief_above_a_harms_maximum_is_refused(world, client):
    draft = _draft(world, client)
    data = {
        "title": draft.title,
        "source": "Synthetic notification",
        "in_force_from": "2026-01-01",
        "sanctioned_by": "dlsa",
        "minor_age": 18,
        "minor_uplift_percent": 50,
        "interim_min": 5000,
        "interim_max": 350000,
        "interim_share_percent": 25,
        "inquiry_days": 60,
        "fixed_deposit_percent": 0,
        "version": draft.version,
    }
    page = client.post(f"/compensation/schemes/{draft.pk}/edit/", data)
    assert "The interim relief is above the maximum for" in page.content.decode()
    data.update(interim_min=20000, interim_max=10000)
    page = client.post(f"/compensation/schemes/{draft.pk}/edit/", data)
    assert "The interim relief cannot end below where it starts." in page.content.decode()
    draft.refresh_from_db()
    assert draft.interim_max == world["nalsa"].interim_max


def test_a_published_version_is_never_edited_and_her_states_claims_use_it(world, client):
    draft = _draft(world, client)
    draft.in_force_from = date(2026, 1, 1)
    draft.save()
    client.post(f"/compensation/schemes/{draft.pk}/publish/", {"version": draft.version})
    draft.refresh_from_db()
    assert draft.is_published
    assert SchemeVersion.for_state(world["dlsa"].state) == draft
    harm = draft.harms.first()
    harm.max_amount = 1
    with pytest.raises(PublishedVersionLocked):
        harm.save()
    page = client.post(f"/compensation/schemes/{draft.pk}/edit/", {"title": "Changed"})
    assert page.status_code == 302
    draft.refresh_from_db()
    assert draft.title != "Changed"


def test_a_caseworker_or_another_states_officer_cannot_draft(world, client):
    draft = _draft(world, client)
    for who in ("worker", "delhi_officer", "officer"):
        client.force_login(world[who])
        assert client.post(f"/compensation/schemes/{draft.pk}/edit/", {}).status_code == 403


def test_the_shipped_schemes_are_consistent(world):
    for version in SchemeVersion.objects.published():
        version.full_clean()
        version.check_rows()
    harm = SchemeHarm(version=world["nalsa"], code="x", label="x", min_amount=5, max_amount=4)
    with pytest.raises(ValidationError):
        harm.full_clean()


def _scheme_data(draft, **changes):
    data = {
        "title": draft.title,
        "source": "Synthetic notification",
        "in_force_from": "2026-01-01",
        "sanctioned_by": "dlsa",
        "minor_age": 18,
        "minor_uplift_percent": 50,
        "interim_min": 5000,
        "interim_max": 10000,
        "interim_share_percent": 25,
        "inquiry_days": 60,
        "fixed_deposit_percent": 0,
        "version": draft.version,
    }
    return data | changes


def test_two_officers_editing_one_draft_conflict_instead_of_overwriting(world, client):
    draft = _draft(world, client)
    loaded = draft.version  # both officers opened the draft at this version
    first = client.post(
        f"/compensation/schemes/{draft.pk}/edit/", _scheme_data(draft, inquiry_days=45)
    )
    assert first.status_code == 302
    second = client.post(
        f"/compensation/schemes/{draft.pk}/edit/",
        _scheme_data(draft, inquiry_days=90, version=loaded),
    )
    assert second.status_code == 422
    assert "Someone else saved this record" in second.content.decode()
    draft.refresh_from_db()
    assert draft.inquiry_days == 45


def test_a_harm_added_to_a_draft_changed_since_is_refused(world, client):
    draft = _draft(world, client)
    loaded = draft.version
    client.post(f"/compensation/schemes/{draft.pk}/edit/", _scheme_data(draft))
    page = client.post(
        f"/compensation/schemes/{draft.pk}/harm/",
        {"code": "late", "label": "Late harm", "min_amount": 1000, "max_amount": 20000,
         "order": 9, "draft_version": loaded},
    )  # fmt: skip
    assert page.status_code == 422
    assert "Someone else saved this record" in page.content.decode()
    assert not draft.harms.filter(code="late").exists()


def test_a_draft_changed_since_her_page_loaded_is_not_published(world, client):
    draft = _draft(world, client)
    loaded = draft.version
    client.post(
        f"/compensation/schemes/{draft.pk}/harm/",
        {"code": "added", "label": "Added harm", "min_amount": 1000, "max_amount": 20000,
         "order": 9, "draft_version": loaded},
    )  # fmt: skip
    draft.refresh_from_db()
    draft.in_force_from = date(2026, 1, 1)
    draft.save()
    url = f"/compensation/schemes/{draft.pk}/publish/"
    page = client.post(url, {"version": loaded}, follow=True)
    assert "Someone else saved this record" in page.content.decode()
    draft.refresh_from_db()
    assert not draft.is_published

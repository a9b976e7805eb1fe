"""A concurrent edit is refused and explained in the reader's language."""

import pytest
from django.urls import reverse
from django.utils import translation

from sangam.agencies.models import Agency
from sangam.core.editing import EDIT_CONFLICT
from sangam.core.roles import Role
from tests.conftest import make_agency, make_user


@pytest.fixture
def agency_edited_meanwhile(reference):
    agency = make_agency("IN-WB", "Malda", name="Original (synthetic)")
    stale = {
        "name": "Mine (synthetic)",
        "type": agency.type,
        "jurisdiction_level": "district",
        "state": agency.state_id,
        "district": agency.district_id,
        "is_active": "on",
        "version": agency.version,
    }
    other = Agency.objects.get(pk=agency.pk)
    other.name = "Theirs (synthetic)"
    other.save_checked(other.version)
    return agency, stale


def test_a_hindi_user_reads_the_edit_conflict_in_hindi(client, agency_edited_meanwhile):
    agency, stale = agency_edited_meanwhile
    user = make_user("state.wb", Role.STATE_ADMINISTRATOR, make_agency("IN-WB"))
    user.language = "hi"
    user.save(update_fields=["language"])
    client.force_login(user)
    page = client.post(reverse("agencies:edit", args=[agency.pk]), stale).content.decode()
    with translation.override("hi"):
        hindi = str(EDIT_CONFLICT)
    assert "Someone else saved this record" not in page
    assert hindi in page
    assert "किसी और ने" in hindi
    assert Agency.objects.get(pk=agency.pk).name == "Theirs (synthetic)"


def test_an_english_user_reads_it_in_english(client, agency_edited_meanwhile):
    agency, stale = agency_edited_meanwhile
    client.force_login(make_user("state.wb", Role.STATE_ADMINISTRATOR, make_agency("IN-WB")))
    page = client.post(reverse("agencies:edit", args=[agency.pk]), stale).content.decode()
    assert "Someone else saved this record while you were editing it." in page

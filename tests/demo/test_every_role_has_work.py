"""The demo world gives each demo role something to do, made through the
same workflow as the pages (seeded once for the module, rolled back after)."""

import pytest
from django.core.management import call_command
from django.db import transaction

from sangam.accounts.models import User
from sangam.agencies.models import Membership
from sangam.cases.models import CounsellingNote, Survivor, Transfer
from sangam.core.access import SYSTEM
from sangam.matching.models import Restoration, SurvivorDuplicate
from sangam.prevention.models import CheckIn, Entitlement
from sangam.referrals import workflow as referrals
from sangam.referrals.models import Referral, ReferralEvent, Status


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed", "--demo", stdout=None)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def login(demo, db, client):
    def as_user(username):
        user = User.objects.restrict(SYSTEM).get(username=username)
        client.force_login(user)
        return user

    return as_user


def test_the_girls_home_has_a_referral_waiting_for_its_answer(login, client):
    shelter = login("demo.shelter")
    referral = Referral.objects.restrict(shelter, "view").get()
    assert referral.status == Status.REQUESTED
    assert Status.ACCEPTED in referrals.STATUS.allowed(shelter, referral)
    events = ReferralEvent.objects.restrict(shelter, "view").filter(referral=referral)
    assert events.count() == 2  # drafted, then sent
    assert client.get(referral.get_absolute_url()).status_code == 200


def test_the_delhi_caseworker_is_asked_to_take_a_case_she_cannot_see_yet(login, client):
    delhi = login("demo.caseworker.dl")
    assert Transfer.objects.restrict(delhi, "view").filter(status="requested").count() == 1
    assert not Survivor.objects.restrict(delhi, "view").exists()
    assert "sister in Delhi" in client.get("/cases/transfers/").content.decode()


def test_the_cwc_has_a_restoration_under_way_and_the_dcpu_sees_it(login, client):
    cwc = login("demo.cwc")
    restoration = Restoration.objects.restrict(cwc, "view").get()
    assert restoration.home_verification_ordered_on is not None
    assert restoration.next_step == "home verification report received"
    assert "(synthetic)" in client.get(restoration.get_absolute_url()).content.decode()
    dcpu = login("demo.dcpu")
    assert Restoration.objects.restrict(dcpu, "view").filter(pk=restoration.pk).exists()


def test_the_police_may_merge_a_survivor_registered_twice(login, client):
    police = login("demo.police")
    duplicate = SurvivorDuplicate.objects.restrict(police, "view").order_by("-score").first()
    page = client.get(duplicate.get_absolute_url()).content.decode()
    assert "Sumitra Mondal (synthetic)" in page and "Sumitra Mandal (synthetic)" in page
    assert 'name="decision"' in page


def test_the_counsellor_has_her_note_on_her_case(login, client):
    counsellor = login("demo.counsellor")
    note = CounsellingNote.objects.restrict(counsellor, "view").get()
    assert "first session" in client.get(note.case.get_absolute_url()).content.decode()


def test_the_crp_has_entitlements_applied_for_and_a_check_in_made(login, client):
    crp = login("demo.crp")
    applied = Entitlement.objects.restrict(crp, "view").filter(status="applied")
    assert applied.count() == 2
    checkin = CheckIn.objects.restrict(crp, "view").get()
    assert checkin.reached
    assert "paid every week" in client.get(checkin.migration.get_absolute_url()).content.decode()


def test_the_girls_home_sees_the_child_it_is_asked_to_take_but_writes_nothing_of_hers(
    login, client
):
    shelter = login("demo.shelter")
    referral = Referral.objects.restrict(shelter, "view").get()
    survivor = Survivor.objects.restrict(shelter, "view").get(pk=referral.survivor_id)
    page = client.get(survivor.get_absolute_url()).content.decode()
    assert "Mousumi Khatun (synthetic)" in page and "kept locked in" in page
    assert "Record consent" not in page and "Revoke" not in page
    assert client.get(f"/cases/survivors/{survivor.pk}/edit/").status_code == 404
    assert client.get(f"/cases/survivors/{survivor.pk}/consent/").status_code == 404


def test_the_agency_administrator_has_an_invitation_pending_and_a_colleague_who_left(login, client):
    admin = login("demo.agencyadmin")
    page = client.get("/accounts/people/").content.decode()
    assert "Mahila Suraksha Sangathan" in page
    ngo = Membership.objects.restrict(admin, "view").get(user=admin).agency
    people = client.get(f"/accounts/people/{ngo.pk}/").content.decode()
    assert "demo.invited" in people and "invited, not arrived yet" in people
    assert "demo.former" in people and "deactivated" in people
    invited = User.objects.restrict(SYSTEM).get(username="demo.invited")
    assert (
        "Send the invitation again"
        in client.get(f"/accounts/people/{ngo.pk}/{invited.pk}/").content.decode()
    )

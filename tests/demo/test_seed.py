import csv

from django.core.management import call_command

from sangam.accounts.models import User
from sangam.agencies.models import Agency, AgencyContact, Membership
from sangam.audit.models import AuditEntry
from sangam.core.access import SYSTEM
from sangam.core.roles import Role


def counts():
    return (
        Agency.objects.count(),
        AgencyContact.objects.restrict(SYSTEM).count(),
        User.objects.restrict(SYSTEM).count(),
        Membership.objects.restrict(SYSTEM).count(),
        AuditEntry.objects.count(),
    )


def test_it_creates_demo_agencies_and_one_user_per_role(db):
    call_command("seed", "--demo")
    states = set(Agency.objects.values_list("state__code", flat=True))
    assert {"IN-DL", "IN-HR", "IN-UP", "IN-WB", "IN-JH", "IN-OD", "IN-AS", "IN-MH"} <= states
    roles = set(Membership.objects.restrict(SYSTEM).values_list("role", flat=True))
    assert roles == set(Role.values)
    assert all(a.name.endswith("(demo)") for a in Agency.objects.all())


def test_running_it_twice_changes_nothing(db):
    call_command("seed", "--demo")
    first = counts()
    call_command("seed", "--demo")
    assert counts() == first


def test_scale_writes_synthetic_people_and_fills_registers(db, tmp_path):
    call_command("seed", "--demo")
    before = AgencyContact.objects.restrict(SYSTEM).count()
    out = tmp_path / "people.csv"
    call_command("seed", "--scale", "300", "--out", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 300
    assert rows[0]["id"] == "SYN-0000001"
    assert any(r["native_name"] != r["name"] for r in rows)
    assert AgencyContact.objects.restrict(SYSTEM).count() == before + 300


def test_demo_survivors_are_seen_by_their_agency_only(db):
    from sangam.cases.models import FollowUp, Survivor

    call_command("seed", "--demo")
    malda = User.objects.restrict(SYSTEM).get(username="demo.caseworker")
    delhi = User.objects.restrict(SYSTEM).get(username="demo.caseworker.dl")
    assert Survivor.objects.restrict(malda, "view").count() == 3
    assert Survivor.objects.restrict(delhi, "view").count() == 0
    # The low check-in asked the counsellor.
    assert FollowUp.objects.restrict(SYSTEM).filter(kind="counsellor_task").count() == 1


def test_demo_village_work_is_seen_by_the_demo_crp(client, db):
    from sangam.prevention.models import Alert, Household

    call_command("seed", "--demo")
    call_command("seed", "--demo")  # idempotent
    crp = User.objects.restrict(SYSTEM).get(username="demo.crp")
    assert Household.objects.restrict(crp, "view").count() == 15
    assert Household.objects.restrict(crp, "view").filter(risk_level="high").exists()
    assert Alert.objects.restrict(crp, "view").filter(level="block").count() == 1
    caseworker = User.objects.restrict(SYSTEM).get(username="demo.caseworker")
    assert not Household.objects.restrict(caseworker, "view").exists()
    client.force_login(crp)
    assert "Demo Rajnagar (synthetic)" in client.get("/prevention/villages/").content.decode()


def test_the_demo_cwc_member_has_a_childs_match_to_review(client, db):
    call_command("seed", "--demo")
    cwc = User.objects.restrict(SYSTEM).get(username="demo.cwc")
    client.force_login(cwc)
    page = client.get("/matching/review/").content.decode()
    assert "Mousumi Khatun (synthetic)" in page and "মৌসুমী খাতুন" in page

"""Synthetic village work for the demo CRP in Malda: a block with three
mapped villages, households (names marked synthetic), a daughter away with
an agent whose check-in was missed, a flagged marriage, a missing-person
report and an agent in the recruiter registry. Idempotent."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from sangam.accounts.models import User
from sangam.core.access import SYSTEM
from sangam.demo.people import PeopleGenerator
from sangam.geography.models import Block, District, State, Village
from sangam.prevention import index, village_index, workflow
from sangam.prevention.models import (
    Household,
    Marriage,
    Member,
    Migration,
    MissingPerson,
    Recruiter,
    RecruiterComplaint,
    VillageProfile,
)

VILLAGES = [
    # name, lat, lon, profile
    ("Demo Rajnagar (synthetic)", 25.05, 88.15,
     {"households": 210, "population_female": 480, "population_male": 560, "out_migrants": 120,
          "flood": True, "last_calamity_year": 2025, "child_marriage_common": True,
          "bride_trafficking_known": True, "km_to_police": 24}),
    ("Demo Kaliachak Tola (synthetic)", 24.87, 88.02,
     {"households": 150, "population_female": 390, "population_male": 410, "out_migrants": 30,
          "flood": True, "last_calamity_year": 2019, "has_shg": True, "has_vo": True,
          "km_to_police": 9}),
    ("Demo Chanchal Para (synthetic)", 25.38, 88.00,
     {"households": 95, "population_female": 250, "population_male": 255, "out_migrants": 8,
          "has_shg": True, "has_vo": True, "has_clf": True, "km_to_police": 4}),
]  # fmt: skip
INDICATOR_SETS = [
    ["extreme_poverty", "in_debt", "landless", "female_headed", "domestic_violence"],
    ["extreme_poverty", "crop_failure", "frequent_migration", "child_out_of_school"],
    ["in_debt", "alcoholism"],
    [],
    ["landless", "disaster_loss", "child_marriage_in_family", "breadwinner_lost"],
]


@transaction.atomic
def seed_prevention():
    """Create the demo village work if it is not there; returns households created."""
    crp = User.objects.restrict(SYSTEM).filter(username="demo.crp").first()
    district = District.objects.filter(state__code="IN-WB", name__iexact="Malda").first()
    if crp is None or district is None:
        return 0
    block, _ = Block.objects.get_or_create(district=district, name="Demo Block (synthetic)")
    people = PeopleGenerator(seed=11)
    today = timezone.localdate()
    created = 0
    for v, (name, lat, lon, profile) in enumerate(VILLAGES):
        village, _ = Village.objects.get_or_create(
            block=block,
            name=name,
            defaults={"district": district, "latitude": lat, "longitude": lon},  # fmt: skip
        )
        if not VillageProfile.objects.filter(village=village).exists():
            saved = VillageProfile(village=village, **profile)
            saved.score = village_index.score(saved)
            saved.save()
        for h, flags in enumerate(INDICATOR_SETS):
            code = f"D{v + 1}-{h + 1:03d}"
            if Household.objects.restrict(SYSTEM).filter(village=village, code=code).exists():
                continue
            head = people.person("IN-WB")
            household = Household.objects.create(
                village=village, code=code, head_name=f"{head.name} (synthetic)",
                phone=f"+91 99999 {10000 + created:05d}", created_by=crp,
                **dict.fromkeys(flags, True),
            )  # fmt: skip
            created += 1
            for serial, (relation, sex, age) in enumerate(
                [("head", "female" if "female_headed" in flags else "male", 42),
                 ("daughter", "female", 16), ("son", "male", 12)], 1
            ):  # fmt: skip
                person = people.person("IN-WB")
                Member.objects.create(
                    household=household, serial=serial, name=f"{person.given_name} (synthetic)",
                    relation=relation, sex=sex, birth_year=today.year - age,
                    schooling="dropped_out" if "child_out_of_school" in flags and age < 18
                    else ("in_school" if age < 18 else ""), created_by=crp,
                )  # fmt: skip
            workflow.refresh_household(household)
            index.rescore(household)
    _registers(crp, block, today)
    return created


def _registers(crp, block, today):
    village = Village.objects.filter(block=block).order_by("pk").first()
    delhi = State.objects.get(code="IN-DL")
    firm = "Demo Placement Services (synthetic)"
    agent = Recruiter.objects.restrict(SYSTEM).filter(firm=firm).first()
    if agent is None:
        agent = Recruiter.objects.create(
            name="Demo Agent (synthetic)", firm=firm,
            phone="+91 99999 77777", state=delhi, created_by=crp,
        )  # fmt: skip
        RecruiterComplaint.objects.create(
            recruiter=agent, summary="Synthetic: wages withheld for three months.",
            created_by=crp,
        )  # fmt: skip
    household = Household.objects.restrict(SYSTEM).filter(village=village).order_by("code")[0]
    daughter = Member.objects.restrict(SYSTEM).get(household=household, serial=2)
    if not Migration.objects.restrict(SYSTEM).filter(village=village, register_no="DM-1").exists():
        migration = Migration(
            household=household, member=daughter, village=village, register_no="DM-1",
            left_on=today - timedelta(days=40), destination_state=delhi,
            destination_place="Delhi", work="Domestic work (synthetic)", recruiter=agent,
            agent_name="Demo Agent (synthetic)", contact_name="Mother (synthetic)",
            contact_phone="+91 99999 66666",
        )  # fmt: skip
        workflow.record_migration(migration, crp)
        workflow.run_checkins(today, notify=False)
    if not Marriage.objects.restrict(SYSTEM).filter(village=village, register_no="DW-1").exists():
        Marriage.objects.create(
            village=village, register_no="DW-1", bride_name="Demo Bride (synthetic)",
            bride_age=16, groom_name="Demo Groom (synthetic)", groom_place="Unknown",
            groom_state=State.objects.get(code="IN-HR"), married_on=today - timedelta(days=90),
            through_intermediary=True, payment_to_family=True, created_by=crp,
        )  # fmt: skip
    if not MissingPerson.objects.restrict(SYSTEM).filter(register_no="DP-1").exists():
        MissingPerson.objects.create(
            village=village, register_no="DP-1", name="Mousumi Khatun (synthetic)",
            sex="female", age=14, date_missing=today - timedelta(days=200),
            father_name="Demo Father (synthetic)", language="ben",
            circumstances="Synthetic: left for a fair and did not come back.",
            complaint_filed=True, police_station="Demo PS (synthetic)",
            fir_gd_number="GD 1/2026", complaint_date=today - timedelta(days=198),
            created_by=crp,
        )  # fmt: skip

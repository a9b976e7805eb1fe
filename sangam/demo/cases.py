"""Three synthetic survivors for the demo caseworker in Malda: one child
with the CWC involved and consent for the girls' home, one adult woman,
one with a low WHO-5 check-in. Idempotent; everything marked synthetic."""

from django.db import transaction

from sangam.accounts.models import User
from sangam.agencies.models import Agency, AgencyType
from sangam.cases import workflow
from sangam.cases.forms import ConsentForm
from sangam.cases.models import (
    Case,
    Goal,
    Intake,
    Survivor,
    WellbeingCheckIn,
)
from sangam.core.access import SYSTEM

PEOPLE = [
    # name, alias, sex, age, language, account, consent to the girls' home and CWC
    (
        "মৌসুমী খাতুন",
        "Mousumi Khatun (synthetic)",
        "female",
        15,
        "ben",
        "Synthetic account: offered a job in a Delhi household by a neighbour; kept locked in.",
        True,
    ),
    (
        "সুমিত্রা মণ্ডল",
        "Sumitra Mondal (synthetic)",
        "female",
        22,
        "ben",
        "Synthetic account: married through an agent and taken to Haryana.",
        False,
    ),
    (
        "रीना कुमारी",
        "Reena Kumari (synthetic)",
        "female",
        19,
        "hin",
        "Synthetic account: recruited for a garment unit, wages withheld.",
        False,
    ),
]


@transaction.atomic
def seed_cases():
    worker = User.objects.restrict(SYSTEM).filter(username="demo.caseworker").first()
    if worker is None:
        return 0
    ngo = worker.active_memberships()[0].agency
    if Case.objects.restrict(SYSTEM).filter(agency=ngo).exists():
        return 0
    home = Agency.objects.filter(district=ngo.district, type=AgencyType.SHELTER_CCI).first()
    for name, alias, sex, age, lang, account, share in PEOPLE:
        survivor = Survivor(
            name=name,
            aliases=[alias],
            sex=sex,
            estimated_age=age,
            age_uncertainty=1,
            languages=lang,
            origin_state=ngo.state,
            origin_district=ngo.district,
            cwc_involved=age < 18,
        )
        intake = Intake(narrative=account, language=lang, trafficking_status="actual")
        case = workflow.register_survivor(worker, ngo, survivor, intake=intake, actor_label="demo")
        Goal.objects.create(
            case=case,
            domain="legal",
            need="Synthetic: no FIR yet",
            goal="Victim compensation claim filed",
            created_by=worker,
        )
        if share and home is not None:
            # The CWC's order for the child, recorded by the NGO whose case
            # is open, as the consent page records it: the girls' home she
            # is referred to (demo/care.py) sees her identity and account.
            form = ConsentForm({
                "given_by": "cwc_order", "manner": "order", "purpose": "Care and protection",
                "language": lang, "witness": "CWC member (synthetic)",
                "agency_types": [AgencyType.SHELTER_CCI, AgencyType.CWC],
                "categories": ["identity", "account"],
            })  # fmt: skip
            if not form.is_valid():  # the demo's own data: a broken form is a bug here
                raise ValueError(form.errors.as_json())
            workflow.record_consent(worker, survivor, form)
        items = (1, 1, 2, 1, 2) if age == 19 else (4, 4, 3, 3, 3)  # raw 7 (low) or 17
        workflow.record_check_in(
            worker, case, WellbeingCheckIn(**{f"item{i}": v for i, v in enumerate(items, 1)})
        )
    return len(PEOPLE)

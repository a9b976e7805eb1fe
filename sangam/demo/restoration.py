"""A child found and matched to her village's missing-person report, on her
way home: the girls' home registers the girl the CWC placed there, the
demo CRP's register has her report, and after the matching run the CWC
confirms the candidate through the matching workflow, which starts her
restoration, and orders the home verification. Idempotent; synthetic."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sangam.accounts.models import User
from sangam.agencies.models import AgencyType
from sangam.cases import workflow
from sangam.cases.forms import ConsentForm
from sangam.cases.models import Intake, Survivor
from sangam.core.access import SYSTEM
from sangam.core.vocabulary import Sex
from sangam.demo.people import PeopleGenerator
from sangam.geography.models import Village
from sangam.matching import queries, registers
from sangam.matching import workflow as matching
from sangam.matching.forms import RestorationForm
from sangam.matching.models import Restoration, Review
from sangam.prevention.forms import MissingPersonForm
from sangam.prevention.models import MissingPerson

REGISTER_NO = "DP-2"
VILLAGE = "Demo Chanchal Para (synthetic)"


def _user(username):
    return User.objects.restrict(SYSTEM).filter(username=username).first()


def _valid(form):
    if not form.is_valid():  # the demo's own data: a broken form is a bug here
        raise ValidationError(form.errors.as_json())
    return form


def _girl():
    """The same synthetic girl of West Bengal on every run."""
    people = PeopleGenerator(seed=23)
    while True:
        p = people.person("IN-WB")
        if p.sex == Sex.FEMALE and p.age < 17 and p.variants and p.surname:
            return p


@transaction.atomic
def seed_found():
    """Her report and her record, before the matching run; 1 when created."""
    crp, home_worker = _user("demo.crp"), _user("demo.shelter")
    village = Village.objects.filter(name=VILLAGE).select_related("district").first()
    if crp is None or home_worker is None or village is None:
        return 0
    if MissingPerson.objects.restrict(SYSTEM).filter(register_no=REGISTER_NO).exists():
        return 0
    girl, today = _girl(), timezone.localdate()
    form = _valid(MissingPersonForm({
        "village": village.pk, "register_no": REGISTER_NO,
        "name": f"{girl.variants[0]} (synthetic)", "sex": "female", "age": girl.age - 1,
        "date_missing": today - timedelta(days=150),
        "father_name": f"{girl.father_name} (synthetic)",
        "language": "Bengali", "status": MissingPerson.Status.MISSING,
        "circumstances": "Synthetic: went to the town market with a woman from the next "
        "village and did not come back.",
        "complaint_filed": "on", "police_station": "Demo PS (synthetic)",
        "fir_gd_number": "GD 7/2026", "complaint_date": today - timedelta(days=148),
    }, user=crp))  # fmt: skip
    report = form.save(commit=False)
    report.created_by = crp
    report.save()
    home = home_worker.active_memberships()[0].agency
    survivor = Survivor(
        name=girl.native_name, aliases=[f"{girl.name} (synthetic)"], sex="female",
        estimated_age=girl.age, age_uncertainty=2, languages="ben",
        origin_state=village.district.state, origin_district=village.district,
        origin_village=VILLAGE, cwc_involved=True,
    )  # fmt: skip
    intake = Intake(
        narrative="Synthetic account: found at a railway station in Kolkata, placed in "
        "the girls' home by CWC order; says she is from a village near Chanchal "
        "and was made to work in a house without pay.",
        language="ben", trafficking_status="suspected", exploitation_types=["domestic_servitude"],
    )  # fmt: skip
    workflow.register_survivor(home_worker, home, survivor, intake=intake)
    consent = _valid(ConsentForm({
        "given_by": "cwc_order", "manner": "order",
        "purpose": "Tracing her family and restoring her",
        "language": "Bengali", "witness": "CWC member (synthetic)",
        "agency_types": [AgencyType.CWC, AgencyType.DCPU], "categories": ["identity"],
    }))  # fmt: skip
    workflow.record_consent(home_worker, survivor, consent)
    return 1


@transaction.atomic
def seed_restoration():
    """After the matching run: the CWC confirms her match; 1 when created."""
    cwc = _user("demo.cwc")
    report = MissingPerson.objects.restrict(SYSTEM).filter(register_no=REGISTER_NO).first()
    if cwc is None or report is None:
        return 0
    if Restoration.objects.restrict(SYSTEM).filter(match__missing_person=report).exists():
        return 0
    candidate = (
        queries.queue(cwc)
        .filter(missing_person=report, status=Review.PENDING)
        .order_by("-score")
        .first()
    )
    if candidate is None:
        return 0
    reason = "Synthetic: her father recognised her photograph; the village CRP confirmed."
    restoration = matching.decide(candidate, cwc, True, reason)
    form = _valid(RestorationForm({
        "home_verification_ordered_on": timezone.localdate(),
        "version": restoration.version,
    }, instance=restoration))  # fmt: skip
    form.save(commit=False).save_checked(form.cleaned_data["version"])
    # Her report is traced now: run again, so that the next seed finds the
    # registers as this one leaves them (and changes nothing).
    registers.run()
    return 1

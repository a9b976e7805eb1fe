"""Case work in the demo cases, done through the case page's forms and the
cases and referrals workflow: care-plan actions, services delivered, a
risk flag, a referral of the child to the girls' home (waiting for
demo.shelter's answer), a transfer to Delhi (waiting for
demo.caseworker.dl's), and a survivor the Shakti Sadan registers a second
time, with the counsellor's note. Idempotent; everything synthetic."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sangam.accounts.models import User
from sangam.agencies.models import Agency, AgencyType
from sangam.cases import workflow
from sangam.cases.forms import (
    ActionForm,
    ConsentForm,
    CounsellingNoteForm,
    GoalForm,
    RiskFlagForm,
    ServiceForm,
    TransferForm,
)
from sangam.cases.models import Action, Case, Goal, Intake, PlanStatus, Survivor
from sangam.core.access import SYSTEM
from sangam.demo.cases import PEOPLE
from sangam.directory.models import Service
from sangam.directory.taxonomy import term_id
from sangam.referrals import workflow as referrals
from sangam.referrals.forms import ReferralForm

CHILD, ADULT, YOUNG = (p[1] for p in PEOPLE)  # the demo survivors' aliases
SECOND_NAME, SECOND_ALIAS = "সুমিত্রা মন্ডল", "Sumitra Mandal (synthetic)"


def _user(username):
    return User.objects.restrict(SYSTEM).filter(username=username).first()


def _valid(form):
    if not form.is_valid():  # the demo's own data: a broken form is a bug here
        raise ValidationError(form.errors.as_json())
    return form


def _add(form_class, record_of, user, data, **kwargs):
    """One record of the case page's forms in the case ``record_of``, saved
    as the page saves it."""
    record = _valid(form_class(data, **kwargs)).save(commit=False)
    record.case = record_of
    record.created_by = user
    record.save()
    return record


def _same_district(agency, kind):
    return Agency.objects.filter(district=agency.district, type=kind).first()


@transaction.atomic
def seed_care():
    """Returns the number of records of case work created (0 when already there)."""
    worker = _user("demo.caseworker")
    if worker is None:
        return 0
    ngo = worker.active_memberships()[0].agency
    cases = {
        c.survivor.aliases[0]: c
        for c in Case.objects.restrict(SYSTEM).filter(agency=ngo).select_related("survivor")
    }
    created = 0
    if CHILD in cases and not Action.objects.restrict(SYSTEM).filter(case__agency=ngo).exists():
        created += _child(worker, ngo, cases[CHILD])
        created += _adults(worker, ngo, cases.get(ADULT), cases.get(YOUNG))
    counsellor = _user("demo.counsellor")
    if counsellor is not None:
        created += _second_registration(counsellor, ngo)
    return created


def _child(worker, ngo, case):
    today = timezone.localdate()
    home = _same_district(ngo, AgencyType.SHELTER_CCI)
    ahtu = _same_district(ngo, AgencyType.AHTU)
    goal = _add(GoalForm, case, worker, {
        "domain": "shelter", "need": "Synthetic: she cannot go home safely yet.",
        "goal": "Living safely in a children's home, back at school",
    })  # fmt: skip
    action = _add(ActionForm, case, worker, {
        "goal": goal.pk, "description": "Refer her to the girls' home",
        "responsible_agency": home.pk, "due_on": today + timedelta(days=3),
    }, case=case)  # fmt: skip
    legal = Goal.objects.restrict(SYSTEM).filter(case=case, domain="legal").first()
    _add(ActionForm, case, worker, {
        "goal": legal.pk, "description": "Go with her to give her statement to the AHTU",
        "responsible_agency": ahtu.pk, "due_on": today + timedelta(days=10),
    }, case=case)  # fmt: skip
    _add(ServiceForm, case, worker, {
        "domain": "medical", "description": "Medical check-up at the district hospital",
        "delivered_on": today - timedelta(days=2),
    })  # fmt: skip
    _add(RiskFlagForm, case, worker, {
        "kind": "re_trafficking",
        "reason": "Synthetic: the neighbour who took her to Delhi lives near her family.",
        "review_on": today + timedelta(days=30),
    })  # fmt: skip
    return 5 + _refer(worker, ngo, case, action, home)


def _refer(worker, ngo, case, action, home):
    """The referral the girls' home answers, sent from the care-plan action
    as the referral page sends it (her record's details, never her name)."""
    service = (
        Service.objects.filter(organization__agency=home, status=Service.Status.ACTIVE)
        .order_by("name")
        .first()
    )
    if service is None:
        return 0
    survivor = case.survivor
    form = _valid(ReferralForm({
        "sender_agency": ngo.pk, "person_reference": f"C-{case.pk}",
        "need": term_id("shelter-children"), "person_age": survivor.age_on(),
        "person_sex": survivor.sex, "person_language": "Bengali", "urgent": "on",
        "need_summary": "Synthetic: a girl of 15 rescued from domestic work needs a safe "
        "place to stay and to go back to school. The CWC has ordered care and protection.",
        "service": service.pk,
    }, user=worker))  # fmt: skip
    form.instance.survivor = survivor
    referral = referrals.create(worker, form.instance, send=True)
    action.referral = referral
    action.status = PlanStatus.IN_PROGRESS
    action.save(update_fields=["referral", "status", "updated_at"])
    return 1


def _adults(worker, ngo, adult, young):
    today = timezone.localdate()
    created = 0
    if adult is not None:
        # Her complaint against the agent: the AHTU may know who she is, and
        # so check the duplicate review's pair (both records need that).
        workflow.record_consent(worker, adult.survivor, _police_consent())
        _add(ServiceForm, adult, worker, {
            "domain": "legal", "description": "Legal counselling by the DLSA panel lawyer",
            "delivered_on": today - timedelta(days=6),
        })  # fmt: skip
        created += 1
    delhi = Agency.objects.filter(state__code="IN-DL", type=AgencyType.NGO).order_by("pk").first()
    if young is not None and delhi is not None:
        form = _valid(TransferForm({
            "to_agency": delhi.pk,
            "reason": "Synthetic: she now lives with her sister in Delhi and wants the "
            "NGO there to follow her case.",
        }))  # fmt: skip
        workflow.request_transfer(
            worker, young, form.cleaned_data["to_agency"], form.cleaned_data["reason"]
        )
        created += 1
    return created


def _police_consent():
    """What a woman agrees to for her complaint against the agent who sold her."""
    return _valid(ConsentForm({
        "given_by": "survivor", "manner": "in_person",
        "purpose": "Her complaint against the agent",
        "language": "Bengali", "witness": "Staff member (synthetic)",
        "agency_types": [AgencyType.AHTU, AgencyType.DLSA], "categories": ["identity", "legal"],
    }))  # fmt: skip


def _second_registration(counsellor, ngo):
    """The adult survivor of the NGO, registered again at the Shakti Sadan
    under another spelling: the duplicate review's pair."""
    shelter = counsellor.active_memberships()[0].agency
    if Case.objects.restrict(SYSTEM).filter(agency=shelter).exists():
        return 0
    survivor = Survivor(
        name=SECOND_NAME, aliases=[SECOND_ALIAS], sex="female", estimated_age=23,
        age_uncertainty=2, languages="ben", origin_state=ngo.state,
        origin_district=ngo.district,
    )  # fmt: skip
    intake = Intake(
        narrative="Synthetic account: came to the Shakti Sadan after leaving a man in "
        "Haryana who had paid an agent for the marriage.",
        language="ben", trafficking_status="actual",
    )  # fmt: skip
    case = workflow.register_survivor(counsellor, shelter, survivor, intake=intake)
    workflow.record_consent(counsellor, survivor, _police_consent())
    _add(CounsellingNoteForm, case, counsellor, {
        "note": "Synthetic: first session. She sleeps badly and asks about her mother; "
        "agreed to meet twice a week.",
    })  # fmt: skip
    _add(ServiceForm, case, counsellor, {
        "domain": "mental_health", "description": "Individual counselling session",
        "delivered_on": timezone.localdate(),
    })  # fmt: skip
    return 4

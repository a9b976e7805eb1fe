"""Justice in the API, mounted under /api/justice/: criminal cases (FIR,
sections, AHTU, progress), their accused (police and prosecution only),
rescues with the persons rescued and their production, and the clocks the
caller's agencies must meet. The same restricted look-ups as the pages
(404 for unknown and forbidden alike), the same forms (422 by the field),
and the version a change started from (409 when someone saved since).
In court: the trial of a case, its hearings and judgments. Witness
protection under /protection (protection_api.py), accused networks and
proceeds (networks_api.py)."""

from datetime import date, datetime

from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from sangam.audit import log
from sangam.cases.models import Survivor
from sangam.core.access import can
from sangam.core.forms import refuse_invalid
from sangam.core.params import Pagination
from sangam.core.workflow import Refused
from sangam.justice import queries, workflow
from sangam.justice.forms import (
    POLICE,
    AccusedForm,
    AHTUForm,
    FIRForm,
    ProductionForm,
    ProgressForm,
    RescuedPersonForm,
    RescueForm,
    ReviewForm,
    SectionForm,
    writing_agencies,
)
from sangam.justice.forms.court import AppealForm, HearingForm, JudgmentForm, TrialForm
from sangam.justice.models import Appeal, CriminalCase, Judgment, Rescue, SectionReview
from sangam.justice.networks_api import router as networks_router
from sangam.justice.protection_api import router as protection_router

router = Router(tags=["justice"])
router.add_router("/protection", protection_router)
router.add_router("", networks_router)


class SectionOut(Schema):
    id: int
    section: str
    title: str
    trafficking: bool
    pocso: bool
    in_camera: bool
    added_on: date
    dropped_on: date | None

    @staticmethod
    def resolve_section(obj):
        return str(obj.offence)

    @staticmethod
    def resolve_title(obj):
        return obj.offence.title

    @staticmethod
    def resolve_trafficking(obj):
        return obj.offence.trafficking

    @staticmethod
    def resolve_pocso(obj):
        return obj.offence.pocso

    @staticmethod
    def resolve_in_camera(obj):
        return obj.offence.in_camera


class ClockOut(Schema):
    id: int
    kind: str
    label: str
    due_at: datetime
    met_at: datetime | None
    state: str
    days_left: int
    responsible_id: int
    source: str
    case_id: int | None
    accused_id: int | None
    rescued_id: int | None

    @staticmethod
    def resolve_label(obj):
        return str(obj.label)

    @staticmethod
    def resolve_state(obj):
        return obj.state()

    @staticmethod
    def resolve_days_left(obj):
        return obj.days_left()

    @staticmethod
    def resolve_source(obj):
        return obj.rule.source


class CriminalCaseOut(Schema):
    id: int
    version: int
    fir_number: str
    fir_at: datetime
    police_station_id: int
    zero_fir: bool
    transferred_to_id: int | None
    transferred_on: date | None
    cctns_reference: str
    ahtu_id: int | None
    sent_to_ahtu_on: date | None
    chargesheet_on: date | None
    cognizance_on: date | None
    victim_informed_on: date | None


class CriminalCaseDetail(CriminalCaseOut):
    needs_ahtu: bool
    sections: list[SectionOut]
    clocks: list[ClockOut]


class FIRIn(Schema):
    police_station: int
    fir_number: str
    fir_at: datetime
    zero_fir: bool = False
    cctns_reference: str = ""
    sections: list[str]
    victims: list[int] = []


class SectionIn(Schema):
    version: int
    section: str
    added_on: date


class AHTUIn(Schema):
    version: int
    ahtu: int
    sent_on: date


class ProgressIn(Schema):
    version: int
    chargesheet_on: date | None = None
    victim_informed_on: date | None = None
    pocso_reported_at: datetime | None = None
    cognizance_on: date | None = None
    child_evidence_on: date | None = None


class AccusedOut(Schema):
    id: int
    version: int
    case_id: int
    name: str
    aliases: list[str]
    phones: list[str]
    role: str
    arrested_at: datetime | None
    absconding: bool
    bail_on: date | None
    bail: str


class AccusedIn(Schema):
    name: str
    role: str
    aliases: list[str] = []
    phones: list[str] = []
    arrested_at: datetime | None = None
    absconding: bool = False
    bail_on: date | None = None
    bail: str = ""


class AccusedChangeIn(AccusedIn):
    version: int


def _case_detail(user, case):
    return {
        **CriminalCaseOut.from_orm(case).dict(),
        "needs_ahtu": workflow.needs_ahtu(case),
        "sections": list(case.sections.all()),
        "clocks": list(queries.clocks_of(user, case=case)),
    }


@router.get("/cases", response=list[CriminalCaseOut])
@paginate(Pagination)
def case_list(request):
    """Criminal cases the caller may see, newest FIR first."""
    return queries.cases(request.auth).order_by("-fir_at", "-pk")


@router.get("/cases/{criminalcase_id}", response=CriminalCaseDetail)
def case_read(request, criminalcase_id: int):
    case = queries.get_case_for_user(request.auth, criminalcase_id)
    log.record_view(case)
    return _case_detail(request.auth, case)


@router.post("/cases", response={201: CriminalCaseDetail})
def case_create(request, payload: FIRIn):
    """Register an FIR with its sections (as in force on the FIR date)."""
    user = request.auth
    if not writing_agencies(user, CriminalCase, POLICE).exists():
        raise HttpError(403, "You may not register an FIR.")
    data = payload.dict()
    form = FIRForm(
        {**data, "fir_at": data["fir_at"].isoformat(), "zero_fir": data["zero_fir"] or ""},
        user=user,
    )
    if not form.is_valid():
        refuse_invalid(form)
    clean = form.cleaned_data
    case = workflow.register_fir(user, form.save(commit=False), clean["offences"], clean["victims"])
    return 201, _case_detail(user, queries.get_case_for_user(user, case.pk))


def _case_change(request, case_id, form_class, payload):
    case = queries.get_case_for_user(request.auth, case_id, "change")
    form = form_class(payload.dict(exclude_none=True), case=case)
    if not form.is_valid():
        refuse_invalid(form)
    return case, form.cleaned_data


@router.post("/cases/{criminalcase_id}/sections", response=CriminalCaseDetail)
def section_add(request, criminalcase_id: int, payload: SectionIn):
    """Charge a further section (it must be in force on the FIR date)."""
    case, data = _case_change(request, criminalcase_id, SectionForm, payload)
    workflow.add_section(
        request.auth, case, data["offence"], data["added_on"], expected_version=data["version"]
    )
    return _case_detail(request.auth, queries.get_case_for_user(request.auth, case.pk))


@router.post("/cases/{criminalcase_id}/ahtu", response=CriminalCaseDetail)
def ahtu(request, criminalcase_id: int, payload: AHTUIn):
    case, data = _case_change(request, criminalcase_id, AHTUForm, payload)
    workflow.send_to_ahtu(
        request.auth, case, data["ahtu"], data["sent_on"], expected_version=data["version"]
    )
    return _case_detail(request.auth, queries.get_case_for_user(request.auth, case.pk))


@router.post("/cases/{criminalcase_id}/progress", response=CriminalCaseDetail)
def progress(request, criminalcase_id: int, payload: ProgressIn):
    """The chargesheet and the other dates that stop the case's clocks. Every
    date is sent each time (a missing one is cleared)."""
    case = queries.get_case_for_user(request.auth, criminalcase_id, "change")
    data = payload.dict()
    if data["pocso_reported_at"]:
        data["pocso_reported_at"] = data["pocso_reported_at"].isoformat()
    form = ProgressForm({k: v for k, v in data.items() if v is not None}, case=case)
    if not form.is_valid():
        refuse_invalid(form)
    try:
        workflow.record_progress(
            request.auth, case, form.cleaned_data, expected_version=form.cleaned_data["version"]
        )
    except Refused as exc:
        raise HttpError(409, str(exc)) from None
    return _case_detail(request.auth, queries.get_case_for_user(request.auth, case.pk))


def _accused_form(payload, case, instance=None):
    data = payload.dict()
    data["aliases_text"] = "\n".join(data.pop("aliases"))
    data["phones_text"] = "\n".join(data.pop("phones"))
    if data["arrested_at"]:
        data["arrested_at"] = data["arrested_at"].isoformat()
    data = {k: v for k, v in data.items() if v is not None and v is not False}
    form = AccusedForm(data, case=case, instance=instance)
    if not form.is_valid():
        refuse_invalid(form)
    return form


@router.get("/cases/{criminalcase_id}/accused", response=list[AccusedOut])
def accused_list(request, criminalcase_id: int):
    """Police and prosecution only; anyone else gets 404."""
    if not queries.may_see_accused(request.auth):
        raise HttpError(404, "Not found.")
    case = queries.get_case_for_user(request.auth, criminalcase_id)
    accused = list(queries.accused_of(request.auth, case))
    if accused:
        log.record_list(type(accused[0]), [a.pk for a in accused])
    return accused


@router.post("/cases/{criminalcase_id}/accused", response={201: AccusedOut})
def accused_add(request, criminalcase_id: int, payload: AccusedIn):
    case = queries.get_case_for_user(request.auth, criminalcase_id, "change")
    if not queries.may_see_accused(request.auth):
        raise HttpError(404, "Not found.")
    form = _accused_form(payload, case)
    return 201, workflow.save_accused(request.auth, case, form.save(commit=False))


@router.get("/accused/{accused_id}", response=AccusedOut)
def accused_read(request, accused_id: int):
    accused = queries.get_accused_for_user(request.auth, accused_id)
    log.record_view(accused)
    return accused


@router.put("/accused/{accused_id}", response=AccusedOut)
def accused_change(request, accused_id: int, payload: AccusedChangeIn):
    """Arrest, bail, absconding: the arrest starts the default-bail clock."""
    accused = queries.get_accused_for_user(request.auth, accused_id, "change")
    form = _accused_form(payload, accused.case, instance=accused)
    return workflow.save_accused(
        request.auth, accused.case, form.save(commit=False), expected_version=payload.version
    )


# --- Rescues ----------------------------------------------------------------


class RescuedOut(Schema):
    id: int
    version: int
    survivor_id: int
    estimated_age: int
    is_minor: bool
    produced_before_magistrate_at: datetime | None
    custody_ended_at: datetime | None
    cwc_id: int | None
    produced_before_cwc_at: datetime | None
    sir_on: date | None
    cwc_order_on: date | None
    clocks: list[ClockOut]

    @staticmethod
    def resolve_clocks(obj):
        return getattr(obj, "clocks_seen", [])


class RescueOut(Schema):
    id: int
    version: int
    lead_agency_id: int
    source: str
    at: datetime
    district_id: int
    place: str
    witness_one: str
    witness_one_sex: str
    witness_two: str
    witness_two_sex: str
    persons: list[RescuedOut]


class RescueIn(Schema):
    lead_agency: int
    participants: list[int] = []
    source: str
    source_note: str = ""
    at: datetime
    district: int
    place: str
    witness_one: str
    witness_one_sex: str
    witness_two: str
    witness_two_sex: str


class RescuedIn(Schema):
    survivor: int | None = None
    name: str = ""
    sex: str = "female"
    estimated_age: int
    languages: str = ""


class ProductionIn(Schema):
    version: int
    produced_before_magistrate_at: datetime | None = None
    custody_ended_at: datetime | None = None
    cwc: int | None = None
    produced_before_cwc_at: datetime | None = None
    sir_on: date | None = None
    cwc_order_on: date | None = None


def _rescue_out(user, rescue):
    persons = list(queries.persons_of(user, rescue))
    by_person = {}
    for clock in queries.clocks_of(user, rescued__rescue=rescue):
        by_person.setdefault(clock.rescued_id, []).append(clock)
    for person in persons:
        person.clocks_seen = by_person.get(person.pk, [])
    out = RescueOut.from_orm(rescue).dict(exclude={"persons"})
    return {**out, "persons": persons}


@router.get("/rescues/{rescue_id}", response=RescueOut)
def rescue_read(request, rescue_id: int):
    rescue = queries.get_rescue_for_user(request.auth, rescue_id)
    log.record_view(rescue)
    return _rescue_out(request.auth, rescue)


@router.post("/rescues", response={201: RescueOut})
def rescue_create(request, payload: RescueIn):
    """A rescue needs two witnesses, one a woman (ITPA s.15)."""
    user = request.auth
    if not writing_agencies(user, Rescue, POLICE).exists():
        raise HttpError(403, "You may not record a rescue.")
    data = payload.dict()
    data["at"] = data["at"].isoformat()
    form = RescueForm(data, user=user)
    if not form.is_valid():
        refuse_invalid(form)
    rescue = workflow.record_rescue(
        user, form.save(commit=False), form.cleaned_data["participants"]
    )
    return 201, _rescue_out(user, rescue)


@router.post("/rescues/{rescue_id}/persons", response={201: RescueOut})
def rescued_add(request, rescue_id: int, payload: RescuedIn):
    """A person rescued: her record, or a new survivor registered now."""
    rescue = queries.get_rescue_for_user(request.auth, rescue_id, "change")
    data = {k: v for k, v in payload.dict().items() if v is not None}
    form = RescuedPersonForm(data, user=request.auth, rescue=rescue)
    if not form.is_valid():
        refuse_invalid(form)
    clean = form.cleaned_data
    new = None
    if clean["survivor"] is None:
        new = Survivor(name=clean["name"].strip(), sex=clean["sex"], languages=clean["languages"])
    workflow.add_rescued(
        request.auth,
        rescue,
        estimated_age=clean["estimated_age"],
        survivor=clean["survivor"],
        new=new,
    )
    return 201, _rescue_out(request.auth, rescue)


@router.put("/rescued/{rescuedperson_id}/production", response=RescuedOut)
def production(request, rescuedperson_id: int, payload: ProductionIn):
    """When she was produced before the magistrate or the CWC, and the CWC's
    report and order: each stops a clock. Every field is sent each time."""
    person = queries.get_rescued_for_user(request.auth, rescuedperson_id, "change")
    data = {
        k: (v.isoformat() if isinstance(v, datetime) else v)
        for k, v in payload.dict().items()
        if v is not None
    }
    form = ProductionForm(data, instance=person)
    if not form.is_valid():
        refuse_invalid(form)
    person = workflow.record_production(
        request.auth, form.save(commit=False), expected_version=payload.version
    )
    person.clocks_seen = list(queries.clocks_of(request.auth, rescued=person))
    return person


@router.get("/clocks", response=list[ClockOut])
@paginate(Pagination)
def clocks(request):
    """Open clocks the caller's agencies must meet, soonest first."""
    return queries.due_for(request.auth, queries.my_agency_ids(request.auth))


# --- "Booked as missing only" reviews ----------------------------------------
# A confirmed match of a survivor whose account records exploitation, with no
# trafficking section in her police cases: a task for the AHTUs of both
# districts (raised by Sangam, closed by an officer with what was done).


class SectionReviewOut(Schema):
    id: int
    version: int
    survivor_id: int
    case_id: int | None
    home_ahtu_id: int | None
    found_ahtu_id: int | None
    created_at: datetime
    reviewed_at: datetime | None
    outcome: str


class SectionReviewCloseIn(Schema):
    outcome: str
    version: int


@router.get("/reviews", response=list[SectionReviewOut])
@paginate(Pagination)
def reviews(request, closed: bool = False):
    """The caller's AHTU's reviews still open (``closed=true``: those done)."""
    found = SectionReview.objects.restrict(request.auth, "view")
    return found.filter(reviewed_at__isnull=not closed).order_by("created_at", "pk")


@router.get("/reviews/{review_id}", response=SectionReviewOut)
def review(request, review_id: int):
    found = queries.get_review_for_user(request.auth, review_id)
    log.record_view(found)
    return found


@router.post("/reviews/{review_id}/close", response=SectionReviewOut)
def close_review(request, review_id: int, payload: SectionReviewCloseIn):
    """Close the review with what was done (the sections added, or why none apply)."""
    found = queries.get_review_for_user(request.auth, review_id, "change")
    if found.reviewed_at is not None:
        raise HttpError(409, "This review is already closed.")
    form = ReviewForm(payload.dict())
    if not form.is_valid():
        refuse_invalid(form)
    data = form.cleaned_data
    return workflow.close_review(
        request.auth, found, data["outcome"], expected_version=data["version"]
    )


# --- Court ------------------------------------------------------------------
# The trial of a case, its hearings (dates and outcomes for every reader of
# the case; notes for the police and prosecution who write them), the
# judgments per accused and charge and the appeals (police, prosecution,
# DLSA). Written by the police holding the case and its prosecutor only.


class TrialOut(Schema):
    id: int
    version: int
    case_id: int
    court: str
    court_kind: str
    court_district_id: int
    cnr: str
    charges_framed_on: date | None
    in_camera: bool
    public_prosecutor: str
    concluded_on: date | None

    @staticmethod
    def resolve_concluded_on(obj):
        return obj.case.trial_concluded_on


class TrialIn(Schema):
    version: int | None = None
    court: str
    court_kind: str
    court_district: int
    cnr: str
    charges_framed_on: date | None = None
    public_prosecutor: str = ""
    prosecution: int | None = None


class HearingOut(Schema):
    id: int
    trial_id: int
    on: date
    purpose: str
    outcome: str
    asked_by: str
    by_video: bool
    witnesses_examined: int
    next_on: date | None
    she_testifies_next: bool
    notes: str | None

    @staticmethod
    def resolve_notes(obj):
        return obj.notes if getattr(obj, "notes_shown", False) else None


class HearingIn(Schema):
    version: int
    on: date
    purpose: str
    outcome: str
    asked_by: str = ""
    adjournment_reason: str = ""
    by_video: bool = False
    witnesses_examined: int = Field(0, ge=0, le=500)
    next_on: date | None = None
    # Her caseworker and counsellor get a task to prepare her for that date.
    she_testifies_next: bool = False
    notes: str = ""


class JudgmentOut(Schema):
    id: int
    trial_id: int
    accused_id: int
    section_id: int
    section: str
    on: date
    verdict: str
    sentence: str
    fine: int | None
    compensation_recommended: int | None
    acquittal_reason: str

    @staticmethod
    def resolve_section(obj):
        return str(obj.section.offence)


class JudgmentIn(Schema):
    version: int
    accused: int
    section: int
    on: date
    verdict: str
    sentence: str = ""
    fine: int | None = None
    compensation_recommended: int | None = None
    acquittal_reason: str = ""
    notes: str = ""


class AppealOut(Schema):
    id: int
    trial_id: int
    by: str
    court: str
    filed_on: date
    outcome: str
    decided_on: date | None


class AppealIn(Schema):
    version: int  # the trial's
    by: str
    court: str = Field(max_length=200)
    filed_on: date
    outcome: str = "pending"
    decided_on: date | None = None


def _form_data(payload):
    return {
        k: (v.isoformat() if isinstance(v, date) else v)
        for k, v in payload.dict().items()
        if v is not None and v is not False
    }


def _court_writer(user, case):
    if not workflow.may_write_court(user, case):
        raise HttpError(403, "Only the police holding the case and its prosecutor write here.")


@router.get("/cases/{criminalcase_id}/trial", response=TrialOut)
def trial_read(request, criminalcase_id: int):
    case = queries.get_case_for_user(request.auth, criminalcase_id)
    trial = queries.trial_of(request.auth, case)
    if trial is None:
        raise HttpError(404, "Not found.")
    log.record_view(trial)
    return trial


@router.put("/cases/{criminalcase_id}/trial", response=TrialOut)
def trial_save(request, criminalcase_id: int, payload: TrialIn):
    """Record the trial of a case, or change it (with the version it started
    from), naming the prosecution office that conducts it. The CNR is
    refused unless it is a valid eCourts number; in camera is set from the
    sections charged (BNSS 366)."""
    user = request.auth
    case = queries.get_case_for_user(user, criminalcase_id)
    _court_writer(user, case)
    trial = queries.trial_of(user, case, "change")
    form = TrialForm(_form_data(payload), instance=trial, case=case)
    if not form.is_valid():
        refuse_invalid(form)
    return workflow.record_trial(
        user,
        case,
        form.save(commit=False),
        expected_version=form.cleaned_data["version"],
        prosecution=form.cleaned_data["prosecution"],
    )


def _writable_trial(user, trial_id):
    trial = queries.get_trial_for_user(user, trial_id)
    _court_writer(user, trial.case)
    return trial


@router.get("/trials/{trial_id}/hearings", response=list[HearingOut])
def hearing_list(request, trial_id: int):
    """Dates and outcomes for every reader of the case; notes for its writers."""
    user = request.auth
    trial = queries.get_trial_for_user(user, trial_id)
    hearings = list(queries.hearings_of(user, trial))
    shown = workflow.may_write_court(user, trial.case)
    for hearing in hearings:
        hearing.notes_shown = shown
    if hearings:
        log.record_list(type(hearings[0]), [h.pk for h in hearings])
    return hearings


@router.post("/trials/{trial_id}/hearings", response={201: HearingOut})
def hearing_add(request, trial_id: int, payload: HearingIn):
    user = request.auth
    trial = _writable_trial(user, trial_id)
    form = HearingForm(_form_data(payload), trial=trial)
    if not form.is_valid():
        refuse_invalid(form)
    hearing = workflow.add_hearing(
        user, trial, form.save(commit=False), expected_version=form.cleaned_data["version"]
    )
    hearing.notes_shown = True
    return 201, hearing


@router.get("/trials/{trial_id}/judgments", response=list[JudgmentOut])
def judgment_list(request, trial_id: int):
    """Police, prosecution and the DLSA; anyone else gets 404."""
    user = request.auth
    if not can(user, Judgment, "view"):
        raise HttpError(404, "Not found.")
    trial = queries.get_trial_for_user(user, trial_id)
    judgments = list(queries.judgments_of(user, trial))
    if judgments:
        log.record_list(Judgment, [j.pk for j in judgments])
    return judgments


@router.post("/trials/{trial_id}/judgments", response={201: JudgmentOut})
def judgment_add(request, trial_id: int, payload: JudgmentIn):
    """One accused, one charge: convicted (with the sentence), acquitted
    (with the reason) or discharged. The last one concludes the trial."""
    user = request.auth
    trial = _writable_trial(user, trial_id)
    form = JudgmentForm(_form_data(payload), trial=trial)
    if not form.is_valid():
        refuse_invalid(form)
    return 201, workflow.record_judgment(
        user, trial, form.save(commit=False), expected_version=form.cleaned_data["version"]
    )


@router.get("/trials/{trial_id}/appeals", response=list[AppealOut])
def appeal_list(request, trial_id: int):
    """As the judgments: police, prosecution and the DLSA; anyone else 404."""
    user = request.auth
    if not can(user, Appeal, "view"):
        raise HttpError(404, "Not found.")
    trial = queries.get_trial_for_user(user, trial_id)
    return list(queries.appeals_of(user, trial))


@router.post("/trials/{trial_id}/appeals", response={201: AppealOut})
def appeal_add(request, trial_id: int, payload: AppealIn):
    """An appeal against the judgment, by the state, an accused or the victim."""
    user = request.auth
    trial = _writable_trial(user, trial_id)
    form = AppealForm(_form_data(payload), trial=trial)
    if not form.is_valid():
        refuse_invalid(form)
    return 201, workflow.record_appeal(
        user, trial, form.save(commit=False), expected_version=form.cleaned_data["version"]
    )

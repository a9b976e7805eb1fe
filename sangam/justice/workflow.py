"""What may happen to a criminal case and a rescue, by whom, and what it
records. Each change is one transaction and ends by recomputing the clocks
it moves (clocks.py). The forms have checked the dates against the law's
order; here the writer's right is checked (the records are saved only by
an agency that holds them)."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from sangam.agencies.models import Agency, AgencyType
from sangam.cases import workflow as cases_workflow
from sangam.cases.models import Case, Intake
from sangam.core.access import SYSTEM, allowed_to_create, memberships_granted, system_context
from sangam.core.roles import Role
from sangam.core.workflow import Refused
from sangam.justice import clocks, networks
from sangam.justice.models import (
    Accused,
    ChargedSection,
    CriminalCase,
    Judgment,
    Rescue,
    RescuedPerson,
    SectionReview,
    Trial,
)

# A judgment recommended compensation to the victims (user, criminal_case,
# on, amount): compensation opens or updates her claim (it listens; justice
# never imports it).
compensation_recommended = Signal()


def _by(user):
    """The user a record names as its writer (none when Sangam itself writes)."""
    return None if user is SYSTEM else user


def needs_ahtu(case):
    """A case with a trafficking section not yet sent to the AHTU."""
    if case.ahtu_id is not None:
        return False
    charged = ChargedSection.objects.restrict(SYSTEM).filter(case=case, dropped_on__isnull=True)
    return charged.filter(offence__trafficking=True).exists()


@transaction.atomic
def register_fir(user, case, offences, victims):
    if not allowed_to_create(user, CriminalCase, agency=case.police_station):
        raise ValidationError(
            {"police_station": _("You may only register an FIR of your own station.")}
        )
    case.created_by = _by(user)
    case.investigating_officer = case.investigating_officer or _by(user)
    case.save()
    with system_context():  # the victims were chosen from what the user may see
        case.victims.set(victims)
    day = case.fir_date
    for offence in offences:
        ChargedSection.objects.create(
            case=case, offence=offence, added_on=day, created_by=_by(user)
        )
    clocks.for_case(case, user)
    return case


def _save_case(case, expected_version, user):
    case.save_checked(expected_version)
    _sync_in_camera(case)
    clocks.for_case(case, user)


@transaction.atomic
def add_section(user, case, offence, added_on, *, expected_version):
    ChargedSection.objects.create(
        case=case, offence=offence, added_on=added_on, created_by=_by(user)
    )
    _save_case(case, expected_version, user)


@transaction.atomic
def drop_section(user, case, section, dropped_on, reason, *, expected_version):
    section.dropped_on = dropped_on
    section.dropped_reason = reason.strip()
    section.save()
    _save_case(case, expected_version, user)


@transaction.atomic
def send_to_ahtu(user, case, ahtu, sent_on, *, expected_version):
    case.ahtu, case.sent_to_ahtu_on = ahtu, sent_on
    _save_case(case, expected_version, user)


@transaction.atomic
def transfer(user, case, station, on, *, expected_version):
    if case.transferred_to_id:
        raise Refused(_("This Zero FIR has already been transferred."))
    case.transferred_to, case.transferred_on = station, on
    _save_case(case, expected_version, user)


@transaction.atomic
def record_progress(user, case, data, *, expected_version):
    for name in ("chargesheet_on", "victim_informed_on", "pocso_reported_at"):
        setattr(case, name, data[name])
    case.cognizance_on, case.child_evidence_on = data["cognizance_on"], data["child_evidence_on"]
    _save_case(case, expected_version, user)


def _save_of_case(user, case, record, expected_version):
    """A new record of the case is the writer's; an edit is version-checked."""
    if record._state.adding:
        record.case, record.created_by = case, _by(user)
        record.save()
    else:
        record.save_checked(expected_version)
    return record


@transaction.atomic
def save_accused(user, case, accused, *, expected_version=None):
    _save_of_case(user, case, accused, expected_version)
    clocks.for_case(case, user)
    networks.relink(accused)
    return accused


@transaction.atomic
def save_proceeds(user, case, proceeds, *, expected_version=None):
    return _save_of_case(user, case, proceeds, expected_version)


# --- Rescue -----------------------------------------------------------------


@transaction.atomic
def record_rescue(user, rescue, participants):
    if not allowed_to_create(user, Rescue, agency=rescue.lead_agency):
        raise ValidationError({"lead_agency": _("You may only record a rescue your agency led.")})
    rescue.created_by = _by(user)
    rescue.save()
    rescue.participants.set([a for a in participants if a.pk != rescue.lead_agency_id])
    return rescue


@transaction.atomic
def add_rescued(user, rescue, *, estimated_age, survivor=None, new=None):
    """Record a person rescued: ``survivor`` already registered, or ``new``
    (an unsaved Survivor) registered now with her case at the lead agency."""
    if survivor is None:
        new.estimated_age = estimated_age
        new.age_recorded_on = rescue.at.date()
        new.cwc_involved = estimated_age < 18
        new.full_clean()
        cases_workflow.register_survivor(
            user, rescue.lead_agency, new, note=_("Rescued in %(rescue)s") % {"rescue": rescue}
        )
        survivor = new
    person = RescuedPerson.objects.create(
        rescue=rescue, survivor=survivor, estimated_age=estimated_age, created_by=_by(user)
    )
    clocks.for_rescued(person, user)
    return person


@transaction.atomic
def record_production(user, person, *, expected_version):
    person.save_checked(expected_version)
    clocks.for_rescued(person, user)
    return person


# --- "Booked as missing only" ----------------------------------------------


def _ahtu_of(district_id):
    if district_id is None:
        return None
    return Agency.objects.filter(
        type=AgencyType.AHTU, district_id=district_id, is_active=True
    ).first()


def records_exploitation(survivor):
    intake = Intake.objects.restrict(SYSTEM).filter(survivor=survivor).first()
    return intake is not None and (
        intake.trafficking_status == "actual" or bool(intake.exploitation_types)
    )


def review_if_booked_as_missing(candidate, user):
    """Task the AHTUs of both districts when her account records exploitation
    and none of her police cases charges a trafficking section."""
    survivor = candidate.survivor
    if not records_exploitation(survivor):
        return None
    cases = CriminalCase.objects.restrict(SYSTEM).filter(victims=survivor)
    charged = ChargedSection.objects.restrict(SYSTEM).filter(
        case__in=cases, dropped_on__isnull=True, offence__trafficking=True
    )
    if charged.exists():
        return None
    home = _ahtu_of(candidate.missing_person.district_id)
    serving = Case.objects.restrict(SYSTEM).filter(survivor=survivor).order_by("-opened_on")
    found = _ahtu_of(serving.values_list("agency__district", flat=True).first())
    if home is None and found is None:
        return None
    review, _created = SectionReview.objects.restrict(SYSTEM).get_or_create(
        match=candidate,
        defaults={
            "survivor": survivor,
            "case": cases.order_by("-fir_at").first(),
            "home_ahtu": home,
            "found_ahtu": found if found != home else None,
            "created_by": _by(user),
        },
    )
    return review


@transaction.atomic
def close_review(user, review, outcome, *, expected_version):
    review.reviewed_at, review.reviewed_by = timezone.now(), _by(user)
    review.outcome = outcome.strip()
    review.save_checked(expected_version)
    return review


# --- Court ------------------------------------------------------------------


def tried_in_camera(case):
    """BNSS 366(2): a section charged is a sexual offence tried in camera
    (BNS 64-71) or a POCSO offence (the offences table's flags)."""
    charged = ChargedSection.objects.restrict(SYSTEM).filter(case=case, dropped_on__isnull=True)
    return charged.filter(Q(offence__in_camera=True) | Q(offence__pocso=True)).exists()


def _sync_in_camera(case):
    trial = Trial.objects.restrict(SYSTEM).filter(case=case).first()
    if trial is not None and trial.in_camera != tried_in_camera(case):
        trial.in_camera = not trial.in_camera
        trial.save(update_fields=["in_camera", "updated_at"])


def may_write_court(user, case):
    """The police holding the case and its prosecution office record what
    happens in court (consent never lets anyone write)."""
    if user is SYSTEM:
        return True
    agencies = {case.police_station_id, case.ahtu_id, case.transferred_to_id, case.prosecution_id}
    return any(m.agency_id in agencies - {None} for m in memberships_granted(user, Trial, "add"))


def _refuse_unless_writer(user, case):
    if not may_write_court(user, case):
        raise Refused(_("Only the police holding the case and its prosecutor record the trial."))


@transaction.atomic
def record_trial(user, case, trial, *, expected_version=None, prosecution=None):
    """The trial of ``case``, new or changed; in camera by its sections.
    Naming the ``prosecution`` office that conducts it makes it the case's."""
    _refuse_unless_writer(user, case)
    if prosecution is not None and prosecution.pk != case.prosecution_id:
        case.prosecution = prosecution
        case.save(update_fields=["prosecution", "updated_at"])
    trial.case, trial.in_camera = case, tried_in_camera(case)
    if trial._state.adding:
        trial.created_by = _by(user)
        trial.save()
    else:
        trial.save_checked(expected_version or 0)
    clocks.for_case(case, user)
    return trial


def _trial_part(user, trial, record, expected_version):
    _refuse_unless_writer(user, trial.case)
    record.trial = trial
    if record._state.adding:
        record.created_by = _by(user)
    record.save()
    trial.save_checked(expected_version)


@transaction.atomic
def add_hearing(user, trial, hearing, *, expected_version):
    _trial_part(user, trial, hearing, expected_version)
    clocks.for_case(trial.case, user)
    if hearing.she_testifies_next and hearing.next_on:
        prepare_her(user, trial.case, hearing.next_on)
    return hearing


# How long before her evidence her caseworker and counsellor are asked to
# prepare her (practice, not law: enough for a court visit and travel).
PREPARATION_DAYS = 7


def prepare_her(user, case, hearing_on):
    """Before a hearing at which she gives evidence, a task on each victim's
    open case for her caseworker and her counsellor: a court visit, what to
    expect, travel, a support person, in her language. Once per hearing date."""
    from sangam.cases.models import FollowUp

    due = max(hearing_on - timedelta(days=PREPARATION_DAYS), timezone.localdate())
    # The note is read by others in their own language: only the hearing's
    # date goes in it; what to do is the task's kind, translated when shown.
    note = hearing_on.isoformat()
    victims = case.victims.through.objects.filter(criminalcase=case).values("survivor_id")
    for open_case in Case.objects.restrict(SYSTEM).filter(
        survivor_id__in=victims, status=Case.Status.OPEN
    ):
        task = {"case": open_case, "kind": FollowUp.Kind.COURT_PREPARATION, "due_on": due}
        for role in (Role.CASEWORKER, Role.COUNSELLOR):
            if not FollowUp.objects.restrict(SYSTEM).filter(**task, assigned_role=role).exists():
                FollowUp.objects.create(**task, assigned_role=role, note=note, created_by=_by(user))


def concluded_on(trial):
    """The day the trial concluded: the last judgment, once every accused
    not absconding is judged on every section charged (None before)."""
    case = trial.case
    charged = set(
        ChargedSection.objects.restrict(SYSTEM)
        .filter(case=case, dropped_on__isnull=True)
        .values_list("pk", flat=True)
    )
    accused = set(
        Accused.objects.restrict(SYSTEM)
        .filter(case=case, absconding=False)
        .values_list("pk", flat=True)
    )
    judged = {
        (a, s): on
        for a, s, on in Judgment.objects.restrict(SYSTEM)
        .filter(trial=trial)
        .values_list("accused_id", "section_id", "on")
    }
    if not charged or not accused:
        return None
    wanted = [(a, s) for a in accused for s in charged]
    if any(key not in judged for key in wanted):
        return None
    return max(judged[key] for key in wanted)


@transaction.atomic
def record_judgment(user, trial, judgment, *, expected_version):
    """A judgment on one accused and charge; the last one concludes the
    trial (which meets the POCSO trial clock and stops the courts' alerts)."""
    _trial_part(user, trial, judgment, expected_version)
    case = trial.case
    if judgment.compensation_recommended:
        # The highest the judgment recommends (one amount is often entered
        # on each charge's row); compensation opens or updates her claim.
        amounts = Judgment.objects.restrict(SYSTEM).filter(trial=trial)
        amount = max(a for a in amounts.values_list("compensation_recommended", flat=True) if a)
        compensation_recommended.send(
            sender=Judgment, user=user, criminal_case=case, on=judgment.on, amount=amount
        )
    ended = concluded_on(trial)
    if case.trial_concluded_on != ended:
        case.trial_concluded_on = ended
        case.save(update_fields=["trial_concluded_on", "updated_at"])
    clocks.for_case(case, user)
    return judgment


@transaction.atomic
def record_appeal(user, trial, appeal, *, expected_version):
    _trial_part(user, trial, appeal, expected_version)
    return appeal

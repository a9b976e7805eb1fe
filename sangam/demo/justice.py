"""Demo justice records, made through the same workflow as the pages:

- a Malda rescue of three girls led by the AHTU (the NGO took part): one is
  the NGO's own survivor, two are registered at the rescue; all three were
  before the CWC within 24 hours, the social investigation reports are in,
  the CWC's final orders are running;
- its FIR registered by the AHTU (notified as a police station) under BNS
  143 and ITPA 5 (booked as kidnapping first, that section since dropped), with the
  public prosecutor's office: one accused arrested, whose 90-day
  default-bail date is in 5 days, one absconding; the NGO's survivor
  consented to legal agencies and the NGO following the case;
  the Special Court has its CNR; two bail hearings, the second adjourned
  at the defence's request; the survivor's mother applied for witness
  protection through the NGO two working days ago, the police threat
  report not yet in; the survivor's own application led to an order
  relocating her, and an incident five days ago made its review due;
- a South Delhi case with its chargesheet filed in time and cognizance
  taken, tried: charges framed, hearings, the accused convicted under BNS
  143 and acquitted under BNS 144 (benefit of doubt), his appeal pending.

Idempotent; every name marked synthetic. Dates are relative to today."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from sangam.accounts.models import User
from sangam.agencies.models import Agency, AgencyType
from sangam.cases import workflow as cases_workflow
from sangam.cases.forms import ConsentForm
from sangam.cases.models import Survivor
from sangam.core.access import SYSTEM
from sangam.justice import networks, protection, workflow
from sangam.justice.models import (
    Accused,
    Appeal,
    ChargedSection,
    CriminalCase,
    Hearing,
    Judgment,
    Measure,
    Proceeds,
    ProtectionApplication,
    ProtectionIncident,
    Relocation,
    Rescue,
    ThreatCategory,
    Trial,
)
from sangam.justice.reference import offences_in_force
from sangam.matching.models import Review

GIRLS = [("Rupa Sarkar (synthetic)", 16), ("Jharna Das (synthetic)", 14)]


def _agency(district, kind):
    return Agency.objects.filter(district=district, type=kind).order_by("pk").first()


def _offences(on, *codes):
    found = {f"{o.act} {o.section}": o for o in offences_in_force(on)}
    return [found[c] for c in codes]


@transaction.atomic
def seed_justice():
    police = User.objects.restrict(SYSTEM).filter(username="demo.police").first()
    worker = User.objects.restrict(SYSTEM).filter(username="demo.caseworker").first()
    if police is None or worker is None or Rescue.objects.restrict(SYSTEM).exists():
        return 0
    ahtu = police.active_memberships()[0].agency
    ngo = worker.active_memberships()[0].agency
    district = ahtu.district
    now = timezone.now().replace(second=0, microsecond=0)
    rescued_at = now - timedelta(days=85, hours=2)

    rescue = workflow.record_rescue(
        police,
        Rescue(
            lead_agency=ahtu,
            source=Rescue.Source.NGO,
            source_note="Synthetic: the NGO heard of girls kept in a house near the station.",
            at=rescued_at,
            district=district,
            place="Synthetic: a rented house behind the bus stand",
            witness_one="Anjali Witness (synthetic)",
            witness_one_sex="female",
            witness_two="Bikash Witness (synthetic)",
            witness_two_sex="male",
        ),
        [ngo],
    )
    own = Survivor.objects.restrict(SYSTEM).filter(cases__agency=ngo, estimated_age=15).first()
    persons = []
    if own is not None:
        persons.append(workflow.add_rescued(police, rescue, estimated_age=15, survivor=own))
    for name, age in GIRLS:
        new = Survivor(name=name, sex="female", languages="ben", origin_district=district)
        new.origin_state_id = district.state_id
        persons.append(workflow.add_rescued(police, rescue, estimated_age=age, new=new))
    cwc = _agency(district, AgencyType.CWC)
    for person in persons:
        person.cwc = cwc
        person.produced_before_cwc_at = rescued_at + timedelta(hours=20)
        person.sir_on = (rescued_at + timedelta(days=14)).date()
        workflow.record_production(police, person, expected_version=person.version)

    fir_at = rescued_at + timedelta(hours=3)
    # AHTUs are notified as police stations: this one registered the FIR.
    case = CriminalCase(
        police_station=ahtu,
        fir_number="DEMO-0042/2026",
        fir_at=fir_at,
        cctns_reference="DEMO-CCTNS-WB-0042",
        rescue=rescue,
        ahtu=ahtu,
        sent_to_ahtu_on=fir_at.date(),
        prosecution=_agency(district, AgencyType.PROSECUTION),
    )
    day = timezone.localtime(fir_at).date()
    workflow.register_fir(
        police, case, _offences(day, "BNS 137", "BNS 143"), [p.survivor for p in persons]
    )
    kidnapping = ChargedSection.objects.restrict(SYSTEM).get(case=case, offence__section="137")
    workflow.drop_section(
        police,
        case,
        kidnapping,
        day + timedelta(days=3),
        "Synthetic: the girls were sold, not only taken; trafficking applies.",
        expected_version=case.version,
    )
    workflow.add_section(
        police,
        case,
        _offences(day, "ITPA 5")[0],
        day + timedelta(days=3),
        expected_version=case.version,
    )
    networks.index_recruiters()
    agent = workflow.save_accused(
        police,
        case,
        Accused(
            name="Accused Placement Agent (synthetic)",
            aliases=["Dada (synthetic)"],
            # The second number is the registry's Demo Agent's: a link to it.
            phones=["+91 99999 00042", "+91 99999 77777"],
            vehicles=["WB 65 DM 0042"],
            places=["Synthetic lane behind the bus stand, English Bazar"],
            role=Accused.Role.PLACEMENT_AGENT,
            arrested_at=rescued_at + timedelta(hours=1),
        ),
    )
    _network(police, case, agent, rescued_at)
    workflow.save_accused(
        police,
        case,
        Accused(
            name="Accused House Owner (synthetic)",
            role=Accused.Role.BROTHEL_KEEPER,
            absconding=True,
        ),
    )
    _malda_court(police, case, now)
    if own is not None:
        _consent_to_follow_the_case(worker, own)
        _protection(worker, ngo, case, own, now)
        _protection_ordered(worker, police, ngo, case, own, now)
    return 1 + _seed_delhi()


def _network(police, case, agent, rescued_at):
    """The officer confirmed the link to the registry's agent; the bank
    account the agent was paid into is attached."""
    for link in networks.links_of(police, [agent.pk], status=Review.PENDING):
        networks.decide(police, link, True, "Synthetic: the same number in the call records.")
    workflow.save_proceeds(
        police,
        case,
        Proceeds(
            accused=agent,
            kind=Proceeds.Kind.ACCOUNT,
            description="Synthetic: savings account ending 0042, Demo Gramin Bank",
            value=240000,
            attached_on=(rescued_at + timedelta(days=6)).date(),
            order="DEMO-ATT-12/2025 (BNSS s.107)",
        ),
    )


def _protection_ordered(worker, police, ngo, case, survivor, now):
    """Her own application, made three weeks ago: the threat report came in
    three days later, the committee ordered relocation and video testimony;
    five days ago a man pressed her to turn hostile, so the order's review
    is due."""
    committee_member = User.objects.restrict(SYSTEM).filter(username="demo.committee").first()
    committee = protection.committee_of(case.police_station.district_id)
    if committee is None or committee_member is None:
        return
    today = timezone.localtime(now).date()
    application = protection.apply(
        worker,
        ProtectionApplication(
            case=case,
            survivor=survivor,
            witness=ProtectionApplication.Witness.SURVIVOR,
            witness_name=survivor.name,
            filed_by=ngo,
            through=ProtectionApplication.Through.TRIAL_COURT,
            applied_on=today - timedelta(days=21),
            category_sought=ThreatCategory.A,
            measures_sought=[Measure.RELOCATION, Measure.VIDEO],
        ),
    )
    application.threat_report_on = today - timedelta(days=18)
    application.category_found = ThreatCategory.A
    application.threat_report = "Synthetic: the absconding accused's associates asked for her."
    protection.report_threat(police, application, expected_version=application.version)
    application.decided_on = today - timedelta(days=15)
    application.order_reference = "DEMO-WPC-MLD-0007/2026"
    application.measures = [Measure.RELOCATION, Measure.VIDEO, Measure.IDENTITY]
    application.review_on = today + timedelta(days=75)
    protection.decide(committee_member, application, True, expected_version=application.version)
    protection.relocate(
        police,
        application,
        Relocation(
            address="Synthetic: a safe house, ward 0 (demo), not a real place",
            since=today - timedelta(days=12),
        ),
    )
    protection.report_incident(
        worker,
        application,
        ProtectionIncident(
            kind=ProtectionIncident.Kind.APPROACH,
            occurred_on=today - timedelta(days=5),
            details="Synthetic: a man at the shelter gate asked her to change her statement.",
        ),
    )


def _protection(worker, ngo, case, survivor, now):
    """Her mother, threatened by the absconding accused's men, applied two
    working days ago through the NGO: the threat report is due."""
    committee = protection.committee_of(case.police_station.district_id)
    if committee is None:
        return
    applied_on = timezone.localtime(now).date()
    for _ in range(2):
        applied_on -= timedelta(days=1)
        while applied_on.weekday() >= 5:
            applied_on -= timedelta(days=1)
    protection.apply(
        worker,
        ProtectionApplication(
            case=case,
            survivor=survivor,
            witness=ProtectionApplication.Witness.FAMILY,
            witness_name="Mother Witness (synthetic)",
            relation="mother",
            filed_by=ngo,
            through=ProtectionApplication.Through.DIRECT,
            applied_on=applied_on,
            category_sought=ThreatCategory.B,
            measures_sought=[Measure.PHONE, Measure.ESCORT],
        ),
    )


def _malda_court(police, case, now):
    """The Special Court hears bail: no chargesheet yet, no charges framed."""
    trial = workflow.record_trial(
        police,
        case,
        Trial(
            court="Special Court (POCSO), Malda (synthetic)",
            court_kind=Trial.CourtKind.SPECIAL,
            court_district=case.police_station.district,
            cnr=f"WBMD01004242{timezone.localdate().year}",
            public_prosecutor="Special PP (synthetic)",
        ),
    )
    held_on = (now - timedelta(days=60)).date()
    workflow.add_hearing(
        police,
        trial,
        Hearing(
            on=held_on,
            purpose=Hearing.Purpose.BAIL,
            outcome=Hearing.Outcome.HELD,
            notes="Synthetic: bail refused, the girls' statements pending.",
        ),
        expected_version=trial.version,
    )
    workflow.add_hearing(
        police,
        trial,
        Hearing(
            on=held_on + timedelta(days=30),
            purpose=Hearing.Purpose.BAIL,
            outcome=Hearing.Outcome.ADJOURNED,
            asked_by=Hearing.AskedBy.DEFENCE,
            adjournment_reason="Synthetic: defence counsel unavailable.",
            next_on=(now + timedelta(days=7)).date(),
        ),
        expected_version=trial.version,
    )


def _consent_to_follow_the_case(worker, survivor):
    form = ConsentForm({
        "given_by": "guardian", "manner": "in_person", "language": "ben",
        "purpose": "Following the police case and legal aid", "witness": "Caseworker (synthetic)",
        "agency_types": [AgencyType.NGO, AgencyType.DLSA, AgencyType.CWC],
        "categories": ["legal"],
    })  # fmt: skip
    if not form.is_valid():  # the demo's own data: a broken form is a bug here
        raise ValueError(form.errors.as_json())
    cases_workflow.record_consent(worker, survivor, form)


def _seed_delhi():
    station = Agency.objects.filter(
        type=AgencyType.POLICE_STATION, state__code="IN-DL", name__endswith="(demo)"
    ).first()
    if station is None:
        return 0
    fir_at = timezone.now().replace(second=0, microsecond=0) - timedelta(days=420)
    day = timezone.localtime(fir_at).date()
    case = workflow.register_fir(
        SYSTEM,
        CriminalCase(
            police_station=station,
            fir_number="DEMO-0917/2025",
            fir_at=fir_at,
            ahtu=_agency(station.district_id, AgencyType.AHTU),
            sent_to_ahtu_on=day,
            prosecution=_agency(station.district_id, AgencyType.PROSECUTION),
        ),
        _offences(day, "BNS 143", "BNS 144"),
        [],
    )
    workflow.save_accused(
        SYSTEM,
        case,
        Accused(
            name="Accused Employer (synthetic)",
            # Shares the Malda agent's first number: a link for the officer.
            phones=["099999 00042"],
            role=Accused.Role.EMPLOYER,
            arrested_at=fir_at + timedelta(days=1),
        ),
    )
    workflow.record_progress(
        SYSTEM,
        case,
        {
            "chargesheet_on": day + timedelta(days=75),
            "victim_informed_on": day + timedelta(days=40),
            "pocso_reported_at": None,
            "cognizance_on": day + timedelta(days=90),
            "child_evidence_on": None,
        },
        expected_version=case.version,
    )
    _delhi_court(case, day)
    return 1


def _delhi_court(case, day):
    trial = workflow.record_trial(
        SYSTEM,
        case,
        Trial(
            court="Court of the Additional Sessions Judge, Saket (synthetic)",
            court_kind=Trial.CourtKind.SESSIONS,
            court_district=case.police_station.district,
            cnr=f"DLST01009172{day.year}",
            charges_framed_on=day + timedelta(days=120),
            public_prosecutor="Additional PP (synthetic)",
        ),
    )
    for offset, purpose, outcome in (
        (120, Hearing.Purpose.CHARGES, Hearing.Outcome.HELD),
        (170, Hearing.Purpose.VICTIM_EVIDENCE, Hearing.Outcome.HELD),
        (230, Hearing.Purpose.PROSECUTION_EVIDENCE, Hearing.Outcome.ADJOURNED),
        (280, Hearing.Purpose.ARGUMENTS, Hearing.Outcome.HELD),
        (320, Hearing.Purpose.JUDGMENT, Hearing.Outcome.HELD),
    ):
        adjourned = outcome == Hearing.Outcome.ADJOURNED
        workflow.add_hearing(
            SYSTEM,
            trial,
            Hearing(
                on=day + timedelta(days=offset),
                purpose=purpose,
                outcome=outcome,
                by_video=purpose == Hearing.Purpose.VICTIM_EVIDENCE,
                asked_by=Hearing.AskedBy.PROSECUTION if adjourned else "",
                adjournment_reason="Synthetic: a witness did not appear." if adjourned else "",
                next_on=day + timedelta(days=offset + 40) if offset < 320 else None,
            ),
            expected_version=trial.version,
        )
    accused = Accused.objects.restrict(SYSTEM).get(case=case)
    on = day + timedelta(days=320)
    for section, verdict in (("143", Judgment.Verdict.CONVICTED), ("144", "acquitted")):
        convicted = verdict == Judgment.Verdict.CONVICTED
        workflow.record_judgment(
            SYSTEM,
            trial,
            Judgment(
                accused=accused,
                section=ChargedSection.objects.restrict(SYSTEM).get(
                    case=case, offence__section=section
                ),
                on=on,
                verdict=verdict,
                sentence="Rigorous imprisonment for 10 years (synthetic)" if convicted else "",
                fine=50000 if convicted else None,
                compensation_recommended=300000 if convicted else None,
                acquittal_reason="" if convicted else Judgment.AcquittalReason.BENEFIT_OF_DOUBT,
            ),
            expected_version=trial.version,
        )
    workflow.record_appeal(
        SYSTEM,
        trial,
        Appeal(
            by=Appeal.By.ACCUSED,
            court="High Court of Delhi (synthetic)",
            filed_on=on + timedelta(days=30),
        ),
        expected_version=trial.version,
    )

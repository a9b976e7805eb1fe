"""The law's clocks, computed from the facts of a case or a rescue and the
clock table in force on the day the clock starts (reference.clock_rules).

Every change of those facts (a section charged or dropped, an arrest, the
chargesheet, a production, a hearing, a judgment) calls ``for_case`` or
``for_rescued``, which rewrites that subject's clocks: a clock no longer
owed (the only POCSO section dropped) goes, a new one is made, the rest
keep their escalation (unless they started again: a new last hearing
restarts the hearing clock, which may then be escalated again).

A witness protection application's Threat Analysis Report is a clock of
its case kept with the application (``for_application``).

The courts' alerts are clocks of the case once it has a trial, from the
table in force on the day each starts: "a next hearing date entered in
time" starts at the last hearing (or the charges framed, or the trial
recorded) and is met by the next date entered, in time if it is within the
period (NJDG's 3 months); "adjournments at the prosecution's request" is
a count (unit "times"): when the prosecution's adjournments pass the rule's
number (MHA's 2), the clock is missed on the day of the one that passed it.
Both stop when the trial concludes.
"""

from datetime import timedelta

from django.utils import timezone

from sangam.core.access import SYSTEM
from sangam.justice.models import (
    Accused,
    ChargedSection,
    Clock,
    ClockKind,
    Hearing,
    MaxPunishment,
    Trial,
    start_of,
)
from sangam.justice.reference import clock_rules


def _by(user):
    return None if user is SYSTEM else user


def _grave(offence, threshold):
    """Punishable with death, life or at least ``threshold`` years."""
    if offence.max_punishment in (MaxPunishment.DEATH, MaxPunishment.LIFE):
        return True
    return bool(threshold and offence.max_years and offence.max_years >= threshold)


def _at(day):
    return start_of(day) if day else None


def wanted_for_case(case):
    """[(kind, accused, started, met, responsible)] the law sets for ``case``."""
    charged = ChargedSection.objects.restrict(SYSTEM).filter(case=case, dropped_on__isnull=True)
    sections = [s.offence for s in charged.select_related("offence")]
    rules = clock_rules(case.fir_date)
    investigating = case.investigating_agency
    chargesheet = _at(case.chargesheet_on)
    wanted = []
    if sections:
        long_rule = rules.get(ClockKind.DEFAULT_BAIL_LONG)
        threshold = long_rule.at_least_years if long_rule else None
        kind = (
            ClockKind.DEFAULT_BAIL_LONG
            if any(_grave(o, threshold) for o in sections)
            else ClockKind.DEFAULT_BAIL_SHORT
        )
        for accused in Accused.objects.restrict(SYSTEM).filter(
            case=case, arrested_at__isnull=False
        ):
            if accused.arrested_at:
                wanted.append((kind, accused, accused.arrested_at, chargesheet, investigating))
    if any(o.two_month_investigation for o in sections):
        wanted.append((ClockKind.INVESTIGATION, None, case.fir_at, chargesheet, investigating))
    wanted.append(
        (ClockKind.VICTIM_INFORMED, None, case.fir_at, _at(case.victim_informed_on), investigating)
    )
    if any(o.pocso for o in sections):
        wanted.append(
            (ClockKind.POCSO_REPORT, None, case.fir_at, case.pocso_reported_at, investigating)
        )
        if case.cognizance_on:
            court_side = case.prosecution or investigating
            started = start_of(case.cognizance_on)
            wanted.append(
                (ClockKind.POCSO_EVIDENCE, None, started, _at(case.child_evidence_on), court_side)
            )
            wanted.append(
                (ClockKind.POCSO_TRIAL, None, started, _at(case.trial_concluded_on), court_side)
            )
    found = [(k, a, s, m, r, rules.get(k)) for k, a, s, m, r in wanted if rules.get(k)]
    return found + _court_clocks(case, case.prosecution or investigating)


def _court_clocks(case, responsible):
    trial = Trial.objects.restrict(SYSTEM).filter(case=case).first()
    if trial is None:
        return []
    concluded = _at(case.trial_concluded_on)
    hearings = list(Hearing.objects.restrict(SYSTEM).filter(trial=trial).order_by("on", "pk"))
    wanted = []
    last = hearings[-1] if hearings else None
    if last is not None:
        since, met = last.on, _at(last.next_on)
    else:
        since, met = trial.charges_framed_on or timezone.localtime(trial.created_at).date(), None
    rule = clock_rules(since).get(ClockKind.NO_HEARING)
    if rule is not None:
        met = concluded or met
        wanted.append((ClockKind.NO_HEARING, None, start_of(since), met, responsible, rule))
    asked = [
        h for h in hearings
        if h.outcome == Hearing.Outcome.ADJOURNED and h.asked_by == Hearing.AskedBy.PROSECUTION
    ]  # fmt: skip
    if asked:
        rule = clock_rules(asked[0].on).get(ClockKind.ADJOURNMENTS)
        if rule is not None and len(asked) > rule.amount:
            passed = start_of(asked[rule.amount].on)
            wanted.append((ClockKind.ADJOURNMENTS, None, passed, concluded, responsible, rule))
    return wanted


def wanted_for_rescued(person):
    rescue = person.rescue
    rules = clock_rules(rescue.at.date())
    lead = rescue.lead_agency
    wanted = []
    if person.is_minor:
        wanted.append((ClockKind.CWC, rescue.at, person.produced_before_cwc_at, lead))
        if person.produced_before_cwc_at and person.cwc_id:
            produced = person.produced_before_cwc_at
            wanted.append((ClockKind.SIR, produced, _at(person.sir_on), person.cwc))
            wanted.append((ClockKind.CWC_ORDER, produced, _at(person.cwc_order_on), person.cwc))
    else:
        wanted.append((ClockKind.MAGISTRATE, rescue.at, person.produced_before_magistrate_at, lead))
        if person.produced_before_magistrate_at:
            wanted.append(
                (
                    ClockKind.CUSTODY,
                    person.produced_before_magistrate_at,
                    person.custody_ended_at,
                    lead,
                )
            )
    return [(k, None, s, m, r, rules.get(k)) for k, s, m, r in wanted if rules.get(k)]


def _rewrite(existing, wanted, user, **subject):
    clocks = Clock.objects.restrict(SYSTEM)
    by_key = {(c.kind, c.accused_id): c for c in existing}
    kept = set()
    for kind, accused, started, met, responsible, rule in wanted:
        key = (kind, accused.pk if accused else None)
        kept.add(key)
        fields = {
            "rule": rule,
            "responsible": responsible,
            "started_at": started,
            "due_at": rule.due(started),
            "met_at": met,
        }
        clock = by_key.get(key)
        if clock is None:
            Clock.objects.create(kind=kind, accused=accused, created_by=user, **subject, **fields)
        elif any(getattr(clock, name) != value for name, value in fields.items()):
            if clock.started_at != started:
                clock.escalated_at = None  # started again: escalated again if missed
            for name, value in fields.items():
                setattr(clock, name, value)
            clock.save()
    gone = [c.pk for key, c in by_key.items() if key not in kept]
    if gone:
        clocks.filter(pk__in=gone).delete()


def for_case(case, user=SYSTEM):
    existing = Clock.objects.restrict(SYSTEM).filter(case=case, application__isnull=True)
    _rewrite(list(existing), wanted_for_case(case), _by(user), case=case)


def for_rescued(person, user=SYSTEM):
    existing = Clock.objects.restrict(SYSTEM).filter(rescued=person)
    _rewrite(list(existing), wanted_for_rescued(person), _by(user), rescued=person)


def wanted_for_application(application):
    """The Threat Analysis Report, due in the rule's working days from the
    application, met by the report; owed by the police unit."""
    rule = clock_rules(application.applied_on).get(ClockKind.THREAT_REPORT)
    if rule is None:
        return []
    # The day of the application is not counted (General Clauses Act s.9):
    # the clock starts as it ends, and runs out as the fifth working day ends.
    started = start_of(application.applied_on + timedelta(days=1))
    met = _at(application.threat_report_on)
    return [(ClockKind.THREAT_REPORT, None, started, met, application.police_unit, rule)]


def for_application(application, user=SYSTEM):
    existing = Clock.objects.restrict(SYSTEM).filter(application=application)
    _rewrite(
        list(existing),
        wanted_for_application(application),
        _by(user),
        case=application.case,
        application=application,
    )

"""Justice figures: how cases are booked and investigated, how the
production clocks are met, how trials end and how witness protection is
asked for and decided. Counted by police station, district and state
through the station (``area``; witness protection through its committee).
The dashboard card shows the clocks the user's agencies must meet; the
figures page (``views/figures.py``) shows a district official or a state
administrator her area's figures and ``court_table``.

The conviction rate is NCRB's ("Crime in India"): cases in which the trial
ended in a conviction (of any accused, on any charge) divided by the cases
in which the trial was completed, not by the cases registered."""

from statistics import median

from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.core.access import SYSTEM
from sangam.core.areas import area_q
from sangam.core.figures import Card, Figure
from sangam.core.roles import Role
from sangam.justice.models import (
    AT_RISK,
    ChargedSection,
    Clock,
    ClockKind,
    CriminalCase,
    Hearing,
    Judgment,
    ProtectionApplication,
    ProtectionStatus,
)

DEFAULT_BAIL = [ClockKind.DEFAULT_BAIL_LONG, ClockKind.DEFAULT_BAIL_SHORT]


def _trafficking():
    charged = ChargedSection._base_manager.filter(
        case=OuterRef("pk"), offence__trafficking=True, dropped_on__isnull=True
    )
    return Q(Exists(charged))


FIRS = Figure("justice.firs", _("FIRs registered"), CriminalCase, area="police_station__")
TRAFFICKING = Figure(
    "justice.firs_trafficking",
    _("FIRs with a trafficking section"),
    CriminalCase,
    _trafficking,
    area="police_station__",
    denominator="justice.firs",
)
SENT_TO_AHTU = Figure(
    "justice.sent_to_ahtu",
    _("FIRs with a trafficking section sent to the AHTU"),
    CriminalCase,
    lambda: _trafficking() & Q(ahtu__isnull=False),
    area="police_station__",
    denominator="justice.firs_trafficking",
)
CHARGESHEET_CLOCKS = Figure(
    "justice.chargesheet_clocks",
    _("Arrested accused whose chargesheet was due"),
    Clock,
    lambda: Q(kind__in=DEFAULT_BAIL) & (Q(met_at__isnull=False) | Q(due_at__lt=timezone.now())),
    area="responsible__",
)
CHARGESHEET_IN_TIME = Figure(
    "justice.chargesheet_in_time",
    _("Chargesheets filed before the default-bail date"),
    Clock,
    Q(kind__in=DEFAULT_BAIL, met_at__lte=F("due_at")),
    area="responsible__",
    denominator="justice.chargesheet_clocks",
)
DEFAULT_BAIL_GRANTED = Figure(
    "justice.default_bail",
    _("Accused released on default bail for a late chargesheet"),
    Clock,
    Q(kind__in=DEFAULT_BAIL, accused__bail="default"),
    area="responsible__",
    denominator="justice.chargesheet_clocks",
)
CHILDREN_PRODUCED = Figure(
    "justice.children_produced",
    _("Rescued children whose production before the CWC was due"),
    Clock,
    lambda: Q(kind=ClockKind.CWC) & (Q(met_at__isnull=False) | Q(due_at__lt=timezone.now())),
    area="responsible__",
)
CHILDREN_IN_24_HOURS = Figure(
    "justice.children_cwc_24h",
    _("Rescued children before the CWC within 24 hours"),
    Clock,
    Q(kind=ClockKind.CWC, met_at__lte=F("due_at")),
    area="responsible__",
    denominator="justice.children_produced",
)


def _convicted():
    judged = Judgment._base_manager.filter(
        trial__case=OuterRef("pk"), verdict=Judgment.Verdict.CONVICTED
    )
    return Q(trial_concluded_on__isnull=False) & Q(Exists(judged))


TRIALS_COMPLETED = Figure(
    "justice.trials_completed",
    _("Cases in which the trial was completed"),
    CriminalCase,
    Q(trial_concluded_on__isnull=False),
    area="police_station__",
    dated_by="trial_concluded_on",
)
CONVICTED = Figure(
    "justice.cases_convicted",
    _("Cases ending in a conviction (NCRB: of the cases in which the trial was completed)"),
    CriminalCase,
    _convicted,
    area="police_station__",
    dated_by="trial_concluded_on",
    denominator="justice.trials_completed",
)
ACQUITTALS = Figure(
    "justice.acquittals",
    _("Acquittals (one per accused and charge)"),
    Judgment,
    Q(verdict=Judgment.Verdict.ACQUITTED),
    area="trial__case__police_station__",
    dated_by="on",
)
# Adjournments: MHA's advisory counts those the prosecution asks for.
HEARINGS = Figure(
    "justice.hearings",
    _("Hearings recorded"),
    Hearing,
    area="trial__case__police_station__",
    dated_by="on",
)
ADJOURNED = Figure(
    "justice.hearings_adjourned",
    _("Hearings adjourned"),
    Hearing,
    Q(outcome=Hearing.Outcome.ADJOURNED),
    area="trial__case__police_station__",
    dated_by="on",
    denominator="justice.hearings",
)
ADJOURNED_FOR_PROSECUTION = Figure(
    "justice.hearings_adjourned_prosecution",
    _("Hearings adjourned at the prosecution's request"),
    Hearing,
    Q(outcome=Hearing.Outcome.ADJOURNED, asked_by=Hearing.AskedBy.PROSECUTION),
    area="trial__case__police_station__",
    dated_by="on",
    denominator="justice.hearings_adjourned",
)
# Witness protection, counted where the committee it is made to sits.
PROTECTION_APPLIED = Figure(
    "justice.protection_applications",
    _("Witness protection applications"),
    ProtectionApplication,
    area="committee__",
    dated_by="applied_on",
)
PROTECTION_DECIDED = Figure(
    "justice.protection_decided",
    _("Witness protection applications decided by the committee"),
    ProtectionApplication,
    Q(decided_on__isnull=False),
    area="committee__",
    dated_by="decided_on",
    denominator="justice.protection_applications",
)
PROTECTION_ORDERED = Figure(
    "justice.protection_ordered",
    _("Witness protection orders made"),
    ProtectionApplication,
    Q(decided_on__isnull=False) & ~Q(status=ProtectionStatus.REFUSED),
    area="committee__",
    dated_by="decided_on",
    denominator="justice.protection_decided",
)
FIGURES = [
    FIRS,
    TRAFFICKING,
    SENT_TO_AHTU,
    CHARGESHEET_CLOCKS,
    CHARGESHEET_IN_TIME,
    DEFAULT_BAIL_GRANTED,
    CHILDREN_PRODUCED,
    CHILDREN_IN_24_HOURS,
    TRIALS_COMPLETED,
    CONVICTED,
    ACQUITTALS,
    HEARINGS,
    ADJOURNED,
    ADJOURNED_FOR_PROSECUTION,
    PROTECTION_APPLIED,
    PROTECTION_DECIDED,
    PROTECTION_ORDERED,
]


def court_table(where, column):
    """Per area part (``column`` of the police station: "id" for each
    station, "district_id" or "state_id"): trials completed, cases
    convicted, the conviction rate (NCRB's, in per cent), the median days
    from the FIR to the chargesheet (cases with a chargesheet), from the
    chargesheet to the judgment and from the FIR to the judgment (trials
    completed; the judgment's date is the day the trial concluded) and the
    acquittals by reason. Two queries, whatever the data."""
    key = f"police_station__{column}"
    cases = CriminalCase.objects.restrict(SYSTEM).filter(where)
    rows = {}
    measured = cases.filter(Q(trial_concluded_on__isnull=False) | Q(chargesheet_on__isnull=False))
    for part, fir_at, chargesheet, ended, convicted in measured.annotate(
        convicted=Exists(
            Judgment._base_manager.filter(
                trial__case=OuterRef("pk"), verdict=Judgment.Verdict.CONVICTED
            )
        )
    ).values_list(key, "fir_at", "chargesheet_on", "trial_concluded_on", "convicted"):
        row = rows.setdefault(part, _empty_row())
        fir = timezone.localtime(fir_at).date()
        if chargesheet:
            row["fir_to_chargesheet"].append((chargesheet - fir).days)
        if ended:
            row["completed"] += 1
            row["convicted"] += bool(convicted)
            row["fir_to_judgment"].append((ended - fir).days)
            if chargesheet:
                row["chargesheet_to_judgment"].append((ended - chargesheet).days)
    acquittals = (
        Judgment.objects.restrict(SYSTEM)
        .filter(trial__case__in=cases)
        .filter(verdict=Judgment.Verdict.ACQUITTED)
        .values(f"trial__case__{key}", "acquittal_reason")
        .order_by()
        .annotate(n=Count("pk"))
    )
    for r in acquittals:
        row = rows.setdefault(r[f"trial__case__{key}"], _empty_row())
        row["acquittals"][r["acquittal_reason"]] = r["n"]
    for row in rows.values():
        for span in SPANS:
            days = row.pop(span)
            row[f"median_days_{span}"] = median(days) if days else None
        row["conviction_rate"] = (
            round(100 * row["convicted"] / row["completed"], 1) if row["completed"] else None
        )
    return rows


SPANS = ("fir_to_chargesheet", "chargesheet_to_judgment", "fir_to_judgment")


def _empty_row():
    return {"completed": 0, "convicted": 0, "acquittals": {}, **{span: [] for span in SPANS}}


# Who opens the justice figures page: as compensation's, the district
# officials and state administrators, each for her agency's area.
FIGURE_ROLES = (Role.DISTRICT_OFFICIAL, Role.STATE_ADMINISTRATOR)


def official_area(user):
    """The agency whose area ``user`` sees the figures of, or None."""
    for m in user.active_memberships():
        if m.role in FIGURE_ROLES:
            return m.agency
    return None


def in_area(agency, path):
    """Q of the rows (through ``path``, e.g. "police_station__") in the
    agency's area; nothing when the agency cannot be placed (fail closed)."""
    where = area_q(agency, state=f"{path}state", district=f"{path}district")
    return Q(pk__in=[]) if where is None else where


def area_figures(agency):
    """Each named figure counted in the agency's area, with the figure it
    is a share of and the per cent: one query per figure, whatever the data."""
    counts = {f.name: f.count(where=in_area(agency, f.area)) for f in FIGURES}
    labels = {f.name: f.label for f in FIGURES}
    shown = []
    for f in FIGURES:
        n, of = counts[f.name], counts.get(f.denominator)
        shown.append(
            {
                "name": f.name,
                "label": f.label,
                "count": n,
                "denominator": labels.get(f.denominator),
                "of": of,
                "per_cent": round(100 * n / of, 1) if of else None,
            }
        )
    return shown


def _card(user):
    mine = [m.agency_id for m in user.active_memberships()]
    if not mine:
        return None
    now = timezone.now()
    clocks = Clock.objects.restrict(user, "view").filter(responsible__in=mine, met_at__isnull=True)
    # One pass over the open clocks, not four queries: the dashboard asks on
    # every visit.
    card = clocks.aggregate(
        missed=Count("pk", filter=Q(due_at__lt=now)),
        at_risk=Count("pk", filter=Q(due_at__gte=now, due_at__lte=now + AT_RISK)),
        running=Count("pk", filter=Q(due_at__gt=now + AT_RISK)),
    )
    return card if any(card.values()) else None


CARDS = [Card("justice/_card.html", _card, order=45)]

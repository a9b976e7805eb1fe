"""Justice figures: how cases are booked and investigated, how the
production clocks are met, and how trials end. Counted by police station,
district and state through the station (``area``). The dashboard card shows
the clocks the user's agencies must meet.

The conviction rate is NCRB's ("Crime in India"): cases in which the trial
ended in a conviction (of any accused, on any charge) divided by the cases
in which the trial was completed, not by the cases registered."""

from statistics import median

from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.core.access import SYSTEM
from sangam.core.figures import Card, Figure
from sangam.justice.models import (
    AT_RISK,
    ChargedSection,
    Clock,
    ClockKind,
    CriminalCase,
    Judgment,
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
]


def court_table(where, column):
    """Per area part (``column`` of the police station: "district_id" or
    "state_id"): trials completed, cases convicted, the conviction rate
    (NCRB's, in per cent), the median days from the FIR to the judgment
    and the acquittals by reason. Two queries, whatever the data."""
    key = f"police_station__{column}"
    completed = CriminalCase.objects.restrict(SYSTEM).filter(
        where, trial_concluded_on__isnull=False
    )
    rows = {}
    for part, fir_at, ended, convicted in completed.annotate(
        convicted=Exists(
            Judgment._base_manager.filter(
                trial__case=OuterRef("pk"), verdict=Judgment.Verdict.CONVICTED
            )
        )
    ).values_list(key, "fir_at", "trial_concluded_on", "convicted"):
        row = rows.setdefault(part, _empty_row())
        row["completed"] += 1
        row["convicted"] += bool(convicted)
        row["days"].append((ended - timezone.localtime(fir_at).date()).days)
    acquittals = (
        Judgment.objects.restrict(SYSTEM)
        .filter(trial__case__in=CriminalCase.objects.restrict(SYSTEM).filter(where))
        .filter(verdict=Judgment.Verdict.ACQUITTED)
        .values(f"trial__case__{key}", "acquittal_reason")
        .order_by()
        .annotate(n=Count("pk"))
    )
    for r in acquittals:
        row = rows.setdefault(r[f"trial__case__{key}"], _empty_row())
        row["acquittals"][r["acquittal_reason"]] = r["n"]
    for row in rows.values():
        days = row.pop("days")
        row["median_days_fir_to_judgment"] = median(days) if days else None
        row["conviction_rate"] = (
            round(100 * row["convicted"] / row["completed"], 1) if row["completed"] else None
        )
    return rows


def _empty_row():
    return {"completed": 0, "convicted": 0, "days": [], "acquittals": {}}


def _card(user):
    mine = [m.agency_id for m in user.active_memberships()]
    clocks = Clock.objects.restrict(user, "view").filter(responsible__in=mine, met_at__isnull=True)
    if not mine or not clocks.exists():
        return None
    now = timezone.now()
    return {
        "missed": clocks.filter(due_at__lt=now).count(),
        "at_risk": clocks.filter(due_at__gte=now, due_at__lte=now + AT_RISK).count(),
        "running": clocks.filter(due_at__gt=now + AT_RISK).count(),
    }


CARDS = [Card("justice/_card.html", _card, order=45)]

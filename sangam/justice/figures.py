"""Justice figures: how cases are booked and investigated, and how the
production clocks are met. Counted by police station, district and state
through the station (``area``). The dashboard card shows the clocks the
user's agencies must meet."""

from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.core.figures import Card, Figure
from sangam.justice.models import AT_RISK, ChargedSection, Clock, ClockKind, CriminalCase

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
FIGURES = [
    FIRS,
    TRAFFICKING,
    SENT_TO_AHTU,
    CHARGESHEET_CLOCKS,
    CHARGESHEET_IN_TIME,
    DEFAULT_BAIL_GRANTED,
    CHILDREN_PRODUCED,
    CHILDREN_IN_24_HOURS,
]


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

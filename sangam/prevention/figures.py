"""Prevention figures: what reaches at-risk families, one unit per indicator.

The MIS rolls the area figures up village → block → district → state and
counts the monthly ones by their date; figures only, never names.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.core.access import can
from sangam.core.figures import Card, Figure
from sangam.prevention.models import (
    Alert,
    CheckIn,
    Entitlement,
    Household,
    JobOfferCheck,
    Marriage,
    Member,
    Migration,
    MigrationStatus,
    MissingPerson,
    RecruiterComplaint,
)
from sangam.prevention.queries import alerts_for

HH = "household__"


def _overdue():
    today = timezone.localdate()
    return Q(status=MigrationStatus.NOT_REACHABLE) | Q(
        status=MigrationStatus.AWAY, next_checkin_due__lt=today
    )


# The MIS table, in its column order.
AREA = [
    Figure("prevention.households", _("Households mapped"), Household),
    Figure(
        "prevention.high_risk",
        _("High-risk households"),
        Household,
        Q(risk_level="high"),
        denominator="prevention.households",
    ),
    Figure(
        "prevention.women_girls",
        _("At-risk women and girls"),
        Member,
        Q(household__risk_level="high", sex="female"),
        area=HH,
    ),
    Figure(
        "prevention.migrants",
        _("Migrants tracked"),
        Migration,
        Q(status__in=[MigrationStatus.AWAY, MigrationStatus.NOT_REACHABLE]),
    ),
    Figure(
        "prevention.overdue",
        _("Check-ins overdue"),
        Migration,
        _overdue,
        denominator="prevention.migrants",
    ),
    Figure(
        "prevention.missing",
        _("Missing persons"),
        MissingPerson,
        Q(status=MissingPerson.Status.MISSING),
    ),
    Figure(
        "prevention.applied",
        _("Entitlements applied"),
        Entitlement,
        Q(status__in=["applied", "received", "rejected"]),
        area=HH,
    ),
    Figure(
        "prevention.received",
        _("Entitlements received"),
        Entitlement,
        Q(status="received"),
        area=HH,
        denominator="prevention.applied",
    ),
    Figure(
        "prevention.marriages_flagged",
        _("Marriages with a bride under 18"),
        Marriage,
        Q(bride_age__lt=18),
    ),
    Figure(
        "prevention.complaints",
        _("Recruiter complaints"),
        RecruiterComplaint,
        area="recruiter__migrations__",
        distinct=True,
    ),
]

# What happened in one month, in the monthly report's order.
MONTHLY = [
    Figure("prevention.surveyed", _("Households surveyed"), Household, dated_by="surveyed_on"),
    Figure(
        "prevention.surveyed_high_risk",
        _("of them high risk"),
        Household,
        Q(risk_level="high"),
        dated_by="surveyed_on",
        denominator="prevention.surveyed",
    ),
    Figure("prevention.left", _("People who left for work"), Migration, dated_by="left_on"),
    Figure("prevention.checkins", _("Check-ins made"), CheckIn, area="migration__", dated_by="on"),
    Figure("prevention.alerts_raised", _("Alerts raised"), Alert, dated_by="raised_on"),
    Figure("prevention.alerts_escalated", _("Alerts escalated"), Alert, dated_by="escalated_on"),
    Figure(
        "prevention.missing_reported",
        _("Missing persons reported"),
        MissingPerson,
        dated_by="date_missing",
    ),
    Figure(
        "prevention.entitlements_received",
        _("Entitlements received"),
        Entitlement,
        Q(status="received"),
        area=HH,
        dated_by="decided_on",
    ),
    Figure(
        "prevention.offers_checked", _("Job offers checked"), JobOfferCheck, dated_by="checked_on"
    ),
    Figure(
        "prevention.marriages_underage",
        _("Marriages with a bride under 18"),
        Marriage,
        Q(bride_age__lt=18),
        dated_by="married_on",
    ),
]

FIGURES = AREA + MONTHLY


def _card(user):
    """What is due in the villages she works: check-ins due or missed, and
    alerts that reached her. Not for those who keep no migration register."""
    if not can(user, Migration, "view"):
        return None
    today = timezone.localdate()
    away = Migration.objects.restrict(user, "view").filter(status=MigrationStatus.AWAY)
    return {
        "due": away.filter(next_checkin_due__lte=today).count(),
        "alerts": alerts_for(user).filter(status=Alert.Status.OPEN).count(),
    }


CARDS = [Card("prevention/_card.html", _card, order=15)]

"""Case figures: survivors in care and how their cases end. Public statistics
and accountability read these; the counts never carry a name."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sangam.cases.models import Case, Survivor
from sangam.core.figures import Figure

FIGURES = [
    Figure("cases.survivors", _("Survivors registered"), Survivor),
    Figure("cases.cases", _("Cases"), Case),
    Figure(
        "cases.open",
        _("Cases open"),
        Case,
        ~Q(status=Case.Status.CLOSED),
        denominator="cases.cases",
    ),
    Figure(
        "cases.closed_reintegrated",
        _("Cases closed with the survivor reintegrated"),
        Case,
        Q(
            status=Case.Status.CLOSED,
            outcome__in=[Case.Outcome.REINTEGRATED_FAMILY, Case.Outcome.REINTEGRATED_COMMUNITY],
        ),
        denominator="cases.cases",
    ),
]
CARDS = []

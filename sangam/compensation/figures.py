"""Compensation figures: counts (never names) for the dashboards, the MIS
and, later, public statistics, per district and state."""

from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext_lazy as _

from sangam.compensation.models import (
    BondedLabourRelease,
    DocumentRecovery,
    DocumentStatus,
    LegalAidApplication,
)
from sangam.core.access import SYSTEM
from sangam.core.areas import area_q
from sangam.core.figures import Card, Figure
from sangam.core.roles import Role

# Bonded labour and legal aid

AGENCY = "agency__"
CERTIFIED = Q(certificate_issued_on__isnull=False)
IMMEDIATE_PAID = Q(immediate_assistance_paid_on__isnull=False)
WITHIN_LIMIT = IMMEDIATE_PAID & Q(
    immediate_assistance_amount__lte=F("scheme__immediate_assistance_limit")
)
SANCTIONED = Q(sanctioned_on__isnull=False)
FINAL_PAID = Q(dbt_paid_on__isnull=False) | Q(annuity_deposited_on__isnull=False)
ASSIGNED = Q(assigned_on__isnull=False)
RECOVERED = Q(status=DocumentStatus.ISSUED)

BONDED = [
    Figure(
        "compensation.release_certificates",
        _("Bonded-labour release certificates issued"),
        BondedLabourRelease,
        CERTIFIED,
        area=AGENCY,
        dated_by="certificate_issued_on",
    ),
    Figure(
        "compensation.immediate_assistance_within_limit",
        _("Immediate assistance paid within the scheme's limit"),
        BondedLabourRelease,
        WITHIN_LIMIT,
        area=AGENCY,
        dated_by="immediate_assistance_paid_on",
        denominator="compensation.release_certificates",
    ),
    Figure(
        "compensation.final_assistance_sanctioned",
        _("Final rehabilitation assistance sanctioned"),
        BondedLabourRelease,
        SANCTIONED,
        area=AGENCY,
        dated_by="sanctioned_on",
        denominator="compensation.release_certificates",
    ),
    Figure(
        "compensation.final_assistance_paid",
        _("Final rehabilitation assistance paid"),
        BondedLabourRelease,
        FINAL_PAID,
        area=AGENCY,
        denominator="compensation.final_assistance_sanctioned",
    ),
    Figure(
        "compensation.legal_aid_applications",
        _("Applications for free legal aid"),
        LegalAidApplication,
        area="authority__",
        dated_by="applied_on",
    ),
    Figure(
        "compensation.lawyers_assigned",
        _("Legal aid applications with a panel lawyer assigned"),
        LegalAidApplication,
        ASSIGNED,
        area="authority__",
        dated_by="assigned_on",
        denominator="compensation.legal_aid_applications",
    ),
    Figure(
        "compensation.documents_recovered",
        _("Documents recovered for survivors"),
        DocumentRecovery,
        RECOVERED,
        area=AGENCY,
        dated_by="issued_on",
    ),
]


def _area(agency, path):
    return area_q(agency, state=f"{path}__state", district=f"{path}__district")


def bonded_figures(agency):
    """The counts and rupees of ``agency``'s area, as Sangam itself (counts,
    never names): three queries whatever the data; None for no area."""
    area = _area(agency, "agency")
    if area is None:
        return None
    releases = (
        BondedLabourRelease.objects.restrict(SYSTEM)
        .filter(area)
        .aggregate(
            certificates=Count("pk", filter=CERTIFIED),
            immediate_paid=Count("pk", filter=WITHIN_LIMIT),
            immediate_amount=Sum("immediate_assistance_amount", filter=IMMEDIATE_PAID),
            sanctioned=Count("pk", filter=SANCTIONED),
            sanctioned_amount=Sum("assistance_amount", filter=SANCTIONED),
            paid=Count("pk", filter=FINAL_PAID),
            paid_amount=Sum("dbt_amount", filter=Q(dbt_paid_on__isnull=False)),
            annuity_amount=Sum("annuity_amount", filter=Q(annuity_deposited_on__isnull=False)),
        )
    )
    legal = LegalAidApplication.objects.restrict(SYSTEM).filter(_area(agency, "authority"))
    legal = legal.aggregate(applications=Count("pk"), lawyers=Count("pk", filter=ASSIGNED))
    documents = DocumentRecovery.objects.restrict(SYSTEM).filter(area)
    documents = documents.aggregate(recovered=Count("pk", filter=RECOVERED))
    return {**releases, **legal, **documents}


# Who sees the district's (or state's) bonded-labour and legal-aid figures:
# the DM/SDM of her district, district officials and state administrators.
FIGURE_ROLES = {Role.DISTRICT_MAGISTRATE, Role.DISTRICT_OFFICIAL, Role.STATE_ADMINISTRATOR}


def _card(user):
    for membership in user.active_memberships():
        if membership.role not in FIGURE_ROLES:
            continue
        agency = membership.agency
        figures = bonded_figures(agency)
        if figures is not None:
            return {"agency": agency, **figures}
    return None


CARDS = [Card("compensation/_bonded_card.html", _card, order=45)]
FIGURES = BONDED

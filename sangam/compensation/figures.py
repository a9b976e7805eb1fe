"""Compensation figures: claims filed, decided in time, awarded and paid.
Counts for dashboards, the MIS and public statistics (never a name); the
district and state table adds amounts and medians in a fixed number of
queries whatever the number of claims."""

from statistics import median

from django.db.models import Count, F, Min, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.compensation.models import (
    BondedLabourRelease,
    Claim,
    ClaimDocument,
    ClaimPayment,
    DocumentRecovery,
    DocumentStatus,
    LegalAidApplication,
)
from sangam.compensation.models.claims import PENDING, Status
from sangam.core.access import SYSTEM, can
from sangam.core.areas import area_q
from sangam.core.figures import Card, Figure
from sangam.core.roles import Role

# Claims
FILED = Figure(
    "compensation.claims_filed",
    _("Compensation claims filed"),
    Claim,
    Q(applied_on__isnull=False),
    area="authority__",
    dated_by="applied_on",
)
PENDING_CLAIMS = Figure(
    "compensation.claims_pending",
    _("Compensation claims awaiting a decision"),
    Claim,
    Q(status__in=PENDING),
    area="authority__",
    denominator="compensation.claims_filed",
)
PAST_LIMIT = Figure(
    "compensation.claims_past_inquiry_limit",
    _("Compensation claims past the inquiry limit"),
    Claim,
    lambda: Q(status__in=PENDING, inquiry_due_on__lt=timezone.localdate()),
    area="authority__",
    denominator="compensation.claims_pending",
)
INTERIM_IN_TIME = Figure(
    "compensation.interim_paid_in_time",
    _("Claims whose interim relief was paid in time"),
    Claim,
    Q(payments__kind=ClaimPayment.Kind.INTERIM, payments__paid_on__lte=F("interim_due_on")),
    area="authority__",
    distinct=True,
    denominator="compensation.claims_filed",
)
AWARDED = Figure(
    "compensation.claims_awarded",
    _("Compensation claims awarded"),
    Claim,
    Q(award_amount__isnull=False),
    area="authority__",
    dated_by="award_order_date",
    denominator="compensation.claims_filed",
)
PAID = Figure(
    "compensation.claims_paid",
    _("Compensation claims paid in full"),
    Claim,
    Q(status=Status.PAID),
    area="authority__",
    denominator="compensation.claims_awarded",
)
FIGURES = [FILED, PENDING_CLAIMS, PAST_LIMIT, INTERIM_IN_TIME, AWARDED, PAID]


def table(where, column):
    """Per area part (``column`` of the deciding authority: "district_id" or
    "state_id"): claims filed, past the limit, interim paid in time, amounts
    awarded and paid, median days application → award and award → payment.
    Four queries, whatever the number of claims."""
    today = timezone.localdate()
    key = f"authority__{column}"
    claims = Claim.objects.restrict(SYSTEM).filter(where, applied_on__isnull=False)
    rows = {
        r[key]: {**r, "paid": 0, "interim_in_time": 0, "days_to_award": [], "days_to_pay": []}
        for r in claims.values(key)
        .order_by()
        .annotate(
            filed=Count("pk"),
            past_limit=Count("pk", filter=Q(status__in=PENDING, inquiry_due_on__lt=today)),
            awarded=Sum("award_amount"),
        )
    }
    payments = ClaimPayment.objects.restrict(SYSTEM).filter(claim__in=claims)
    for r in payments.values(f"claim__{key}").order_by().annotate(paid=Sum("amount")):
        rows[r[f"claim__{key}"]]["paid"] = r["paid"]
    in_time = claims.filter(INTERIM_IN_TIME.condition()).values(key).order_by()
    for r in in_time.annotate(n=Count("pk", distinct=True)):
        rows[r[key]]["interim_in_time"] = r["n"]
    first_paid = (
        claims.filter(award_order_date__isnull=False)
        .annotate(
            first=Min("payments__paid_on", filter=~Q(payments__kind=ClaimPayment.Kind.INTERIM))
        )
        .values_list(key, "applied_on", "award_order_date", "first")
    )
    for part, applied, ordered, paid in first_paid:
        rows[part]["days_to_award"].append((ordered - applied).days)
        if paid:
            rows[part]["days_to_pay"].append((paid - ordered).days)
    for row in rows.values():
        row["past_limit_share"] = round(100 * row["past_limit"] / row["filed"])
        for name in ("days_to_award", "days_to_pay"):
            row[f"median_{name}"] = median(row[name]) if row[name] else None
            del row[name]
    return rows


def _official_area(user):
    for m in user.active_memberships():
        if m.role in (Role.DISTRICT_OFFICIAL, Role.STATE_ADMINISTRATOR):
            return m.agency
    return None


def _card(user):
    """Claims waiting and overdue for those who work them; the area's counts
    (no names) for a district official."""
    if can(user, Claim, "view"):
        claims = Claim.objects.restrict(user, "view")
        today = timezone.localdate()
        counts = claims.aggregate(
            pending=Count("pk", filter=Q(status__in=PENDING)),
            past_limit=Count("pk", filter=Q(status__in=PENDING, inquiry_due_on__lt=today)),
            interim_due=Count(
                "pk",
                filter=Q(
                    status__in=PENDING, interim_amount__isnull=True, interim_due_on__lte=today
                ),
            ),
        )
        counts["waiting"] = (
            ClaimDocument.objects.restrict(user, "view")
            .filter(state=ClaimDocument.State.REQUESTED, claim__status__in=PENDING)
            .values("claim")
            .distinct()
            .count()
        )
        return {"mine": True, **counts}
    agency = _official_area(user)
    if agency is None:
        return None
    from sangam.compensation.queries import in_district_or_state

    area = in_district_or_state(agency)
    return {
        "mine": False,
        "filed": FILED.count(where=area),
        "pending": PENDING_CLAIMS.count(where=area),
        "past_limit": PAST_LIMIT.count(where=area),
    }


CARDS = [Card("compensation/_card.html", _card, order=35)]


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


def _rehabilitation_card(user):
    for membership in user.active_memberships():
        if membership.role not in FIGURE_ROLES:
            continue
        agency = membership.agency
        figures = bonded_figures(agency)
        if figures is not None:
            return {"agency": agency, **figures}
    return None


CARDS += [Card("compensation/_bonded_card.html", _rehabilitation_card, order=45)]
FIGURES += BONDED

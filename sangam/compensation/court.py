"""A trial court's recommendation of compensation reaches her claim: the
judgment on her police case (justice) records the amount, and this opens or
updates the claim the legal services authority decides (BNSS 396(2)-(3)).
Justice only announces the judgment (``compensation_recommended``, heard in
signals.py), so justice never imports compensation."""

from django.db import transaction
from django.utils.translation import gettext as _

from sangam.agencies.models import AgencyType
from sangam.cases.models import Case, Survivor
from sangam.compensation import workflow
from sangam.compensation.models import Claim, Status
from sangam.compensation.models.claims import Basis, Route
from sangam.compensation.queries import authorities, from_police_case, scheme_for
from sangam.core.access import SYSTEM

CLOSED_CLAIMS = (Status.REJECTED, Status.WITHDRAWN, Status.CLOSED)


@transaction.atomic
def court_recommended(user, criminal_case, on, amount):
    """A judgment on her police case recommended compensation (BNSS
    396(2)-(3)). Each victim's claim still open records it, the one on this
    case first; a victim without one gets a claim opened for her, route
    "court", prepared with the agency of her open case and decided by the
    DLSA of the police station's district, when her consent lets that DLSA
    see legal matters. Returns the claims touched."""
    victims = criminal_case.victims.through.objects.filter(criminalcase=criminal_case)
    station = criminal_case.police_station
    dlsa = authorities().filter(type=AgencyType.DLSA, district=station.district_id).first()
    touched = []
    for survivor_id in victims.values_list("survivor_id", flat=True):
        open_claims = Claim.objects.restrict(SYSTEM).filter(survivor_id=survivor_id)
        open_claims = open_claims.exclude(status__in=CLOSED_CLAIMS).order_by("pk")
        claim = open_claims.filter(criminal_case=criminal_case).first() or open_claims.first()
        if claim is not None:
            claim.court_recommended_amount, claim.court_recommended_on = amount, on
            claim.criminal_case = claim.criminal_case or criminal_case
            claim.version += 1  # an edit page opened before is stale now
            claim.save()
            touched.append(claim)
            continue
        serving = (
            Case.objects.restrict(SYSTEM)
            .filter(survivor_id=survivor_id, status=Case.Status.OPEN)
            .order_by("-pk")
            .first()
        )
        survivor = Survivor.objects.restrict(SYSTEM).get(pk=survivor_id)
        if dlsa is None or serving is None or not workflow.has_legal_consent(survivor, dlsa):
            continue
        claim = Claim(
            survivor=survivor,
            case=serving,
            serving_agency_id=serving.agency_id,
            authority=dlsa,
            scheme=scheme_for(dlsa),
            route=Route.COURT,
            basis=Basis.OFFENCE,
            district_id=station.district_id,
            criminal_case=criminal_case,
            age_at_application=survivor.age_on(),
            court_recommended_amount=amount,
            court_recommended_on=on,
            **from_police_case(SYSTEM, criminal_case),
        )
        if claim.scheme is None:
            continue
        reason = _("Opened on the court's recommendation in the judgment.")
        touched.append(workflow.save_new(user, claim, (), (), reason))
    return touched

"""Restricted look-ups of claims shared by the pages and the API, and what
a claim opened from her case is pre-filled with."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from sangam.agencies.models import Agency
from sangam.cases import htcds
from sangam.cases.models import Case, Intake, Survivor
from sangam.compensation.models import (
    BondedLabourEvent,
    BondedLabourRelease,
    Claim,
    ClaimDocument,
    DocumentEvent,
    DocumentRecovery,
    LegalAidApplication,
    LegalAidEvent,
    SchemeVersion,
    VigilanceCommitteeMeeting,
)
from sangam.compensation.models.claims import PENDING, Basis
from sangam.compensation.workflow import AUTHORITY_TYPES

RELATED = ("authority", "serving_agency", "scheme", "district")
BOXES = ("all", "pending", "past_limit", "waiting")


def claims_for(user, box="all", today=None):
    """(box, claims) the user may see; an unknown box is "all"."""
    today = today or timezone.localdate()
    claims = Claim.objects.restrict(user, "view").select_related(*RELATED)
    if box == "pending":
        return box, claims.filter(status__in=PENDING)
    if box == "past_limit":
        return box, claims.filter(status__in=PENDING, inquiry_due_on__lt=today)
    if box == "waiting":
        waiting = ClaimDocument.objects.restrict(user, "view").filter(
            state=ClaimDocument.State.REQUESTED
        )
        return box, claims.filter(pk__in=waiting.values("claim"))
    return "all", claims


def get_claim_for_user(user, pk, action="view"):
    """The claim if ``user`` may ``action`` it, else 404 (unknown or forbidden alike)."""
    return get_object_or_404(Claim.objects.restrict(user, action).select_related(*RELATED), pk=pk)


def waiting_documents(user, claims):
    """{claim id: [(document, asked whom, since)]} of the documents requested."""
    rows = (
        ClaimDocument.objects.restrict(user, "view")
        .filter(claim__in=claims, state=ClaimDocument.State.REQUESTED)
        .order_by("claim", "kind")
    )
    found = {}
    for doc in rows:
        found.setdefault(doc.claim_id, []).append(doc)
    return found


def authorities():
    return Agency.objects.filter(type__in=AUTHORITY_TYPES, is_active=True).select_related(
        "state", "district"
    )


def the_survivor(user, claim):
    """Her record as far as her consent lets ``user`` see it, else None."""
    return Survivor.objects.restrict(user, "view").filter(pk=claim.survivor_id).first()


def agencies_involved(user, claim):
    """The agencies with a case of hers that ``user`` may see, and the police
    holding her police case (the claim names its station already)."""
    cases = Case.objects.restrict(user, "view").filter(survivor_id=claim.survivor_id)
    ids = set(cases.values_list("agency", flat=True))
    police = police_cases_of(user, claim.survivor_id).filter(pk=claim.criminal_case_id)
    for row in police.values_list("police_station", "ahtu", "prosecution"):
        ids |= {pk for pk in row if pk}
    return list(Agency.objects.filter(pk__in=ids).order_by("name"))


def police_cases_of(user, survivor_id):
    """Her police cases (justice) that ``user`` may see: her "legal" consent
    decides for everyone but the police and the prosecution holding them."""
    from sangam.justice import queries as justice

    return justice.victim_cases(user, survivor_id)


def police_case_of(user, record):
    """The police case a claim or a release links, if ``user`` may see it."""
    if not record.criminal_case_id:
        return None
    return police_cases_of(user, record.survivor_id).filter(pk=record.criminal_case_id).first()


def fir_number_of(user, claim):
    """The FIR number: the claim's own, else her police case's (kept there
    only, so it is never a second copy), as far as ``user`` may see it."""
    if claim.fir_number:
        return claim.fir_number
    case = police_case_of(user, claim)
    return case.fir_number if case else ""


def from_police_case(user, criminal_case):
    """The claim's FIR fields as her police case records them (the sections
    still charged, as ``user`` may see them). The FIR number itself stays on
    the case: the claim reads it from there."""
    from sangam.justice.models import ChargedSection

    charged = (
        ChargedSection.objects.restrict(user, "view")
        .filter(case=criminal_case, dropped_on__isnull=True)
        .select_related("offence")
    )
    return {
        "fir_number": "",
        "fir_date": criminal_case.fir_date,
        "police_station": criminal_case.police_station.name,
        "sections": ", ".join(sorted({str(s.offence) for s in charged})),
    }


# What her case's "documents the person has" stand for on the checklist.
DOCUMENT_OF_CASE = {
    "aadhaar": ClaimDocument.Kind.IDENTITY,
    "voter_id": ClaimDocument.Kind.IDENTITY,
    "ration_card": ClaimDocument.Kind.IDENTITY,
    "birth_certificate": ClaimDocument.Kind.AGE,
    "school_certificate": ClaimDocument.Kind.AGE,
    "bank_account": ClaimDocument.Kind.PASSBOOK,
}


def offence_summary(intake):
    """The offence in the words of her recorded account's classification."""
    labels = dict(htcds.EXPLOITATION_TYPES)
    kinds = [str(labels.get(k, k)) for k in intake.exploitation_types or []]
    status = dict(htcds.TRAFFICKING_STATUS).get(intake.trafficking_status, "")
    return "; ".join(str(x) for x in [status, ", ".join(kinds)] if x)


def prefill(user, case):
    """What the claim form starts from, read from her case (told once): her
    age, where it happened and where she lives, what happened as her account
    names it, the documents she holds and the authority of that district."""
    survivor = case.survivor
    intake = Intake.objects.restrict(user, "view").filter(survivor=survivor).first()
    exploited_in = intake.exploited_in if intake else None
    district = exploited_in or survivor.origin_district
    initial = {
        "basis": Basis.OFFENCE if exploited_in else Basis.RESIDENCE,
        "district": district.pk if district else None,
        "age_at_application": survivor.age_on(),
        "trafficking": not intake or intake.trafficking_status != "not_victim",
    }
    if intake is not None:
        initial["offence"] = offence_summary(intake)
    police_case = police_cases_of(user, survivor.pk).first()
    if police_case is not None:
        initial["criminal_case"] = police_case.pk
        initial |= from_police_case(user, police_case)
        initial["fir_number"] = police_case.fir_number  # shown; saved on the case only
    if district is not None:
        dlsa = authorities().filter(type="dlsa", district=district).first()
        if dlsa is not None:
            initial["authority"] = dlsa.pk
    held = {
        DOCUMENT_OF_CASE[k]
        for k, v in (survivor.documents or {}).items()
        if v == "held" and k in DOCUMENT_OF_CASE
    }
    return initial, held


def scheme_for(authority, on=None):
    return SchemeVersion.for_state(authority.state, on)


def in_district_or_state(agency):
    """Q of claims decided in the official's area (by the deciding authority's place)."""
    from sangam.core.areas import area_q

    return area_q(agency, state="authority__state", district="authority__district") or Q(pk__in=[])


# Bonded labour and legal aid
# Bonded labour and legal aid

RELEASE_RELATED = ("agency", "agency__state", "scheme", "category", "native_district__state")


def releases_for(user):
    return (
        BondedLabourRelease.objects.restrict(user, "view")
        .select_related(*RELEASE_RELATED)
        .order_by("-identified_on", "-pk")
    )


def get_release_for_user(user, pk, action="view"):
    """The release case ``pk`` if ``user`` may ``action`` it, else 404."""
    return get_object_or_404(
        BondedLabourRelease.objects.restrict(user, action).select_related(*RELEASE_RELATED), pk=pk
    )


def release_events(user, release):
    return BondedLabourEvent.objects.restrict(user, "view").filter(release=release)


def meetings_for(user):
    return VigilanceCommitteeMeeting.objects.restrict(user, "view").select_related("agency")


def get_meeting_for_user(user, pk, action="view"):
    return get_object_or_404(
        VigilanceCommitteeMeeting.objects.restrict(user, action).select_related("agency"), pk=pk
    )


def legal_aid_for(user):
    return (
        LegalAidApplication.objects.restrict(user, "view")
        .select_related("agency", "authority")
        .order_by("-applied_on", "-pk")
    )


def get_legal_aid_for_user(user, pk, action="view"):
    return get_object_or_404(
        LegalAidApplication.objects.restrict(user, action).select_related("agency", "authority"),
        pk=pk,
    )


def legal_aid_events(user, application):
    return LegalAidEvent.objects.restrict(user, "view").filter(application=application)


def documents_for(user):
    return (
        DocumentRecovery.objects.restrict(user, "view")
        .select_related("agency")
        .order_by("survivor", "kind", "pk")
    )


def get_document_for_user(user, pk, action="view"):
    return get_object_or_404(
        DocumentRecovery.objects.restrict(user, action).select_related("agency"), pk=pk
    )


def document_events(user, recovery):
    return DocumentEvent.objects.restrict(user, "view").filter(recovery=recovery)


def visible_survivor(user, survivor_id):
    """Her record as far as her consent lets ``user`` see it, or None."""
    return Survivor.objects.restrict(user, "view").filter(pk=survivor_id).first()


def visible_survivors(user, ids):
    """{id: survivor} of those of ``ids`` the user may see, in one query."""
    return {s.pk: s for s in Survivor.objects.restrict(user, "view").filter(pk__in=set(ids))}

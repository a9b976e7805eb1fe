"""Demo compensation claims of the three demo survivors in Malda, worked by
demo.caseworker (the NGO) and decided by demo.legal (DLSA Malda): one past
its inquiry limit, one awarded and paid into a new Jan Dhan account, one
handed over to the DLSA in Delhi (where she was exploited). Idempotent;
every number is synthetic."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from sangam.accounts.models import User
from sangam.agencies.models import Agency, AgencyType
from sangam.cases import workflow as cases_workflow
from sangam.cases.forms import ConsentForm
from sangam.cases.models import Case
from sangam.compensation import workflow
from sangam.compensation.models import Claim, ClaimDocument, ClaimPayment, SchemeVersion
from sangam.compensation.queries import from_police_case, police_cases_of
from sangam.core.access import SYSTEM


def _fresh(claim):
    return Claim.objects.restrict(SYSTEM).get(pk=claim.pk)


def _consent(worker, survivor):
    form = ConsentForm(
        {
            "given_by": "survivor",
            "manner": "in_person",
            "purpose": "Victim compensation claim",
            "language": "ben",
            "witness": "Caseworker (synthetic)",
            "agency_types": [AgencyType.DLSA],
            "categories": ["identity", "legal"],
        }
    )
    if not form.is_valid():  # the demo's own data: a broken form is a bug here
        raise ValueError(form.errors.as_json())
    cases_workflow.record_consent(worker, survivor, form)


@transaction.atomic
def seed_compensation():
    users = {
        u.username: u
        for u in User.objects.restrict(SYSTEM).filter(
            username__in=["demo.caseworker", "demo.legal"]
        )
    }
    worker, legal = users.get("demo.caseworker"), users.get("demo.legal")
    if worker is None or legal is None:
        return 0
    ngo = worker.active_memberships()[0].agency
    dlsa = legal.active_memberships()[0].agency
    if Claim.objects.restrict(SYSTEM).filter(serving_agency=ngo).exists():
        return 0
    delhi = Agency.objects.filter(type=AgencyType.DLSA, state__code="IN-DL").first()
    scheme = SchemeVersion.for_state(dlsa.state)
    harms = {h.code: h for h in scheme.harms.all()}
    today = timezone.localdate()
    cases = list(
        Case.objects.restrict(SYSTEM).filter(agency=ngo).select_related("survivor").order_by("pk")
    )[:3]
    made = []
    for case, (harm, days_ago) in zip(
        cases, [("rape", 80), ("unnatural_sexual_assault", 120), ("gang_rape", 10)], strict=False
    ):
        _consent(worker, case.survivor)
        claim = Claim(
            survivor=case.survivor,
            case=case,
            serving_agency=ngo,
            authority=dlsa,
            scheme=scheme,
            district=dlsa.district,
            offence="Synthetic: trafficked and sexually exploited",
            offence_date=today - timedelta(days=days_ago + 30),
            age_at_application=case.survivor.age_on(),
        )
        # Told once: a survivor of the demo rescue has her FIR on Sangam.
        police = police_cases_of(SYSTEM, case.survivor_id).first()
        if police is not None:
            claim.criminal_case = police
            for field, value in from_police_case(SYSTEM, police).items():
                setattr(claim, field, value)
        workflow.create(worker, claim, [harms[harm]])
        workflow.file(worker, claim, today - timedelta(days=days_ago), expected_version=1)
        made.append(_fresh(claim))
    if not made:
        return 0
    # Past its inquiry limit: the police report is still awaited.
    first = made[0]
    workflow.transition(legal, first, "inquiry", expected_version=first.version)
    doc = ClaimDocument.objects.restrict(SYSTEM).get(claim=first, kind="fir")
    doc.state, doc.on, doc.asked_whom = "requested", today - timedelta(days=70), "Sadar PS (demo)"
    workflow.update_document(legal, first, doc, expected_version=_fresh(first).version)
    if len(made) > 1:
        second = made[1]
        workflow.record_interim(
            legal,
            second,
            {
                "interim_requested_on": second.applied_on,
                "interim_certificate": "police",
                "interim_ordered_on": second.applied_on,
                "interim_order_number": "DLSA/MLD/IR/1 (demo)",
                "interim_amount": 175000,
            },
            expected_version=second.version,
        )
        second = _fresh(second)
        workflow.record_account(
            legal,
            second,
            {
                "account_status": "opened",
                "account_applied_on": second.applied_on,
                "account_opened_on": second.applied_on + timedelta(days=3),
                "account_pmjdy": True,
                "bank_name": "Demo Gramin Bank, Malda",
                "account_number": "99990000123456",
            },
            expected_version=second.version,
        )
        second = _fresh(second)
        workflow.record_payment(
            legal,
            second,
            ClaimPayment(
                kind="interim", amount=10000, paid_on=second.applied_on + timedelta(days=4)
            ),
            expected_version=second.version,
        )
        second = _fresh(second)
        workflow.award(
            legal,
            second,
            amount=600000,
            order_number="DLSA/MLD/VC/7 (demo)",
            order_date=second.applied_on + timedelta(days=55),
            expected_version=second.version,
        )
        second = _fresh(second)
        workflow.record_payment(
            legal,
            second,
            ClaimPayment(
                kind="award",
                amount=600000,
                paid_on=second.award_order_date + timedelta(days=20),
                reference="UTR-DEMO-0001",
            ),
            expected_version=second.version,
        )
    if len(made) > 2 and delhi is not None:
        third = made[2]
        workflow.hand_over(
            legal,
            third,
            delhi,
            "Synthetic: she was exploited in Delhi and now lives there",
            expected_version=third.version,
        )
    return len(made)

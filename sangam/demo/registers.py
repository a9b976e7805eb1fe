"""More of the demo CRP's village registers, kept through the registers'
own workflow: entitlements a household applied for, and a father away for
work, whom she called this month, and a job offer she checked. Idempotent; everything synthetic."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from sangam.accounts.models import User
from sangam.core.access import SYSTEM
from sangam.geography.models import State
from sangam.prevention import workflow
from sangam.prevention.models import Entitlement, Household, JobOfferCheck, Member, Migration

REGISTER_NO = "DM-2"


@transaction.atomic
def seed_registers():
    """Returns the number of register entries created (0 when already there)."""
    crp = User.objects.restrict(SYSTEM).filter(username="demo.crp").first()
    # The poor household of the second village whose father migrates for work
    # and whose daughter left school (sangam/demo/prevention.py).
    household = (
        Household.objects.restrict(SYSTEM)
        .filter(village__name="Demo Kaliachak Tola (synthetic)", code="D2-002")
        .first()
    )
    if crp is None or household is None:
        return 0
    created = 0
    today = timezone.localdate()
    if not Entitlement.objects.restrict(SYSTEM).filter(household=household).exists():
        for kind, status, days in (
            ("antyodaya", Entitlement.Status.APPLIED, ""),
            ("school_admission", Entitlement.Status.APPLIED, ""),
            ("mgnregs", Entitlement.Status.RECEIVED, "34"),
        ):
            workflow.record_entitlement(crp, household, kind, status, days_worked=days)
            created += 1
    if (
        not Migration.objects.restrict(SYSTEM)
        .filter(village=household.village, register_no=REGISTER_NO)
        .exists()
    ):
        father = Member.objects.restrict(SYSTEM).get(household=household, serial=1)
        migration = Migration(
            household=household, member=father, village=household.village, register_no=REGISTER_NO,
            left_on=today - timedelta(days=35), destination_state=State.objects.get(code="IN-MH"),
            destination_place="Mumbai", work="Construction site (synthetic)",
            contact_name="Wife (synthetic)", contact_phone="+91 99999 55555",
        )  # fmt: skip
        workflow.record_migration(migration, crp)
        workflow.record_checkin(migration, True, today - timedelta(days=4),
                                "Synthetic: he is well and paid every week.", crp)  # fmt: skip
        created += 2
    if not JobOfferCheck.objects.restrict(SYSTEM).filter(village=household.village).exists():
        # A neighbour's son was offered work; the CRP walked through it with him.
        workflow.check_job_offer(
            crp, household.village, "Hotel work in Bengaluru, Rs 18,000 a month (synthetic)",
            ["advance_fee", "no_contract"],
        )  # fmt: skip
        created += 1
    return created

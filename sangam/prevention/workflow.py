"""What happens when registers change: household indicators that follow
from the registers, check-ins, alerts and their escalation, and turning an
alert into a missing-person report."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.lookups import GreaterThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext as _

from sangam.agencies.notify import site_link, staff_emails
from sangam.core import notify
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.prevention import index, jobcheck
from sangam.prevention.models import (
    Alert,
    AlertLevel,
    CheckIn,
    Entitlement,
    Household,
    JobOfferCheck,
    Member,
    Migration,
    MigrationStatus,
    MissingPerson,
    Relation,
    Schooling,
)


def derive_indicators(households):
    """{indicator: the households of ``households`` (a queryset) whose
    registers show it and that are not ticked for it yet}: the one rule
    for the indicators that follow from the registers, used by the pages
    (one household) and the imports (whole districts, set-based)."""
    this_year = timezone.localdate().year
    members = Member.objects.restrict(SYSTEM).filter(household=OuterRef("pk"))
    migrations = Migration.objects.restrict(SYSTEM).filter(household=OuterRef("pk"))
    moves = Subquery(migrations.order_by().values("household").annotate(n=Count("pk")).values("n"))
    shown = {
        "child_out_of_school": Exists(
            members.filter(
                birth_year__gte=this_year - 17,
                birth_year__lte=this_year - 6,
                schooling__in=[Schooling.DROPPED_OUT, Schooling.NEVER],
            )
        ),
        "member_left_with_agent": Exists(
            migrations.filter(Q(recruiter__isnull=False) | ~Q(agent_name=""))
        ),
        "frequent_migration": GreaterThanOrEqual(moves, 2),
        "member_missing": Exists(
            MissingPerson.objects.restrict(SYSTEM).filter(
                household=OuterRef("pk"), status=MissingPerson.Status.MISSING
            )
        ),
    }
    return {code: households.filter(rule, **{code: False}) for code, rule in shown.items()}


def refresh_household(household):
    """Set the indicators the registers show (never cleared here: a CRP
    unticks them herself), then rescore."""
    one = Household.objects.restrict(SYSTEM).filter(pk=household.pk)
    changed = [code for code, to_tick in derive_indicators(one).items() if to_tick.exists()]
    if changed:
        for field in changed:
            setattr(household, field, True)
        household.save(update_fields=changed)
    return index.rescore(household)


@transaction.atomic
def record_migration(migration, user):
    migration.created_by = user
    migration.schedule_next(migration.left_on)
    migration.save()
    Member.objects.restrict(SYSTEM).filter(pk=migration.member_id).update(is_away=True)
    refresh_household(migration.household)
    return migration


@transaction.atomic
def record_checkin(migration, reached, on, note, user):
    """A CRP's call: back in touch moves the next due date and closes any
    alert; not reachable raises one at once."""
    checkin = CheckIn.objects.create(
        migration=migration, reached=reached, on=on, note=note, created_by=user
    )
    if reached:
        migration.last_contact_on = on
        migration.status = MigrationStatus.AWAY
        migration.schedule_next(on)
        Alert.objects.restrict(SYSTEM).filter(migration=migration, status=Alert.Status.OPEN).update(
            status=Alert.Status.RESOLVED
        )
    else:
        migration.status = MigrationStatus.NOT_REACHABLE
        if (
            not Alert.objects.restrict(SYSTEM)
            .filter(migration=migration, status=Alert.Status.OPEN)
            .exists()
        ):
            Alert.objects.create(
                migration=migration,
                village_id=migration.village_id,
                reason=Alert.Reason.NOT_REACHABLE,
                raised_on=on,
                created_by=user,
            )
    migration.save(update_fields=["last_contact_on", "status", "next_checkin_due", "updated_at"])
    return checkin


def run_checkins(today=None, notify=True):
    """The daily run: raise an alert for every missed check-in and escalate
    open alerts by how long the person has been out of touch. Set-based;
    returns (raised, escalated to block, escalated to AHTU)."""
    today = today or timezone.localdate()
    open_alert = Alert.objects.restrict(SYSTEM).filter(
        migration=OuterRef("pk"), status=Alert.Status.OPEN
    )
    overdue = (
        Migration.objects.restrict(SYSTEM)
        .filter(status=MigrationStatus.AWAY, next_checkin_due__lt=today)
        .exclude(Exists(open_alert))
        .values_list("pk", "village_id", "block_id", "district_id")
    )
    with transaction.atomic():
        new = [
            Alert(
                migration_id=pk,
                village_id=village,
                block_id=block,
                district_id=district,
                reason=Alert.Reason.MISSED_CHECKIN,
                raised_on=today,
            )
            for pk, village, block, district in overdue
        ]
        Alert.objects.bulk_create(new, batch_size=2000)
        escalated = {}
        # Days without contact past the due check-in: to the block, then the AHTU.
        to_block, to_ahtu = settings.SANGAM_ESCALATE_AFTER_DAYS
        for level, days, below in (
            (AlertLevel.AHTU, to_ahtu, [AlertLevel.CRP, AlertLevel.BLOCK]),
            (AlertLevel.BLOCK, to_block, [AlertLevel.CRP]),
        ):
            cut = today - timedelta(days=days)
            due = Alert.objects.restrict(SYSTEM).filter(
                Q(reason=Alert.Reason.MISSED_CHECKIN, migration__next_checkin_due__lte=cut)
                | Q(reason=Alert.Reason.NOT_REACHABLE, raised_on__lte=cut),
                status=Alert.Status.OPEN,
                level__in=below,
            )
            escalated[level] = list(due.values_list("block_id", "district_id"))
            due.update(level=level, escalated_on=today)
    if notify:
        _notify(escalated)
    return len(new), len(escalated[AlertLevel.BLOCK]), len(escalated[AlertLevel.AHTU])


def _notify(escalated):
    """E-mail block supervisors and AHTU officers how many alerts reached
    them, with a link; never who (names stay behind the login)."""
    recipients = {}
    blocks = {b for b, _d in escalated[AlertLevel.BLOCK]}
    if blocks:
        for email, language, _a, _d in staff_emails(Role.SUPERVISOR, agency__block__in=blocks):
            recipients[email] = language
    districts = {d for _b, d in escalated[AlertLevel.AHTU]}
    if districts:
        for email, language, _a, _d in staff_emails(
            Role.POLICE_OFFICER, agency__type="ahtu", agency__district__in=districts
        ):
            recipients[email] = language
    notify.send(
        recipients.items(),
        "prevention/email/escalated",
        {"link": site_link("prevention:alerts")},
        fail_silently=True,
    )


@transaction.atomic
def report_missing(alert, user):
    """Turn an alert into a missing-person report, filled from the registers."""
    migration = (
        Migration.objects.restrict(SYSTEM)
        .select_related("member", "household")
        .get(pk=alert.migration_id)
    )
    member, household = migration.member, migration.household
    father = ""
    if member.relation in (Relation.DAUGHTER, Relation.SON):
        father = household.head_name
    last = migration.last_contact_on or migration.left_on
    person = MissingPerson.objects.create(
        village_id=migration.village_id,
        register_no=f"A-{alert.pk}",
        household=household,
        member=member,
        migration=migration,
        name=member.name,
        sex=member.sex,
        age=max(0, last.year - member.birth_year),
        date_missing=last,
        father_name=father,
        circumstances=_(
            "Left on %(left)s for %(place)s (%(work)s) with agent %(agent)s; "
            "last contact %(last)s; check-ins missed since %(due)s."
        )
        % {
            "left": migration.left_on.isoformat(),
            "place": migration.destination_place,
            "work": migration.work or "-",
            "agent": migration.agent_name or (migration.recruiter or "-"),
            "last": last.isoformat(),
            "due": migration.next_checkin_due.isoformat(),
        },
        created_by=user,
    )
    Alert.objects.restrict(SYSTEM).filter(pk=alert.pk).update(
        status=Alert.Status.REPORTED_MISSING, missing_person=person
    )
    migration.status = MigrationStatus.MISSING
    migration.save(update_fields=["status", "updated_at"])
    refresh_household(household)
    return person


def at_risk_women_and_girls(user):
    """Women and girls of high-risk households ``user`` may see."""
    households = Household.objects.restrict(user, "view").filter(risk_level="high")
    return (
        Member.objects.restrict(user, "view")
        .filter(household__in=households, sex="female")
        .select_related("household", "household__village")
        .order_by("household__village__name", "household__code", "birth_year")
    )


@transaction.atomic
def record_entitlement(user, household, kind, status, *, days_worked=""):
    """A household's application for an entitlement and what became of it;
    the first application's date is kept whatever follows."""
    today = timezone.localdate()
    row = (
        Entitlement.objects.restrict(user, "change").filter(household=household, kind=kind).first()
    ) or Entitlement(household=household, kind=kind, created_by=user)
    row.status = status
    if status == Entitlement.Status.APPLIED:
        row.applied_on = row.applied_on or today
    if status in (Entitlement.Status.RECEIVED, Entitlement.Status.REJECTED):
        row.applied_on = row.applied_on or today
        row.decided_on = today
    if kind == "mgnregs" and str(days_worked).isdigit():
        row.days_worked = min(int(days_worked), 366)
    row.save()
    return row


def check_job_offer(user, village, offer, flags, recruiter=None):
    """Record a job offer walked through at the safe migration centre and the
    advice given; an agent the registry holds unlicensed is a red flag."""
    if recruiter is not None and not recruiter.licensed and "unlicensed" not in flags:
        flags = [*flags, "unlicensed"]
    return JobOfferCheck.objects.create(
        village=village,
        recruiter=recruiter,
        offer=offer,
        red_flags=flags,
        advice=jobcheck.advise(flags),
        created_by=user,
    )

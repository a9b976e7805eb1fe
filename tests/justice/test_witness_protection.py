"""Witness protection, as the Witness Protection Scheme 2018 runs it: her NGO
files from her care case to Malda's standing committee; the police unit
owes the threat report in 5 working days; the committee orders relocation;
the police record where she lives now, which only they and the committee
read (every read audited, in no other answer); an incident brings the
review forward. Another district's staff, and agencies that only see the
case through her consent, cannot file or read."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sangam.accounts.models import APIToken
from sangam.agencies.models import AgencyType
from sangam.audit.models import AuditEntry
from sangam.cases.models import Case, FollowUp, RiskFlag
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.justice import protection
from sangam.justice.models import (
    Clock,
    ClockKind,
    Measure,
    ProtectionApplication,
    ProtectionIncident,
    ProtectionStatus,
    Relocation,
    ThreatCategory,
)
from tests.conftest import make_agency, make_user
from tests.justice.conftest import IST

ADDRESS = "Synthetic safe house, ward 0 (test)"
# A Thursday, five days after the FIR.
APPLIED = date(2025, 3, 6)


@pytest.fixture
def committee(world):
    agency = make_agency(
        "IN-WB", "Malda", type=AgencyType.PROTECTION_COMMITTEE, name="WPC Malda (synthetic)"
    )
    return make_user("committee", Role.PROTECTION_COMMITTEE, agency)


@pytest.fixture
def care(world):
    return Case.objects.restrict(SYSTEM).get(survivor=world["survivor"])


def filing(case, world, **changes):
    return {
        "police_case": case.pk,
        "witness": "survivor",
        "witness_name": "Test Survivor (synthetic)",
        "filed_by": world["ngo"].pk,
        "through": "direct",
        "applied_on": APPLIED.isoformat(),
        "category_sought": "A",
        "measures_sought": ["relocation", "video"],
        **changes,
    }


def file_for(world, case, **changes):
    """An application for her, filed by her NGO (``changes`` as the test needs)."""
    fields = {
        "case": case,
        "survivor": world["survivor"],
        "witness": ProtectionApplication.Witness.SURVIVOR,
        "witness_name": "Test Survivor (synthetic)",
        "filed_by": world["ngo"],
        "through": ProtectionApplication.Through.DIRECT,
        "applied_on": APPLIED,
        "category_sought": ThreatCategory.A,
        **changes,
    }
    return protection.apply(world["caseworker"], ProtectionApplication(**fields))


@pytest.fixture
def application(world, case, committee):
    return file_for(world, case, measures_sought=[Measure.RELOCATION])


@pytest.fixture
def granted(world, committee, application):
    application.threat_report_on = APPLIED + timedelta(days=3)
    application.category_found = ThreatCategory.A
    application.threat_report = "Synthetic: the accused's associates asked for her."
    protection.report_threat(world["police"], application, expected_version=application.version)
    application.decided_on = APPLIED + timedelta(days=5)
    application.order_reference = "WPC-T-1"
    application.measures = [Measure.RELOCATION, Measure.VIDEO]
    application.review_on = date(2025, 6, 1)
    protection.decide(committee, application, True, expected_version=application.version)
    return application


def fresh(application):
    return ProtectionApplication.objects.restrict(SYSTEM).get(pk=application.pk)


def test_the_threat_report_is_due_as_the_fifth_working_day_ends(world, application):
    clock = Clock.objects.restrict(SYSTEM).get(application=application)
    assert clock.kind == ClockKind.THREAT_REPORT
    assert clock.responsible == world["station"]
    # Applied on Thursday 6 March: Friday, then Monday to Thursday 13 March.
    assert clock.due_at == datetime(2025, 3, 14, 0, 0, tzinfo=IST)
    assert "Witness Protection Scheme 2018" in clock.rule.source


@pytest.mark.parametrize("weekday", range(7))
def test_whatever_the_day_of_the_application_five_working_days_follow_it(
    world, case, committee, weekday
):
    applied = APPLIED + timedelta(days=weekday)  # Thursday 6 March, then each day on
    application = file_for(world, case, applied_on=applied, category_sought=ThreatCategory.B)
    due = Clock.objects.restrict(SYSTEM).get(application=application).due_at.astimezone(IST)
    assert due.time() == datetime.min.time()
    last = due.date() - timedelta(days=1)  # the clock runs out as this day ends
    between = [applied + timedelta(days=n) for n in range(1, (last - applied).days + 1)]
    assert last.weekday() < 5
    assert sum(d.weekday() < 5 for d in between) == 5


def test_her_ngo_files_from_her_care_case_and_the_order_runs_to_an_incident(
    world, case, care, committee, client
):
    client.force_login(world["caseworker"])
    page = client.get(care.get_absolute_url()).content.decode()
    assert f"/justice/care/{care.pk}/protection/" in page
    response = client.post(f"/justice/care/{care.pk}/protection/", filing(case, world))
    application = ProtectionApplication.objects.restrict(SYSTEM).get()
    assert response.url == application.get_absolute_url()
    assert (application.case, application.survivor) == (case, world["survivor"])
    assert application.committee.name == "WPC Malda (synthetic)"
    assert application.police_unit == world["station"]

    # The station's threat report, in the form its page offers.
    client.force_login(world["police"])
    assert "Threat Analysis Report" in client.get(application.get_absolute_url()).content.decode()
    client.post(
        f"/justice/protection/{application.pk}/report/",
        {
            "report-version": application.version,
            "report-threat_report_on": "2025-03-10",
            "report-category_found": "A",
            "report-threat_report": "Synthetic: the accused's associates asked for her.",
        },
    )
    application = fresh(application)
    assert application.status == ProtectionStatus.REPORTED
    assert Clock.objects.restrict(SYSTEM).get(application=application).met_at is not None

    client.force_login(committee)
    client.post(
        f"/justice/protection/{application.pk}/decision/",
        {
            "decision-version": application.version,
            "decision-decision": "grant",
            "decision-decided_on": "2025-03-12",
            "decision-order_reference": "WPC-T-1",
            "decision-measures": ["relocation", "video"],
            "decision-review_on": "2025-06-12",
        },
    )
    application = fresh(application)
    assert application.status == ProtectionStatus.GRANTED
    assert application.measures == ["relocation", "video"]

    client.force_login(world["police"])
    client.post(
        f"/justice/protection/{application.pk}/relocation/",
        {"relocation-address": ADDRESS, "relocation-since": "2025-03-14"},
    )
    assert Relocation.objects.restrict(SYSTEM).get(application=application).address == ADDRESS

    client.force_login(world["caseworker"])
    client.post(
        f"/justice/protection/{application.pk}/incidents/",
        {
            "incident-kind": "approach",
            "incident-occurred_on": "2025-04-02",
            "incident-details": "Synthetic: a man asked her to change her statement.",
        },
    )
    assert ProtectionIncident.objects.restrict(SYSTEM).get().application == application
    assert fresh(application).review_on == date(2025, 4, 2)


def test_bad_input_is_refused_by_the_field_and_nothing_is_saved(
    world, case, care, committee, client
):
    client.force_login(world["caseworker"])
    url = f"/justice/care/{care.pk}/protection/"
    page = client.post(url, filing(case, world, witness="family", applied_on="2025-02-01"))
    text = page.content.decode()
    assert "Say how the witness is related to her." in text
    assert "A witness applies once there is a police case." in text
    future = (date.today() + timedelta(days=2)).isoformat()
    page = client.post(url, filing(case, world, applied_on=future, category_sought="Z"))
    assert page.status_code == 200
    assert not ProtectionApplication.objects.restrict(SYSTEM).exists()


def test_the_committee_decides_only_with_the_order_s_particulars(
    world, committee, application, client
):
    application.threat_report_on = APPLIED + timedelta(days=1)
    application.category_found = ThreatCategory.B
    application.threat_report = "Synthetic finding."
    protection.report_threat(world["police"], application, expected_version=application.version)
    client.force_login(committee)
    application = fresh(application)
    text = client.post(
        f"/justice/protection/{application.pk}/decision/",
        {
            "decision-version": application.version,
            "decision-decision": "grant",
            "decision-decided_on": "2025-03-05",
        },
    ).content.decode()
    assert "Choose at least one measure." in text
    assert "Enter the order&#x27;s number." in text
    assert "The committee decides after the threat report." in text
    assert fresh(application).status == ProtectionStatus.REPORTED
    # A refusal needs its reasons.
    text = client.post(
        f"/justice/protection/{application.pk}/decision/",
        {
            "decision-version": application.version,
            "decision-decision": "refuse",
            "decision-decided_on": "2025-03-10",
        },
    ).content.decode()
    assert "Please give a reason." in text
    assert fresh(application).status == ProtectionStatus.REPORTED


def test_a_stale_form_does_not_overwrite_what_was_saved_since(
    world, committee, application, client
):
    client.force_login(committee)
    stale = application.version
    body = {
        "interim-version": stale,
        "interim-interim_on": "2025-03-07",
        "interim-interim_measures": ["escort"],
    }
    client.post(f"/justice/protection/{application.pk}/interim/", body)
    assert fresh(application).interim_measures == ["escort"]
    again = {**body, "interim-interim_measures": ["phone"]}
    page = client.post(f"/justice/protection/{application.pk}/interim/", again, follow=True)
    assert "Someone else saved this record while you were editing it." in page.content.decode()
    assert fresh(application).interim_measures == ["escort"]


def test_another_district_and_a_consent_only_reader_neither_read_nor_file(
    world, case, care, application, client
):
    for user in (world["dl_caseworker"], world["dl_police"], world["cwc_member"]):
        client.force_login(user)
        assert client.get(application.get_absolute_url()).status_code == 404
        assert (
            application.get_absolute_url()
            not in client.get("/justice/protection/").content.decode()
        )
    # The DLSA reads the police case through her consent: it does not file on it.
    client.force_login(world["legal"])
    assert client.get(case.get_absolute_url()).status_code == 200
    assert client.get(f"/justice/cases/{case.pk}/protection/").status_code == 403
    assert client.get(f"/justice/care/{care.pk}/protection/").status_code == 404
    # Her NGO files from her care case, not on the police case it only reads.
    client.force_login(world["caseworker"])
    assert client.get(f"/justice/cases/{case.pk}/protection/").status_code == 403
    # The station holding the case files on it.
    client.force_login(world["police"])
    assert client.get(f"/justice/cases/{case.pk}/protection/").status_code == 200


def test_the_relocated_address_is_read_by_the_committee_and_the_police_only(
    world, committee, granted, client
):
    protection.relocate(
        world["police"], granted, Relocation(address=ADDRESS, since=date(2025, 3, 14))
    )
    relocation = Relocation.objects.restrict(SYSTEM).get()
    for reader in (committee, world["police"]):
        client.force_login(reader)
        assert ADDRESS in client.get(granted.get_absolute_url()).content.decode()
    reads = AuditEntry.objects.filter(
        action=AuditEntry.Action.VIEW,
        object_type="justice.relocation",
        object_id=str(relocation.pk),
    )
    assert reads.count() == 2
    for other in (world["caseworker"], world["prosecutor"]):
        client.force_login(other)
        page = client.get(granted.get_absolute_url())
        assert page.status_code == 200 and ADDRESS not in page.content.decode()
        assert (
            client.post(
                f"/justice/protection/{granted.pk}/relocation/",
                {"relocation-address": "Synthetic elsewhere", "relocation-since": "2025-03-20"},
            ).status_code
            == 403
        )
    assert Relocation.objects.restrict(SYSTEM).get().address == ADDRESS


def test_an_order_whose_review_date_has_come_says_so_on_its_page_and_in_the_queue(
    world, committee, granted, client
):
    # Granted with a review by 1 June 2025: long past.
    client.force_login(committee)
    page = client.get(granted.get_absolute_url()).content.decode()
    assert '<span class="tag warn">Review due</span>' in page
    assert (
        '<span class="tag warn">Review due</span>'
        in client.get("/justice/protection/").content.decode()
    )
    granted.review_on = date.today() + timedelta(days=30)
    protection.review(
        committee, granted, "Synthetic: reviewed, kept.", expected_version=granted.version
    )
    assert "Review due" not in client.get(granted.get_absolute_url()).content.decode()
    assert "Review due" not in client.get("/justice/protection/").content.decode()


def test_an_order_that_does_not_relocate_takes_no_address(world, committee, granted, client):
    granted.measures = [Measure.VIDEO]
    protection.review(
        committee, granted, "Synthetic: relocation lifted.", expected_version=granted.version
    )
    client.force_login(world["police"])
    client.post(
        f"/justice/protection/{granted.pk}/relocation/",
        {"relocation-address": ADDRESS, "relocation-since": "2025-03-14"},
    )
    assert not Relocation.objects.restrict(SYSTEM).exists()


def test_a_threats_flag_gives_her_caseworker_one_follow_up(world, case, care, committee):
    def flag():
        return RiskFlag.objects.create(
            case=care,
            kind=RiskFlag.Kind.THREATS,
            reason="Synthetic: calls from the accused's brother.",
            review_on=date.today() + timedelta(days=7),
            created_by=world["caseworker"],
        )

    flag()
    flag()
    tasks = FollowUp.objects.restrict(SYSTEM).filter(
        case=care, kind=FollowUp.Kind.WITNESS_PROTECTION
    )
    assert tasks.count() == 1 and tasks.get().assigned_role == Role.CASEWORKER


def test_no_follow_up_while_an_application_is_open(world, care, application):
    RiskFlag.objects.create(
        case=care,
        kind=RiskFlag.Kind.THREATS,
        reason="Synthetic.",
        review_on=date.today() + timedelta(days=7),
        created_by=world["caseworker"],
    )
    assert (
        not FollowUp.objects.restrict(SYSTEM).filter(kind=FollowUp.Kind.WITNESS_PROTECTION).exists()
    )


def test_the_queue_costs_the_same_queries_for_one_application_or_four(
    world, case, committee, application, client
):
    client.force_login(committee)

    def queries():
        with CaptureQueriesContext(connection) as seen:
            assert client.get("/justice/protection/").status_code == 200
        return len(seen)

    one = queries()
    for _ in range(3):
        protection.apply(
            world["police"],
            ProtectionApplication(
                case=case,
                survivor=world["survivor"],
                witness=ProtectionApplication.Witness.FAMILY,
                witness_name="Family Witness (synthetic)",
                relation="brother",
                filed_by=world["station"],
                through=ProtectionApplication.Through.TRIAL_COURT,
                applied_on=APPLIED,
                category_sought=ThreatCategory.C,
            ),
        )
    assert queries() == one


@pytest.fixture
def api(client):
    def call(user, method, url, body=None):
        token = APIToken.issue(user, "test")[1]
        return getattr(client, method)(
            "/api/justice/protection" + url,
            body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )

    return call


def test_the_api_files_reports_decides_and_keeps_the_address_out_of_answers(
    world, case, care, committee, api
):
    body = filing(case, world)
    assert api(world["legal"], "post", f"/care/{care.pk}", body).status_code == 404
    bad = api(world["caseworker"], "post", f"/care/{care.pk}", {**body, "witness": "family"})
    assert bad.status_code == 422 and "relation" in bad.json()["errors"]
    created = api(world["caseworker"], "post", f"/care/{care.pk}", body)
    assert created.status_code == 201, created.content
    pk, version = created.json()["id"], created.json()["version"]

    report = {
        "threat_report_on": "2025-03-10",
        "category_found": "A",
        "threat_report": "Synthetic finding.",
        "version": version,
    }
    assert api(world["caseworker"], "post", f"/{pk}/report", report).status_code == 409
    reported = api(world["police"], "post", f"/{pk}/report", report)
    assert reported.status_code == 200 and reported.json()["status"] == "reported"
    assert api(world["police"], "post", f"/{pk}/report", report).status_code == 409
    decision = {
        "decision": "grant",
        "decided_on": "2025-03-12",
        "order_reference": "WPC-T-2",
        "measures": ["relocation"],
        "review_on": "2025-06-12",
        "version": reported.json()["version"],
    }
    assert api(committee, "post", f"/{pk}/decision", decision).json()["status"] == "granted"
    put = api(
        world["police"], "put", f"/{pk}/relocation", {"address": ADDRESS, "since": "2025-03-14"}
    )
    assert put.status_code == 200, put.content
    assert api(committee, "get", f"/{pk}/relocation").json()["address"] == ADDRESS
    assert api(world["caseworker"], "get", f"/{pk}/relocation").status_code == 404
    assert api(world["caseworker"], "get", f"/{pk}/report").status_code == 404

    listed = api(committee, "get", "?open=true")
    assert [a["id"] for a in listed.json()["items"]] == [pk]
    for answer in (listed, api(committee, "get", f"/{pk}")):
        assert ADDRESS not in answer.content.decode()
    listed_audit = AuditEntry.objects.filter(
        action=AuditEntry.Action.LIST, object_type="justice.protectionapplication"
    )
    assert listed_audit.exists()

"""A case's life: care plan, follow-ups, WHO-5 check-ins, counselling notes
kept to counsellors, risk flags, and transfer to another state's agency."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from sangam.cases import workflow
from sangam.cases.models import (
    Case,
    CounsellingNote,
    FollowUp,
    Intake,
    Survivor,
    Transfer,
)
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from tests.cases.conftest import NAME, consent_for
from tests.conftest import make_user


def test_counselling_notes_are_for_counsellors(client, case_world):
    CounsellingNote.objects.create(
        case=case_world["case"],
        note="Synthetic note: sleeps badly.",
        created_by=case_world["counsellor"],
    )
    url = reverse("cases:case", args=[case_world["case"].pk])
    client.force_login(case_world["counsellor"])
    assert "sleeps badly" in client.get(url).content.decode()
    client.force_login(case_world["worker"])
    body = client.get(url).content.decode()
    assert "Care plan" in body and "sleeps badly" not in body
    # Even with consent to identity and account, the police never see them.
    consent_for(case_world, "ahtu", "identity", "account", "counselling")
    assert CounsellingNote.objects.restrict(case_world["police"], "view").count() == 0


def test_consent_to_counselling_notes_opens_them_to_the_caseworker(client, case_world):
    CounsellingNote.objects.create(
        case=case_world["case"],
        note="Synthetic note: sleeps badly.",
        created_by=case_world["counsellor"],
    )
    consent_for(case_world, "ngo", "counselling")
    client.force_login(case_world["worker"])
    body = client.get(reverse("cases:case", args=[case_world["case"].pk])).content.decode()
    assert "sleeps badly" in body


def test_a_low_who5_score_asks_the_counsellor(client, case_world):
    client.force_login(case_world["worker"])
    url = reverse("cases:wellbeing", args=[case_world["case"].pk])
    answers = {f"who5-item{i}": 1 for i in range(1, 6)}
    client.post(url, {**answers, "who5-taken_on": timezone.localdate().isoformat()})
    task = FollowUp.objects.restrict(SYSTEM).get(kind="counsellor_task")
    assert "low wellbeing score (20/100)" in task.note and task.assigned_role == "counsellor"
    client.force_login(case_world["counsellor"])
    assert "low wellbeing score" in client.get(reverse("cases:follow_ups")).content.decode()


def test_a_good_score_after_a_good_one_asks_nothing(client, case_world):
    client.force_login(case_world["worker"])
    url = reverse("cases:wellbeing", args=[case_world["case"].pk])
    answers = {f"who5-item{i}": 4 for i in range(1, 6)}
    client.post(url, {**answers, "who5-taken_on": timezone.localdate().isoformat()})
    assert not FollowUp.objects.restrict(SYSTEM).exists()
    page = client.get(reverse("cases:case", args=[case_world["case"].pk])).content.decode()
    assert "80/100" in page and "<polyline" in page


def test_a_fall_in_wellbeing_asks_the_counsellor(case_world):
    from sangam.cases.models import WellbeingCheckIn

    case, worker = case_world["case"], case_world["worker"]
    workflow.record_check_in(
        worker, case, WellbeingCheckIn(item1=5, item2=5, item3=4, item4=4, item5=4)
    )
    reasons = workflow.record_check_in(
        worker, case, WellbeingCheckIn(item1=3, item2=4, item3=4, item4=3, item5=3)
    )
    assert reasons == ["wellbeing fell since the last check-in"]


def test_answers_outside_the_scale_are_refused(client, case_world):
    client.force_login(case_world["worker"])
    answers = {f"who5-item{i}": 7 for i in range(1, 6)}
    response = client.post(reverse("cases:wellbeing", args=[case_world["case"].pk]), answers)
    assert "Select a valid choice" in response.content.decode()


def test_closing_as_reintegrated_schedules_two_years_of_follow_ups(case_world):
    case = case_world["case"]
    workflow.change_status(
        case_world["worker"], case, "closed", outcome="family", expected_version=case.version
    )
    follow_ups = FollowUp.objects.restrict(SYSTEM).filter(kind="post_reintegration")
    assert follow_ups.count() == 8
    last = follow_ups.order_by("-due_on").first().due_on
    assert 720 <= (last - timezone.localdate()).days <= 735


def test_closing_needs_an_outcome(case_world):
    case = case_world["case"]
    with pytest.raises(workflow.Refused):
        workflow.change_status(case_world["worker"], case, "closed", expected_version=case.version)


def test_overdue_follow_ups_show_on_the_caseworkers_list(client, case_world):
    FollowUp.objects.create(
        case=case_world["case"],
        due_on=timezone.localdate() - timedelta(days=3),
        note="Call home",
        created_by=case_world["worker"],
    )
    client.force_login(case_world["worker"])
    body = client.get(reverse("cases:follow_ups")).content.decode()
    assert "Call home" in body and "Overdue" in body


def test_a_transfer_gives_the_receiving_agency_what_consent_allows(client, case_world):
    worker, wb = case_world["worker"], case_world["wb_worker"]
    client.force_login(worker)
    client.post(
        reverse("cases:transfer", args=[case_world["case"].pk]),
        {"transfer-to_agency": case_world["wb_home"].pk, "transfer-reason": "Going home to Malda"},
    )
    transfer = Transfer.objects.restrict(SYSTEM).get()
    client.force_login(wb)
    assert "Going home to Malda" in client.get(reverse("cases:transfers")).content.decode()
    survivor_url = reverse("cases:survivor", args=[case_world["survivor"].pk])
    assert client.get(survivor_url).status_code == 404  # nothing before accepting
    client.post(reverse("cases:transfer_decide", args=[transfer.pk]), {"decision": "accept"})
    new_case = Case.objects.restrict(SYSTEM).get(agency=case_world["wb_home"])
    assert Case.objects.restrict(SYSTEM).get(pk=case_world["case"].pk).outcome == "transferred"
    # Her identity comes with her case; the story only with consent.
    body = client.get(survivor_url).content.decode()
    assert NAME in body and "taken by train" not in body
    consent_for(case_world, "shelter_cci", "identity", "account")
    body = client.get(survivor_url).content.decode()
    assert "taken by train" in body
    # The history of the old case is readable too.
    assert (
        "Transferred to Malda home"
        in client.get(reverse("cases:case", args=[case_world["case"].pk])).content.decode()
    )
    assert new_case.owner == wb


def test_only_the_receiving_agency_can_answer_a_transfer(case_world):
    transfer = workflow.request_transfer(
        case_world["worker"], case_world["case"], case_world["wb_home"], "reason"
    )
    with pytest.raises(workflow.Refused):
        workflow.decide_transfer(case_world["worker"], transfer, accept=True)


def test_a_file_that_is_not_audio_is_refused(client, case_world):
    client.force_login(case_world["worker"])
    fake = SimpleUploadedFile("voice.mp3", b"%PDF-1.7 not audio", content_type="audio/mpeg")
    response = client.post(
        reverse("cases:create"),
        {
            "name": "Test (synthetic)",
            "sex": "female",
            "intake-audio": fake,
            "intake-narrative_language": "Bengali",
        },
    )
    assert "not an audio recording" in response.content.decode()


def test_an_audio_account_is_stored_encrypted_and_played_back(client, case_world):
    client.force_login(case_world["worker"])
    ogg = b"OggS" + b"\x00" * 200
    response = client.post(
        reverse("cases:create"),
        {
            "name": "Audio (synthetic)",
            "sex": "female",
            "intake-audio": SimpleUploadedFile("v.ogg", ogg, content_type="audio/ogg"),
            "intake-narrative_language": "Bengali",
        },
    )
    survivor = Survivor.objects.restrict(SYSTEM).get(
        pk=int(response.url.rstrip("/").split("/")[-1])
    )
    intake = Intake.objects.restrict(SYSTEM).get(survivor=survivor)
    with intake.audio.open("rb") as f:
        stored = f.read()
    assert ogg not in stored
    played = client.get(reverse("cases:audio", args=[intake.pk]))
    assert b"".join(played.streaming_content if played.streaming else [played.content]) == ogg


def test_the_care_plan_shows_goals_and_their_actions(
    client, case_world, django_assert_max_num_queries
):
    client.force_login(case_world["worker"])
    url = reverse("cases:case", args=[case_world["case"].pk])
    client.post(
        reverse("cases:add", args=[case_world["case"].pk, "goal"]),
        {
            "goal-domain": "legal",
            "goal-need": "Synthetic",
            "goal-goal": "Victim compensation claim",
        },
    )
    from sangam.cases.models import Goal

    goal = Goal.objects.restrict(SYSTEM).get()
    client.post(
        reverse("cases:add", args=[case_world["case"].pk, "action"]),
        {
            "action-goal": goal.pk,
            "action-description": "File claim with DLSA",
            "action-due_on": (timezone.localdate() + timedelta(days=7)).isoformat(),
        },
    )
    with django_assert_max_num_queries(40):
        body = client.get(url).content.decode()
    assert "Victim compensation claim" in body and "File claim with DLSA" in body


def test_owners_and_counsellors_are_reminded_of_due_follow_ups(case_world):
    from django.core import mail
    from django.core.management import call_command

    FollowUp.objects.create(
        case=case_world["case"], due_on=timezone.localdate(), created_by=case_world["worker"]
    )
    FollowUp.objects.create(
        case=case_world["case"],
        due_on=timezone.localdate() - timedelta(days=1),
        kind="counsellor_task",
        assigned_role="counsellor",
        created_by=case_world["worker"],
    )
    FollowUp.objects.create(
        case=case_world["case"],
        due_on=timezone.localdate() + timedelta(days=5),
        created_by=case_world["worker"],
    )
    call_command("cases", "remind")
    to = sorted(m.to[0] for m in mail.outbox)
    assert to == ["counsellor@test.sangam.invalid", "worker@test.sangam.invalid"]
    assert all(NAME not in m.body for m in mail.outbox)


def test_goals_actions_risks_and_team_are_kept_up_to_date(client, case_world):
    from sangam.cases.models import Action, Goal, RiskFlag

    case, worker = case_world["case"], case_world["worker"]
    goal = Goal.objects.create(case=case, domain="legal", need="x", goal="Claim", created_by=worker)
    action = Action.objects.create(goal=goal, case=case, description="File", created_by=worker)
    flag = RiskFlag.objects.create(
        case=case,
        kind="threats",
        reason="Calls from the agent",
        created_by=worker,
        review_on=timezone.localdate() + timedelta(days=30),
    )
    client.force_login(worker)
    bad = client.post(
        reverse("cases:plan_status", args=["goal", goal.pk]), {"status": "finished"}, follow=True
    )
    assert "Unknown status." in bad.content.decode()
    assert Goal.objects.restrict(SYSTEM).get().status == "planned"
    done = {"status": "done", "version": goal.version}
    client.post(reverse("cases:plan_status", args=["goal", goal.pk]), done)
    # A second page still showing the old version does not overwrite "done".
    stale = client.post(
        reverse("cases:plan_status", args=["goal", goal.pk]),
        {"status": "in_progress", "version": goal.version},
        follow=True,
    )
    assert "Someone else saved this record" in stale.content.decode()
    dropped = {"status": "dropped", "version": action.version}
    client.post(reverse("cases:plan_status", args=["action", action.pk]), dropped)
    client.post(reverse("cases:risk_clear", args=[flag.pk]))
    supervisor = make_user("supervisor", Role.SUPERVISOR, case_world["ngo"])
    client.force_login(supervisor)  # supervisors put teams together
    client.post(reverse("cases:team", args=[case.pk]), {"user": case_world["counsellor"].pk})
    client.post(reverse("cases:team", args=[case.pk]), {"user": case_world["police"].pk})
    assert Goal.objects.restrict(SYSTEM).get().status == "done"
    assert Action.objects.restrict(SYSTEM).get().status == "dropped"
    assert RiskFlag.objects.restrict(SYSTEM).get().cleared_on == timezone.localdate()
    through = Case.team.through.objects.filter(case=case)
    team = set(through.values_list("user__username", flat=True))
    assert team == {"counsellor"}  # the police officer is not staff of this agency


def test_an_action_becomes_a_referral(client, case_world):
    from sangam.cases.models import Action, Goal
    from sangam.directory.taxonomy import load_taxonomy
    from tests.conftest import district, make_service

    load_taxonomy()
    service = make_service(
        "Legal aid cell (synthetic)", district("IN-DL", "South"), terms=("legal-aid",)
    )
    case, worker = case_world["case"], case_world["worker"]
    goal = Goal.objects.create(case=case, domain="legal", need="x", goal="Claim", created_by=worker)
    action = Action.objects.create(goal=goal, case=case, description="Legal aid", created_by=worker)
    client.force_login(worker)
    client.post(
        reverse("referrals:create"),
        {
            "sender_agency": case_world["ngo"].pk,
            "service": service.pk,
            "person_reference": f"C-{case.pk}",
            "action": action.pk,
            "send": "1",
        },
    )
    action = Action.objects.restrict(SYSTEM).get()
    assert action.referral is not None and action.status == "in_progress"


def test_a_referral_shows_the_receiver_only_what_her_consent_allows(client, case_world):
    from sangam.cases.models import Action, Goal
    from sangam.directory.taxonomy import load_taxonomy
    from sangam.referrals.models import Referral
    from tests.conftest import district, make_service

    load_taxonomy()
    home = case_world["wb_home"]
    service = make_service("Girls' home (synthetic)", district("IN-WB", "Malda"), agency=home)
    case, worker = case_world["case"], case_world["worker"]
    goal = Goal.objects.create(case=case, domain="shelter", need="x", goal="Safe home")
    action = Action.objects.create(goal=goal, case=case, description="Find a home")
    client.force_login(worker)
    form = client.get(reverse("referrals:create"), {"action": action.pk}).content.decode()
    assert f'value="C-{case.pk}"' in form  # from her record, not asked again
    client.post(
        reverse("referrals:create"),
        {
            "sender_agency": case_world["ngo"].pk,
            "service": service.pk,
            "person_reference": f"C-{case.pk}",
            "person_language": "Bengali",
            "action": action.pk,
            "send": "1",
        },
    )
    referral = Referral.objects.restrict(SYSTEM).get()
    assert referral.survivor_id == case_world["survivor"].pk
    detail = reverse("referrals:detail", args=[referral.pk])
    survivor_page = reverse("cases:survivor", args=[case_world["survivor"].pk])
    client.force_login(case_world["wb_worker"])
    # No consent: the home sees the referral but not who she is.
    body = client.get(detail).content.decode()
    assert "Not shared with your agency" in body and NAME not in body
    assert client.get(survivor_page).status_code == 404
    # Consent to identity for children's homes: her name, not her account.
    given = consent_for(case_world, "shelter_cci", "identity")
    assert NAME in client.get(detail).content.decode()
    page = client.get(survivor_page).content.decode()
    assert NAME in page and "taken by train" not in page
    consent_for(case_world, "shelter_cci", "account")
    assert "taken by train" in client.get(survivor_page).content.decode()
    # Revoked: gone on the next request.
    from sangam.cases import workflow as case_workflow

    case_workflow.revoke_consent(worker, given)
    assert NAME not in client.get(detail).content.decode()
    assert client.get(survivor_page).status_code == 404


def test_marking_a_follow_up_done_never_redirects_off_site(client, case_world):
    follow_up = FollowUp.objects.create(
        case=case_world["case"], due_on=timezone.localdate(), created_by=case_world["worker"]
    )
    client.force_login(case_world["worker"])
    url = reverse("cases:follow_up_done", args=[follow_up.pk])
    response = client.post(url, {"next": "//evil.example/"})
    assert response.url == reverse("cases:case", args=[case_world["case"].pk])
    assert FollowUp.objects.restrict(SYSTEM).get().done_on == timezone.localdate()

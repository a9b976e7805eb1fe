from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import get_commands, load_command_class

from sangam.core.roles import Role
from sangam.jobs import scheduler
from sangam.jobs.models import ScheduledRun
from sangam.jobs.schedule import SCHEDULE
from sangam.jobs.scheduler import At, Entry, Scheduler
from tests.conftest import make_agency, make_user

IST = ZoneInfo("Asia/Kolkata")


def test_times_are_found_like_a_crontab_in_local_time():
    monday = datetime(2026, 12, 7, 10, 20, 30, tzinfo=IST)
    assert At(minute=5).next_after(monday) == datetime(2026, 12, 7, 11, 5, tzinfo=IST)
    assert At(minute=30, hour=1).next_after(monday) == datetime(2026, 12, 8, 1, 30, tzinfo=IST)
    assert At(minute=0, hour=4, weekday=6).next_after(monday) == datetime(
        2026, 12, 13, 4, 0, tzinfo=IST
    )


def test_every_scheduled_command_exists_and_accepts_its_arguments(settings):
    # Production's task backend (tests run tasks immediately), which
    # prune_db_task_results asks for.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    commands = get_commands()
    for entry in SCHEDULE:
        name, *args = entry.argv
        assert name in commands, entry.command
        command = load_command_class(commands[name], name)
        command.create_parser("sangam", name).parse_args(args)


@pytest.mark.django_db
def test_a_run_records_its_start_end_and_success():
    assert scheduler.run(Entry("clearsessions", At(minute=0))) == "succeeded"
    run = ScheduledRun.objects.get()
    assert run.command == "clearsessions"
    assert run.outcome == "succeeded" and run.finished_at >= run.started_at


@pytest.mark.django_db
def test_a_failed_run_records_the_kind_of_error_and_where_but_not_its_message():
    scheduler.run(Entry("prevention vulnerability XX-SECRET", At(minute=0)))
    run = ScheduledRun.objects.get()
    assert run.outcome == "failed"
    assert run.error.startswith("CommandError at sangam/prevention/management/commands/")
    assert "SECRET" not in run.error


class FakeChild:
    def __init__(self, argv, **kwargs):
        self.argv, self.status = argv, None
        started.append(self)

    def poll(self):
        return self.status

    def wait(self):
        return self.status


started = []


@pytest.mark.django_db
def test_a_due_entry_starts_once_and_is_skipped_while_its_last_run_goes_on(monkeypatch):
    started.clear()
    monkeypatch.setattr(scheduler.subprocess, "Popen", FakeChild)
    clock = [datetime(2026, 12, 7, 10, 4, 30, tzinfo=IST)]
    loop = Scheduler([Entry("referrals remind", At(minute=5))], sleep=None, now=lambda: clock[0])
    loop.tick()
    assert started == []  # not due yet
    clock[0] = datetime(2026, 12, 7, 10, 5, 1, tzinfo=IST)
    loop.tick()
    assert len(started) == 1
    assert started[0].argv[-4:-2] == ["run", "referrals remind"]
    clock[0] = datetime(2026, 12, 7, 11, 5, 2, tzinfo=IST)
    loop.tick()  # still running an hour later
    assert len(started) == 1
    assert list(ScheduledRun.objects.values_list("outcome", flat=True)) == ["skipped", "running"]
    # The child dies without recording its outcome: the scheduler does.
    started[0].status = -9
    loop.tick()
    first = ScheduledRun.objects.order_by("started_at").first()
    assert (first.outcome, first.error) == ("failed", "exit status -9")


@pytest.mark.django_db
def test_system_administrators_see_the_runs_and_others_do_not(client, reference):
    agency = make_agency("IN-WB", "Malda")
    ScheduledRun.objects.create(command="audit verify", outcome="failed", error="X at y:1")
    client.force_login(make_user("sysadmin", Role.SYSTEM_ADMINISTRATOR, agency))
    page = client.get("/jobs/scheduled/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "prevention checkins" in text and "X at y:1" in text
    assert 'href="/jobs/scheduled/"' in client.get("/dashboard/").content.decode()
    client.force_login(make_user("worker", Role.CASEWORKER, agency))
    assert client.get("/jobs/scheduled/").status_code == 403
    assert 'href="/jobs/scheduled/"' not in client.get("/dashboard/").content.decode()

"""Runs the periodic commands of ``jobs/schedule.py`` and records each run.

The scheduler process (`sangam scheduler`) starts every due command as a
child process (`sangam scheduler run ...`), so a crash or a leak in one
command never stops the others, and at most one run of a command goes at a
time. The child records its own outcome; if it dies without doing so (killed,
out of memory) the parent records the exit status. Run exactly one scheduler
per deployment.
"""

import logging
import shlex
import subprocess
import sys
import traceback
from dataclasses import dataclass
from datetime import timedelta
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.db import close_old_connections
from django.utils import timezone

from sangam.jobs.models import ScheduledRun

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class At:
    """A time of day (``hour`` None: every hour) on a ``weekday`` (0 = Monday;
    None: every day), like one line of a crontab."""

    minute: int
    hour: int | None = None
    weekday: int | None = None

    def matches(self, moment):
        return (
            moment.minute == self.minute
            and (self.hour is None or moment.hour == self.hour)
            and (self.weekday is None or moment.weekday() == self.weekday)
        )

    def next_after(self, moment):
        """The first matching minute after ``moment`` (an aware datetime)."""
        moment = timezone.localtime(moment).replace(second=0, microsecond=0)
        for _ in range(8 * 24 * 60):
            moment += timedelta(minutes=1)
            if self.matches(moment):
                return moment
        raise ValueError(f"{self} never matches")


@dataclass(frozen=True)
class Entry:
    command: str
    at: At

    @property
    def argv(self):
        return shlex.split(self.command)


def error_summary(exc):
    """The kind of error and the innermost Sangam frame it came from: enough to
    find the bug, and no message (messages can quote personal data)."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/sangam/" in f.filename] or frames
    if not ours:
        return type(exc).__name__
    frame = ours[-1]
    where = Path(frame.filename)
    module = (
        "/".join(where.parts[where.parts.index("sangam") :])
        if "sangam" in where.parts
        else where.name
    )
    return f"{type(exc).__name__} at {module}:{frame.lineno}"[:200]


def run(entry, run_id=None):
    """Run one entry now, in this process, and record how it went."""
    record = (
        ScheduledRun.objects.get(pk=run_id)
        if run_id
        else ScheduledRun.objects.create(command=entry.command)
    )
    outcome, error = ScheduledRun.Outcome.SUCCEEDED, ""
    try:
        # Output is counts and progress; it is not kept (nor logged).
        call_command(*entry.argv, stdout=StringIO(), stderr=StringIO())
    except SystemExit as exc:
        if exc.code:
            outcome, error = ScheduledRun.Outcome.FAILED, f"exit status {exc.code}"
    except Exception as exc:
        outcome, error = ScheduledRun.Outcome.FAILED, error_summary(exc)
    ScheduledRun.objects.filter(pk=record.pk).update(
        outcome=outcome, error=error, finished_at=timezone.now()
    )
    return outcome


class Scheduler:
    """The loop of `sangam scheduler`: wakes every minute, starts what is due."""

    def __init__(self, schedule, sleep, now=timezone.now):
        self.schedule, self.sleep, self.now = schedule, sleep, now
        self.children = {}  # command -> (Popen, run id)
        self.stopping = False
        start = now()
        self.due = {entry.command: entry.at.next_after(start) for entry in schedule}

    def tick(self):
        """Reap finished children, then start every entry that is due."""
        self.reap()
        moment = self.now()
        for entry in self.schedule:
            if self.due[entry.command] > moment:
                continue
            self.due[entry.command] = entry.at.next_after(moment)
            if entry.command in self.children:
                ScheduledRun.objects.create(
                    command=entry.command,
                    outcome=ScheduledRun.Outcome.SKIPPED,
                    finished_at=moment,
                )
                continue
            record = ScheduledRun.objects.create(command=entry.command)
            child = subprocess.Popen(  # noqa: S603 (our own command line)
                [sys.executable, "-m", "sangam.site.cli", "scheduler", "run", entry.command,
                 "--run-id", str(record.pk)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            )  # fmt: skip
            self.children[entry.command] = (child, record.pk)
            log.info("scheduled run started: %s", entry.command)

    def reap(self, wait=False):
        for command, (child, run_id) in list(self.children.items()):
            status = child.wait() if wait else child.poll()
            if status is None:
                continue
            del self.children[command]
            # A child that died before recording leaves its run "running".
            ScheduledRun.objects.filter(pk=run_id, outcome=ScheduledRun.Outcome.RUNNING).update(
                outcome=ScheduledRun.Outcome.FAILED,
                error=f"exit status {status}",
                finished_at=timezone.now(),
            )

    def loop(self):
        while not self.stopping:
            self.tick()
            # Between ticks the pool has the connection back.
            close_old_connections()
            # Wake at the start of the next minute.
            self.sleep(60 - timezone.now().second)
        self.reap(wait=True)

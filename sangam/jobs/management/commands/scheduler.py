"""`sangam scheduler`: run the periodic commands of jobs/schedule.py (one
process per deployment); `sangam scheduler list` shows the schedule;
`sangam scheduler run COMMAND` runs one entry now, recorded like a scheduled run."""

import signal
import threading

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from sangam.jobs import scheduler
from sangam.jobs.models import ScheduledRun
from sangam.jobs.schedule import SCHEDULE


class Command(BaseCommand):
    help = "Run the periodic commands on their schedule and record each run."

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", metavar="VERB")
        verbs.add_parser("list", help="The schedule and when each entry runs next.")
        once = verbs.add_parser("run", help="Run one entry of the schedule now.")
        once.add_argument("entry", help='the command as the schedule names it, e.g. "audit verify"')
        once.add_argument("--run-id", type=int, help="(the scheduler's own record of this run)")

    def handle(self, *args, verb=None, **options):
        if verb == "list":
            now = timezone.now()
            for entry in SCHEDULE:
                self.stdout.write(f"{entry.at.next_after(now):%Y-%m-%d %H:%M}  {entry.command}")
            return
        if verb == "run":
            entry = next((e for e in SCHEDULE if e.command == options["entry"]), None)
            if entry is None:
                raise CommandError("Not in the schedule (see `sangam scheduler list`).")
            outcome = scheduler.run(entry, options["run_id"])
            if outcome != ScheduledRun.Outcome.SUCCEEDED:
                raise CommandError(f"{entry.command}: {outcome}")
            return
        stop = threading.Event()
        loop = scheduler.Scheduler(SCHEDULE, sleep=stop.wait)

        def finish(*_):
            loop.stopping = True
            stop.set()

        signal.signal(signal.SIGTERM, finish)
        signal.signal(signal.SIGINT, finish)
        self.stdout.write(f"scheduler: {len(SCHEDULE)} entries; Ctrl-C or SIGTERM stops it")
        loop.loop()

"""The periodic work, as data: what `sangam scheduler` runs and when (times
in settings.TIME_ZONE). Add an entry here to schedule a new command."""

from sangam.jobs.scheduler import At, Entry

SCHEDULE = [
    # Escalates unanswered referrals, reminds senders of external ones.
    Entry("referrals remind", At(minute=5)),
    # The law's clocks that ran out (production, chargesheet): once, to the agency.
    Entry("justice remind", At(minute=15)),
    # Missed migrant check-ins: alerts, then escalation to block and AHTU.
    Entry("prevention checkins", At(hour=5, minute=0)),
    # Case owners and counsellors: follow-ups due or overdue.
    Entry("cases remind", At(hour=7, minute=0)),
    # District officials: directory entries not verified for long.
    Entry("directory stale", At(hour=6, minute=30)),
    # Compensation claims past the inquiry limit escalate; interim relief due.
    Entry("compensation remind", At(hour=7, minute=15)),
    # Links between accused across cases, and to the recruiter registry.
    Entry("justice link", At(hour=1, minute=0)),
    # Every open missing-person report against every survivor.
    Entry("matching run", At(hour=1, minute=30)),
    # Households' scores as their members' ages move across indicators.
    Entry("prevention vulnerability --all", At(weekday=6, hour=2, minute=30)),
    # The audit chain still verifies (a failed run shows on the page and in /metrics).
    Entry("audit verify", At(hour=3, minute=0)),
    # The chain's signed head, appended outside the database (truncation shows).
    Entry("audit anchor", At(minute=50)),
    # An encrypted pg_dump, the last fourteen kept (refused on SQLite: copy the file).
    Entry("backup --keep 14", At(hour=2, minute=0)),
    # Finished background task rows.
    Entry("prune_db_task_results", At(weekday=6, hour=4, minute=0)),
    # Failed-login counters a day old that lock nothing.
    Entry("users prune-throttles", At(hour=4, minute=40)),
    # Expired sessions.
    Entry("clearsessions", At(hour=4, minute=30)),
]

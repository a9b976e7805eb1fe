"""A background job's page (its progress and report, for the user who
started it) and the scheduled work page (for system administrators)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from sangam.core.roles import Role
from sangam.jobs.models import Job, ScheduledRun
from sangam.jobs.schedule import SCHEDULE


@login_required
def detail(request, pk):
    # A job is visible to whoever started it (ids are unguessable UUIDs too).
    job = Job.objects.filter(pk=pk, created_by=request.user).first()
    if job is None:
        raise Http404
    template = "jobs/_status.html" if request.htmx else "jobs/detail.html"
    return render(request, template, {"job": job})


def sees_scheduled_work(user):
    """Scheduled work is the deployment's, so it is the system administrators'."""
    return user.is_superuser or Role.SYSTEM_ADMINISTRATOR in user.roles()


@login_required
def scheduled(request):
    if not sees_scheduled_work(request.user):
        raise PermissionDenied
    now = timezone.now()
    latest = {}
    for run in ScheduledRun.objects.exclude(outcome=ScheduledRun.Outcome.RUNNING)[:500]:
        latest.setdefault(run.command, run)
    entries = [
        {"entry": e, "next": e.at.next_after(now), "last": latest.get(e.command)} for e in SCHEDULE
    ]
    runs = ScheduledRun.objects.all()[:100]
    return render(request, "jobs/scheduled.html", {"entries": entries, "runs": runs})

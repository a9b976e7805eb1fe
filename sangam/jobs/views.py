"""A background job's page: its progress and report, for the user who started it."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from sangam.jobs.models import Job


@login_required
def detail(request, pk):
    # A job is visible to whoever started it (ids are unguessable UUIDs too).
    job = Job.objects.filter(pk=pk, created_by=request.user).first()
    if job is None:
        raise Http404
    template = "jobs/_status.html" if request.htmx else "jobs/detail.html"
    return render(request, template, {"job": job})

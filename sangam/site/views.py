"""The site's own pages: home, the dashboard (referrals waiting and overdue,
stale directory entries, recent jobs) and healthz."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from sangam.agencies.models import AgencyContact, Membership
from sangam.directory.views import stale_services
from sangam.jobs.models import Job
from sangam.referrals.models import Referral, Status


def home(request):
    return redirect("dashboard" if request.user.is_authenticated else "login")


@login_required
def dashboard(request):
    user = request.user
    memberships = user.active_memberships()
    mine = [m.agency_id for m in memberships]
    referrals = Referral.objects.restrict(user, "view")
    context = {
        "memberships": memberships,
        "referrals_waiting": referrals.filter(
            receiver_agency__in=mine, status=Status.REQUESTED
        ).count(),
        # The sender's dashboard shows what the receiver has not answered in time.
        "referrals_overdue": referrals.filter(
            Q(sender_agency__in=mine) | Q(receiver_agency__in=mine),
            status=Status.REQUESTED,
            due_at__lt=timezone.now(),
        ).count(),
        "referrals_answered": referrals.filter(
            sender_agency__in=mine, status__in=[Status.ACCEPTED, Status.COMPLETED]
        ).count(),
        "stale_entries": stale_services(user).count() if user.is_oversight else None,
        "contact_count": AgencyContact.objects.restrict(user, "view").count(),
        "colleague_count": Membership.objects.restrict(user, "view").count(),
        "jobs": Job.objects.filter(created_by=user)[:5],
    }
    return render(request, "core/dashboard.html", context)


def _task_queue_status():
    from django.tasks import task_backends

    backend = type(task_backends["default"]).__name__
    info = {"backend": backend}
    if backend == "DatabaseBackend":
        from django_tasks_db.models import DBTaskResult

        info["ready"] = DBTaskResult.objects.ready().count()
    return info


@never_cache
def healthz(request):
    status, checks = 200, {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = {"status": "ok", "vendor": connection.vendor}
    except Exception as exc:  # report, don't crash: this is what monitors call
        checks["database"] = {"status": "error", "error": type(exc).__name__}
        status = 503
    try:
        checks["tasks"] = {"status": "ok", **_task_queue_status()}
    except Exception as exc:
        checks["tasks"] = {"status": "error", "error": type(exc).__name__}
        status = 503
    return JsonResponse({"status": "ok" if status == 200 else "error", **checks}, status=status)

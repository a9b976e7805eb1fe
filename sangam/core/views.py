from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from sangam.agencies.models import AgencyContact, Membership
from sangam.jobs.models import Job


def home(request):
    return redirect("dashboard" if request.user.is_authenticated else "login")


@login_required
def dashboard(request):
    user = request.user
    memberships = user.active_memberships()
    context = {
        "memberships": memberships,
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

"""The site's own pages: home, the dashboard assembled from every app's
cards, and the health check monitors call."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from sangam.core import registry


def home(request):
    return redirect("dashboard" if request.user.is_authenticated else "login")


@login_required
def dashboard(request):
    user = request.user
    cards = []
    for card in registry.cards():
        context = card.context(user)
        if context is not None:
            cards.append((card.template, context))
    context = {"memberships": user.active_memberships(), "cards": cards}
    return render(request, "site/dashboard.html", context)


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

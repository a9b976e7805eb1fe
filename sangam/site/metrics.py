"""`/metrics` for the operator's Prometheus.

Requests and latencies are counted per URL pattern (``cases/<int:pk>/``),
never per path, so no label carries an id, a name or a query; the figures
read from the database at scrape time (task queue, audit chain, scheduled
runs) carry only status names and scheduled command names. Under gunicorn
each worker counts in PROMETHEUS_MULTIPROC_DIR and a scrape adds them up
(``sangam/site/gunicorn.py`` sets it up).

The page is closed unless SANGAM_METRICS_TOKEN (sent as ``Authorization:
Bearer ...``) or SANGAM_METRICS_ALLOW (addresses or networks) is set; a
request that does not qualify gets the same 404 as an unknown page.
"""

import hmac
import ipaddress
import os
import time

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}

REQUESTS = Counter(
    "sangam_http_requests", "Requests answered", ["method", "route", "status"]
)  # fmt: skip
LATENCY = Histogram(
    "sangam_http_request_duration_seconds",
    "Time to answer a request",
    ["route"],
    buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
FAILED_LOGINS = Counter("sangam_failed_logins", "Sign-ins refused for wrong credentials")


def _count_failed_login(**kwargs):
    FAILED_LOGINS.inc()


user_login_failed.connect(_count_failed_login, dispatch_uid="sangam-metrics-failed-logins")


def route(request):
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "unmatched"
    return match.route or match.view_name or "unnamed"


class RequestMetrics:
    """Middleware: counts each request and how long it took, by route."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        name = route(request)
        method = request.method if request.method in METHODS else "other"
        REQUESTS.labels(method, name, str(response.status_code)).inc()
        LATENCY.labels(name).observe(time.perf_counter() - started)
        return response


class DatabaseFigures:
    """Figures read from the database when Prometheus asks."""

    def collect(self):
        from django.db.models import Count, Max

        from sangam.audit.models import AuditChainHead
        from sangam.jobs.models import ScheduledRun

        head = AuditChainHead.objects.first()
        chain = GaugeMetricFamily("sangam_audit_chain_length", "Entries in the audit chain")
        chain.add_metric([], head.seq if head else 0)
        yield chain

        queue = GaugeMetricFamily(
            "sangam_task_queue", "Background tasks by status", labels=["status"]
        )
        if settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend":
            from django_tasks_db.models import DBTaskResult

            for row in DBTaskResult.objects.values("status").annotate(n=Count("id")):
                queue.add_metric([row["status"].lower()], row["n"])
        yield queue

        runs = CounterMetricFamily(
            "sangam_scheduled_runs", "Runs of scheduled commands", labels=["command", "outcome"]
        )
        last = GaugeMetricFamily(
            "sangam_scheduled_run_last_success_timestamp_seconds",
            "When each scheduled command last succeeded",
            labels=["command"],
        )
        for row in ScheduledRun.objects.values("command", "outcome").annotate(n=Count("id")):
            runs.add_metric([row["command"], row["outcome"]], row["n"])
        succeeded = ScheduledRun.objects.filter(outcome=ScheduledRun.Outcome.SUCCEEDED)
        for row in succeeded.values("command").annotate(at=Max("finished_at")):
            last.add_metric([row["command"]], row["at"].timestamp())
        yield runs
        yield last


def allowed(request):
    token = os.environ.get("SANGAM_METRICS_TOKEN", "")
    if token:
        sent = request.headers.get("Authorization", "")
        if hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
            return True
    networks = [n.strip() for n in os.environ.get("SANGAM_METRICS_ALLOW", "").split(",")]
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(n, strict=False) for n in networks if n)


@never_cache
def metrics(request):
    if not allowed(request):
        raise Http404
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)
    else:
        for metric in (REQUESTS, LATENCY, FAILED_LOGINS):
            registry.register(metric)
    registry.register(DatabaseFigures())
    return HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)

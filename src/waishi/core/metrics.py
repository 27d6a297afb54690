"""Metrics in the Prometheus text format at ``/metrics``, for the configured networks only.

Two kinds of figure:

- **Per process**, counted as requests pass: requests by view and status, and their latency.
  Under gunicorn with several workers set ``PROMETHEUS_MULTIPROC_DIR`` to an empty folder
  (cleared at each start); every process then writes its counts there and a scrape adds them
  up (prometheus-client's multiprocess mode).
- **From the database**, read at each scrape, so every process answers the same: tasks
  waiting to run and the age of the oldest, by task; failed tasks; open cases past their due
  date, by case type; sign-in failures and reveals of personal data (counters taken from the
  audit log, which never loses a row).

No figure carries personal data: labels are view names, task paths and case type codes.
"""

import os
import time
from collections.abc import Callable, Iterator
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Min
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
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
from prometheus_client.registry import Collector

from .middleware import client_in
from .views import public

REQUESTS = Counter(
    "waishi_http_requests_total", "HTTP requests answered, by view and status.", ["view", "status"]
)
LATENCY = Histogram(
    "waishi_http_request_duration_seconds",
    "Time to answer a request, by view.",
    ["view"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)

# Audit actions counted as events (their number in the log only ever grows).
AUDIT_COUNTERS = {
    "waishi_sign_in_failures": ("accounts.user.login_failed", "Failed sign-ins."),
    "waishi_personal_data_reveals": ("core.pii.reveal", "Reveals of masked personal data."),
}


class MetricsMiddleware:
    """Counts each request by the name of the view that answered and its status."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        view = (match.view_name or "other") if match is not None else "unresolved"
        LATENCY.labels(view).observe(time.perf_counter() - started)
        REQUESTS.labels(view, str(response.status_code)).inc()
        return response


class DatabaseCollector(Collector):
    """Figures read from the database at scrape time: the same whichever process answers."""

    def collect(self) -> Iterator[Any]:
        yield from self._tasks()
        yield from self._overdue_cases()
        yield from self._audit_counters()

    def _tasks(self) -> Iterator[Any]:
        model = apps.get_model("django_tasks_database", "DBTaskResult")
        now = timezone.now()
        waiting = GaugeMetricFamily(
            "waishi_tasks_waiting", "Tasks due to run and not started, by task.", labels=["task"]
        )
        oldest = GaugeMetricFamily(
            "waishi_tasks_oldest_waiting_seconds",
            "How long the oldest task due to run has waited, by task.",
            labels=["task"],
        )
        rows = (
            model.objects.filter(status="READY", run_after__lte=now)
            .values("task_path")
            .annotate(n=Count("id"), first=Min("run_after"))
            .order_by()
        )
        for row in rows:
            waiting.add_metric([row["task_path"]], row["n"])
            oldest.add_metric([row["task_path"]], (now - row["first"]).total_seconds())
        yield waiting
        yield oldest
        failed = GaugeMetricFamily(
            "waishi_tasks_failed", "Tasks that failed, by task.", labels=["task"]
        )
        for failed_row in (
            model.objects.filter(status="FAILED")
            .values("task_path")
            .annotate(n=Count("id"))
            .order_by()
        ):
            failed.add_metric([failed_row["task_path"]], failed_row["n"])
        yield failed

    def _overdue_cases(self) -> Iterator[Any]:
        model = apps.get_model("cases", "Case")
        overdue = GaugeMetricFamily(
            "waishi_cases_overdue", "Open cases past their due date, by case type.", labels=["type"]
        )
        rows = (
            model.objects.filter(is_open=True, due_date__lt=timezone.localdate())
            .values("case_type")
            .annotate(n=Count("id"))
            .order_by()
        )
        for row in rows:
            overdue.add_metric([row["case_type"]], row["n"])
        yield overdue

    def _audit_counters(self) -> Iterator[Any]:
        model = apps.get_model("audit", "AuditEvent")
        actions = {action: name for name, (action, _help) in AUDIT_COUNTERS.items()}
        counts = dict(
            model.objects.filter(action__in=list(actions))
            .values_list("action")
            .annotate(n=Count("id"))
            .order_by()
        )
        for name, (action, help_text) in AUDIT_COUNTERS.items():
            family = CounterMetricFamily(name, help_text)
            family.add_metric([], counts.get(action, 0))
            yield family


def _allowed(request: HttpRequest) -> bool:
    networks = getattr(settings, "WAISHI_METRICS_NETWORKS", ["127.0.0.0/8", "::1/128"])
    return client_in(request, networks)


def scrape() -> bytes:
    """Every metric in the text format: this process's (or all processes') and the database's."""
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(REQUESTS)
        registry.register(LATENCY)
    registry.register(DatabaseCollector())
    return generate_latest(registry)


@public
@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    """The metrics, to the configured networks only (others get a 404)."""
    if not _allowed(request):
        raise Http404
    return HttpResponse(scrape(), content_type=CONTENT_TYPE_LATEST)

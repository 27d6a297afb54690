"""Liveness and readiness for load balancers and monitoring: ``/healthz`` and ``/readyz``.

``/healthz`` answers as soon as the process does (it touches no database). ``/readyz`` says
whether this process can serve: the database answers, every migration is applied, and the
task queue is being worked (the oldest task waiting to run is younger than
``WAISHI_READY_MAX_QUEUE_AGE`` seconds) and, where ``WAISHI_READY_MAX_WORKER_SILENCE`` is set,
a worker's heartbeat is younger than that many seconds (it is always reported). Both answer
JSON without any personal data; where ``WAISHI_HEALTH_NETWORKS`` lists networks, other
addresses get a 404 as if the page did not exist.
"""

import datetime
import time
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import Http404, HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from .middleware import client_in
from .views import public

# Once every migration is applied in this process's lifetime it stays so until a deploy,
# which restarts the process: the migration graph is not loaded again on every probe.
_migrated: dict[str, bool] = {}


def _allowed(request: HttpRequest) -> bool:
    networks = getattr(settings, "WAISHI_HEALTH_NETWORKS", [])
    return not networks or client_in(request, networks)


@public
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """The process answers."""
    if not _allowed(request):
        raise Http404
    return JsonResponse({"status": "ok"})


def _database() -> tuple[bool, str]:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return False, type(error).__name__
    return True, connections[DEFAULT_DB_ALIAS].vendor


def _migrations() -> tuple[bool, str]:
    if _migrated.get(DEFAULT_DB_ALIAS):
        return True, "0"
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if not plan:
        _migrated[DEFAULT_DB_ALIAS] = True
    return not plan, str(len(plan))


def _worker() -> tuple[bool, dict[str, Any]]:
    from .workers import last_heartbeat

    limit = int(getattr(settings, "WAISHI_READY_MAX_WORKER_SILENCE", 0))
    try:
        seen = last_heartbeat()
    except Exception as error:  # the shared cache (Redis) is out of reach
        return not limit, {
            "last_seen_seconds": None,
            "limit_seconds": limit,
            "detail": type(error).__name__,
        }
    silence = max(0, int(time.time() - float(seen["at"]))) if seen else None
    ok = not limit or (silence is not None and silence <= limit)
    return ok, {"last_seen_seconds": silence, "limit_seconds": limit}


def _queue() -> tuple[bool, dict[str, Any]]:
    model = apps.get_model("django_tasks_database", "DBTaskResult")
    now = timezone.now()
    oldest = (
        model.objects.filter(status="READY", run_after__lte=now)
        .order_by("run_after")
        .values_list("run_after", flat=True)
        .first()
    )
    age = int((now - oldest).total_seconds()) if oldest else 0
    limit = int(getattr(settings, "WAISHI_READY_MAX_QUEUE_AGE", 600))
    waiting = model.objects.filter(status="READY", run_after__lte=now).count()
    return age <= limit, {"waiting": waiting, "oldest_age_seconds": age, "limit_seconds": limit}


@public
@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """Whether this process can serve: database, migrations, task queue; 503 when not."""
    if not _allowed(request):
        raise Http404
    checks: dict[str, Any] = {}
    ok, detail = _database()
    checks["database"] = {"ok": ok, "detail": detail}
    if ok:
        migrated, pending = _migrations()
        checks["migrations"] = {"ok": migrated, "pending": int(pending)}
        queue_ok, queue = _queue()
        checks["task_queue"] = {"ok": queue_ok, **queue}
        worker_ok, worker = _worker()
        checks["worker"] = {"ok": worker_ok, **worker}
    ready = all(check["ok"] for check in checks.values())
    return JsonResponse(
        {
            "status": "ready" if ready else "not ready",
            "checks": checks,
            "time": timezone.now().astimezone(datetime.UTC).isoformat(timespec="seconds"),
        },
        status=200 if ready else 503,
    )

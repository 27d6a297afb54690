"""Background tasks of the core: a heartbeat that shows the worker is alive."""

from django.core.cache import cache
from django.tasks import task
from django.utils import timezone

HEARTBEAT_CACHE_KEY = "core:worker-heartbeat"


@task()
def heartbeat(note: str = "") -> str:
    """Record when a worker last ran a task; returns the ISO time it ran."""
    now = timezone.now().isoformat()
    cache.set(HEARTBEAT_CACHE_KEY, {"at": now, "note": note}, None)
    return now

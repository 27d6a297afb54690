"""Counting tries in a window, in the cache every process shares.

Rate limits must hold across web processes and hosts, so their counts live in the "shared"
cache (Redis when configured, else a database table): ten look-ups spread over four workers
are still ten.
"""

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache


def shared_cache() -> BaseCache:
    """The cache every process of the deployment reads and writes alike."""
    return caches["shared"]


def count_try(scope: str, ident: str, window_seconds: int) -> int:
    """Count one try of ``ident`` in ``scope``; the number of tries in the current window.

    The window starts with the first try and lasts ``window_seconds``. Redis counts
    atomically; the database table may miss a count when two tries land at the same instant,
    which a limit of tens per window tolerates.
    """
    cache = shared_cache()
    key = f"rate:{scope}:{ident}"
    cache.add(key, 0, window_seconds)
    try:
        return int(cache.incr(key))
    except ValueError:
        # The entry expired between add and incr: this try opens a new window.
        cache.set(key, 1, window_seconds)
        return 1

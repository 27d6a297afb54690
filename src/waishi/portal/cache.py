"""A cache of rendered public pages, so a page view usually costs no database query.

Only anonymous GET and HEAD requests without a query string are served from or stored in the
cache; anyone signed in (an editor previewing) always gets a fresh page. Every publish,
unpublish, move or deletion bumps a generation number, so all cached pages go stale at once
across every process sharing the cache (Redis in production). A page that will expire is
cached no longer than until its expiry.
"""

from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

GENERATION_KEY = "portal:pages:generation"
# Ten minutes bounds how long a page can outlive a change made outside Wagtail (for example
# a new leader in the organisation data).
DEFAULT_TIMEOUT = 600


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = 1
        cache.add(GENERATION_KEY, value, None)
    return int(value)


def clear() -> None:
    """Make every cached page stale (called after each publish, unpublish, move or delete)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def is_cacheable(request: HttpRequest) -> bool:
    """Whether the request is an anonymous plain GET: the common case worth caching."""
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def key_for(request: HttpRequest) -> str:
    # The path carries the language prefix, so one key per page and language.
    return f"portal:page:{generation()}:{request.get_host()}:{request.path}"


def get(request: HttpRequest) -> HttpResponse | None:
    stored = cache.get(key_for(request))
    if stored is None:
        return None
    content, content_type, language = stored
    response = HttpResponse(content, content_type=content_type)
    response["Content-Language"] = language
    response["X-Portal-Cache"] = "hit"
    return response


def put(request: HttpRequest, response: HttpResponse, *, expires: datetime | None) -> None:
    if response.status_code != 200 or response.streaming or response.cookies:
        return
    timeout = DEFAULT_TIMEOUT
    if expires is not None:
        timeout = min(timeout, int((expires - timezone.now()).total_seconds()))
    if timeout <= 0:
        return
    stored = (response.content, response["Content-Type"], response.get("Content-Language", ""))
    cache.set(key_for(request), stored, timeout)

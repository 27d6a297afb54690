"""A per-caller request budget for the API (429 beyond it), counted in the shared cache."""

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import SimpleRateThrottle

from waishi.core.middleware import client_ip
from waishi.core.ratelimit import shared_cache


class CallerRateThrottle(SimpleRateThrottle):
    """Counts per user (token or session) or, for anonymous calls, per client address.

    The rate comes from ``WAISHI_API_RATE`` (e.g. ``600/m``; empty turns the limit off),
    read on each request so tests and deployments can change it without reloading.
    """

    scope = "caller"

    def __init__(self) -> None:
        super().__init__(rate="1/s")
        self.cache = shared_cache()

    def get_ident(self, request: HttpRequest) -> str | None:
        # The client's address as the trusted proxies report it, never a forged header.
        return client_ip(request)

    def allow_request(self, request: HttpRequest) -> bool:
        rate = getattr(settings, "WAISHI_API_RATE", "") or None
        if rate is None:
            return True
        self.rate = rate
        self.num_requests, self.duration = self.parse_rate(rate)
        return super().allow_request(request)

    def get_cache_key(self, request: HttpRequest) -> str:
        auth = getattr(request, "auth", None)
        pk = getattr(auth, "pk", None)
        ident = f"user-{pk}" if pk else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}

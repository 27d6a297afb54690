"""The product's URLs, plus the bare view and the admin's list of cases for comparison."""

from django.http import HttpRequest, JsonResponse
from django.urls import path

from bench import case_admin  # noqa: F401 - registers Case before the admin builds its URLs
from waishi.core.views import public
from waishi.urls import handler403, handler404, handler500
from waishi.urls import urlpatterns as product_urlpatterns


@public
def bare(request: HttpRequest) -> JsonResponse:
    """A JSON answer that reads no database: what Django costs with nothing to do."""
    return JsonResponse({"status": "ok", "items": [1, 2, 3]})


# The product's map is spliced in, not included: its portal part uses i18n_patterns, which
# only a root URLconf may hold.
urlpatterns = [path("bench/bare/", bare, name="bench_bare"), *product_urlpatterns]
__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]

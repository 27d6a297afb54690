"""An empty URL map that API 404 answers point ``request.urlconf`` at.

Django's LocaleMiddleware turns a 404 on an address without a language prefix into a
redirect to the prefixed address whenever the prefixed one would resolve — and the portal's
catch-all page pattern resolves nearly everything. An API client asking for a missing object
must get the JSON 404, not a redirect to an HTML page, so API 404 responses tell the
middleware to judge them against this map, which has no language-prefixed patterns.
"""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []

URLCONF = __name__

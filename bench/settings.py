"""Production settings plus what only the benchmark needs.

- ``ROOT_URLCONF`` adds ``/bench/bare/``, a JSON view that touches no database: the ceiling
  of this framework, server and machine, which every product figure is compared with.
- ``Case`` is shown in the Django admin changelist (``bench.urls`` registers it there, not in
  the product) so the product's lists can be measured against the framework's own list.
- The API's per-caller rate limit is off: the benchmark measures capacity, and a few signed-in
  users would otherwise be answered with 429 after the first 600 requests a minute.
"""

from waishi.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
WAISHI_API_RATE = ""
# Each request would otherwise write a log line per request to the console.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "bench.storage.BenchStaticFilesStorage"},
}

"""Tests: fast hashing, tasks run at once, mail kept in memory, databases from DATABASE_URL."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES, INSTALLED_APPS, STORAGES
from .env import env_str

DEBUG = False
# A case type built with nothing but the toolkit (docs/adding-an-area.md); tests only.
INSTALLED_APPS = [*INSTALLED_APPS, "waishi.cases.tests.toyapp"]
SECRET_KEY = "test-only-secret-key-not-for-anything-else-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
WAISHI_SMS_BACKEND = "waishi.notifications.sms.MemorySmsSender"
# No API rate limit in tests: user ids repeat across rolled-back tests within a minute.
WAISHI_API_RATE = ""
# Uploads of a test run go to a folder of its own, never into the developer's var/.
_FILES = Path(tempfile.mkdtemp(prefix="waishi-test-files-"))
MEDIA_ROOT = _FILES / "media"
PRIVATE_MEDIA_ROOT = _FILES / "private"
STORAGES = {
    **STORAGES,
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Parallel runs on one PostgreSQL server each name their own test database.
_test_name = env_str("WAISHI_TEST_DB_NAME")
if _test_name:
    DATABASES["default"].setdefault("TEST", {})["NAME"] = _test_name
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# Static files straight from the apps (no collectstatic in tests).
STATIC_ROOT = None  # type: ignore[assignment]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

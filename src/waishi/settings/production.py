"""Production: secrets required, HTTPS everywhere, strict cookies."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, SECRET_KEY, WAISHI_PII_INDEX_KEY, WAISHI_PII_KEYS, postgres_options
from .env import env_bool, env_int

DEBUG = False
if SECRET_KEY.startswith("dev-insecure") or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set SECRET_KEY to a random value of at least 50 characters.")
if not WAISHI_PII_KEYS or not WAISHI_PII_INDEX_KEY:
    raise ImproperlyConfigured("Set WAISHI_PII_KEYS and WAISHI_PII_INDEX_KEY.")

# Web processes and workers give up on a statement after 30 s unless told otherwise (raise it
# for a long migration with WAISHI_DB_STATEMENT_TIMEOUT_MS=0).
if not DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = postgres_options(
        env_int("WAISHI_DB_STATEMENT_TIMEOUT_MS", 30_000)
    )

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

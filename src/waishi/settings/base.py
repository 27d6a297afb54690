"""Settings shared by every environment. Machine-specific values come from ``env``."""

from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from .env import env_bool, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = Path(env_str("WAISHI_HOME", str(PACKAGE_DIR.parent.parent)))
VAR_DIR = Path(env_str("WAISHI_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "dev-insecure-key-change-me-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Waishi's own apps come first so their templates and translations win.
    "waishi.core",
    "waishi.accounts",
    "waishi.audit",
    "waishi.registers",
    "waishi.cases",
    "waishi.notifications",
    "waishi.api",
    "waishi.portal",
    "waishi.applicants",
    "waishi.missions",
    "waishi.passports",
    "waishi.visits",
    "waishi.incidents",
    "waishi.honours",
    "waishi.donations",
    "waishi.supervision",
    "waishi.directives",
    "waishi.petitions",
    "waishi.overseas",
    # Public website (Wagtail).
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Framework and third-party.
    "rules",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_htmx",
    "django_tasks_db",
    "waishi.core.apps.WaishiAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # PostgreSQL's lookups and index types (Wagtail's search index uses a GIN index there);
    # harmless on SQLite.
    "django.contrib.postgres",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "waishi.core.middleware.RequestIdMiddleware",
    "waishi.core.metrics.MetricsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "waishi.core.middleware.IdleSessionMiddleware",
    "waishi.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "waishi.core.middleware.SecurityHeadersMiddleware",
    "waishi.accounts.middleware.SecondFactorRequiredMiddleware",
    "waishi.accounts.middleware.PasswordChangeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "waishi.urls"
WSGI_APPLICATION = "waishi.wsgi.application"
ASGI_APPLICATION = "waishi.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "waishi.core.context_processors.shell",
            ],
        },
    },
]

# Databases -----------------------------------------------------------------------------------
# SQLite is the embedded default. WAL lets readers work beside one writer; IMMEDIATE takes the
# write lock at BEGIN so two writers queue on the busy timeout instead of failing with
# "database is locked" half-way through a transaction.
SQLITE_PATH = Path(env_str("SQLITE_PATH", str(VAR_DIR / "waishi.sqlite3")))
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=NORMAL;"
        "PRAGMA foreign_keys=ON;"
        "PRAGMA busy_timeout=20000;"
        # Reads through a memory map of the file: no copy through read() calls for pages
        # the operating system already holds (the first visit to an old case).
        "PRAGMA mmap_size=2147483648;"
    ),
}
DATABASE_URL = env_str("DATABASE_URL")
# A database that does not answer makes a page fail within seconds (a 503 page that needs no
# database), not hang: a connect timeout always, and on PostgreSQL a statement timeout when
# WAISHI_DB_STATEMENT_TIMEOUT_MS is set (production sets 30 s unless told otherwise).
DB_CONNECT_TIMEOUT = env_int("WAISHI_DB_CONNECT_TIMEOUT", 5)
DB_STATEMENT_TIMEOUT_MS = env_int("WAISHI_DB_STATEMENT_TIMEOUT_MS", 0)


def postgres_options(statement_timeout_ms: int) -> dict[str, object]:
    """Connection options for PostgreSQL: connect timeout and, if any, statement timeout."""
    options: dict[str, object] = {"connect_timeout": DB_CONNECT_TIMEOUT}
    if statement_timeout_ms > 0:
        options["options"] = f"-c statement_timeout={statement_timeout_ms}"
    return options


if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
    else:
        DATABASES["default"]["OPTIONS"] = postgres_options(DB_STATEMENT_TIMEOUT_MS)
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(SQLITE_PATH),
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches. "default" holds what one process may keep for itself (the portal's page cache):
# Redis when CACHE_URL says so, otherwise this process's memory. "shared" holds what every
# process must see alike — rate-limit counts of the status look-up, sign-in and the API: Redis
# when configured, otherwise a table in the database (made by `waishi migrate`).
CACHE_URL = env_str("CACHE_URL")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
        },
        "shared": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL},
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "waishi",
        },
        "shared": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "waishi_shared_cache",
        },
    }

# Background tasks ----------------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A worker stops cleanly, to be started afresh by its supervisor, after this many tasks or
# once its resident memory passes this many MB (0: no limit).
WAISHI_WORKER_MAX_TASKS = env_int("WAISHI_WORKER_MAX_TASKS", 1000)
WAISHI_WORKER_MAX_MEMORY_MB = env_int("WAISHI_WORKER_MAX_MEMORY_MB", 400)
# A running task's lease (renewed by its worker) and the attempts at a task killed mid-run
# before it is marked failed (waishi tasks sweep).
WAISHI_TASK_LEASE_SECONDS = env_int("WAISHI_TASK_LEASE_SECONDS", 300)
WAISHI_TASK_MAX_ATTEMPTS = env_int("WAISHI_TASK_MAX_ATTEMPTS", 3)

# Accounts and security -----------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "waishi.accounts.backends.LockoutModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "waishi.accounts.validators.CharacterClassValidator", "OPTIONS": {"min_classes": 3}},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:login"
# Five wrong passwords lock an account for thirty minutes (bureau security policy).
WAISHI_LOCKOUT_FAILURES = env_int("WAISHI_LOCKOUT_FAILURES", 5)
WAISHI_LOCKOUT_MINUTES = env_int("WAISHI_LOCKOUT_MINUTES", 30)
# After n wrong passwords in a row an account's next try waits 2^n seconds (at most this)
# before it is even checked; earlier tries get the same answer as a wrong password.
WAISHI_SIGNIN_MAX_DELAY_SECONDS = env_int("WAISHI_SIGNIN_MAX_DELAY_SECONDS", 300)
# Failed sign-ins one client address may make in a window, across every account, before that
# address is refused sign-in until the window ends (the accounts themselves stay open).
WAISHI_SIGNIN_ADDRESS_FAILURES = env_int("WAISHI_SIGNIN_ADDRESS_FAILURES", 20)
WAISHI_SIGNIN_ADDRESS_WINDOW = env_int("WAISHI_SIGNIN_ADDRESS_WINDOW", 900)
# Sessions end after thirty idle minutes (bureau security policy). A signed-in session is
# renewed at most once a minute (waishi.core.middleware.IdleSessionMiddleware), not saved on
# every request: the timeout holds to within that minute without a write per page.
SESSION_COOKIE_AGE = env_int("WAISHI_SESSION_IDLE_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = False
WAISHI_SESSION_RENEW_SECONDS = env_int("WAISHI_SESSION_RENEW_SECONDS", 60)
# However busy, a signed-in session ends this long after sign-in (0: no limit).
WAISHI_SESSION_MAX_SECONDS = env_int(
    "WAISHI_SESSION_MAX_SECONDS", env_int("WAISHI_SESSION_MAX_HOURS", 12) * 3600
)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Accounts nobody signed in to for this many days are disabled by the periodic sweep
# (``waishi sweep_deadlines``); 0 turns it off.
WAISHI_DORMANT_DAYS = env_int("WAISHI_DORMANT_DAYS", 90)
# Second factor (docs/security.md): required of every bureau account; a device may be
# remembered for at most 30 days. WebAuthn's relying party is the site's domain (empty: the
# host a page is served from).
WAISHI_2FA_REQUIRED = True
WAISHI_2FA_REMEMBER_DAYS = min(env_int("WAISHI_2FA_REMEMBER_DAYS", 30), 30)
WAISHI_WEBAUTHN_RP_ID = env_str("WAISHI_WEBAUTHN_RP_ID")
WAISHI_WEBAUTHN_RP_NAME = env_str("WAISHI_WEBAUTHN_RP_NAME", "Waishi")
OTP_TOTP_ISSUER = env_str("WAISHI_TOTP_ISSUER", "Waishi")
# A wrong code makes the next try wait 2^n seconds (django-otp's throttling).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"

# Keys for personal data (AES-GCM) and its blind index (HMAC). Development derives both from
# SECRET_KEY; production must set them (see docs/deployment.md).
WAISHI_PII_KEYS = env_list("WAISHI_PII_KEYS")
WAISHI_PII_INDEX_KEY = env_str("WAISHI_PII_INDEX_KEY")

# Internationalisation -----------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
    ("en", "English"),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "waishi_language"

# Static and uploaded files ------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Private uploads (attachments) live outside MEDIA_ROOT and are served only through views
# that check permission.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024

# E-mail --------------------------------------------------------------------------------------
# Django's MAILERS: SMTP from environment variables; development writes to var/outbox.
MAILERS = {
    "default": {
        "BACKEND": env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
        "OPTIONS": {
            "host": env_str("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25),
            "username": env_str("EMAIL_HOST_USER"),
            "password": env_str("EMAIL_HOST_PASSWORD"),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
            "timeout": env_int("EMAIL_TIMEOUT", 20),
        },
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "waishi@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Text messages: a dotted path to an SmsSender (waishi.notifications.sms); the console sender
# only logs. Links in e-mail and SMS start with WAISHI_SITE_URL.
WAISHI_SMS_BACKEND = env_str("WAISHI_SMS_BACKEND", "waishi.notifications.sms.ConsoleSmsSender")
WAISHI_SITE_URL = env_str("WAISHI_SITE_URL", "http://127.0.0.1:8000")
# Applicants' sign-up codes (waishi.applicants.codes): minutes a code or link lives, wrong
# tries a code survives, and codes sent per number or address, per client address and in
# all per window (seconds).
WAISHI_APPLICANT_CODE_MINUTES = env_int("WAISHI_APPLICANT_CODE_MINUTES", 10)
WAISHI_APPLICANT_LINK_MINUTES = env_int("WAISHI_APPLICANT_LINK_MINUTES", 1440)
WAISHI_APPLICANT_CODE_TRIES = env_int("WAISHI_APPLICANT_CODE_TRIES", 5)
WAISHI_APPLICANT_CODES_PER_TARGET = env_int("WAISHI_APPLICANT_CODES_PER_TARGET", 5)
WAISHI_APPLICANT_CODES_PER_ADDRESS = env_int("WAISHI_APPLICANT_CODES_PER_ADDRESS", 20)
WAISHI_APPLICANT_CODES_GLOBAL = env_int("WAISHI_APPLICANT_CODES_GLOBAL", 2000)
WAISHI_APPLICANT_CODE_WINDOW = env_int("WAISHI_APPLICANT_CODE_WINDOW", 3600)
# Requests per user (or per address, anonymous) the JSON API accepts; empty turns it off.
WAISHI_API_RATE = env_str("WAISHI_API_RATE", "600/m")

# Wagtail -------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Waishi")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "doc", "xls", "zip"]
WAGTAILADMIN_LOGIN_URL = "accounts:login"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Website editors of this division approve pages in the review workflow (the bureau's office).
WAISHI_PORTAL_REVIEW_DIVISION = env_str("WAISHI_PORTAL_REVIEW_DIVISION", "office")

# Logs: every record carries the request id (also in X-Request-ID and on audit events);
# LOG_FORMAT=json writes one JSON object per line for log collectors.
LOG_FORMAT = env_str("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "waishi.core.logging.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "waishi.core.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# Probes (/healthz, /readyz): the networks allowed to read them (empty: everyone) and how old
# the oldest task waiting to run may be before this process says it is not ready.
WAISHI_HEALTH_NETWORKS = env_list("WAISHI_HEALTH_NETWORKS")
WAISHI_READY_MAX_QUEUE_AGE = env_int("WAISHI_READY_MAX_QUEUE_AGE", 600)
# Seconds without any worker's heartbeat before /readyz says not ready (0: only reported).
WAISHI_READY_MAX_WORKER_SILENCE = env_int("WAISHI_READY_MAX_WORKER_SILENCE", 0)
# Proxies (addresses or networks) whose X-Forwarded-For is believed: the client address in
# audit records, rate limits and the network checks below. Empty: the socket's address only.
WAISHI_TRUSTED_PROXIES = env_list("WAISHI_TRUSTED_PROXIES")
# Networks allowed to read /metrics (Prometheus text format); others get a 404.
WAISHI_METRICS_NETWORKS = env_list("WAISHI_METRICS_NETWORKS", ["127.0.0.0/8", "::1/128"])

# Management surfaces (/admin/, /cms/, the API's interactive docs) answer only to these
# networks; others get a 404. Empty: everyone (a single machine); set it for a city.
WAISHI_ADMIN_NETWORKS = env_list("WAISHI_ADMIN_NETWORKS")

# Content-Security-Policy: scripts only from Waishi's own static files, never inline or
# evaluated; no plugins, no foreign hosts, forms post only to Waishi, no framing by others.
# Inline style attributes stay allowed (they cannot run code).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "style-src-attr": [CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
# The CMS and Django's admin are third-party screens with inline scripts of their own: they
# keep the same origins but may run inline code (and they are behind WAISHI_ADMIN_NETWORKS).
WAISHI_CSP_ADMIN = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
}

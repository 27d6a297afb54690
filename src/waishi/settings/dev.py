"""Development: debug on, e-mail to a file outbox in var/outbox."""

from .base import *  # noqa: F403
from .base import VAR_DIR
from .env import env_bool

DEBUG = env_bool("DEBUG", True)
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": str(VAR_DIR / "outbox")},
    }
}

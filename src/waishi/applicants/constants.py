"""Choices of the applicants' accounts."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IdentityKind(models.TextChoices):
    """How an applicant proves who they are."""

    RESIDENT = "resident", _("Mainland resident (resident ID card)")
    OTHER = "other", _("Foreign national or resident of Hong Kong, Macao or Taiwan")


class Channel(models.TextChoices):
    """Where a one-time code or link goes."""

    SMS = "sms", _("Text message")
    EMAIL = "email", _("E-mail")


class CodePurpose(models.TextChoices):
    SIGN_UP = "sign_up", _("Sign-up")


class ConsentKind(models.TextChoices):
    """What an applicant agreed to (Personal Information Protection Law, art. 14, 29)."""

    PRIVACY_NOTICE = "privacy_notice", _("Privacy notice")
    SENSITIVE_DATA = "sensitive_data", _("Processing of sensitive personal information")


# The version of the notice and consent texts the sign-up page shows. A new text gets a new
# version, so each recorded consent says which words the person agreed to.
PRIVACY_NOTICE_VERSION = "2026-12"
SENSITIVE_CONSENT_VERSION = "2026-12"

# What sign-up records: each consent with the version of its text.
CONSENT_VERSIONS = (
    (ConsentKind.PRIVACY_NOTICE, PRIVACY_NOTICE_VERSION),
    (ConsentKind.SENSITIVE_DATA, SENSITIVE_CONSENT_VERSION),
)

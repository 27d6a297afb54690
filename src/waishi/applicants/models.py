"""Applicants: people and companies outside government who file the bureau's public services.

An applicant is a ``accounts.User`` holding the applicant role, with the identity they gave
at sign-up (``Applicant``). A company (``Company``) acts through the people it authorised
(``Authorisation``); one person may act for several companies. ``Filing`` records who
filed a case of a type that takes applicants' filings (``CaseType.filed_by_applicants``).
Rows are written only by ``actions``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from waishi.cases.models import private_storage
from waishi.core import pii
from waishi.core.models import TimeStampedModel

from .constants import Channel, CodePurpose, ConsentKind, IdentityKind


class Applicant(TimeStampedModel):
    """The verified identity of a person who signed up to file public services."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="applicant",
        verbose_name=_("user account"),
    )
    kind = models.CharField(_("identity document"), max_length=10, choices=IdentityKind.choices)
    real_name = models.CharField(_("real name"), max_length=100)
    id_number = pii.EncryptedTextField(_("resident ID number"), kind=pii.Kind.ID, blank=True)
    id_number_index = pii.BlindIndexField(source="id_number")
    document_number = pii.EncryptedTextField(
        _("passport or permit number"), kind=pii.Kind.PASSPORT, blank=True
    )
    document_number_index = pii.BlindIndexField(source="document_number")
    nationality = models.ForeignKey(
        "registers.Country",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("nationality or region"),
    )
    phone_verified_at = models.DateTimeField(_("mobile number verified at"), null=True, blank=True)
    email_verified_at = models.DateTimeField(_("e-mail verified at"), null=True, blank=True)
    deletion_requested_at = models.DateTimeField(
        _("account deletion requested at"), null=True, blank=True
    )

    objects = pii.PiiManager()

    class Meta:
        verbose_name = _("applicant")
        verbose_name_plural = _("applicants")

    def __str__(self) -> str:
        return self.real_name


class OneTimeCode(models.Model):
    """A code sent by text message, or a link sent by e-mail, to prove a number or address.

    Neither the code nor the address is stored in the clear: ``target_index`` is a keyed hash
    of the number or address, ``secret_hash`` a keyed hash of the code or link token.
    """

    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    purpose = models.CharField(_("purpose"), max_length=20, choices=CodePurpose.choices)
    target_index = models.CharField(_("number or address (keyed hash)"), max_length=64)
    # Not unique: two codes for one number may, rarely, be the same six digits.
    secret_hash = models.CharField(_("code (keyed hash)"), max_length=64, db_index=True)
    expires_at = models.DateTimeField(_("expires at"))
    attempts = models.PositiveSmallIntegerField(_("wrong tries"), default=0)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("one-time code")
        verbose_name_plural = _("one-time codes")
        indexes = [
            models.Index(
                fields=["target_index", "purpose", "-created_at"], name="applicants_code_target"
            ),
            models.Index(fields=["expires_at"], name="applicants_code_expiry"),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.created_at:%Y-%m-%d %H:%M}"


class Consent(models.Model):
    """One consent an applicant gave: which text, which version, when (PIPL art. 14, 29)."""

    applicant = models.ForeignKey(
        Applicant, on_delete=models.CASCADE, related_name="consents", verbose_name=_("applicant")
    )
    kind = models.CharField(_("consent to"), max_length=20, choices=ConsentKind.choices)
    version = models.CharField(_("text version"), max_length=20)
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["given_at", "id"]
        indexes = [
            models.Index(fields=["applicant", "given_at", "id"], name="applicants_consent_given")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.version}"


class Company(TimeStampedModel):
    """A company or other organisation registered by a person it authorised."""

    credit_code = models.CharField(_("unified social credit code"), max_length=18, unique=True)
    name = models.CharField(_("company name"), max_length=200)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("registered by"),
    )

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["name", "id"], name="applicants_company_name")]

    def __str__(self) -> str:
        return self.name


def letter_path(instance: "Authorisation", filename: str) -> str:
    return f"authorisations/{instance.company_id}/{filename}"


class Authorisation(TimeStampedModel):
    """A person authorised to act for a company, with the company's letter of authorisation.

    The person who registered the company, and anyone they make a manager, invites others.
    The bureau may confirm an authorisation after reading the letter.
    """

    company = models.ForeignKey(
        Company,
        on_delete=models.CASCADE,
        related_name="authorisations",
        verbose_name=_("company"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="company_authorisations",
        verbose_name=_("person"),
    )
    is_manager = models.BooleanField(_("may invite others"), default=False)
    letter = models.FileField(
        _("letter of authorisation"),
        upload_to=letter_path,
        storage=private_storage,
        max_length=200,
        blank=True,
    )
    letter_name = models.CharField(_("file name"), max_length=200, blank=True)
    letter_sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed by the bureau at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("confirmed by"),
    )

    class Meta:
        verbose_name = _("authorisation")
        verbose_name_plural = _("authorisations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["company", "user"], name="applicants_authorised_once")
        ]
        indexes = [
            models.Index(fields=["confirmed_at", "created_at", "id"], name="applicants_auth_queue")
        ]

    def __str__(self) -> str:
        return f"{self.company} — {self.user}"


class Invitation(models.Model):
    """A company's invitation to the person who signs in with a mobile number or address.

    Only a keyed hash of the number or address is kept; the invited person sees the
    invitation once signed in with it, whether or not they had an account when invited.
    """

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("company")
    )
    target_index = models.CharField(
        _("number or address (keyed hash)"), max_length=64, db_index=True
    )
    target_hint = models.CharField(_("number or address (masked)"), max_length=60)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.company}: {self.target_hint}"


class Filing(models.Model):
    """Who filed a case outside government: the person, and the company they acted for."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="filing", verbose_name=_("case")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="filings",
        verbose_name=_("filed by"),
    )
    company = models.ForeignKey(
        Company,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="filings",
        verbose_name=_("for the company"),
    )

    class Meta:
        verbose_name = _("filing by an applicant")
        verbose_name_plural = _("filings by applicants")

    def __str__(self) -> str:
        return str(self.case_id)

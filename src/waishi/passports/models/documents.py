"""The register of official travel documents, their endorsements, losses and holder flags."""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from waishi.cases.models import private_storage
from waishi.core import pii
from waishi.core.models import TimeStampedModel
from waishi.core.validators import DocumentKind

from ..constants import (
    DEAD_STATUSES,
    VALIDITY_TERMS,
    DocumentStatus,
    EndorsementKind,
    EndorsementValidity,
    kind_choices,
)


class TravelDocument(TimeStampedModel):
    """One official passport or Hong Kong/Macao pass of one holder, in central custody.

    The number is personal data: stored encrypted, found through its blind index, shown
    masked, revealed only with a reason (``core.pii.reveal``).
    """

    kind = models.CharField(_("kind of document"), max_length=30, choices=kind_choices())
    number = pii.EncryptedTextField(_("document number"), kind=pii.Kind.PASSPORT)
    number_index = pii.BlindIndexField(source="number")
    holder = models.ForeignKey(
        "registers.Person",
        on_delete=models.PROTECT,
        related_name="travel_documents",
        verbose_name=_("holder"),
    )
    issue_date = models.DateField(_("date of issue"))
    expiry_date = models.DateField(_("date of expiry"))
    issuing_authority = models.CharField(_("issuing authority"), max_length=120)
    custodian = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        related_name="documents_in_custody",
        verbose_name=_("custodian agency"),
        help_text=_("The agency whose people hold the document; the bureau keeps it."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DocumentStatus.choices,
        default=DocumentStatus.IN_CUSTODY,
    )
    status_changed_on = models.DateField(_("status since"), default=datetime.date.today)
    cancelled_reason = models.CharField(_("reason for cancellation"), max_length=300, blank=True)
    issued_by_request = models.ForeignKey(
        "passports.IssuanceItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("issued on request"),
    )

    objects = pii.PiiManager()

    class Meta:
        verbose_name = _("travel document")
        verbose_name_plural = _("travel documents")
        ordering = ["expiry_date", "id"]
        indexes = [
            models.Index(fields=["custodian", "status", "id"], name="passports_doc_custodian"),
            models.Index(fields=["status", "expiry_date", "id"], name="passports_doc_status"),
            models.Index(fields=["holder", "kind"], name="passports_doc_holder"),
            models.Index(fields=["expiry_date", "id"], name="passports_doc_expiry"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {pii.mask_passport_number(self.number)}"

    @property
    def masked_number(self) -> str:
        return pii.mask_passport_number(self.number)

    @property
    def is_usable(self) -> bool:
        """Not lost, cancelled or expired (whatever the date says)."""
        return self.status not in DEAD_STATUSES

    @property
    def is_pass(self) -> bool:
        return self.kind == DocumentKind.HK_MACAO_OFFICIAL_PASS


class Endorsement(TimeStampedModel):
    """An endorsement (签注) on an official Hong Kong/Macao pass."""

    document = models.ForeignKey(
        TravelDocument,
        on_delete=models.CASCADE,
        related_name="endorsements",
        verbose_name=_("pass"),
    )
    kind = models.CharField(
        _("kind of endorsement"),
        max_length=20,
        choices=EndorsementKind.choices,
        default=EndorsementKind.VISIT,
    )
    validity = models.CharField(
        _("validity and entries"), max_length=20, choices=EndorsementValidity.choices
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    entries_used = models.PositiveSmallIntegerField(_("entries used"), default=0)

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        ordering = ["document", "-valid_until", "id"]
        indexes = [
            models.Index(fields=["document", "-valid_until"], name="passports_endorsement_doc")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.get_validity_display()}"

    @property
    def entries_allowed(self) -> int | None:
        """Entries the endorsement allows; None for multiple entries."""
        return VALIDITY_TERMS[self.validity][1]

    @property
    def entries_left(self) -> int | None:
        allowed = self.entries_allowed
        return None if allowed is None else max(allowed - self.entries_used, 0)


def police_report_path(instance: "LossReport", filename: str) -> str:
    import secrets

    return f"passports/loss/{secrets.token_hex(16)}"


class LossReport(models.Model):
    """A document reported lost, with the police report; the document is then cancelled."""

    document = models.OneToOneField(
        TravelDocument,
        on_delete=models.PROTECT,
        related_name="loss_report",
        verbose_name=_("document"),
    )
    lost_on = models.DateField(_("lost on"))
    place = models.CharField(_("where it was lost"), max_length=200)
    circumstances = models.TextField(_("circumstances"))
    police_report = models.FileField(
        _("police report"),
        upload_to=police_report_path,
        storage=private_storage,
        max_length=200,
    )
    police_report_name = models.CharField(_("file name"), max_length=200)
    police_report_type = models.CharField(_("content type"), max_length=100)
    police_report_sha256 = models.CharField(_("SHA-256"), max_length=64)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reported by"),
    )
    reported_at = models.DateTimeField(_("reported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("loss report")
        verbose_name_plural = _("loss reports")
        ordering = ["-reported_at", "-id"]
        indexes = [models.Index(fields=["-reported_at", "-id"], name="passports_loss_recent")]

    def __str__(self) -> str:
        return str(self.document)


class HolderFlag(models.Model):
    """A mark on a traveller that the reviewers of a mission must see (e.g. a lost passport).

    A flag is a warning; barring the holder from official travel is a ``TravelBar``.
    """

    holder = models.ForeignKey(
        "registers.Person",
        on_delete=models.CASCADE,
        related_name="passport_flags",
        verbose_name=_("holder"),
    )
    reason = models.CharField(_("reason"), max_length=300)
    loss_report = models.ForeignKey(
        LossReport,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="flags",
        verbose_name=_("loss report"),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("flag on a holder")
        verbose_name_plural = _("flags on holders")
        ordering = ["holder", "-created_at", "id"]
        indexes = [models.Index(fields=["holder", "is_active"], name="passports_flag_holder")]

    def __str__(self) -> str:
        return f"{self.holder}: {self.reason}"

"""Official documents: certificates, notices and letters the bureau issues from a case."""

import datetime
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..constants import DocumentState
from .case import private_storage

# Letters and digits that cannot be mistaken for one another when typed from paper.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12


def new_document_code() -> str:
    """A random verification code, printed in groups of four (60 bits)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def document_file_path(instance: "OfficialDocument", filename: str) -> str:
    return f"documents/{instance.kind}/{instance.year}/{filename}"


class OfficialDocument(models.Model):
    """One issued version of an official document of a case (a certificate, a notice …).

    Issuing records, in ``facts``, everything the document prints as it stands then; the PDF
    is drawn from them afterwards and kept with its SHA-256, so what is downloaded later is
    what was issued. The number is gapless per kind and year; a reissue of the same kind on
    the same case is the next version under the same number and supersedes the earlier one.
    Anyone holding the paper can check it on the portal by its verification code, which
    answers with the state and the kind's public facts only.
    """

    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.PROTECT,
        related_name="official_documents",
        verbose_name=_("case"),
    )
    kind = models.CharField(_("kind"), max_length=64)
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("number in the year"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    language = models.CharField(_("language"), max_length=10, default="zh-hans")
    facts = models.JSONField(_("facts printed"), default=dict, blank=True)
    code = models.CharField(_("verification code"), max_length=CODE_LENGTH, unique=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("issued by"),
    )
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.TextField(_("reason for revoking"), blank=True)
    file = models.FileField(
        _("file"), upload_to=document_file_path, storage=private_storage, max_length=200, blank=True
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True)
    # When the PDF was last asked for: a lost request is asked again after a while, a pending
    # one is not asked twice.
    render_requested_at = models.DateTimeField(_("PDF requested at"), null=True, blank=True)
    rendered_at = models.DateTimeField(_("PDF rendered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("official document")
        verbose_name_plural = _("official documents")
        ordering = ["case", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "year", "sequence", "version"], name="cases_document_number"
            ),
        ]
        indexes = [models.Index(fields=["case", "kind"], name="cases_document_case")]

    def __str__(self) -> str:
        return str(self.number)

    @property
    def kind_spec(self) -> Any:
        from ..documents import document_kind

        return document_kind(self.kind)

    @property
    def label(self) -> Any:
        spec = self.kind_spec
        return spec.label if spec is not None else self.kind

    @property
    def number(self) -> str:
        """The number as printed, in the active language (e.g. 肇侨证〔2026〕17号)."""
        spec = self.kind_spec
        if spec is None:
            return f"{self.kind} {self.year}-{self.sequence}"
        return str(spec.number_format) % {"year": self.year, "number": self.sequence}

    @property
    def display_code(self) -> str:
        """The verification code as printed: groups of four."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    def state_on(self, day: datetime.date) -> str:
        if self.revoked_at is not None:
            return DocumentState.REVOKED
        if self.superseded_at is not None:
            return DocumentState.SUPERSEDED
        if self.valid_until is not None and day > self.valid_until:
            return DocumentState.EXPIRED
        return DocumentState.VALID

    @property
    def state(self) -> str:
        return self.state_on(timezone.localdate())

    @property
    def state_label(self) -> Any:
        return DocumentState(self.state).label

    @property
    def is_rendered(self) -> bool:
        return bool(self.file)

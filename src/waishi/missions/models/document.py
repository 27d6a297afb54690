"""The approval document (任务批件) issued when a mission is approved."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waishi.cases.models import private_storage


def document_path(instance: "ApprovalDocument", filename: str) -> str:
    return f"missions/approvals/{instance.year}/{filename}"


class ApprovalDocument(models.Model):
    """One issued version of a mission's approval document.

    Issuing numbers the document and records, in ``content``, every fact it prints (members,
    route, dates, approver, verification code) as they stand at approval. The PDF is drawn
    from ``content`` afterwards, by a background task, and kept: what the agency downloads is
    always what was approved, however the application changes later. The number is given
    once per mission and year (gapless); a change that is approved again issues the next
    version under the same number and marks the earlier one superseded.
    """

    mission = models.ForeignKey(
        "missions.Mission",
        on_delete=models.CASCADE,
        related_name="approval_documents",
        verbose_name=_("mission"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("number in the year"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    content = models.JSONField(_("facts printed"), default=dict, blank=True)
    file = models.FileField(
        _("file"), upload_to=document_path, storage=private_storage, max_length=200, blank=True
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("issued by"),
    )
    # When the PDF was last asked for (at issue, or by a download finding none): a lost
    # request is asked again after a while, a pending one is not asked twice.
    render_requested_at = models.DateTimeField(_("PDF requested at"), null=True, blank=True)
    rendered_at = models.DateTimeField(_("PDF rendered at"), null=True, blank=True)
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("approval document")
        verbose_name_plural = _("approval documents")
        ordering = ["mission", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "version"], name="missions_approvaldoc_version"
            ),
        ]
        indexes = [models.Index(fields=["year", "sequence"], name="missions_approvaldoc_number")]

    def __str__(self) -> str:
        return self.number

    @property
    def number(self) -> str:
        """The document number as printed, e.g. 外任批〔2026〕17号."""
        return _("Mission approval [%(year)s] No. %(number)s") % {
            "year": self.year,
            "number": self.sequence,
        }

    @property
    def is_rendered(self) -> bool:
        """Whether the PDF has been drawn and stored."""
        return bool(self.file)

    @property
    def file_name(self) -> str:
        return f"{self.mission.case.reference}-v{self.version}.pdf"

"""The case kernel's tables: cases, their timeline and files, and the bookkeeping around them.

One ``Case`` row per piece of business, whatever the area; an area app adds a one-to-one
detail model. Rows are written only by ``cases.actions`` and the workflow engine.
"""

import secrets
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..constants import (
    VERIFICATION_ALPHABET,
    VERIFICATION_LENGTH,
    ClockOwner,
    EntryKind,
    ExportStatus,
    Priority,
)


def new_verification_code() -> str:
    """Eight random characters from an alphabet without look-alikes."""
    return "".join(secrets.choice(VERIFICATION_ALPHABET) for _ in range(VERIFICATION_LENGTH))


class PrivateStorage(LazyObject):
    """``STORAGES["private"]``, looked up on first use (and again after a settings change)."""

    def _setup(self) -> None:
        from django.core.files.storage import storages

        self._wrapped = storages["private"]  # type: ignore[assignment]


PRIVATE_STORAGE = PrivateStorage()


def private_storage() -> Any:
    """The storage for files that only permission-checked views may serve."""
    return PRIVATE_STORAGE


@receiver(setting_changed)
def _forget_private_storage(*, setting: str, **kwargs: Any) -> None:
    # Tests point STORAGES at a temporary folder; the next use must see it.
    if setting == "STORAGES":
        PRIVATE_STORAGE._wrapped = empty  # type: ignore[assignment]


class Case(models.Model):
    """One piece of business the bureau handles: a mission, a passport request, a donation…"""

    reference = models.CharField(_("reference number"), max_length=32, unique=True)
    case_type = models.CharField(_("case type"), max_length=16)
    status = models.CharField(_("status"), max_length=40)
    # Kept by the workflow engine: false once the case reaches a final state. The inbox and
    # the deadline sweep look only at open cases.
    is_open = models.BooleanField(_("open"), default=True)
    # Empty only for a case filed by an applicant (a person or company outside government)
    # under a type that takes such filings (``CaseType.filed_by_applicants``).
    agency = models.ForeignKey(
        "accounts.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("agency"),
    )
    division = models.ForeignKey(
        "accounts.Division",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("owning division"),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_cases",
        verbose_name=_("assignee"),
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    # The nearest running clock's due date and who owes it (kept by ``cases.clocks``).
    due_date = models.DateField(_("due date"), null=True, blank=True)
    due_owner = models.CharField(
        _("who must act"), max_length=10, choices=ClockOwner.choices, blank=True
    )
    title = models.CharField(_("title"), max_length=200)
    # Optimistic locking: every write bumps it; a form or API call carrying an older number
    # is refused as a conflict instead of silently overwriting someone else's change.
    version = models.PositiveIntegerField(_("version"), default=1)
    verification_code = models.CharField(
        _("verification code"), max_length=VERIFICATION_LENGTH, default=new_verification_code
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("updated by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        # Every index ends in ``id`` so keyset pagination over (…, id) can seek in it.
        indexes = [
            models.Index(fields=["-updated_at", "-id"], name="cases_recent_idx"),
            models.Index(
                fields=["assignee", "is_open", "-updated_at", "-id"], name="cases_assignee_idx"
            ),
            models.Index(
                fields=["division", "is_open", "-updated_at", "-id"], name="cases_division_idx"
            ),
            models.Index(fields=["agency", "-updated_at", "-id"], name="cases_agency_idx"),
            models.Index(fields=["is_open", "due_date", "id"], name="cases_due_idx"),
            models.Index(
                fields=["case_type", "status", "-updated_at", "-id"], name="cases_type_idx"
            ),
            models.Index(fields=["status", "-updated_at", "-id"], name="cases_status_idx"),
            # The inbox's and API's usual filter pair: one agency's cases in one status.
            # Without it the database intersects all of the agency's cases with all cases in
            # that status (tens of thousands of index entries each at a million cases).
            models.Index(
                fields=["agency", "status", "-updated_at", "-id"], name="cases_agency_status_idx"
            ),
            # Reference prefix search (LIKE 'CG-2026%') on PostgreSQL needs the pattern
            # operator class; other databases ignore it.
            models.Index(
                fields=["reference"],
                name="cases_reference_like_idx",
                opclasses=["varchar_pattern_ops"],
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("cases:detail", kwargs={"reference": self.reference})

    @property
    def case_type_obj(self) -> Any:
        """The registered ``CaseType`` of this case."""
        from ..registry import get_case_type

        return get_case_type(self.case_type)

    @property
    def status_label(self) -> str:
        return str(self.case_type_obj.workflow.state_label(self.status))


class CaseName(models.Model):
    """A person named in a case (a delegation member, say), for finding cases by name.

    The area that names people keeps these rows (``cases.names.set_case_names``) whenever
    the people of a case or their names change. The name search reads the newest cases
    naming someone from this table's index alone, however many cases name them.
    """

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="person_names", verbose_name=_("case")
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=100)

    class Meta:
        verbose_name = _("name in a case")
        verbose_name_plural = _("names in cases")
        constraints = [models.UniqueConstraint(fields=["case", "name"], name="cases_casename_once")]
        # A name's prefix with its cases, newest first, read from the index alone
        # (PostgreSQL needs the pattern operator class for LIKE 'prefix%').
        indexes = [
            models.Index(
                fields=["name", "case"],
                name="cases_casename_name",
                opclasses=["varchar_pattern_ops", "int8_ops"],
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.name}"


class ReferenceCounter(models.Model):
    """The last reference number given per case type and year; locked to hand out the next.

    ``case_type`` is a case type's code, or the counter of another numbered series (an
    official document kind's ``doc:<kind>``).
    """

    case_type = models.CharField(_("case type"), max_length=80)
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("reference counter")
        verbose_name_plural = _("reference counters")
        constraints = [
            models.UniqueConstraint(fields=["case_type", "year"], name="cases_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.case_type}-{self.year}: {self.last_number}"


class TimelineEntry(models.Model):
    """One line in a case's history. Public entries are shown to the agency and the portal."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="timeline", verbose_name=_("case")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EntryKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True)
    text = models.TextField(_("text"), blank=True)
    is_public = models.BooleanField(_("visible to the agency"), default=False)
    transition = models.CharField(_("transition"), max_length=40, blank=True)
    from_status = models.CharField(_("from status"), max_length=40, blank=True)
    to_status = models.CharField(_("to status"), max_length=40, blank=True)
    # The case version this entry produced (0 when it did not change the case row), so a
    # conflict page can list exactly what happened since a form was built.
    version = models.PositiveIntegerField(_("case version"), default=0)
    # Changed fields as {"field": [old, new]}, and the inputs a transition took.
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["case", "created_at", "id"], name="cases_timeline_idx")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.created_at:%Y-%m-%d %H:%M}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    # Stored under a random name: the original name is kept in the row, never on disk.
    return f"cases/{instance.case_id}/{secrets.token_hex(16)}"


class Attachment(models.Model):
    """A file attached to a case, kept in private storage and served by a checked view."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("case")
    )
    file = models.FileField(
        _("file"), upload_to=attachment_path, storage=private_storage, max_length=200
    )
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    is_public = models.BooleanField(_("visible to the agency"), default=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "id"]
        indexes = [models.Index(fields=["case", "uploaded_at"], name="cases_attachment_idx")]

    def __str__(self) -> str:
        return self.original_name


class IdempotencyKey(models.Model):
    """A client's key for one submission: a repeat with the same key gets the first result."""

    key = models.CharField(_("key"), max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("user"),
    )
    scope = models.CharField(_("scope"), max_length=60)
    case = models.ForeignKey(
        Case,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("case"),
    )
    result = models.JSONField(_("result"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="cases_idempotency_unique")
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.key}"


class ExportJob(models.Model):
    """A large XLSX export running in the background; its file is fetched by its owner only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("requested by"),
    )
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.PENDING
    )
    total = models.PositiveIntegerField(_("rows to write"), default=0)
    done = models.PositiveIntegerField(_("rows written"), default=0)
    file = models.FileField(_("file"), upload_to="exports/", storage=private_storage, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        indexes = [models.Index(fields=["user", "-created_at"], name="cases_export_user_idx")]

    def __str__(self) -> str:
        return f"export {self.pk} ({self.status})"

    @property
    def percent(self) -> int:
        return 100 if self.status == ExportStatus.DONE else int(100 * self.done / (self.total or 1))

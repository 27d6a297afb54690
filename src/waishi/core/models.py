"""Small building blocks shared by every app's models."""

from typing import Any

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# Suffixes of the per-language columns of a translated text, in fallback order after the
# active language.
LANGUAGE_SUFFIXES = {"zh-hans": "zh_hans", "zh-hant": "zh_hant", "en": "en"}
FALLBACK_ORDER = ("zh_hans", "zh_hant", "en")


def translated(field: str, instance: Any, language: str | None = None) -> str:
    """Return ``instance.<field>_<language>``, falling back to Simplified, then the others."""
    language = language or translation.get_language() or "zh-hans"
    suffix = LANGUAGE_SUFFIXES.get(language.lower(), "zh_hans")
    for candidate in (suffix, *FALLBACK_ORDER):
        value = getattr(instance, f"{field}_{candidate}", "")
        if value:
            return str(value)
    return ""


class TranslatedMixin:
    """Gives models with ``<field>_zh_hans / _zh_hant / _en`` columns a ``tr(field)`` reader."""

    def tr(self, field: str) -> str:
        """The field in the active language, falling back as ``translated`` does."""
        return translated(field, self)

    @property
    def name(self) -> str:
        return self.tr("name")


class TimeStampedModel(models.Model):
    """Adds creation and modification times."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class TaskLease(models.Model):
    """How often a background task was started, and until when its worker vouches for it.

    A worker takes the lease when it starts a task and renews it while the task runs. A task
    still marked running after its lease ran out was killed mid-run (the worker or its machine
    died): ``waishi tasks sweep`` queues it again after a pause that grows with each attempt,
    and marks it failed after ``WAISHI_TASK_MAX_ATTEMPTS``.
    """

    task = models.OneToOneField(
        "django_tasks_database.DBTaskResult",
        on_delete=models.CASCADE,
        related_name="lease",
        verbose_name=_("task"),
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    worker_id = models.CharField(_("worker"), max_length=64, blank=True)
    lease_until = models.DateTimeField(_("lease until"), null=True, blank=True, db_index=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("task lease")
        verbose_name_plural = _("task leases")

    def __str__(self) -> str:
        return f"{self.task_id} × {self.attempts}"

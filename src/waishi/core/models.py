"""Small building blocks shared by every app's models."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
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


class NoticeStatus(models.TextChoices):
    """Whether a year's working days rest on the State Council's notice."""

    OFFICIAL = "official", _("Official")
    PROVISIONAL = "provisional", _("Provisional")


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Public holiday")
    WORKDAY = "workday", _("Make-up working day")


class Festival(models.TextChoices):
    """The public holidays of the Regulations on National Holidays (全国年节及纪念日放假办法)."""

    NEW_YEAR = "new_year", _("New Year's Day")
    SPRING_FESTIVAL = "spring_festival", _("Spring Festival")
    QINGMING = "qingming", _("Qingming Festival")
    LABOUR_DAY = "labour_day", _("Labour Day")
    DRAGON_BOAT = "dragon_boat", _("Dragon Boat Festival")
    MID_AUTUMN = "mid_autumn", _("Mid-Autumn Festival")
    NATIONAL_DAY = "national_day", _("National Day")
    # A one-off holiday: 3 September 2015, the 70th anniversary of the victory of the Chinese
    # People's War of Resistance against Japanese Aggression and the World Anti-Fascist War.
    VICTORY_ANNIVERSARY = "victory_anniversary", _("Victory Day anniversary")


class HolidayNotice(models.Model):
    """The State Council's notice that sets one year's public holidays and make-up days.

    A year without a notice has provisional days computed from the law (see
    ``waishi.core.workdays``). Each change raises ``version``: a form opened on an older
    version is refused.
    """

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    number = models.CharField(_("notice number"), max_length=64, blank=True)
    title = models.CharField(_("notice title"), max_length=200, blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=NoticeStatus.choices, default=NoticeStatus.OFFICIAL
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    entered_at = models.DateTimeField(_("entered at"), default=timezone.now)
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("holiday notice")
        verbose_name_plural = _("holiday notices")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year} {self.number}".strip()


class CalendarDay(models.Model):
    """One public holiday or make-up working day (调休) as a notice sets it."""

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=DayKind.choices)
    festival = models.CharField(_("festival"), max_length=32, choices=Festival.choices)
    notice = models.ForeignKey(
        HolidayNotice, on_delete=models.CASCADE, related_name="days", verbose_name=_("notice")
    )

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}"

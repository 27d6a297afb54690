"""The only writers of discipline supervision: opening inspections, measures, reports.

Each action checks the actor's right, runs in one transaction with its audit event and
writes nothing when it refuses (``ValidationError`` or ``PermissionDenied``).
"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.cases import actions as case_actions
from waishi.cases.breaches import Breach, BreachQuery, find_breaches, get_breach_source
from waishi.cases.constants import DueUnit, StepBody
from waishi.cases.figures import Period, compute_figures
from waishi.cases.models import Case
from waishi.cases.refusals import TransitionRefused
from waishi.cases.standing import do_impose_suspension
from waishi.cases.steps import Due, do_send_step

from .constants import (
    CASE_TYPE,
    COMMISSION_NAME,
    SUSPENDS,
    SUSPENSION_SOURCE,
    MeasureKind,
    ReportPeriod,
    ReportStatus,
)
from .models import Inspection, Measure, Report

# States in which measures may be recorded.
MEASURE_STATES = ("findings", "rectification")


def find_breach(uid: str) -> Breach | None:
    """The breach named ``<source>:<key>`` as its source reads it now (open or cleared)."""
    source, _sep, key = uid.partition(":")
    try:
        get_breach_source(source)
    except LookupError:
        return None
    query = BreachQuery(cleared=None, limit=100_000)
    return next((b for b in find_breaches(query, sources=[source]) if b.key == key), None)


def open_inspection_of(breach: Breach) -> Case | None:
    found = (
        Inspection.objects.filter(
            breach_source=breach.source, breach_key=breach.key, case__is_open=True
        )
        .select_related("case")
        .first()
    )
    return found.case if found else None


def do_open_inspection(
    *,
    actor: Any,
    agency: Any = None,
    breach_uid: str = "",
    grounds: str = "",
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Case:
    """Open an inspection from a breach (``breach_uid``) or on the inspector's own grounds.

    Checks ``supervision.open_inspection``. A breach already under an open inspection is
    refused with its reference; an inspection without a breach needs an agency and grounds.
    """
    if not actor.has_perm("supervision.open_inspection"):
        raise PermissionDenied(_("You may not open inspections."))
    breach = None
    if breach_uid:
        breach = find_breach(breach_uid)
        if breach is None:
            raise ValidationError(_("This breach is no longer on the list."))
        existing = open_inspection_of(breach)
        if existing is not None:
            raise ValidationError(
                _("This breach is already under inspection: %(reference)s.")
                % {"reference": existing.reference}
            )
        if breach.agency_id is None:
            raise ValidationError(_("This breach names no agency to inspect."))
        from waishi.accounts.models import Agency

        agency = Agency.objects.get(pk=breach.agency_id)
    elif agency is None or not grounds.strip():
        raise ValidationError(_("Choose the agency and give the grounds of the inspection."))
    title = (
        _("Inspection: %(what)s") % {"what": breach.what}
        if breach
        else _("Inspection: %(grounds)s") % {"grounds": grounds.strip()}
    )[:200]

    def build(case: Case) -> Inspection:
        return Inspection.objects.create(
            case=case,
            breach_source=breach.source if breach else "",
            breach_key=breach.key if breach else "",
            breach_when=breach.when if breach else None,
            breach_what=breach.what if breach else "",
            breach_case=breach.case_reference if breach else "",
            citation=breach.citation if breach else "",
            person_id=breach.person_id if breach else None,
            grounds=grounds.strip(),
        )

    try:
        return case_actions.do_create_case(
            actor=actor,
            case_type=CASE_TYPE,
            agency=agency,
            title=title,
            build_detail=build,
            idempotency_key=idempotency_key,
            request=request,
        )
    except TransitionRefused as refused:
        raise ValidationError(list(refused.reasons)) from refused


def do_take_measure(
    *,
    actor: Any,
    case: Case,
    kind: str,
    note: str,
    request: HttpRequest | None = None,
) -> Measure:
    """Record a measure on an inspection; a suspension goes through the kernel's agency
    standing, a referral is an external step to the discipline commission.

    Checks ``supervision.take_measure`` (the discipline division) and the case's state.
    """
    if not actor.has_perm("supervision.take_measure"):
        raise PermissionDenied(_("You may not take measures."))
    if kind not in MeasureKind.values:
        raise ValidationError(_("Choose a measure."))
    if not note.strip():
        raise ValidationError(_("Say what was decided."))
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if locked.case_type != CASE_TYPE or locked.status not in MEASURE_STATES:
            raise ValidationError(_("Measures are recorded once the findings are recorded."))
        inspection = Inspection.objects.get(case=locked)
        today = timezone.localdate()
        measure = Measure(
            inspection=inspection, kind=kind, note=note.strip(), taken_on=today, taken_by=actor
        )
        if kind == MeasureKind.SUSPENSION:
            suspension, _created = do_impose_suspension(
                agency=locked.agency,
                source=SUSPENSION_SOURCE,
                reasons=_("Discipline inspection %(reference)s: %(note)s")
                % {"reference": locked.reference, "note": note.strip()},
                case_types=SUSPENDS,
                actor=actor,
                rule_citation=inspection.citation,
                request=request,
            )
            measure.suspension_id = suspension.pk
        elif kind == MeasureKind.REFERRAL:
            try:
                step = do_send_step(
                    case=locked,
                    actor=actor,
                    body=StepBody.OTHER,
                    body_name=str(COMMISSION_NAME),
                    request_text=note.strip(),
                    sent_on=today,
                    due=Due(DueUnit.DAYS, 30),
                )
            except TransitionRefused as refused:
                raise ValidationError(list(refused.reasons)) from refused
            measure.step_id = step.pk
        measure.save()
        case_actions.do_add_timeline_entry(
            case=locked,
            actor=actor,
            kind="note",
            text=_("Measure: %(kind)s — %(note)s")
            % {"kind": measure.get_kind_display(), "note": measure.note},
            is_public=False,
        )
        log_action(
            action="supervision.measure.take",
            actor=actor,
            obj=locked,
            after={"kind": kind, "note": measure.note},
            request=request,
        )
    return measure


# Reports upward ------------------------------------------------------------------------------
def report_period(report: Report) -> Period:
    if report.period == ReportPeriod.YEAR:
        return Period.year(report.year)
    return Period.half(report.year, int(report.period))


def live_figures(report: Report) -> list[dict[str, Any]]:
    """The figures as the areas' data say now, in the stored form of a sent report."""
    return [
        {
            "source": source.code,
            "label": str(source.label),
            "figures": [
                {
                    "code": f.code,
                    "label": str(f.label),
                    "value": int(f.value) if float(f.value).is_integer() else str(f.value),
                    "group": str(f.group),
                    "cases": list(f.cases),
                }
                for f in figures
            ],
        }
        for source, figures in compute_figures(report_period(report))
    ]


def report_figures(report: Report) -> list[dict[str, Any]]:
    """What the report says: frozen once sent, live while a draft."""
    return report.figures if report.is_frozen else live_figures(report)


def do_create_report(
    *, actor: Any, year: int, period: int, request: HttpRequest | None = None
) -> Report:
    """Start the report of a year or half-year. Checks ``supervision.manage_reports``."""
    if not actor.has_perm("supervision.manage_reports"):
        raise PermissionDenied(_("You may not prepare reports."))
    today = timezone.localdate()
    if period not in ReportPeriod.values or not 2000 <= year <= today.year:
        raise ValidationError(_("Choose a year up to this one and a period."))
    with transaction.atomic():
        if Report.objects.filter(year=year, period=period).exists():
            raise ValidationError(_("That report exists already."))
        report = Report.objects.create(year=year, period=period)
        log_action(
            action="supervision.report.create",
            actor=actor,
            obj=report,
            after={"year": year, "period": period},
            request=request,
        )
    return report


def do_send_report(
    *,
    actor: Any,
    report: Report,
    sent_on: datetime.date,
    their_reference: str = "",
    summary: str = "",
    expected_version: int,
    request: HttpRequest | None = None,
) -> Report:
    """Record the report as sent to the provincial office and freeze its figures.

    Checks ``supervision.manage_reports``. Refuses a report already sent, a stale form and
    a date in the future; nothing is written then.
    """
    if not actor.has_perm("supervision.manage_reports"):
        raise PermissionDenied(_("You may not send reports."))
    if sent_on > timezone.localdate():
        raise ValidationError(_("The day sent cannot be in the future."))
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if locked.version != expected_version:
            raise ValidationError(_("Someone changed this report since you opened it."))
        if locked.is_frozen:
            raise ValidationError(_("This report was sent already; its figures are frozen."))
        locked.figures = live_figures(locked)
        locked.status = ReportStatus.SENT
        locked.sent_on = sent_on
        locked.sent_to = str(StepBody.PROVINCIAL_FAO.label)
        locked.their_reference = their_reference.strip()
        locked.summary = summary.strip() or locked.summary
        locked.sent_by = actor
        locked.version += 1
        locked.save()
        log_action(
            action="supervision.report.send",
            actor=actor,
            obj=locked,
            after={"sent_on": str(sent_on), "figures": len(locked.figures)},
            request=request,
        )
    return locked

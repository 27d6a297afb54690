"""Template helpers for case pages and the dashboard panels."""

from typing import Any

from django import template
from django.utils import timezone

from ..querysets import visible_to
from ..todo import todo_cases

register = template.Library()

PANEL_ROWS = 5
COUNT_CAP = 999


@register.simple_tag
def my_open_tasks(user: Any) -> list[Any]:
    """A handful of the user's to-do (``cases.todo``): the nearest clock first."""
    from django.db.models import F

    return list(
        todo_cases(user)
        .select_related("agency")
        .order_by(F("due_date").asc(nulls_last=True), "-id")[:PANEL_ROWS]
    )


def capped(count: int) -> str:
    return f"{COUNT_CAP}+" if count > COUNT_CAP else str(count)


@register.simple_tag
def todo_count(user: Any) -> int:
    """How many cases wait for the user's step (counted up to ``COUNT_CAP`` + 1)."""
    return todo_cases(user)[: COUNT_CAP + 1].count()


@register.simple_tag
def overdue_count(user: Any) -> str:
    """How many open cases are overdue, capped so the count stays cheap on a large table."""
    rows = visible_to(user).filter(is_open=True, due_date__lt=timezone.localdate())
    return capped(rows[: COUNT_CAP + 1].count())


@register.simple_tag
def agency_open_cases(user: Any) -> list[Any]:
    return list(visible_to(user).filter(is_open=True).order_by("-updated_at", "-id")[:PANEL_ROWS])


@register.filter
def status_class(case: Any) -> str:
    """A badge colour: open cases blue, overdue red, closed grey."""
    if not case.is_open:
        return "text-bg-secondary"
    if case.due_date and case.due_date < timezone.localdate():
        return "text-bg-danger"
    return "text-bg-primary"


@register.filter
def state_label(state: str, case_type: Any) -> str:
    """A status code as its label in the case type's workflow."""
    return str(case_type.workflow.state_label(state)) if state else ""


@register.filter
def transition_label(name: str, case_type: Any) -> str:
    try:
        return str(case_type.workflow.transition(name).label)
    except KeyError:
        return name


@register.filter
def field_label(name: str) -> str:
    """The translated label of a case header field named in a change record."""
    from ..models import Case

    try:
        return str(Case._meta.get_field(name).verbose_name)  # type: ignore[union-attr]
    except Exception:  # a field an area recorded that the case row does not have
        return name


@register.simple_tag
def workflow_diagram(case: Any) -> str:
    """The case type's state diagram as inline SVG, the case's state highlighted."""
    from django.utils.safestring import mark_safe

    from ..diagram import workflow_svg

    # workflow_svg escapes every label it draws.
    return mark_safe(workflow_svg(case.case_type_obj.workflow, case.status))  # noqa: S308


@register.simple_tag
def new_submission_key() -> str:
    """A fresh idempotency key for a small form written out in a template."""
    import uuid

    return uuid.uuid4().hex


@register.filter
def step_overdue(step: Any, today: Any) -> bool:
    """Whether an external step is still waiting past its due date."""
    return bool(step.is_overdue(today))


@register.simple_tag
def clock_entry_text(entry: Any, case: Any) -> str:
    """A clock's or reminder's timeline entry as a sentence in the reader's language."""
    from ..clocks import describe_entry as describe_clock

    return describe_clock(case.case_type, entry.kind, entry.changes)


@register.filter
def step_entry_text(changes: Any) -> str:
    """An external step's timeline entry as a sentence in the reader's language."""
    from ..steps import describe_entry

    return describe_entry(changes)

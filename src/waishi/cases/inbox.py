"""Filtering, searching and keyset-paging case lists (inbox, agency list, export, API).

Nothing here counts the whole table: a page is the next ``size`` rows after a cursor, found
through the indexes on ``Case``; whether there is a further page is learned by fetching one
row more than shown.
"""

import base64
import binascii
import dataclasses
import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import escape
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from waishi.core.models import FALLBACK_ORDER, translated

from .constants import ClockOwner, InboxTab, StepStatus
from .models import Case, ExternalStep
from .names import names_starting
from .permissions import is_case_staff
from .querysets import visible_to
from .registry import get_case_type, person_searches
from .todo import todo_filter, without_drafts

PAGE_SIZE = 50
# Case ids of a person search passed to the list query as values, not as a subquery.
PERSON_IDS_INLINE = 2000
# How many candidates a name search takes from the name index per round (see page_by_name).
NAME_BATCHES = (200, 2000, 10000)
# What a typed reference looks like: letters, then digits and dashes (CG-2026-00017, CG-2026).
REFERENCE_PATTERN = re.compile(r"^[A-Za-z]{1,6}-\d{1,4}(-\d{0,6})?$")
# A whole reference is looked up by equality: the unique index answers it on every database,
# whereas SQLite cannot use an index for the case-insensitive LIKE of a prefix search.
WHOLE_REFERENCE_PATTERN = re.compile(r"^[A-Za-z]{1,6}-\d{4}-\d{5,6}$")


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One line of a case list with its texts ready to show.

    The list templates print these as they are: working out a badge, a label, a link and two
    dates per row inside the template costs about ten template nodes a row, which for a page
    of fifty rows was most of the time the page took.
    """

    pk: int
    reference: str
    title: str
    url: str
    case_type: str
    status: str
    status_label: str
    status_class: str
    is_open: bool
    agency_name: str
    assignee_name: str
    due_date: datetime.date | None
    due_text: str
    is_overdue: bool
    updated_at: datetime.datetime
    updated_text: str
    # On the "waiting on an outside body" tab: which bodies, since when (already escaped).
    waiting_html: str = ""
    # Who must act before the nearest clock runs out ("the filing agency"), when one runs.
    due_owner: str = ""


# One list row as cases/includes/case_rows.html prints it. Fifty rows through the template
# engine cost several template nodes and escapes per cell; this is the same markup with each
# text escaped once.
ROW_HTML = (
    "\n  <tr>\n"
    '    <td class="font-monospace text-nowrap"><a href="{url}">{reference}</a></td>\n'
    "    <td>{title}{waiting}</td>\n"
    '    <td><span class="badge {status_class}">{status_label}</span></td>\n'
    "    {agency}\n"
    "    <td>{assignee}</td>\n"
    '    <td class="text-nowrap{overdue}">{due}{owner}</td>\n'
    '    <td class="text-nowrap small">{updated}</td>\n'
    "  </tr>\n"
)


def rows_html(rows: list[CaseRow], *, show_agency: bool) -> SafeString:
    """The ``<tr>`` of each row, escaped, for the list templates."""
    return mark_safe(  # noqa: S308 - every text below is escaped
        "".join(
            ROW_HTML.format(
                url=escape(row.url),
                reference=escape(row.reference),
                title=escape(row.title),
                waiting=row.waiting_html,
                status_class=row.status_class,
                status_label=escape(row.status_label),
                agency=f"<td>{escape(row.agency_name)}</td>" if show_agency else "",
                assignee=escape(row.assignee_name) if row.assignee_name else "—",
                overdue=" text-danger fw-semibold" if row.is_overdue else "",
                due=escape(row.due_text),
                owner=(
                    f'<br><span class="small text-body-secondary">{escape(row.due_owner)}</span>'
                    if row.due_owner
                    else ""
                ),
                updated=row.updated_text,
            )
            for row in rows
        )
    )


@dataclass(frozen=True)
class Page:
    rows: list[CaseRow]
    next_cursor: str | None


# The columns a list row reads: the case's own and the names it shows, in one joined query
# (no model instances for the case, its agency and its assignee).
ROW_FIELDS = (
    "id",
    "reference",
    "title",
    "case_type",
    "status",
    "is_open",
    "due_date",
    "due_owner",
    "updated_at",
    *(f"agency__name_{suffix}" for suffix in FALLBACK_ORDER),
    "assignee_id",
    "assignee__full_name",
    "assignee__first_name",
    "assignee__last_name",
    "assignee__username",
)
# Characters reverse() leaves unquoted in a path, for links built from one reversed prefix.
_PATH_SAFE = RFC3986_SUBDELIMS + "/~:@"


class _Fields:
    """``row["agency__name_en"]`` read as ``.name_en``, for ``core.models.translated``."""

    __slots__ = ("prefix", "row")

    def __init__(self, row: Mapping[str, Any], prefix: str) -> None:
        self.row = row
        self.prefix = prefix

    def __getattr__(self, name: str) -> Any:
        return self.row.get(self.prefix + name, "")


class RowBuilder:
    """Turns ``ROW_FIELDS`` values into ``CaseRow``s, working out shared texts once a page."""

    def __init__(self) -> None:
        from django.urls import reverse

        marker = "REFERENCE"
        link = reverse("cases:detail", kwargs={"reference": marker})
        self.link_head, self.link_tail = link.split(marker, 1)
        self.today = timezone.localdate()
        self.labels: dict[tuple[str, str], str] = {}

    def status_label(self, case_type: str, status: str) -> str:
        key = (case_type, status)
        if key not in self.labels:
            workflow = get_case_type(case_type).workflow
            self.labels[key] = str(workflow.state_label(status))
        return self.labels[key]

    def owner_label(self, owner: str) -> str:
        key = ("owner", owner)
        if key not in self.labels:
            try:
                self.labels[key] = str(ClockOwner(owner).label)
            except ValueError:
                self.labels[key] = ""
        return self.labels[key]

    def row(self, values: Mapping[str, Any]) -> CaseRow:
        due = values["due_date"]
        is_open = values["is_open"]
        is_overdue = bool(is_open and due and due < self.today)
        # The badge: closed grey, overdue red, open blue (as the status_class filter says).
        if not is_open:
            badge = "text-bg-secondary"
        elif is_overdue:
            badge = "text-bg-danger"
        else:
            badge = "text-bg-primary"
        assignee = ""
        if values["assignee_id"] is not None:
            # User.display_name: the full name, else first and last name, else the username.
            assignee = (
                values["assignee__full_name"]
                or f"{values['assignee__first_name']} {values['assignee__last_name']}".strip()
                or values["assignee__username"]
            )
        updated = values["updated_at"]
        reference = values["reference"]
        return CaseRow(
            pk=values["id"],
            reference=reference,
            title=values["title"],
            url=f"{self.link_head}{quote(reference, safe=_PATH_SAFE)}{self.link_tail}",
            case_type=values["case_type"],
            status=values["status"],
            status_label=self.status_label(values["case_type"], values["status"]),
            status_class=badge,
            is_open=is_open,
            agency_name=translated("name", _Fields(values, "agency__")),
            assignee_name=assignee,
            due_date=due,
            due_text=due.isoformat() if due else "—",
            is_overdue=is_overdue,
            due_owner=self.owner_label(values["due_owner"]) if is_open and due else "",
            updated_at=updated,
            updated_text=timezone.localtime(updated).strftime("%Y-%m-%d %H:%M"),
        )


def search(cases: QuerySet[Case], text: str, *, names_known: bool | None = None) -> QuerySet[Case]:
    """Cases whose reference, named people or title match ``text``.

    A whole reference is found by equality, the start of one by prefix. Otherwise, when a
    person named in cases (``CaseName``) or an area's person-search hook has a name starting
    with ``text``, the cases naming them are the answer, found through the indexes; only
    text that names nobody is matched as a substring of the title. A substring has no index
    to use, so it scans the list in its order until a page is full: quick for words many
    titles share, but a scan of the whole table for a name that no title holds, which is
    why names are looked up first. ``names_known=False`` says the caller has already found
    that no ``CaseName`` matches.
    """
    text = text.strip()
    if not text:
        return cases
    if WHOLE_REFERENCE_PATTERN.match(text):
        return cases.filter(reference=text.upper())
    if REFERENCE_PATTERN.match(text):
        return cases.filter(reference__startswith=text.upper())
    named = names_starting(text)
    condition = None
    if names_known is not False and named.exists():
        condition = Q(pk__in=named.values("case_id"))
    for ids in (_answer(hook, text) for hook in person_searches()):
        if ids is not None:
            condition = Q(pk__in=ids) if condition is None else condition | Q(pk__in=ids)
    if condition is not None:
        return cases.filter(condition)
    return cases.filter(title__icontains=text)


def _answer(hook: Any, text: str) -> QuerySet[Any] | list[int] | None:
    """A hook's case ids, or None when it names nobody.

    The ids are read first (one indexed query) and handed to the list query as values: as a
    subquery, PostgreSQL's planner cannot tell how few cases a name has and walks the whole
    list in its order, testing each case against the subquery. Only a name so common that
    it names more than ``PERSON_IDS_INLINE`` cases stays a subquery; its cases are then dense
    enough in any order for that walk to end soon.
    """
    ids = hook(text)
    if not isinstance(ids, QuerySet):
        return list(ids) or None
    # Only which cases, not in what order: a model's default ordering would sort them first.
    ids = ids.order_by()
    found = list(ids[: PERSON_IDS_INLINE + 1])
    if not found:
        return None
    return found if len(found) <= PERSON_IDS_INLINE else ids


def apply_filters(
    user: Any, filters: Mapping[str, Any], cases: QuerySet[Case] | None = None
) -> QuerySet[Case]:
    """The visible cases matching cleaned ``CaseFilterForm`` data (tab included)."""
    rows = visible_to(user, cases)
    if is_case_staff(user):
        # Unfiled drafts are the agency's work in progress: never in a bureau list.
        rows = without_drafts(rows)
    tab = filters.get("tab") or ""
    if tab == InboxTab.MINE:
        # The to-do: every open case whose next step is the user's (``cases.todo``).
        condition = todo_filter(user)
        rows = rows.filter(condition) if condition is not None else rows.none()
    elif tab == InboxTab.DIVISION:
        # Someone outside any division (a bureau leader) has no division list.
        rows = (
            rows.filter(division_id=user.division_id, is_open=True)
            if user.division_id
            else rows.none()
        )
    elif tab == InboxTab.OVERDUE:
        rows = rows.filter(is_open=True, due_date__lt=timezone.localdate())
    elif tab == InboxTab.WAITING:
        # Open cases with a step still waiting on an outside body (a partial index holds them).
        rows = rows.filter(is_open=True).filter(
            Exists(ExternalStep.objects.filter(case_id=OuterRef("pk"), status=StepStatus.WAITING))
        )
    if filters.get("case_type"):
        rows = rows.filter(case_type=filters["case_type"])
    if filters.get("status"):
        rows = rows.filter(status=filters["status"])
    agency = filters.get("agency")
    if agency:
        rows = rows.filter(agency_id=getattr(agency, "pk", agency))
    if filters.get("waiting_for"):
        # Whose turn it is: the owner of the case's nearest running clock.
        rows = rows.filter(is_open=True, due_owner=filters["waiting_for"])
    if filters.get("due_from"):
        rows = rows.filter(due_date__gte=filters["due_from"])
    if filters.get("due_to"):
        rows = rows.filter(due_date__lte=filters["due_to"])
    return search(rows, filters.get("q") or "")


def _encode(*parts: str) -> str:
    return base64.urlsafe_b64encode("|".join(parts).encode()).decode().rstrip("=")


def _decode(cursor: str) -> list[str] | None:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        return base64.urlsafe_b64decode(padded.encode()).decode().split("|")
    except (ValueError, binascii.Error, UnicodeError):
        return None


def _rows(cases: QuerySet[Case], size: int) -> list[CaseRow]:
    """The first ``size`` rows of ``cases`` (already ordered and sought), ready to show."""
    builder = RowBuilder()
    return [builder.row(values) for values in cases.values(*ROW_FIELDS)[:size]]


def page_by_updated(cases: QuerySet[Case], cursor: str | None, size: int = PAGE_SIZE) -> Page:
    """Newest change first, seeking on (updated_at, id)."""
    rows = cases.order_by("-updated_at", "-id")
    parts = _decode(cursor) if cursor else None
    if parts and len(parts) == 2 and parts[1].isdigit():
        moment = parse_datetime(parts[0])
        if moment is not None:
            rows = rows.filter(
                Q(updated_at__lt=moment) | Q(updated_at=moment, id__lt=int(parts[1]))
            )
    found = _rows(rows, size + 1)
    next_cursor = None
    if len(found) > size:
        last = found[size - 1]
        next_cursor = _encode(last.updated_at.isoformat(), str(last.pk))
    return Page(found[:size], next_cursor)


def page_by_due(
    cases: QuerySet[Case], cursor: str | None, size: int = PAGE_SIZE, *, undated: bool = False
) -> Page:
    """Earliest due date first, seeking on (due_date, id).

    Without ``undated`` (the overdue tab) only cases with a due date are listed; with it (the
    to-do) the cases without one follow, newest first, seeking on the id alone.
    """
    parts = _decode(cursor) if cursor else None
    found: list[CaseRow] = []
    if not (parts and parts[0] == "u"):
        rows = cases.filter(due_date__isnull=False).order_by("due_date", "id")
        if parts and len(parts) == 2 and parts[1].isdigit():
            try:
                due = datetime.date.fromisoformat(parts[0])
            except ValueError:
                due = None
            if due is not None:
                rows = rows.filter(Q(due_date__gt=due) | Q(due_date=due, id__gt=int(parts[1])))
        found = _rows(rows, size + 1)
    if undated and len(found) <= size:
        rows = cases.filter(due_date__isnull=True).order_by("-id")
        if parts and parts[0] == "u" and len(parts) == 2 and parts[1].isdigit():
            rows = rows.filter(id__lt=int(parts[1]))
        found.extend(_rows(rows, size + 1 - len(found)))
    next_cursor = None
    if len(found) > size:
        last = found[size - 1]
        if last.due_date is None:
            next_cursor = _encode("u", str(last.pk))
        else:
            next_cursor = _encode(last.due_date.isoformat(), str(last.pk))
    return Page(found[:size], next_cursor)


def page_by_name(
    cases: QuerySet[Case], named: QuerySet[Any], cursor: str | None, size: int = PAGE_SIZE
) -> Page:
    """The newest cases (highest id first) naming a person, seeking on the case id.

    The candidates come from the name index alone in id order, a batch at a time, and only
    they are looked up in ``cases`` (visibility and filters applied): a name on tens of
    thousands of cases costs what a rare one does. Should the filters keep few candidates,
    after ``NAME_BATCHES`` the rest of the page is asked of the database in one query.
    """
    parts = _decode(cursor) if cursor else None
    below = int(parts[1]) if parts and len(parts) == 2 and parts[1].isdigit() else None
    ordered = cases.order_by("-id")
    found: list[CaseRow] = []
    for batch in NAME_BATCHES:
        candidates = named.order_by("-case_id")
        if below is not None:
            candidates = candidates.filter(case_id__lt=below)
        ids = list(dict.fromkeys(candidates.values_list("case_id", flat=True)[:batch]))
        if ids:
            found.extend(_rows(ordered.filter(pk__in=ids), size + 1 - len(found)))
            below = ids[-1]
        if len(found) > size or len(ids) < batch:
            break
    else:
        rest = ordered.filter(pk__in=named.values("case_id"))
        if below is not None:
            rest = rest.filter(pk__lt=below)
        found.extend(_rows(rest, size + 1 - len(found)))
    next_cursor = _encode("n", str(found[size - 1].pk)) if len(found) > size else None
    return Page(found[:size], next_cursor)


def list_page(
    user: Any, filters: Mapping[str, Any], cursor: str | None, size: int = PAGE_SIZE
) -> Page:
    """One page of the list ``filters`` describe; on the waiting tab with the steps' badges."""
    page = _list_page(user, filters, cursor, size)
    if filters.get("tab") == InboxTab.WAITING:
        return with_waiting_steps(page)
    return page


def _list_page(
    user: Any, filters: Mapping[str, Any], cursor: str | None, size: int = PAGE_SIZE
) -> Page:
    """One page of the list ``filters`` describe, as rows ready to show.

    A search for a person's name lists the cases naming them newest first (by case number);
    every other list is newest change first, or nearest due date first (the cases whose
    nearest clock runs out soonest) on the overdue tab or when asked (``order=due``).
    """
    text = (filters.get("q") or "").strip()
    overdue = filters.get("tab") == InboxTab.OVERDUE or filters.get("order") == "due"
    if text and not overdue and not REFERENCE_PATTERN.match(text):
        named = names_starting(text)
        unsearched = apply_filters(user, {**filters, "q": ""})
        if named.exists():
            return page_by_name(unsearched, named, cursor, size)
        cases = search(unsearched, text, names_known=False)
    else:
        cases = apply_filters(user, filters)
    if overdue:
        return page_by_due(cases, cursor, size)
    if filters.get("tab") == InboxTab.MINE:
        # The to-do: the case whose nearest clock runs out first leads; undated ones follow.
        return page_by_due(cases, cursor, size, undated=True)
    return page_by_updated(cases, cursor, size)


def with_waiting_steps(page: Page) -> Page:
    """The page's rows with a badge per step still waiting: body, since, due (one query)."""
    if not page.rows:
        return page
    today = timezone.localdate()
    badges: dict[int, list[str]] = {}
    steps = ExternalStep.objects.filter(
        case_id__in=[row.pk for row in page.rows], status=StepStatus.WAITING
    ).only("id", "case_id", "body", "body_name", "sent_on", "due_on", "status")
    for step in steps.order_by("sent_on", "id"):
        text = _("Waiting on %(body)s since %(sent)s") % {
            "body": step.body_label,
            "sent": step.sent_on.isoformat(),
        }
        if step.due_on is not None:
            text += ", " + _("due %(due)s") % {"due": step.due_on.isoformat()}
        css = "text-bg-danger" if step.is_overdue(today) else "text-bg-warning"
        badges.setdefault(step.case_id, []).append(
            f' <span class="badge {css} d-inline-block text-wrap">{escape(text)}</span>'
        )
    rows = [
        dataclasses.replace(row, waiting_html="".join(badges.get(row.pk, []))) for row in page.rows
    ]
    return Page(rows, page.next_cursor)

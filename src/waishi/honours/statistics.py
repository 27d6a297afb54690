"""The award in figures: nominations by round, kind of nominee, criterion and outcome, and the
honorary citizens by status; with the spreadsheet. Only what the reader may see is counted.
"""

import io
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from waishi.core.spreadsheets import safe_row

from .constants import CitizenStatus, Criterion, NomineeType
from .models import HonoraryCitizen, HonoraryRound
from .querysets import nominations_visible_to
from .workflow import WORKFLOW


@dataclass
class Row:
    label: str
    count: int = 0
    share: int = 0  # percent of the largest row, for the bars


@dataclass
class Figures:
    total: int = 0
    by_round: list[Row] = field(default_factory=list)
    by_type: list[Row] = field(default_factory=list)
    by_criterion: list[Row] = field(default_factory=list)
    by_status: list[Row] = field(default_factory=list)
    citizens: list[Row] = field(default_factory=list)

    def tables(self) -> list[tuple[str, str, str, list[Row]]]:
        """(key, title, heading of the first column, rows) of each table."""
        return [
            ("round", _("Nominations by round"), _("Round"), self.by_round),
            ("type", _("Nominations by nominee"), _("Nominee is"), self.by_type),
            ("criterion", _("Nominations by criterion"), _("Criterion"), self.by_criterion),
            ("status", _("Nominations by stage"), _("Stage"), self.by_status),
            ("citizens", _("Honorary citizens by status"), _("Status"), self.citizens),
        ]


def _scaled(rows: list[Row]) -> list[Row]:
    top = max((r.count for r in rows), default=0)
    for row in rows:
        row.share = round(row.count * 100 / top) if top else 0
    return rows


def figures(user: Any) -> Figures:
    """The figures among the nominations ``user`` sees (three queries)."""
    rows = list(
        nominations_visible_to(user).values_list(
            "round_id", "nominee_type", "criteria", "case__status"
        )
    )
    rounds = dict(HonoraryRound.objects.values_list("pk", "title"))
    by_round: Counter[int] = Counter()
    by_type: Counter[str] = Counter()
    by_criterion: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    for round_id, nominee_type, criteria, status in rows:
        by_round[round_id] += 1
        by_type[nominee_type] += 1
        by_status[status] += 1
        for criterion in criteria or []:
            by_criterion[criterion] += 1
    citizens = Counter(HonoraryCitizen.objects.values_list("status", flat=True))
    result = Figures(total=len(rows))
    result.by_round = _scaled([Row(rounds[pk], by_round[pk]) for pk in sorted(rounds)])
    result.by_type = _scaled([Row(str(t.label), by_type[t.value]) for t in NomineeType])
    result.by_criterion = _scaled([Row(str(c.label), by_criterion[c.value]) for c in Criterion])
    result.by_status = _scaled(
        [Row(str(label), by_status[state]) for state, label in WORKFLOW.states.items()]
    )
    result.citizens = _scaled([Row(str(s.label), citizens[s.value]) for s in CitizenStatus])
    return result


def figures_xlsx(result: Figures) -> bytes:
    """The figures as a workbook: one sheet per table."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for _key, title, column, rows in result.tables():
        sheet = book.create_sheet(title=title[:31])
        sheet.append(safe_row([column, _("Number")]))
        for row in rows:
            sheet.append(safe_row([row.label, row.count]))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

"""Cells written to spreadsheets can never run as formulas, nor break the file.

A text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is taken for a
formula by Excel and WPS (CSV/formula injection: ``=HYPERLINK(...)`` in a title would run on
the reader's machine). Such texts are written with a leading apostrophe, which spreadsheet
programs show as plain text. Control characters that the XLSX format cannot hold are
removed. Numbers, dates and empty cells pass unchanged.
"""

from collections.abc import Iterable
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` as it may be written to a cell: texts neutralised, anything else as is."""
    if not isinstance(value, str):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def safe_row(values: Iterable[Any]) -> list[Any]:
    """A row of cells, each through ``safe_cell``."""
    return [safe_cell(value) for value in values]


def text_cell(sheet: Any, value: str) -> Any:
    """A write-only cell that always holds ``value`` as text, exactly (control characters
    the format cannot hold removed): for exports that must keep a value as it was, such as
    the audit log, where a leading apostrophe would change it."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"
    return cell

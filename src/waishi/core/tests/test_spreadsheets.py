"""Spreadsheet cells never run as formulas and never carry characters XLSX cannot hold."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from waishi.core.spreadsheets import safe_cell, safe_row


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil.example","点此")', '\'=HYPERLINK("http://evil.example","点此")'),
        ("+86 758 1234567", "'+86 758 1234567"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("赴德国访问", "赴德国访问"),
        ("a\x00b\x07c", "abc"),
        ("", ""),
    ],
)
def test_texts_that_would_be_formulas_are_written_as_text(value: str, written: str) -> None:
    assert safe_cell(value) == written


def test_numbers_dates_and_empty_cells_pass_unchanged() -> None:
    day = datetime.date(2027, 2, 5)
    assert safe_row([-5, Decimal("-1.5"), day, None]) == [-5, Decimal("-1.5"), day, None]


def test_a_neutralised_cell_reads_back_as_text_not_a_formula() -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("x")
    sheet.append(safe_row(["=1+1", "ok\x0b"]))
    buffer = io.BytesIO()
    book.save(buffer)
    cells = next(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows())
    assert cells[0].data_type == "s"
    assert cells[0].value == "'=1+1"
    assert cells[1].value == "ok"


def test_a_text_cell_keeps_the_value_exactly_and_never_as_a_formula() -> None:
    from waishi.core.spreadsheets import text_cell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("x")
    sheet.append([text_cell(sheet, "=cmd|' /C calc'!A0\x07"), text_cell(sheet, "-2")])
    buffer = io.BytesIO()
    book.save(buffer)
    row = next(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows())
    assert [cell.value for cell in row] == ["=cmd|' /C calc'!A0", "-2"]
    assert [cell.data_type for cell in row] == ["s", "s"]

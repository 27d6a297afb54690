"""Survey campaigns: row-by-row import (one bad row writes nothing), verification, figures."""

import io
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from openpyxl import Workbook, load_workbook

from waishi.overseas.actions import (
    do_add_record,
    do_import_records,
    do_open_campaign,
    do_verify_campaign,
)
from waishi.overseas.models import SurveyRecord
from waishi.overseas.querysets import records_visible_to
from waishi.overseas.surveys import survey_figures

pytestmark = pytest.mark.django_db
YEAR = 2025


def sheet(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    book.active.append(["姓名", "性别", "出生年份", "身份", "居住国", "出国年份", "镇街", "备注"])
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD = [
    ["陈一", "男", 1950, "华侨", "MY", 1978, "东城街道", ""],
    ["陈二", "女", 1960, "归侨", "AU", 1979, "", ""],
    ["陈三", "男", 1990, "外籍华人", "AU", None, "", ""],
]


@pytest.fixture
def campaign(officer: Any, sihui: Any) -> Any:
    return do_open_campaign(actor=officer, year=YEAR, county=sihui)


def test_one_bad_row_writes_nothing_and_names_the_row(campaign: Any, sihui_officer: Any) -> None:
    bad = [*GOOD, ["陈四", "男", 1970, "朋友", "XX", 1960, "", ""]]
    with pytest.raises(ValidationError) as error:
        do_import_records(actor=sihui_officer, campaign=campaign, content=sheet(bad))
    text = " ".join(error.value.messages)
    assert "5" in text  # the fifth line of the sheet
    assert not SurveyRecord.objects.exists()


def test_a_good_sheet_is_imported_whole(campaign: Any, sihui_officer: Any) -> None:
    assert do_import_records(actor=sihui_officer, campaign=campaign, content=sheet(GOOD)) == 3
    assert SurveyRecord.objects.filter(campaign=campaign, status="entered").count() == 3


def test_a_file_that_is_no_spreadsheet_is_refused(campaign: Any, officer: Any) -> None:
    with pytest.raises(ValidationError):
        do_import_records(actor=officer, campaign=campaign, content=b"not a workbook")


def test_another_county_s_officer_cannot_enter(campaign: Any, gaoyao_officer: Any) -> None:
    with pytest.raises(PermissionDenied):
        do_import_records(actor=gaoyao_officer, campaign=campaign, content=sheet(GOOD))
    with pytest.raises(PermissionDenied):
        do_add_record(
            actor=gaoyao_officer,
            campaign=campaign,
            values={"name": "李", "category": "华侨", "country": "MY"},
        )
    assert not records_visible_to(gaoyao_officer).exists()


def test_only_the_division_verifies(campaign: Any, sihui_officer: Any, officer: Any) -> None:
    do_import_records(actor=sihui_officer, campaign=campaign, content=sheet(GOOD))
    with pytest.raises(PermissionDenied):
        do_verify_campaign(actor=sihui_officer, campaign=campaign)
    assert do_verify_campaign(actor=officer, campaign=campaign) == 3


def test_figures_split_leaving_at_1979(
    campaign: Any, sihui_officer: Any, officer: Any, django_assert_max_num_queries: Any
) -> None:
    do_import_records(actor=sihui_officer, campaign=campaign, content=sheet(GOOD))
    with django_assert_max_num_queries(4):
        figures = survey_figures(records_visible_to(officer), YEAR)
    assert figures.total == 3
    leaving = {row.label: row.count for row in figures.tables[3][2]}
    assert leaving == {"1979年以前出国": 1, "1979年及以后出国": 1, "出国年份不详": 1}
    countries = {row.label: row.count for row in figures.tables[1][2]}
    assert countries == {"澳大利亚": 2, "马来西亚": 1}


def test_the_statistics_download_is_a_workbook(campaign: Any, sihui_officer: Any) -> None:
    do_import_records(actor=sihui_officer, campaign=campaign, content=sheet(GOOD))
    client = Client()
    client.force_login(sihui_officer)
    response = client.get(f"/office/overseas/surveys/statistics/?year={YEAR}&format=xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["county", "country", "category", "leaving"]

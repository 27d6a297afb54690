"""Exports: small lists at once, large ones in the background with a progress page."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from waishi.cases.constants import ExportStatus
from waishi.cases.models import ExportJob

pytestmark = pytest.mark.django_db


def test_small_export_is_inline(client, filed_case, officer):
    case = filed_case()
    client.force_login(officer)
    response = client.post(reverse("cases:export"), {"tab": "recent"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == case.reference and rows[1][3] == "已提交"


def test_large_export_runs_in_the_background(
    client, filed_case, officer, other_liaison, settings, django_capture_on_commit_callbacks
):
    settings.WAISHI_CASES_EXPORT_INLINE_ROWS = 1
    cases = [filed_case(f"案件{n}") for n in range(3)]
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("cases:export"), {"tab": "recent"})
    assert response.status_code == 200
    job = ExportJob.objects.get()
    assert job.status == ExportStatus.DONE and job.total == 3
    status = client.get(reverse("cases:export_status", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert "export_download" not in status.content.decode()
    download = client.get(reverse("cases:export_download", args=[job.pk]))
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    assert {r[0] for r in sheet.iter_rows(min_row=2, values_only=True)} == {
        c.reference for c in cases
    }
    # Someone else's export is not found.
    client.force_login(other_liaison)
    response = client.get(reverse("cases:export_download", args=[job.pk]))
    assert response.status_code in (302, 404)

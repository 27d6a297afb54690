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


def _status(client, job):
    return client.get(
        reverse("cases:export_status", args=[job.pk]), HTTP_HX_REQUEST="true"
    ).content.decode()


def _failed_task(job):
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.create(
        status="FAILED",
        args_kwargs={"args": [job.pk], "kwargs": {}},
        task_path="waishi.cases.tasks.export_cases",
        backend_name="default",
        queue_name="default",
    )


def test_an_export_whose_task_failed_says_so_and_offers_to_try_again(
    client, new_case, officer, settings, django_capture_on_commit_callbacks
):
    settings.WAISHI_CASES_EXPORT_INLINE_ROWS = 0
    new_case()
    client.force_login(officer)
    job = ExportJob.objects.create(
        user=officer, filters={"tab": "recent"}, status=ExportStatus.RUNNING, total=1
    )
    polling = _status(client, job)
    assert "data-hx-trigger" in polling and "retry" not in polling
    _failed_task(job)  # the worker was killed on it once too often
    failed = _status(client, job)
    assert "data-hx-trigger" not in failed  # the page stops asking
    assert "导出失败" in failed
    assert reverse("cases:export_retry", args=[job.pk]) in failed
    assert ExportJob.objects.get(pk=job.pk).status == ExportStatus.FAILED
    # Try again: a new job with the same filters, which this time finishes.
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(reverse("cases:export_retry", args=[job.pk]))
    retried = ExportJob.objects.exclude(pk=job.pk).get()
    assert again.status_code == 302
    assert again.url == reverse("cases:export_status", args=[retried.pk])
    assert retried.filters == {"tab": "recent"} and retried.status == ExportStatus.DONE
    assert reverse("cases:export_download", args=[retried.pk]) in client.get(again.url).text


def test_an_export_stuck_past_its_time_stops_polling(client, officer, settings):
    import datetime

    from django.utils import timezone

    settings.WAISHI_CASES_EXPORT_MINUTES = 60
    client.force_login(officer)
    job = ExportJob.objects.create(user=officer, status=ExportStatus.PENDING)
    now = timezone.now()
    ExportJob.objects.filter(pk=job.pk).update(created_at=now - datetime.timedelta(minutes=59))
    assert "data-hx-trigger" in _status(client, job)
    ExportJob.objects.filter(pk=job.pk).update(created_at=now - datetime.timedelta(minutes=61))
    page = _status(client, job)
    assert "data-hx-trigger" not in page
    assert reverse("cases:export_retry", args=[job.pk]) in page


def test_only_its_owner_retries_a_failed_export(client, officer, make_user):
    from waishi.accounts.constants import Role

    job = ExportJob.objects.create(user=officer, status=ExportStatus.FAILED)
    client.force_login(make_user(Role.DIVISION_OFFICER))
    assert client.post(reverse("cases:export_retry", args=[job.pk])).status_code == 404
    assert ExportJob.objects.count() == 1


def test_a_done_export_is_not_started_again(client, officer):
    job = ExportJob.objects.create(user=officer, status=ExportStatus.DONE)
    client.force_login(officer)
    answer = client.post(reverse("cases:export_retry", args=[job.pk]))
    assert answer.url == reverse("cases:export_status", args=[job.pk])
    assert ExportJob.objects.count() == 1

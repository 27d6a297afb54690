"""The bureau's inbox, the agency's list of its cases, and exporting either to XLSX."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.core.views import require_perm

from ..constants import ExportStatus, InboxTab
from ..export import (
    count_up_to,
    do_retry_export,
    do_start_export,
    export_queryset,
    inline_limit,
    record_inline_export,
    settle_export,
    write_xlsx,
)
from ..forms import CaseFilterForm
from ..inbox import list_page, rows_html
from ..models import ExportJob

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def list_context(
    request: HttpRequest, *, title: str, with_agency: bool, tab: str = ""
) -> dict[str, Any]:
    """What the list templates show: the filter form, one page of rows, the tabs."""
    data = request.GET.copy()
    if tab and not data.get("tab"):
        data["tab"] = tab
    form = CaseFilterForm(data, with_agency=with_agency)
    filters: dict[str, Any] = dict(form.cleaned_data) if form.is_valid() else {"tab": tab}
    page = list_page(request.user, filters, request.GET.get("after"))
    query = data.copy()
    query.pop("after", None)
    return {
        "title": title,
        "form": form,
        "page": page,
        "rows_html": rows_html(page.rows, show_agency=with_agency),
        "tabs": InboxTab.choices if with_agency else [],
        # Also read by the rows alone, which "Show more" answers without the table around them.
        "show_agency": with_agency,
        "active_tab": filters.get("tab") or "",
        "query": query.urlencode(),
        "today": timezone.localdate(),
    }


def _list(
    request: HttpRequest, *, template: str, title: str, with_agency: bool, tab: str = ""
) -> HttpResponse:
    context = list_context(request, title=title, with_agency=with_agency, tab=tab)
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "cases/includes/case_rows.html", context)
    return render(request, template, context)


@require_perm("cases.use_inbox")
def inbox(request: HttpRequest) -> HttpResponse:
    """Bureau staff's work list: tabs, filters, search, newest change first."""
    return _list(
        request,
        template="cases/inbox.html",
        title=_("Inbox"),
        with_agency=True,
        tab=InboxTab.MINE,
    )


@require_perm("cases.view_agency_cases")
def workspace_list(request: HttpRequest) -> HttpResponse:
    """The agency's own cases (``visible_to`` keeps other agencies' out)."""
    title = _("Waiting for us") if request.GET.get("tab") == InboxTab.MINE else _("Our cases")
    return _list(request, template="cases/workspace_list.html", title=title, with_agency=False)


@login_required
def todo_count(request: HttpRequest) -> HttpResponse:
    """The count of the user's to-do beside the menu entry, fetched after the page loads."""
    from ..templatetags.cases_tags import COUNT_CAP, capped
    from ..todo import todo_cases

    count = todo_cases(request.user)[: COUNT_CAP + 1].count()
    return render(
        request, "cases/includes/todo_count.html", {"count": count, "shown": capped(count)}
    )


@require_perm("cases.export_cases")
@require_POST
def export(request: HttpRequest) -> HttpResponse:
    """Export the current list: at once when small, otherwise as a background job."""
    data = request.POST.copy()
    data.pop("csrfmiddlewaretoken", None)
    cases = export_queryset(request.user, data)
    limit = inline_limit()
    if count_up_to(cases, limit) <= limit:
        rows = list(cases)
        record_inline_export(actor=request.user, data=data, rows=len(rows), request=request)
        response = HttpResponse(write_xlsx(rows), content_type=XLSX)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="cases-{stamp}.xlsx"'
        return response
    job = do_start_export(actor=request.user, data=data, request=request)
    return render(request, "cases/export_progress.html", {"title": _("Export"), "job": job})


def _own_job(request: HttpRequest, pk: int) -> ExportJob:
    job = ExportJob.objects.filter(pk=pk, user_id=request.user.pk or 0).first()
    if job is None:
        raise Http404
    return job


@require_perm("cases.export_cases")
def export_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The job's progress; htmx polls the fragment until the file is ready or the job failed.

    A job whose task failed, or that runs past its time, is shown failed (polling stops) with
    a button to try again.
    """
    job = settle_export(_own_job(request, pk))
    template = (
        "cases/includes/export_status.html" if request.htmx else "cases/export_progress.html"  # type: ignore[attr-defined]
    )
    return render(request, template, {"title": _("Export"), "job": job})


@require_perm("cases.export_cases")
@require_POST
def export_retry(request: HttpRequest, pk: int) -> HttpResponse:
    """Start a failed export again with the same filters and show the new job's progress."""
    job = settle_export(_own_job(request, pk))
    if job.status != ExportStatus.FAILED:
        return redirect("cases:export_status", pk=job.pk)
    again = do_retry_export(actor=request.user, job=job, request=request)
    return redirect("cases:export_status", pk=again.pk)


@require_perm("cases.export_cases")
def export_download(request: HttpRequest, pk: int) -> HttpResponse:
    job = _own_job(request, pk)
    if job.status != ExportStatus.DONE or not job.file:
        raise Http404
    return FileResponse(  # type: ignore[return-value]
        job.file.open("rb"),
        as_attachment=True,
        filename=f"cases-{job.created_at:%Y%m%d-%H%M}.xlsx",
        content_type=XLSX,
    )

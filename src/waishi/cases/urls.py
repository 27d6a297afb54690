from django.urls import path

from .views import calendar, case, documents, lists, rules, standing, steps

app_name = "cases"

urlpatterns = [
    path("office/inbox/", lists.inbox, name="inbox"),
    path("office/calendar/", calendar.calendar_years, name="calendar"),
    path("office/calendar/<int:year>/", calendar.calendar_notice, name="calendar_notice"),
    path("office/rules/", rules.rule_list, name="rules"),
    path("office/rules/new/", rules.rule_new, name="rule_new"),
    path("office/suspensions/", standing.suspensions, name="suspensions"),
    path("office/suspensions/<int:pk>/lift/", standing.suspension_lift, name="suspension_lift"),
    path("workspace/cases/", lists.workspace_list, name="workspace_list"),
    path("cases/todo/count/", lists.todo_count, name="todo_count"),
    path("cases/export/", lists.export, name="export"),
    path("cases/exports/<int:pk>/", lists.export_status, name="export_status"),
    path("cases/exports/<int:pk>/retry/", lists.export_retry, name="export_retry"),
    path("cases/exports/<int:pk>/download/", lists.export_download, name="export_download"),
    path("cases/id/<int:pk>/", case.case_by_id, name="by_id"),
    path("cases/<str:reference>/", case.case_detail, name="detail"),
    path("cases/<str:reference>/edit/", case.case_edit, name="edit"),
    path("cases/<str:reference>/comment/", case.case_comment, name="comment"),
    path("cases/<str:reference>/do/<slug:name>/", case.case_transition, name="transition"),
    path("cases/<str:reference>/files/", case.attachment_upload, name="attachment_upload"),
    path(
        "cases/<str:reference>/documents/<int:pk>/",
        documents.document_download,
        name="document_download",
    ),
    path(
        "cases/<str:reference>/documents/<int:pk>/revoke/",
        documents.document_revoke,
        name="document_revoke",
    ),
    path("cases/<str:reference>/steps/", steps.step_send, name="step_send"),
    path("cases/<str:reference>/steps/<int:pk>/answer/", steps.step_answer, name="step_answer"),
    path(
        "cases/<str:reference>/steps/<int:pk>/withdraw/", steps.step_withdraw, name="step_withdraw"
    ),
    path(
        "cases/<str:reference>/files/<int:pk>/",
        case.attachment_download,
        name="attachment_download",
    ),
]

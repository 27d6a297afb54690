from django.urls import path

from . import views

app_name = "directives"

urlpatterns = [
    path("office/directives/", views.directive_list, name="list"),
    path("office/directives/new/", views.directive_new, name="new"),
    path("office/directives/<str:reference>/remind/", views.directive_remind, name="remind"),
    path("office/tasks-from-above/", views.task_list, name="tasks"),
    path("office/tasks-from-above/new/", views.task_new, name="task_new"),
    path("office/tasks-from-above/<str:reference>/extend/", views.task_extend, name="task_extend"),
    path("office/tasks-from-above/<str:reference>/reports/", views.task_report, name="task_report"),
    path("office/briefs/", views.brief_index, name="briefs"),
    path("office/briefs/new/", views.brief_edit, name="brief_new"),
    path("office/briefs/<int:pk>/", views.brief_detail, name="brief"),
    path("office/briefs/<int:pk>/edit/", views.brief_edit, name="brief_edit"),
    path("office/briefs/<int:pk>/submit/", views.brief_submit, name="brief_submit"),
    path("office/briefs/<int:pk>/review/", views.brief_review, name="brief_review"),
    path("office/briefs/<int:pk>/mark/", views.brief_mark, name="brief_mark"),
    path("workspace/directives/", views.county_replies, name="county_replies"),
    path("workspace/directives/<str:reference>/reply/", views.reply, name="reply"),
]

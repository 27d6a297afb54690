from django.urls import path

from .views import application, documents, operations, plans, registers, statistics

app_name = "missions"

urlpatterns = [
    path("workspace/missions/new/", application.new_mission, name="new"),
    path(
        "workspace/missions/<str:reference>/<slug:step>/",
        application.mission_step,
        name="step",
    ),
    path("missions/<str:reference>/report/", operations.trip_report, name="report"),
    path("missions/<str:reference>/override/", operations.override_warning, name="override"),
    path(
        "missions/<str:reference>/approval/<int:version>/",
        documents.approval_download,
        name="approval_download",
    ),
    path("missions/travellers/", registers.traveller_list, name="travellers"),
    path("missions/travellers/new/", registers.traveller_edit, name="traveller_new"),
    path("missions/travellers/<int:pk>/", registers.traveller_edit, name="traveller_edit"),
    path("office/missions/statistics/", statistics.statistics, name="statistics"),
    # The rules moved to the kernel's screen (/office/rules/); old links land there.
    path("office/missions/rules/", registers.rules_moved, name="rules"),
    path("office/missions/rules/new/", registers.rules_moved, name="rule_new"),
    path("missions/plans/", plans.plan_list, name="plans"),
    path("missions/plans/<int:pk>/", plans.plan_detail, name="plan"),
    path(
        "missions/plans/<int:pk>/entries/<int:entry_pk>/remove/",
        plans.plan_entry_remove,
        name="plan_entry_remove",
    ),
]

from django.urls import path

from . import views

app_name = "supervision"

urlpatterns = [
    path("office/supervision/", views.workbench, name="workbench"),
    path("office/supervision/export/", views.export, name="export"),
    path("office/supervision/inspections/new/", views.new_inspection, name="new_inspection"),
    path("office/supervision/<str:reference>/measure/", views.take_measure, name="measure"),
    path("office/supervision/reports/", views.reports, name="reports"),
    path("office/supervision/reports/<int:pk>/", views.report, name="report"),
    path("office/supervision/reports/<int:pk>/send/", views.send_report, name="report_send"),
    path("office/supervision/reports/<int:pk>/xlsx/", views.report_xlsx, name="report_xlsx"),
    path("office/supervision/reports/<int:pk>/pdf/", views.report_pdf, name="report_pdf"),
]

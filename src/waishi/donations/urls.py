from django.urls import path

from . import views

app_name = "donations"

urlpatterns = [
    path("donations/", views.donation_list, name="list"),
    path("donations/new/", views.new_donation, name="new"),
    path("donations/projects/", views.archive, name="archive"),
    path("donations/projects/new/", views.new_project, name="project_new"),
    path("donations/statistics/", views.statistics, name="statistics"),
    path("donations/flags/", views.flags, name="flags"),
    path("donations/rates/", views.rates, name="rates"),
    path("donations/projects/<str:reference>/milestones/", views.milestone, name="milestone"),
    path("donations/projects/<str:reference>/naming/", views.naming_request, name="naming"),
    path(
        "donations/projects/<str:reference>/naming/decision/",
        views.naming_decision,
        name="naming_decision",
    ),
    path("donations/projects/<str:reference>/name/", views.name_project, name="name"),
    path("donations/projects/<str:reference>/use/", views.change_request, name="change"),
    path(
        "donations/projects/<str:reference>/use/decision/",
        views.change_decision,
        name="change_decision",
    ),
    path("donations/projects/<str:reference>/reports/", views.use_report, name="use_report"),
    path("donations/projects/<str:reference>/flags/", views.flag, name="flag"),
]

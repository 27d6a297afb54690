from django.urls import path

from . import views

app_name = "overseas"

urlpatterns = [
    path("office/overseas/", views.register, name="register"),
    path("office/overseas/export/", views.export, name="export"),
    path("office/overseas/people/new/", views.new_person, name="person_new"),
    path("office/overseas/people/<int:pk>/", views.person, name="person"),
    path("office/overseas/people/<int:pk>/standing/", views.add_standing, name="standing_add"),
    path("office/overseas/standings/<int:pk>/end/", views.end_standing, name="standing_end"),
    path("office/overseas/standings/<int:pk>/death/", views.record_death, name="standing_death"),
    path("office/overseas/standings/<int:pk>/reveal/", views.reveal, name="reveal"),
    path("office/overseas/organisations/", views.organisations, name="organisations"),
    path("office/overseas/county-officers/", views.access, name="access"),
    path("office/overseas/certificates/", views.certificates, name="certificates"),
    path("office/overseas/certificates/identity/", views.identity_new, name="identity_new"),
    path("office/overseas/certificates/settlement/", views.settlement_new, name="settlement_new"),
    path(
        "office/overseas/certificates/<str:reference>/checks/",
        views.settlement_checks,
        name="settlement_checks",
    ),
    path("office/overseas/surveys/", views.campaigns, name="campaigns"),
    path("office/overseas/surveys/<int:pk>/", views.campaign, name="campaign"),
    path("office/overseas/surveys/template/", views.survey_template, name="survey_template"),
    path("office/overseas/surveys/statistics/", views.statistics, name="statistics"),
]

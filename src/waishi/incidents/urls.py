from django.urls import path

from . import views

app_name = "incidents"

urlpatterns = [
    path("office/incidents/", views.incident_list, name="list"),
    path("office/incidents/new/", views.new_incident, name="new"),
    path("office/incidents/statistics/", views.statistics, name="statistics"),
    path("office/incidents/<str:reference>/visits/", views.request_visit, name="visit_request"),
    path("office/incidents/<str:reference>/visits/held/", views.visit_held, name="visit_held"),
    path("office/incidents/<str:reference>/press-line/", views.media_line, name="media_line"),
]

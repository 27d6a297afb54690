from django.urls import path

from . import views

app_name = "honours"

urlpatterns = [
    path("office/honours/", views.dashboard, name="dashboard"),
    path("office/honours/rounds/new/", views.round_new, name="round_new"),
    path("office/honours/rounds/<int:number>/", views.round_detail, name="round"),
    path("office/honours/rounds/<int:number>/close/", views.round_close, name="round_close"),
    path("office/honours/rounds/<int:number>/notice/", views.round_notice, name="round_notice"),
    path("office/honours/nominate/", views.nominate, name="nominate"),
    path("workspace/honours/nominate/", views.nominate, name="workspace_nominate"),
    path("applicants/honours/nominate/", views.self_nominate, name="self_nominate"),
    path("office/honours/citizens/", views.citizen_list, name="citizens"),
    path("office/honours/citizens/<int:pk>/", views.citizen_detail, name="citizen"),
    path("office/honours/citizens/<int:pk>/status/", views.citizen_status, name="citizen_status"),
    path(
        "office/honours/citizens/<int:pk>/ceremony/",
        views.citizen_ceremony,
        name="citizen_ceremony",
    ),
    path(
        "office/honours/citizens/<int:pk>/contact/", views.citizen_contact, name="citizen_contact"
    ),
    path("office/honours/statistics/", views.statistics, name="statistics"),
]

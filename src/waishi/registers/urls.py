from django.urls import path

from . import views

app_name = "registers"

urlpatterns = [
    path("office/registers/organisations/", views.organisation_list, name="organisations"),
    path("office/registers/organisations/new/", views.organisation_edit, name="organisation_new"),
    path(
        "office/registers/organisations/<int:pk>/",
        views.organisation_edit,
        name="organisation_edit",
    ),
    path("office/registers/countries/", views.country_list, name="countries"),
]

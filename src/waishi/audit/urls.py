from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("audit/", views.search, name="search"),
    path("audit/export/", views.export, name="export"),
    path("audit/<int:seq>/", views.detail, name="detail"),
]

"""The portal's language-prefixed URLs (mounted with ``i18n_patterns`` in the root map)."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("", views.serve, {"path": ""}, name="portal_home"),
    path("status/", views.status, name="portal_status"),
    path("search/", views.search, name="portal_search"),
    path("verify/", views.verify_document, name="portal_verify"),
    path("verify/<str:code>/", views.verify_document, name="portal_verify_code"),
    # Every other path is a Wagtail page; the name is the one Wagtail reverses page URLs by.
    re_path(r"^((?:[\w\-]+/)*)$", views.serve, name="wagtail_serve"),
]

"""The award's public page on the portal (mounted with ``i18n_patterns`` in the root map)."""

from django.urls import path

from . import portal_views

urlpatterns = [
    path("honorary-citizens/", portal_views.honorary_citizens, name="honours_public_list"),
]

from django.urls import path

from . import pii_views

app_name = "core"

urlpatterns = [
    path("pii/reveal/<str:label>/<str:pk>/<str:field>/", pii_views.reveal, name="pii_reveal"),
]

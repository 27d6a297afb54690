from django.urls import path

from . import health, pii_views

app_name = "core"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("pii/reveal/<str:label>/<str:pk>/<str:field>/", pii_views.reveal, name="pii_reveal"),
]

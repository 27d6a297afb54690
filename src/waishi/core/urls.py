from django.urls import path

from . import health, metrics, pii_views

app_name = "core"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
    path("pii/reveal/<str:label>/<str:pk>/<str:field>/", pii_views.reveal, name="pii_reveal"),
]

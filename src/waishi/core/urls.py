from django.urls import path

from . import health, metrics, pii_views, task_views

app_name = "core"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
    path("office/tasks/", task_views.tasks, name="tasks"),
    path("office/tasks/<uuid:task_id>/rerun/", task_views.task_rerun, name="task_rerun"),
    path("pii/reveal/<str:label>/<str:pk>/<str:field>/", pii_views.reveal, name="pii_reveal"),
]

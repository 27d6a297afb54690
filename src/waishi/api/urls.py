from django.urls import include, path

from . import views
from .root import api

# The token screens live in the "api" namespace; the API itself keeps django-ninja's own
# top-level namespace ("api-v1"), which its schema and docs views reverse by name.
token_patterns = (
    [
        path("", views.token_list, name="tokens"),
        path("new/", views.token_create, name="token_create"),
        path("<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    ],
    "api",
)

urlpatterns = [
    path("api/v1/", api.urls),
    path("api/v1/<path:rest>", views.api_not_found, name="api-not-found"),
    path("workspace/api-tokens/", include(token_patterns)),
]

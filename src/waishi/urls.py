"""Root URL map: shell and accounts, back-office apps, API, CMS, then the public portal."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("waishi.accounts.urls")),
    path("", include("waishi.audit.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("waishi.portal.urls")),
    prefix_default_language=True,
)

handler403 = "waishi.core.views.permission_denied"
handler404 = "waishi.core.views.page_not_found"
handler500 = "waishi.core.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

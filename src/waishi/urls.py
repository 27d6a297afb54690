"""Root URL map: shell and accounts, back-office apps, API, CMS, then the public portal."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from waishi.portal import views as portal_views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("waishi.accounts.urls")),
    path("", include("waishi.audit.urls")),
    path("", include("waishi.core.urls")),
    path("", include("waishi.cases.urls")),
    path("", include("waishi.passports.urls")),
    path("", include("waishi.missions.urls")),
    path("", include("waishi.visits.urls")),
    path("", include("waishi.incidents.urls")),
    path("", include("waishi.honours.urls")),
    path("", include("waishi.donations.urls")),
    path("", include("waishi.supervision.urls")),
    path("", include("waishi.directives.urls")),
    path("", include("waishi.petitions.urls")),
    path("", include("waishi.overseas.urls")),
    path("", include("waishi.registers.urls")),
    path("", include("waishi.applicants.urls")),
    # The public website's CMS, files and the pages search engines read.
    # Sign-in to the CMS is Waishi's own (lockout, password policy, audit).
    path("cms/login/", RedirectView.as_view(pattern_name="accounts:login", query_string=True)),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", portal_views.sitemap, name="sitemap"),
    path("robots.txt", portal_views.robots_txt, name="robots_txt"),
    path("", include("waishi.notifications.urls")),
    path("", include("waishi.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("waishi.honours.portal_urls")),
    path("", include("waishi.portal.urls")),
    prefix_default_language=True,
)

handler403 = "waishi.core.views.permission_denied"
handler404 = "waishi.core.views.page_not_found"
handler500 = "waishi.core.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

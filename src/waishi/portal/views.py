"""Public views of the portal: pages (through the cache), status look-up, search, robots.txt."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, Site

from waishi.core.middleware import client_ip
from waishi.core.ratelimit import count_try
from waishi.core.views import public

from . import cache
from .forms import DocumentVerifyForm, StatusLookupForm
from .search import build_query
from .status import lookup

SOURCE_LANGUAGE = "zh-hans"
# Ten look-ups per address in ten minutes: enough for a person, too few to guess codes.
STATUS_TRIES = 10
STATUS_WINDOW_SECONDS = 600


@public
def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Serve a Wagtail page, from the page cache when the visitor is anonymous."""
    cacheable = cache.is_cacheable(request)
    if cacheable:
        cached = cache.get(request)
        if cached is not None:
            return cached
    try:
        response = wagtail_views.serve(request, path)
    except Http404:
        return not_found(request, path)
    if cacheable and hasattr(response, "render"):
        response.render()
        page = getattr(request, "_wagtail_route_for_request", None)
        expires = page[0].expire_at if page else None
        cache.put(request, response, expires=expires)
    return response


def not_found(request: HttpRequest, path: str) -> HttpResponse:
    """The portal's 404; for an English page not yet translated, point to the Chinese one."""
    source = None
    if translation.get_language() != SOURCE_LANGUAGE:
        source = source_page_for(request, path)
    context = {"source_page": source, "source_language": SOURCE_LANGUAGE}
    return render(request, "portal/404.html", context, status=404)


def source_page_for(request: HttpRequest, path: str) -> Page | None:
    """The live Simplified page at the same path, if the visitor's language lacks it."""
    site = Site.find_for_request(request)
    locale = Locale.objects.filter(language_code=SOURCE_LANGUAGE).first()
    if site is None or locale is None:
        return None
    root = site.root_page.get_translation_or_none(locale)
    if root is None:
        return None
    page = root.specific
    for slug in [part for part in path.split("/") if part]:
        page = page.get_children().live().filter(slug=slug).first()
        if page is None:
            return None
    return page if page.live else None


@public
@require_http_methods(["GET", "POST"])
def status(request: HttpRequest) -> HttpResponse:
    """Look up a case's public status by its reference and verification code."""
    result = None
    searched = False
    # The QR code on an official document links here with the reference and code filled in;
    # such a link looks the case up at once, counted against the same rate limit as the form.
    data = request.POST if request.method == "POST" else None
    if data is None and request.GET.get("reference") and request.GET.get("code"):
        data = request.GET
    if data is not None:
        if not allow_status_try(request):
            return render(request, "portal/429.html", status=429)
        form = StatusLookupForm(data)
        if form.is_valid():
            searched = True
            result = lookup(form.cleaned_data["reference"], form.cleaned_data["code"])
    else:
        form = StatusLookupForm()
    context = {"form": form, "result": result, "searched": searched}
    response = render(request, "portal/status.html", context)
    add_never_cache_headers(response)
    return response


@public
@require_http_methods(["GET", "POST"])
def verify_document(request: HttpRequest, code: str = "") -> HttpResponse:
    """Check an official document by the verification code printed under its QR code.

    The QR code links to ``/verify/<code>/``, which answers at once; the form answers the same
    for a code typed from paper. Unknown and malformed codes answer alike, and every try counts
    against the status look-up's limit, so codes cannot be guessed.
    """
    from waishi.cases.documents import find_by_code, public_answer

    answer = None
    searched = False
    data = request.POST if request.method == "POST" else ({"code": code} if code else None)
    if data is not None:
        if not allow_status_try(request):
            return render(request, "portal/429.html", status=429)
        form = DocumentVerifyForm(data)
        if form.is_valid():
            searched = True
            document = find_by_code(form.cleaned_data["code"])
            answer = public_answer(document) if document is not None else None
    else:
        form = DocumentVerifyForm()
    response = render(
        request, "portal/verify.html", {"form": form, "answer": answer, "searched": searched}
    )
    add_never_cache_headers(response)
    return response


def allow_status_try(request: HttpRequest) -> bool:
    """Count one look-up for the visitor's address; False once the window's tries are spent."""
    ident = client_ip(request) or "unknown"
    return count_try("portal-status", ident, STATUS_WINDOW_SECONDS) <= STATUS_TRIES


@public
def search(request: HttpRequest) -> HttpResponse:
    """Search the live pages of the visitor's language."""
    query = request.GET.get("q", "").strip()[:100]
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = Paginator(pages.search(build_query(query)), 10).get_page(request.GET.get("page"))
    return render(request, "portal/search.html", {"query": query, "results": results})


@public
def robots_txt(request: HttpRequest) -> HttpResponse:
    """robots.txt: the public site is open, the back office and the CMS are not."""
    lines = [
        "User-agent: *",
        "Disallow: /cms/",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /office/",
        "Disallow: /workspace/",
        "Disallow: /api/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def language_home(language: str) -> str:
    with translation.override(language):
        return reverse("wagtail_serve", args=[""])


@public
def sitemap(request: HttpRequest) -> HttpResponse:
    """sitemap.xml with every live public page in every language."""
    from django.contrib.sitemaps.views import sitemap as django_sitemap

    from .sitemaps import PortalSitemap

    return django_sitemap(request, sitemaps={"pages": PortalSitemap(request)})

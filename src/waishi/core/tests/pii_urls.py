"""The project's URLs plus one page showing a test model's personal data (browser test)."""

from django.http import HttpRequest, HttpResponse
from django.template import RequestContext, Template
from django.urls import path

from waishi.core.views import require_perm
from waishi.urls import handler403, handler404, handler500, urlpatterns

from .pii_models import Specimen

PAGE = Template(
    '{% extends "core/base.html" %}{% load pii %}{% block content %}'
    "<h1>{{ obj.name }}</h1><dl>"
    "<dt>ID</dt><dd>{% pii_field obj 'id_number' %}</dd>"
    "<dt>Phone</dt><dd>{% pii_field obj 'phone' %}</dd>"
    "</dl>{% endblock %}"
)


@require_perm("accounts.use_backoffice")
def specimen_page(request: HttpRequest, pk: int) -> HttpResponse:
    obj = Specimen.objects.get(pk=pk)
    return HttpResponse(PAGE.render(RequestContext(request, {"obj": obj})))


urlpatterns = [*urlpatterns, path("pii-specimen/<int:pk>/", specimen_page)]

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]

"""The public portal (Wagtail pages come with the portal's own work)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from waishi.core.views import public


@public
def placeholder(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/placeholder.html")

"""The bell, the list of one's notifications, marking them read, and one's preferences."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.accounts.models import User
from waishi.core.views import public, require_perm

from . import actions
from .constants import PAGE_SIZE, Channel
from .forms import PreferencesForm
from .models import NotificationSettings
from .preferences import preference_matrix
from .querysets import unread_count, visible_to

PERMISSION = "notifications.use_notifications"


def _back(request: HttpRequest, default: str = "notifications:list") -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default)


@require_perm(PERMISSION)
def notification_list(request: HttpRequest) -> HttpResponse:
    """One's notifications, newest first, ``PAGE_SIZE`` at a time (keyset on id)."""
    rows = visible_to(request.user).order_by("-id")
    before = request.GET.get("before", "")
    if before.isdigit():
        rows = rows.filter(id__lt=int(before))
    page = list(rows[: PAGE_SIZE + 1])
    older = page[PAGE_SIZE - 1].pk if len(page) > PAGE_SIZE else None
    return render(
        request,
        "notifications/list.html",
        {
            "title": _("Notifications"),
            "notifications": page[:PAGE_SIZE],
            "older": older,
            "is_first_page": not before,
        },
    )


@public
def bell(request: HttpRequest) -> HttpResponse:
    """The bell alone, for htmx to refresh in place.

    Public so that a poll after the session ended answers 204 (htmx then leaves the page
    alone) instead of swapping the sign-in page into the header; it reveals nothing.
    """
    if not request.user.has_perm(PERMISSION):
        return HttpResponse(status=204)
    return render(
        request,
        "notifications/includes/bell.html",
        {"notifications_unread": unread_count(request.user)},
    )


@require_POST
@require_perm(PERMISSION)
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(visible_to(request.user), pk=pk)
    actions.do_mark_read(actor=request.user, notification=notification)
    if request.POST.get("open") and notification.link.startswith("/"):
        return redirect(notification.link)
    return _back(request)


@require_POST
@require_perm(PERMISSION)
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = actions.do_mark_all_read(actor=request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return _back(request)


@require_perm(PERMISSION)
def preferences(request: HttpRequest) -> HttpResponse:
    """Each person chooses, per kind, whether it reaches them in Waishi, by e-mail or SMS."""
    user: User = request.user  # type: ignore[assignment]
    stored = NotificationSettings.objects.filter(user_id=user.pk).first()
    form = PreferencesForm(
        request.POST or None,
        matrix=preference_matrix(user),
        language=stored.language if stored else None,
    )
    if request.method == "POST" and form.is_valid():
        actions.do_set_preferences(
            actor=user,
            choices=form.choices(),
            language=form.cleaned_data["language"],
            request=request,
        )
        messages.success(request, _("Your notification preferences are saved."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {
            "title": _("Notification preferences"),
            "form": form,
            "channels": Channel.choices,
            "has_email": bool(user.email),
            "has_phone": bool(user.phone),
        },
    )

import pytest
from django.db import connection
from django.http import Http404
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import BureauFactory
from waishi.audit.models import AuditEvent
from waishi.notifications import views
from waishi.notifications.models import Notification, NotificationPreference

from .factories import make_notifications

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(make_user):
    return make_user(Role.LIAISON_OFFICER)


@pytest.fixture
def signed_in(client, officer):
    client.force_login(officer)
    return client


def test_list_shows_only_my_notifications(signed_in, officer, make_user):
    make_notifications(officer, 2)
    stranger = make_user(Role.DIVISION_OFFICER)
    Notification.objects.create(recipient=stranger, kind="cases.comment", title="别人的通知")
    response = signed_in.get(reverse("notifications:list"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "通知 0" in content and "通知 1" in content
    assert "别人的通知" not in content


def test_list_pages_by_keyset(signed_in, officer):
    make_notifications(officer, 25)
    first = signed_in.get(reverse("notifications:list"))
    assert len(first.context["notifications"]) == 20
    older = first.context["older"]
    second = signed_in.get(reverse("notifications:list"), {"before": older})
    assert len(second.context["notifications"]) == 5
    assert second.context["older"] is None
    assert {n.pk for n in first.context["notifications"]}.isdisjoint(
        n.pk for n in second.context["notifications"]
    )


def test_list_query_count_does_not_grow_with_rows(signed_in, officer):
    def queries_for_list() -> int:
        with CaptureQueriesContext(connection) as context:
            assert signed_in.get(reverse("notifications:list")).status_code == 200
        return len(context)

    make_notifications(officer, 5)
    signed_in.get(reverse("notifications:list"))  # warm caches
    with_five = queries_for_list()
    make_notifications(officer, 500)
    assert queries_for_list() == with_five


def test_mark_read_marks_only_that_one(signed_in, officer):
    first, second = make_notifications(officer, 2)
    response = signed_in.post(reverse("notifications:read", args=[first.pk]))
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None and second.read_at is None


def test_opening_a_notification_marks_it_read_and_follows_its_link(signed_in, officer):
    (note,) = make_notifications(officer, 1)
    response = signed_in.post(reverse("notifications:read", args=[note.pk]), {"open": "1"})
    assert response.status_code == 302 and response.url == "/home/"
    note.refresh_from_db()
    assert note.read_at is not None


def test_someone_elses_notification_is_not_found_and_stays_unread(officer, make_user):
    stranger = make_user(Role.DIVISION_OFFICER)
    (theirs,) = make_notifications(stranger, 1)
    request = RequestFactory().post(reverse("notifications:read", args=[theirs.pk]))
    request.user = officer
    with pytest.raises(Http404):
        views.mark_read(request, pk=theirs.pk)
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_marking_read_needs_post(signed_in, officer):
    (note,) = make_notifications(officer, 1)
    response = signed_in.get(reverse("notifications:read", args=[note.pk]))
    assert response.status_code == 405
    note.refresh_from_db()
    assert note.read_at is None


def test_mark_all_read(signed_in, officer, make_user):
    make_notifications(officer, 3)
    stranger = make_user(Role.DIVISION_OFFICER)
    make_notifications(stranger, 1)
    signed_in.post(reverse("notifications:read_all"))
    assert not Notification.objects.filter(recipient=officer, read_at__isnull=True).exists()
    assert Notification.objects.filter(recipient=stranger, read_at__isnull=True).count() == 1


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 302 and "login" in response.url


def test_bell_fragment_shows_the_unread_count(signed_in, officer):
    make_notifications(officer, 3)
    make_notifications(officer, 2, read=True)
    response = signed_in.get(reverse("notifications:bell"), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert 'data-testid="notification-count">3<' in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_bell_after_the_session_ended_leaves_the_page_alone(client):
    response = client.get(reverse("notifications:bell"), headers={"HX-Request": "true"})
    assert response.status_code == 204


def test_bell_in_the_page_header_costs_one_count_query(officer, django_assert_num_queries):
    BureauFactory()
    make_notifications(officer, 4)
    request = RequestFactory().get("/")
    request.user = officer
    # The first render warms what every page loads anyway (roles, permissions, the bureau).
    render_to_string("notifications/includes/bell.html", {"user": officer}, request=request)
    with django_assert_num_queries(1):
        html = render_to_string(
            "notifications/includes/bell.html", {"user": officer}, request=request
        )
    assert 'data-testid="notification-count">4<' in html


def test_preferences_page_saves_choices(signed_in, officer):
    url = reverse("notifications:preferences")
    assert signed_in.get(url).status_code == 200
    response = signed_in.post(
        url, {"language": "en", "cases.assigned__in_app": "on", "cases.comment__sms": "on"}
    )
    assert response.status_code == 302
    stored = {
        (p.kind, p.channel): p.enabled for p in NotificationPreference.objects.filter(user=officer)
    }
    assert stored[("cases.assigned", "in_app")] is True
    assert stored[("cases.assigned", "email")] is False
    assert stored[("cases.comment", "sms")] is True
    assert AuditEvent.objects.filter(
        action="notifications.preference.update", actor=officer
    ).exists()

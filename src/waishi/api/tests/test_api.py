import json

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from waishi.accounts.constants import Role
from waishi.api.errors import ApiError
from waishi.api.root import api
from waishi.notifications.models import Notification
from waishi.notifications.tests.factories import make_notifications

from .factories import bearer, make_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(make_user):
    return make_user(Role.LIAISON_OFFICER)


@pytest.fixture
def secret(officer):
    return make_token(officer)[1]


def assert_error_shape(response, status: int, code: str) -> dict:
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"code", "message", "details"}
    assert body["code"] == code and body["message"]
    return body


def test_health_is_public_and_writes_nothing(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/api/v1/health")
    assert response.json() == {"status": "ok", "version": "1"}


def test_me_needs_a_caller(client):
    assert_error_shape(client.get("/api/v1/me"), 401, "unauthenticated")


def test_me_with_a_session(client, officer):
    client.force_login(officer)
    assert client.get("/api/v1/me").json()["username"] == officer.username


def test_unknown_api_address_is_a_json_404(client):
    assert_error_shape(client.get("/api/v1/no/such/thing"), 404, "not_found")


def test_missing_and_forbidden_objects_look_the_same(client, secret, make_user):
    (theirs,) = make_notifications(make_user(Role.DIVISION_OFFICER), 1)
    other = client.post(f"/api/v1/notifications/{theirs.pk}/read", headers=bearer(secret))
    missing = client.post("/api/v1/notifications/999999/read", headers=bearer(secret))
    assert assert_error_shape(other, 404, "not_found") == missing.json()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_validation_errors_say_where_and_are_translated(client, secret):
    english = client.get(
        "/api/v1/notifications/?limit=lots", headers={**bearer(secret), "Accept-Language": "en"}
    )
    body = assert_error_shape(english, 422, "validation_error")
    assert body["message"] == "The request is not valid."
    assert body["details"][0]["loc"] == ["query", "limit"]
    chinese = client.get(
        "/api/v1/notifications/?limit=lots",
        headers={**bearer(secret), "Accept-Language": "zh-Hans"},
    )
    assert chinese.json()["message"] == "请求无效。"
    traditional = client.get(
        "/api/v1/notifications/?limit=lots",
        headers={**bearer(secret), "Accept-Language": "zh-Hant"},
    )
    assert traditional.json()["message"] == "請求無效。"


def test_a_bad_cursor_is_a_validation_error(client, secret):
    response = client.get("/api/v1/notifications/?cursor=%%%", headers=bearer(secret))
    assert_error_shape(response, 422, "invalid_cursor")


def test_permission_denied_has_the_shape():
    request = RequestFactory().get("/api/v1/anything")
    with translation.override("zh-hans"):
        response = api.on_exception(request, PermissionDenied())
    assert response.status_code == 403
    assert json.loads(response.content)["code"] == "permission_denied"
    assert json.loads(response.content)["message"] == "您没有执行此操作的权限。"


def test_conflict_and_server_errors_keep_the_shape_and_hide_the_traceback():
    request = RequestFactory().get("/api/v1/anything")
    request.request_id = "req-12345678"
    with translation.override("en"):
        conflict = api.on_exception(request, ApiError(409, "conflict", "Changed meanwhile."))
        crash = api.on_exception(request, RuntimeError("secret internals"))
    assert json.loads(conflict.content) == {
        "code": "conflict",
        "message": "Changed meanwhile.",
        "details": None,
    }
    assert crash.status_code == 500
    body = json.loads(crash.content)
    assert body["code"] == "server_error"
    assert body["details"] == {"request_id": "req-12345678"}
    assert "secret internals" not in crash.content.decode()
    assert "Traceback" not in crash.content.decode()


def test_too_many_requests_is_a_429(client, secret, settings):
    settings.WAISHI_API_RATE = "2/m"
    cache.clear()
    try:
        codes = [client.get("/api/v1/me", headers=bearer(secret)).status_code for _ in range(3)]
        assert codes[:2] == [200, 200]
        response = client.get("/api/v1/me", headers=bearer(secret))
        assert_error_shape(response, 429, "rate_limited")
        assert int(response["Retry-After"]) > 0
    finally:
        cache.clear()


def test_session_post_needs_the_csrf_token(officer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    make_notifications(officer, 2)
    refused = client.post("/api/v1/notifications/read-all")
    assert_error_shape(refused, 403, "csrf_failed")
    assert Notification.objects.filter(read_at__isnull=True).count() == 2
    client.get("/notifications/")  # the page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = client.post("/api/v1/notifications/read-all", headers={"X-CSRFToken": token})
    assert accepted.json() == {"marked": 2}


def test_token_post_needs_no_csrf_token(officer, secret):
    client = Client(enforce_csrf_checks=True)
    make_notifications(officer, 1)
    response = client.post("/api/v1/notifications/read-all", headers=bearer(secret))
    assert response.json() == {"marked": 1}


def test_notification_list_pages_with_a_cursor(client, officer, secret):
    make_notifications(officer, 25)
    first = client.get("/api/v1/notifications/?limit=20", headers=bearer(secret)).json()
    assert len(first["items"]) == 20 and first["next"]
    second = client.get(
        f"/api/v1/notifications/?limit=20&cursor={first['next']}", headers=bearer(secret)
    ).json()
    assert len(second["items"]) == 5 and second["next"] is None
    ids = [i["id"] for i in first["items"] + second["items"]]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 25


def test_notification_list_query_count_does_not_grow(client, officer, secret):
    def count() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get("/api/v1/notifications/", headers=bearer(secret)).status_code == 200
        return len(context)

    make_notifications(officer, 5)
    count()
    with_five = count()
    make_notifications(officer, 500)
    assert count() == with_five


# Docs, schema and router discovery ---------------------------------------------------------


def test_docs_are_for_bureau_staff_only(client, make_user, officer):
    assert client.get("/api/v1/docs").status_code == 302  # to sign-in
    client.force_login(officer)
    assert client.get("/api/v1/docs").status_code == 403
    client.force_login(make_user(Role.DIVISION_OFFICER))
    assert client.get("/api/v1/docs").status_code == 200


def test_schema_is_open_to_api_callers_only(client, secret):
    assert_error_shape(client.get("/api/v1/openapi.json"), 401, "unauthenticated")
    schema = client.get("/api/v1/openapi.json", headers=bearer(secret)).json()
    assert schema["info"] == {
        "title": "Waishi API",
        "version": "1",
        "description": schema["info"]["description"],
    }


def test_app_routers_are_mounted_and_every_operation_but_index_and_health_is_closed():
    schema = api.get_openapi_schema()
    assert "/api/v1/notifications/" in schema["paths"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if path in {"/api/v1/", "/api/v1/health"}:
                assert "security" not in operation
            else:
                assert operation.get("security"), f"{method.upper()} {path} is open"

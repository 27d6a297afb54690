from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from waishi.accounts import actions as account_actions
from waishi.accounts.constants import Role
from waishi.api import actions
from waishi.api.models import ApiToken
from waishi.api.tokens import hash_token
from waishi.audit.models import AuditEvent
from waishi.notifications.models import Notification

from .factories import bearer, make_token

pytestmark = pytest.mark.django_db
ME = "/api/v1/me"


@pytest.fixture
def officer(make_user):
    return make_user(Role.LIAISON_OFFICER)


def test_the_database_holds_only_a_hash_of_the_secret(officer):
    token, secret = make_token(officer)
    assert token.secret_hash == hash_token(secret)
    assert secret.startswith(token.prefix + "_")
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM api_apitoken")
        stored = " ".join(str(value) for row in cursor.fetchall() for value in row)
    assert secret not in stored
    assert secret[len(token.prefix) + 1 :] not in stored


def test_a_token_acts_as_its_liaison_officer(client, officer):
    _token, secret = make_token(officer)
    response = client.get(ME, headers=bearer(secret))
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == officer.pk
    assert body["roles"] == [Role.LIAISON_OFFICER]
    assert body["agency"]["id"] == officer.agency_id
    assert body["token_prefix"] == _token.prefix


def test_a_revoked_token_is_refused(client, officer):
    token, secret = make_token(officer)
    actions.do_revoke_api_token(actor=officer, token=token)
    response = client.get(ME, headers=bearer(secret))
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("mangle", [lambda s: s[:-1] + "x", lambda s: s + "x", lambda s: "garbage"])
def test_a_wrong_secret_is_refused(client, officer, mangle):
    _token, secret = make_token(officer)
    assert client.get(ME, headers=bearer(mangle(secret))).status_code == 401


def test_a_token_stops_when_its_user_is_no_longer_a_liaison_officer(client, officer):
    _token, secret = make_token(officer)
    account_actions.do_set_roles(actor=None, user=officer, roles={Role.AGENCY_SIGNATORY})
    assert client.get(ME, headers=bearer(secret)).status_code == 401


def test_use_is_recorded_at_most_once_a_minute(client, officer, django_assert_num_queries):
    token, secret = make_token(officer)
    client.get(ME, headers=bearer(secret))
    token.refresh_from_db()
    first_use = token.last_used_at
    assert first_use is not None
    # token with its user, roles, agency (no division): no UPDATE within the minute
    with django_assert_num_queries(3):
        client.get(ME, headers=bearer(secret))
    token.refresh_from_db()
    assert token.last_used_at == first_use
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first_use - timedelta(minutes=2))
    client.get(ME, headers=bearer(secret))
    token.refresh_from_db()
    assert token.last_used_at > first_use - timedelta(seconds=1)


def test_create_and_revoke_are_audited(officer):
    token, secret = make_token(officer)
    actions.do_revoke_api_token(actor=officer, token=token)
    events = AuditEvent.objects.filter(object_type="api.apitoken", object_id=str(token.pk))
    assert sorted(events.values_list("action", flat=True)) == [
        "api.token.create",
        "api.token.revoke",
    ]
    assert all(secret not in str(e.after) for e in events)
    assert events.get(action="api.token.revoke").actor == officer


def test_a_token_cannot_act_as_someone_of_another_agency(officer, make_user):
    stranger = make_user(Role.LIAISON_OFFICER)
    with pytest.raises(ValidationError):
        actions.do_create_api_token(actor=officer, name="x", acting_user=stranger)
    assert not ApiToken.objects.exists()


# The workspace screens ---------------------------------------------------------------------


def test_liaison_officer_creates_a_token_and_sees_the_secret_once(client, officer):
    client.force_login(officer)
    response = client.post(
        reverse("api:token_create"), {"name": "OA 系统", "acting_user": officer.pk}
    )
    assert response.status_code == 200
    secret = response.context["secret"]
    assert secret in response.content.decode()
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    listing = client.get(reverse("api:tokens"))
    assert "OA 系统" in listing.content.decode()
    assert secret not in listing.content.decode()


def test_tokens_of_other_agencies_are_invisible_and_cannot_be_revoked(client, officer, make_user):
    stranger = make_user(Role.LIAISON_OFFICER)
    theirs, _secret = make_token(stranger, name="别家的令牌")
    client.force_login(officer)
    assert "别家的令牌" not in client.get(reverse("api:tokens")).content.decode()
    response = client.post(reverse("api:token_revoke", args=[theirs.pk]))
    assert response.status_code in (404, 302) and response.get("Location", "") != reverse(
        "api:tokens"
    )
    theirs.refresh_from_db()
    assert theirs.revoked_at is None
    assert not AuditEvent.objects.filter(action="api.token.revoke").exists()


def test_revoke_from_the_workspace(client, officer):
    token, _secret = make_token(officer)
    client.force_login(officer)
    response = client.post(reverse("api:token_revoke", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == officer


@pytest.mark.parametrize("role", [Role.AGENCY_SIGNATORY, Role.DIVISION_OFFICER])
def test_only_liaison_officers_manage_tokens(client, make_user, role):
    client.force_login(make_user(role))
    assert client.get(reverse("api:tokens")).status_code == 403
    response = client.post(reverse("api:token_create"), {"name": "x"})
    assert response.status_code == 403
    assert not ApiToken.objects.exists()


def test_an_empty_name_is_refused_and_nothing_is_created(client, officer):
    client.force_login(officer)
    response = client.post(reverse("api:token_create"), {"name": " ", "acting_user": officer.pk})
    assert response.status_code == 422
    assert not ApiToken.objects.exists()


def test_token_list_query_count_does_not_grow(client, officer):
    client.force_login(officer)
    for i in range(3):
        make_token(officer, name=f"t{i}")
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("api:tokens"))
    for i in range(30):
        make_token(officer, name=f"more{i}")
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("api:tokens"))
    assert len(many) == len(few)


def test_the_person_a_token_acts_as_is_told(officer, make_user):
    colleague = make_user(Role.LIAISON_OFFICER, agency=officer.agency, full_name="王同事")
    token, _secret = actions.do_create_api_token(actor=officer, name="OA", acting_user=colleague)
    note = Notification.objects.get(recipient=colleague)
    assert (note.kind, note.object_id) == ("api.token_acting", str(token.pk))
    assert token.prefix in note.body
    make_token(officer, name="mine")
    assert not Notification.objects.filter(recipient=officer).exists()

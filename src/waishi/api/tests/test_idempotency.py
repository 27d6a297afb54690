import pytest
from django.test import RequestFactory
from ninja import Status

from waishi.accounts.constants import Role
from waishi.api.errors import ApiError
from waishi.api.idempotency import HEADER, idempotent
from waishi.cases.models import IdempotencyKey

pytestmark = pytest.mark.django_db


class Handler:
    """A POST handler that counts how often it really ran."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, request, fail: bool = False):
        self.calls += 1
        if fail:
            raise ApiError(409, "conflict", "later")
        return Status(201, {"number": self.calls})


def answer(result: Status) -> tuple[int, object]:
    return result.status_code, result.value


def post(user, body: str, key: str | None = "key-1"):
    headers = {HEADER: key} if key else {}
    request = RequestFactory().post(
        "/api/v1/things", data=body, content_type="application/json", headers=headers
    )
    request.user = request.auth = user
    return request


@pytest.fixture
def user(make_user):
    return make_user(Role.LIAISON_OFFICER)


def test_a_retry_with_the_same_key_returns_the_first_answer(user):
    handler = Handler()
    view = idempotent(handler)
    first = view(post(user, '{"a": 1}'))
    again = view(post(user, '{"a": 1}'))
    assert answer(first) == answer(again) == (201, {"number": 1})
    assert handler.calls == 1
    assert IdempotencyKey.objects.count() == 1


def test_the_same_key_with_another_body_is_refused(user):
    view = idempotent(Handler())
    view(post(user, '{"a": 1}'))
    with pytest.raises(ApiError) as refused:
        view(post(user, '{"a": 2}'))
    assert (refused.value.status, refused.value.code) == (422, "idempotency_key_reused")


def test_keys_belong_to_one_user(user, make_user):
    handler = Handler()
    view = idempotent(handler)
    view(post(user, "{}"))
    assert answer(view(post(make_user(Role.LIAISON_OFFICER), "{}"))) == (201, {"number": 2})


def test_without_a_key_every_call_runs(user):
    handler = Handler()
    view = idempotent(handler)
    view(post(user, "{}", key=None))
    view(post(user, "{}", key=None))
    assert handler.calls == 2
    assert not IdempotencyKey.objects.exists()


def test_a_failed_call_stores_nothing_so_a_retry_runs(user):
    handler = Handler()
    view = idempotent(handler)
    with pytest.raises(ApiError):
        view(post(user, "{}"), fail=True)
    assert not IdempotencyKey.objects.exists()
    assert answer(view(post(user, "{}"))) == (201, {"number": 2})


def test_an_overlong_key_is_refused(user):
    with pytest.raises(ApiError) as refused:
        idempotent(Handler())(post(user, "{}", key="k" * 65))
    assert refused.value.code == "idempotency_key_invalid"


def test_stored_keys_do_not_clash_with_the_case_kernels_own(user):
    IdempotencyKey.objects.create(user=user, key="key-1", scope="cases.create")
    assert answer(idempotent(Handler())(post(user, "{}"))) == (201, {"number": 1})

import datetime
import decimal
import uuid

import pytest
from django.test import RequestFactory
from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.audit.actions import GENESIS_HASH, compute_hash, log_action, to_json_native
from waishi.audit.models import AuditEvent, ChainHead

pytestmark = pytest.mark.django_db


def test_each_event_links_to_the_one_before():
    first = log_action(action="tests.thing.create", object_type="tests.thing", object_id="1")
    second = log_action(action="tests.thing.update", object_type="tests.thing", object_id="1")
    assert first.prev_hash == GENESIS_HASH
    assert second.seq == first.seq + 1
    assert second.prev_hash == first.row_hash
    head = ChainHead.objects.get(pk=1)
    assert (head.seq, head.row_hash) == (second.seq, second.row_hash)


def test_values_of_any_type_hash_the_same_after_a_round_trip(make_user):
    actor = make_user(Role.DIVISION_OFFICER)
    before = {
        "due": datetime.date(2026, 3, 1),
        "at": timezone.now(),
        "naive": datetime.datetime(2026, 3, 1, 8, 30, 15, 123456),
        "amount": decimal.Decimal("100000.50"),
        "ratio": 1e300,
        "token": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "members": {"b", "a"},
        "pair": (1, 2),
        3: "integer key",
        "owner": actor,
        "nested": {"time": datetime.time(9, 30), "none": None, "yes": True},
    }
    event = log_action(action="tests.thing.update", actor=actor, before=before, after={"x": 1})
    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.before == event.before
    assert stored.before["amount"] == "100000.50"
    assert stored.before["due"] == "2026-03-01"
    assert stored.before["members"] == ["a", "b"]
    assert stored.before["3"] == "integer key"
    assert stored.before["owner"] == actor.pk
    assert compute_hash(stored.prev_hash, stored) == stored.row_hash


def test_json_native_leaves_plain_json_alone():
    value = {"a": [1, "two", None, True, {"b": "三"}]}
    assert to_json_native(value) == value


def test_request_details_are_recorded_and_hash_after_reading_back(make_user, settings):
    settings.WAISHI_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    actor = make_user(Role.AUDIT_ADMIN)
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="2001:DB8:0:0::1, 10.0.0.1")
    request.request_id = "abcdef0123456789"
    event = log_action(action="tests.thing.view", actor=actor, request=request)
    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.ip_address == "2001:db8::1"
    assert stored.request_id == "abcdef0123456789"
    assert stored.actor_roles == Role.AUDIT_ADMIN
    assert compute_hash(stored.prev_hash, stored) == stored.row_hash


@pytest.mark.parametrize("forwarded", ["unknown", "1.2.3.4:5678", "<script>"])
def test_a_malformed_client_address_is_left_out_not_fatal(forwarded, settings):
    settings.WAISHI_TRUSTED_PROXIES = ["127.0.0.1"]
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded)
    event = log_action(action="tests.thing.view", request=request)
    assert AuditEvent.objects.get(pk=event.pk).ip_address is None


def test_overlong_text_is_cut_to_the_column_and_still_verifies():
    event = log_action(action="tests.thing.view", object_type="t" * 300, object_id="9" * 300)
    stored = AuditEvent.objects.get(pk=event.pk)
    assert len(stored.object_id) == 64
    assert len(stored.object_type) == 100
    assert compute_hash(stored.prev_hash, stored) == stored.row_hash


def test_anonymous_actor_is_recorded_as_nobody():
    from django.contrib.auth.models import AnonymousUser

    event = log_action(action="accounts.session.fail", actor=AnonymousUser())
    assert event.actor_id is None
    assert event.actor_label == ""

"""A double click, a resent form or a retried call never files two cases."""

import pytest

from waishi.cases.actions import do_create_case
from waishi.cases.forms import IdempotentFormMixin
from waishi.cases.models import Case

pytestmark = pytest.mark.django_db


def test_same_key_returns_the_first_case(liaison, agency, division):
    first = do_create_case(
        actor=liaison, case_type="DM", agency=agency, title="一", idempotency_key="abc"
    )
    again = do_create_case(
        actor=liaison, case_type="DM", agency=agency, title="一", idempotency_key="abc"
    )
    assert again.pk == first.pk and again.replayed and not first.replayed
    assert Case.objects.count() == 1


def test_different_keys_file_two_cases(liaison, agency, division):
    do_create_case(actor=liaison, case_type="DM", agency=agency, title="一", idempotency_key="a")
    do_create_case(actor=liaison, case_type="DM", agency=agency, title="二", idempotency_key="b")
    assert Case.objects.count() == 2


def test_forms_carry_a_fresh_hidden_key():
    class FilingForm(IdempotentFormMixin):
        pass

    one, two = FilingForm(), FilingForm()
    assert one.initial["idempotency_key"] != two.initial["idempotency_key"]
    assert 'type="hidden"' in str(one["idempotency_key"])


def test_old_keys_are_purged(liaison, agency, division):
    import datetime

    from django.utils import timezone

    from waishi.cases.actions import do_purge_idempotency_keys
    from waishi.cases.models import IdempotencyKey

    do_create_case(actor=liaison, case_type="DM", agency=agency, title="一", idempotency_key="a")
    IdempotencyKey.objects.update(created_at=timezone.now() - datetime.timedelta(days=8))
    do_create_case(actor=liaison, case_type="DM", agency=agency, title="二", idempotency_key="b")
    assert do_purge_idempotency_keys(older_than=datetime.timedelta(days=7)) == 1
    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["b"]

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

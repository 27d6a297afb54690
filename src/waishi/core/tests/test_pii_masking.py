import pytest
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from waishi.core import pii


@pytest.mark.parametrize(
    ("value", "kind", "masked"),
    [
        ("441202199001011234", "id", "441202********1234"),
        ("11010519491231002X", "id", "110105********002X"),
        ("E12345678", "passport", "E1*****78"),
        ("SE1234567", "passport", "SE*****67"),
        ("13812345678", "phone", "138****5678"),
        ("138 1234 5678", "phone", "138****5678"),
        ("张三丰", "text", "张**"),
        ("", "id", ""),
        (None, "phone", ""),
        ("1234", "id", "****"),
    ],
)
def test_masks(value, kind, masked):
    assert pii.mask(value, kind) == masked


def test_named_helpers():
    assert pii.mask_id_number("441202199001011234") == "441202********1234"
    assert pii.mask_passport_number("PE1234567") == "PE*****67"
    assert pii.mask_phone("13812345678") == "138****5678"


def test_template_filter():
    rendered = Template('{% load pii %}{{ v|mask:"id" }} {{ p|mask:"phone" }}').render(
        Context({"v": "441202199001011234", "p": "13812345678"})
    )
    assert rendered == "441202********1234 138****5678"


@given(st.text(alphabet="0123456789X", min_size=1, max_size=30), st.sampled_from(pii.Kind.values))
def test_a_mask_never_shows_more_than_two_thirds(value, kind):
    masked = pii.mask(value, kind)
    assert len(masked) == len(value)
    assert masked.count(pii.MASK_CHAR) >= len(value) // 3

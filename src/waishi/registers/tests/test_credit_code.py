"""The unified social credit code (GB 32100-2015) and its check character."""

import pytest
from django.core.exceptions import ValidationError

from waishi.core.validators import (
    CREDIT_CODE_CHARACTERS,
    check_credit_code,
    credit_code_check_character,
)

# The first is a published code; the others end with the check character the formula of
# GB 32100 gives for their first 17 characters.
VALID = ["91350100M000100Y43", "91110000600037341L", "91440300MA5EXWHW0W"]


@pytest.mark.parametrize("code", VALID)
def test_valid_codes_pass(code: str) -> None:
    assert check_credit_code(code) == code


def test_spaces_and_lower_case_are_normalised() -> None:
    assert check_credit_code(" 91350100m000100y43 ") == "91350100M000100Y43"


@pytest.mark.parametrize("code", VALID)
def test_every_other_check_character_is_refused(code: str) -> None:
    for wrong in CREDIT_CODE_CHARACTERS.replace(code[-1], ""):
        with pytest.raises(ValidationError) as refused:
            check_credit_code(code[:17] + wrong)
        assert refused.value.code == "credit_code_check"


def test_a_changed_character_before_the_check_is_caught() -> None:
    with pytest.raises(ValidationError):
        check_credit_code("91350100M000101Y43")


@pytest.mark.parametrize(
    "code",
    ["91350100M000100Y4", "91350100M000100Y433", "91350100M0001O0Y43", "9135010AM000100Y43", ""],
)
def test_wrong_length_letters_outside_the_set_or_letters_in_the_area_code_are_refused(
    code: str,
) -> None:
    with pytest.raises(ValidationError) as refused:
        check_credit_code(code)
    assert refused.value.code == "credit_code_format"


def test_a_sum_divisible_by_31_gives_check_character_zero() -> None:
    # "0" x 17 sums to 0: 31 - 0 is 31, which the standard writes as 0.
    assert credit_code_check_character("0" * 17) == "0"

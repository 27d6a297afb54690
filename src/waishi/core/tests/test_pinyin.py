"""Passport-style romanisation of names: surnames, compound surnames, ü → YU."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from waishi.core.pinyin import (
    COMPOUND_SURNAMES,
    SURNAME_READINGS,
    PassportName,
    parse_passport_name,
    passport_name,
    passport_name_text,
    romanise,
    split_name,
    validate_passport_name,
)

# Common Han characters used in given names (a range would include rare characters with no
# reading, which passports never carry).
GIVEN_CHARS = "小龙明华国强伟芳娜秀英敏静丽军平刚桂兰玉梅红霞建文斌辉鹏涛宇晨欣怡佳琪嘉乐行长重"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("张三", "ZHANG, SAN"),
        ("张小龙", "ZHANG, XIAOLONG"),
        ("单田芳", "SHAN, TIANFANG"),
        ("曾国藩", "ZENG, GUOFAN"),
        ("曾小明", "ZENG, XIAOMING"),
        ("解缙", "XIE, JIN"),
        ("仇英", "QIU, YING"),
        ("区小平", "OU, XIAOPING"),
        ("查良镛", "ZHA, LIANGYONG"),
        ("翟志刚", "ZHAI, ZHIGANG"),
        ("覃明", "QIN, MING"),
        ("吕布", "LYU, BU"),
        ("吕小绿", "LYU, XIAOLYU"),
        ("聂女", "NIE, NYU"),
        ("徐略", "XU, LYUE"),
        ("欧阳修", "OUYANG, XIU"),
        ("司马光", "SIMA, GUANG"),
        ("诸葛亮", "ZHUGE, LIANG"),
        ("上官婉儿", "SHANGGUAN, WANER"),
        ("尉迟恭", "YUCHI, GONG"),
        ("万俟卨", "MOQI, XIE"),
        ("西安", "XI, AN"),
        ("许巨", "XU, JU"),
    ],
)
def test_name_is_romanised_as_in_a_passport(name: str, expected: str) -> None:
    assert passport_name_text(name) == expected


def test_u_umlaut_is_written_yu_after_l_and_n() -> None:
    assert romanise("吕绿女略虐") == "LYULYUNYULYUENYUE"
    # After j, q, x and y the dots are never written, so nothing changes there.
    assert romanise("居区需鱼") == "JUQUXUYU"


def test_compound_surname_is_not_split_when_the_name_is_only_the_surname() -> None:
    # 欧阳 alone is a two-character name: surname 欧, given name 阳.
    assert split_name("欧阳") == ("欧", "阳")
    assert split_name("欧阳修") == ("欧阳", "修")


def test_explicit_surname_overrides_the_compound_split() -> None:
    name = passport_name("欧阳明", surname="欧")
    assert name == PassportName(surname="OU", given_name="YANGMING")


def test_minority_name_with_a_dot_takes_the_last_part_as_surname() -> None:
    assert split_name("买买提·艾力") == ("艾力", "买买提")
    assert passport_name("买买提·艾力").surname == "AILI"


def test_latin_name_keeps_its_letters() -> None:
    assert passport_name_text("Zhang San") == "ZHANG, SAN"
    assert romanise("José") == "JOSE"


def test_string_forms() -> None:
    name = passport_name("李小龙")
    assert str(name) == "LI XIAOLONG"
    assert name.comma == "LI, XIAOLONG"
    assert PassportName(surname="LI", given_name="").comma == "LI"


def test_stored_value_parses_back_into_its_parts() -> None:
    assert parse_passport_name("zhang,  xiaolong") == PassportName("ZHANG", "XIAOLONG")
    assert parse_passport_name("ZHANG XIAOLONG") == PassportName("ZHANG", "XIAOLONG")


@pytest.mark.parametrize("value", ["ZHANG, XIAOLONG", "LYU, BU", "ZHANG", "AILI, MAIMAITI"])
def test_valid_passport_names_are_accepted(value: str) -> None:
    validate_passport_name(value)


@pytest.mark.parametrize("value", ["", "zhang, san", "ZHANG,, SAN", "LÜ, BU", "张三", "ZHANG 3"])
def test_invalid_passport_names_are_refused(value: str) -> None:
    with pytest.raises(ValidationError):
        validate_passport_name(value)


@pytest.mark.parametrize(("surname", "reading"), sorted(SURNAME_READINGS.items()))
def test_every_surname_in_the_table_is_read_as_a_surname(surname: str, reading: str) -> None:
    assert passport_name(surname + "明").surname == reading


@pytest.mark.parametrize(("surname", "reading"), sorted(COMPOUND_SURNAMES.items()))
def test_every_compound_surname_is_kept_whole(surname: str, reading: str) -> None:
    assert passport_name(surname + "明") == PassportName(surname=reading, given_name="MING")


@given(
    surname=st.sampled_from(
        sorted(SURNAME_READINGS) + sorted(COMPOUND_SURNAMES) + list("王李张刘陈")
    ),
    given_name=st.text(alphabet=GIVEN_CHARS, min_size=1, max_size=3),
)
def test_generated_names_always_give_a_valid_passport_name(surname: str, given_name: str) -> None:
    result = passport_name(surname + given_name)
    validate_passport_name(result.comma)
    assert parse_passport_name(result.comma) == result
    # The given name is romanised on its own, whatever surname precedes it.
    assert result.given_name == romanise(given_name)
    assert "V" not in result.comma

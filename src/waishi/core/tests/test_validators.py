import contextlib
import datetime
import random

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from waishi.core import validators as v

STANDARD_EXAMPLE = "11010519491231002X"


def build_id(area: int, born: datetime.date, sequence: int) -> str:
    first17 = f"{area:06d}{born:%Y%m%d}{sequence:03d}"
    return first17 + v.resident_id_check_character(first17)


valid_ids = st.builds(
    build_id,
    st.integers(110000, 999999),
    st.dates(v.EARLIEST_BIRTH_DATE, datetime.date(2025, 12, 31)),
    st.integers(0, 999),
)


def test_the_standards_own_example_is_valid():
    assert v.check_resident_id(STANDARD_EXAMPLE) == STANDARD_EXAMPLE
    assert v.check_resident_id(" 110105 19491231 002x ") == STANDARD_EXAMPLE
    assert v.resident_id_birth_date(STANDARD_EXAMPLE) == datetime.date(1949, 12, 31)
    assert v.resident_id_sex(STANDARD_EXAMPLE) == v.Sex.FEMALE
    assert v.resident_id_sex(build_id(110105, datetime.date(1949, 12, 31), 3)) == v.Sex.MALE


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("", "id_format"),
        ("11010519491231002", "id_format"),
        ("11010519491231002XX", "id_format"),
        ("01010519491231002X", "id_format"),
        ("1101051949123100X2", "id_format"),
        ("110105194912310021", "id_checksum"),
        (build_id(110105, datetime.date(1949, 12, 31), 3)[:-1] + "0", "id_checksum"),
        ("110105194902300021", "id_birth_date"),
        ("110105189912310021", "id_birth_date"),
    ],
)
def test_invalid_numbers_are_refused_with_the_reason(number, code):
    with pytest.raises(ValidationError) as caught:
        v.check_resident_id(number)
    assert caught.value.code == code


def test_a_birth_date_in_the_future_is_refused():
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    number = build_id(110105, tomorrow, 1)
    with pytest.raises(ValidationError) as caught:
        v.check_resident_id(number, today=datetime.date.today())
    assert caught.value.code == "id_birth_date"


@given(valid_ids)
def test_generated_valid_numbers_pass(number):
    assert v.check_resident_id(number) == number
    assert v.check_resident_id(number.lower()) == number


@settings(max_examples=300)
@given(valid_ids, st.integers(0, 17), st.sampled_from("0123456789X"))
def test_any_single_character_change_is_caught(number, position, replacement):
    changed = number[:position] + replacement + number[position + 1 :]
    if changed == number:
        return
    with pytest.raises(ValidationError):
        v.check_resident_id(changed)


@given(valid_ids)
def test_sex_and_birth_date_come_from_the_number(number):
    assert v.resident_id_birth_date(number).strftime("%Y%m%d") == number[6:14]
    assert v.resident_id_sex(number) == (v.Sex.MALE if int(number[16]) % 2 else v.Sex.FEMALE)


@given(st.integers(0, 2**32), st.sampled_from([None, v.Sex.MALE, v.Sex.FEMALE]))
def test_fictitious_numbers_are_valid_and_obviously_fictitious(seed, sex):
    number = v.fictitious_resident_id(random.Random(seed), sex=sex)
    assert v.check_resident_id(number) == number
    assert v.is_fictitious_resident_id(number)
    assert number[:2] == "99"
    if sex is not None:
        assert v.resident_id_sex(number) == sex


def test_fictitious_numbers_take_a_given_birth_date():
    born = datetime.date(1980, 2, 29)
    number = v.fictitious_resident_id(random.Random(1), birth_date=born)
    assert v.resident_id_birth_date(number) == born


@pytest.mark.parametrize(
    ("number", "kind"),
    [
        ("E12345678", v.DocumentKind.ORDINARY_PASSPORT),
        ("EA1234567", v.DocumentKind.ORDINARY_PASSPORT),
        ("EZ1234567", v.DocumentKind.ORDINARY_PASSPORT),
        ("G12345678", v.DocumentKind.ORDINARY_PASSPORT),
        ("SE1234567", v.DocumentKind.SERVICE_PASSPORT),
        ("S1234567", v.DocumentKind.SERVICE_PASSPORT),
        ("S12345678", v.DocumentKind.SERVICE_PASSPORT),
        ("PE1234567", v.DocumentKind.PUBLIC_AFFAIRS_PASSPORT),
        ("P1234567", v.DocumentKind.PUBLIC_AFFAIRS_PASSPORT),
        ("DE1234567", v.DocumentKind.DIPLOMATIC_PASSPORT),
        ("D1234567", v.DocumentKind.DIPLOMATIC_PASSPORT),
        (" se 1234567 ", v.DocumentKind.SERVICE_PASSPORT),
    ],
)
def test_passport_numbers_are_recognised(number, kind):
    assert v.passport_kind(number) == kind
    assert v.check_passport_number(number) == "".join(number.split()).upper()


@pytest.mark.parametrize(
    "number",
    [
        "",
        "E1234567",
        "E123456789",
        "EI1234567",
        "EO1234567",
        "SE123456",
        "SE12345678",
        "PE12345678",
        "P12345678",
        "D12345678",
        "X1234567",
        "12345678",
        "S１234567",
    ],
)
def test_malformed_passport_numbers_are_refused(number):
    assert v.passport_kind(number) is None
    with pytest.raises(ValidationError):
        v.validate_passport_number(number)


def test_official_work_needs_an_official_passport():
    v.validate_official_passport_number("SE1234567")
    v.validate_official_passport_number("PE1234567")
    with pytest.raises(ValidationError) as caught:
        v.validate_official_passport_number("E12345678")
    assert caught.value.code == "passport_kind"


@given(st.from_regex(r"\A(SE|PE|DE)[0-9]{7}\Z"))
def test_generated_official_passport_numbers_pass(number):
    v.validate_official_passport_number(number)


@given(st.text(max_size=12))
def test_passport_check_never_crashes(text):
    with contextlib.suppress(ValidationError):
        assert v.check_passport_number(text) == "".join(text.split()).upper()


@pytest.mark.parametrize("number", ["C12345678", "CA1234567", "T1234567", "w 1234567"])
def test_hk_macao_pass_numbers(number):
    v.validate_hk_macao_pass_number(number)


@pytest.mark.parametrize("number", ["", "12345678", "ABC1234567", "C123456", "C123456789"])
def test_malformed_pass_numbers_are_refused(number):
    with pytest.raises(ValidationError):
        v.validate_hk_macao_pass_number(number)


@pytest.mark.parametrize("number", ["13812345678", "0758-2222222", "07582222222", "020-12345678"])
def test_phone_numbers(number):
    v.validate_phone(number)


@pytest.mark.parametrize("number", ["12812345678", "1381234567", "758-2222222", "phone"])
def test_malformed_phones_are_refused(number):
    with pytest.raises(ValidationError):
        v.validate_phone(number)


def test_messages_are_translated():
    from django.utils import translation

    with translation.override("zh-hans"):
        with pytest.raises(ValidationError) as caught:
            v.check_resident_id("123")
        message = caught.value.messages[0]
    assert message != "A resident ID number has 18 characters: 17 digits and a digit or X."
    assert "身份证" in message


# Links entered by editors and users ------------------------------------------------------------


@pytest.mark.parametrize(
    "link",
    [
        "/workspace/",
        "/services/official-passports/?lang=en#top",
        "https://www.gov.cn/",
        "http://zwfw.gd.gov.cn/path?q=1",
        "",
    ],
)
def test_web_links_and_paths_are_accepted(link):
    from waishi.core.validators import check_web_link

    assert check_web_link(link) == link


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "ftp://files.example.org/",
        "//evil.example/login",
        "/\\evil.example",
        "https://exa mple.org/",
        "mailto:someone@example.org",
        "workspace/",
    ],
)
def test_other_schemes_and_disguised_addresses_are_refused(link):
    from django.core.exceptions import ValidationError

    from waishi.core.validators import check_web_link

    with pytest.raises(ValidationError) as refused:
        check_web_link(link)
    assert refused.value.code == "unsafe_link"


def test_an_address_field_takes_no_path():
    from django.core.exceptions import ValidationError

    from waishi.core.validators import validate_web_address

    validate_web_address("https://maps.example.org/?q=1")
    with pytest.raises(ValidationError):
        validate_web_address("/workspace/")


def test_every_link_field_checks_its_links():
    """Each model field that holds a link refuses ``javascript:`` (a list kept by hand: a new
    link field belongs here)."""
    from django.apps import apps
    from django.core.exceptions import ValidationError
    from django.db import models

    checked = {
        ("portal", "serviceguidepage", "online_url"),
        ("portal", "contactpage", "map_url"),
        ("portal", "bureauprofilepage", "map_url"),
        ("registers", "organisation", "website"),
        ("notifications", "notification", "link"),
    }
    for app, model, name in checked:
        field = apps.get_model(app, model)._meta.get_field(name)
        with pytest.raises(ValidationError):
            field.clean("javascript:alert(1)", None)
    # Every URLField of Waishi's own apps is in the list.
    url_fields = {
        (m._meta.app_label, m._meta.model_name, f.name)
        for m in apps.get_models()
        if m.__module__.startswith("waishi.")
        for f in m._meta.get_fields()
        if isinstance(f, models.URLField)
    }
    assert url_fields <= checked

"""Checks for identity document numbers: resident ID (GB 11643-1999), passports and passes.

Each ``check_*`` function returns the number in its canonical form (upper case, no spaces)
or raises ``ValidationError`` with a translated message; ``validate_*`` are the same checks
in the shape Django's model and form fields expect.
"""

import datetime
import random
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# GB 11643-1999, 4.2: weights of the first 17 characters and the check character for each
# remainder of the weighted sum modulo 11.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARACTERS = "10X98765432"
ID_PATTERN = re.compile(r"^[1-9]\d{16}[\dX]$", re.ASCII)
# Nobody recorded as living was born before this; an earlier date is a typing error.
EARLIEST_BIRTH_DATE = datetime.date(1900, 1, 1)
# Area codes 990000-999999 belong to no region (real province codes run 11-82), so a
# generated demo number can never be someone's real number.
FICTITIOUS_AREA_CODES = (990000, 999999)


def _compact(value: object) -> str:
    return "".join(str(value or "").split()).upper()


def resident_id_check_character(first17: str) -> str:
    """The check character for the first 17 digits (GB 11643-1999)."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARACTERS[total % 11]


def _birth_date(number: str) -> datetime.date | None:
    try:
        return datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def check_resident_id(value: object, *, today: datetime.date | None = None) -> str:
    """Return the 18-character ID number in canonical form, or raise ``ValidationError``."""
    number = _compact(value)
    if not ID_PATTERN.match(number):
        raise ValidationError(
            _("A resident ID number has 18 characters: 17 digits and a digit or X."),
            code="id_format",
        )
    born = _birth_date(number)
    today = today or timezone.localdate()
    if born is None or not EARLIEST_BIRTH_DATE <= born <= today:
        raise ValidationError(
            _("The date of birth in this ID number (characters 7 to 14) is not a valid date."),
            code="id_birth_date",
        )
    if resident_id_check_character(number[:17]) != number[17]:
        raise ValidationError(
            _("This ID number's check character does not match; please check each digit."),
            code="id_checksum",
        )
    return number


def validate_resident_id(value: object) -> None:
    check_resident_id(value)


def resident_id_birth_date(value: str) -> datetime.date:
    """The date of birth in a valid ID number."""
    born = _birth_date(check_resident_id(value))
    assert born is not None  # check_resident_id has verified it
    return born


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")


def resident_id_sex(value: str) -> Sex:
    """The holder's sex from the sequence code: odd for men, even for women."""
    number = check_resident_id(value)
    return Sex.MALE if int(number[16]) % 2 else Sex.FEMALE


def fictitious_resident_id(
    rng: random.Random,
    *,
    birth_date: datetime.date | None = None,
    sex: str | None = None,
) -> str:
    """A valid-checksum ID number for demo data, with an area code no region uses."""
    area = rng.randint(*FICTITIOUS_AREA_CODES)
    if birth_date is None:
        birth_date = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randint(0, 20000))
    sequence = rng.randint(0, 999)
    if sex is not None and (sequence % 2 == 1) != (sex == Sex.MALE):
        sequence = (sequence + 1) % 1000
    first17 = f"{area:06d}{birth_date:%Y%m%d}{sequence:03d}"
    return first17 + resident_id_check_character(first17)


def is_fictitious_resident_id(value: str) -> bool:
    low, high = FICTITIOUS_AREA_CODES
    return low <= int(_compact(value)[:6] or 0) <= high


# Passports and passes ----------------------------------------------------------------------


class DocumentKind(models.TextChoices):
    ORDINARY_PASSPORT = "ordinary", _("Ordinary passport")
    SERVICE_PASSPORT = "service", _("Service Passport")
    PUBLIC_AFFAIRS_PASSPORT = "public_affairs", _("Passport for Public Affairs")
    DIPLOMATIC_PASSPORT = "diplomatic", _("Diplomatic Passport")
    HK_MACAO_OFFICIAL_PASS = "hk_macao_official", _("Official Pass to and from Hong Kong and Macao")


@dataclass(frozen=True)
class NumberFormat:
    kind: DocumentKind
    pattern: re.Pattern[str]
    description: str


# Letters used in the second position of "E" series numbers: I and O are left out because
# they read as 1 and 0.
_SERIES_LETTER = "[A-HJ-NP-Z]"

PASSPORT_FORMATS = (
    # Electronic ordinary passports: E + 8 digits, then E + letter + 7 digits once the
    # digits ran out; G + 8 digits is the series issued before 2012.
    NumberFormat(DocumentKind.ORDINARY_PASSPORT, re.compile(r"^E\d{8}$", re.ASCII), "E12345678"),
    NumberFormat(
        DocumentKind.ORDINARY_PASSPORT,
        re.compile(rf"^E{_SERIES_LETTER}\d{{7}}$", re.ASCII),
        "EA1234567",
    ),
    NumberFormat(DocumentKind.ORDINARY_PASSPORT, re.compile(r"^G\d{8}$", re.ASCII), "G12345678"),
    # Official passports (DOMAIN.md): SE/PE/DE + 7 digits; older S + 7 or 8, P + 7, D + 7.
    NumberFormat(DocumentKind.SERVICE_PASSPORT, re.compile(r"^SE\d{7}$", re.ASCII), "SE1234567"),
    NumberFormat(DocumentKind.SERVICE_PASSPORT, re.compile(r"^S\d{7,8}$", re.ASCII), "S1234567"),
    NumberFormat(
        DocumentKind.PUBLIC_AFFAIRS_PASSPORT, re.compile(r"^PE\d{7}$", re.ASCII), "PE1234567"
    ),
    NumberFormat(
        DocumentKind.PUBLIC_AFFAIRS_PASSPORT, re.compile(r"^P\d{7}$", re.ASCII), "P1234567"
    ),
    NumberFormat(DocumentKind.DIPLOMATIC_PASSPORT, re.compile(r"^DE\d{7}$", re.ASCII), "DE1234567"),
    NumberFormat(DocumentKind.DIPLOMATIC_PASSPORT, re.compile(r"^D\d{7}$", re.ASCII), "D1234567"),
)

# The official Hong Kong/Macao pass's numbering is not published; issued numbers seen are
# one or two capital letters and seven or eight digits. The check keeps to that shape
# (catching typing slips) without guessing at series letters.
HK_MACAO_PASS_PATTERN = re.compile(r"^[A-Z]{1,2}\d{7,8}$", re.ASCII)


def passport_kind(value: object) -> DocumentKind | None:
    """Which passport a number belongs to, or None when it matches no known format."""
    number = _compact(value)
    for number_format in PASSPORT_FORMATS:
        if number_format.pattern.match(number):
            return number_format.kind
    return None


def check_passport_number(value: object, *, kinds: set[str] | None = None) -> str:
    """Return the passport number in canonical form, or raise ``ValidationError``.

    ``kinds`` limits the passports accepted (e.g. only official ones for a mission).
    """
    number = _compact(value)
    kind = passport_kind(number)
    if kind is None:
        raise ValidationError(
            _(
                "This is not a valid passport number. Official passports read SE, PE or DE "
                "followed by 7 digits (older ones S, P or D and 7 or 8 digits); ordinary "
                "passports E and 8 digits or E, a letter and 7 digits."
            ),
            code="passport_format",
        )
    if kinds is not None and kind not in kinds:
        raise ValidationError(
            _("A %(expected)s is needed here; this number is of a %(found)s.")
            % {
                "expected": " / ".join(str(DocumentKind(k).label) for k in sorted(kinds)),
                "found": kind.label,
            },
            code="passport_kind",
        )
    return number


def validate_passport_number(value: object) -> None:
    check_passport_number(value)


OFFICIAL_PASSPORTS = {
    DocumentKind.SERVICE_PASSPORT,
    DocumentKind.PUBLIC_AFFAIRS_PASSPORT,
    DocumentKind.DIPLOMATIC_PASSPORT,
}


def validate_official_passport_number(value: object) -> None:
    """Official work is never done on a private passport (DOMAIN.md)."""
    check_passport_number(value, kinds={str(k) for k in OFFICIAL_PASSPORTS})


def check_hk_macao_pass_number(value: object) -> str:
    """Return the official Hong Kong/Macao pass number in canonical form, or raise."""
    number = _compact(value)
    if not HK_MACAO_PASS_PATTERN.match(number):
        raise ValidationError(
            _(
                "This is not a valid pass number: one or two capital letters followed by "
                "7 or 8 digits."
            ),
            code="pass_format",
        )
    return number


def validate_hk_macao_pass_number(value: object) -> None:
    check_hk_macao_pass_number(value)


# Phones: mainland mobiles 1[3-9] + 9 digits; fixed lines an area code 0xx or 0xxx and 7 or
# 8 digits, with an optional hyphen.
PHONE_PATTERN = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$", re.ASCII)


def check_phone(value: object) -> str:
    number = _compact(value)
    if not PHONE_PATTERN.match(number):
        raise ValidationError(
            _("Enter a mobile number of 11 digits or a fixed line with its area code."),
            code="phone_format",
        )
    return number


def validate_phone(value: object) -> None:
    check_phone(value)


# GB 32100-2015, 4.2 and annex B: the unified social credit code is 18 characters from
# these 31 (no I, O, S, V, Z); the 18th is a check character, 31 minus the weighted sum of
# the first 17 modulo 31 (31 becomes 0), the weight of position i being 3^(i-1) mod 31.
CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
CREDIT_CODE_PATTERN = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$", re.ASCII)


def credit_code_check_character(first17: str) -> str:
    """The GB 32100 check character of the first 17 characters of a credit code."""
    total = sum(
        CREDIT_CODE_CHARACTERS.index(char) * weight
        for char, weight in zip(first17, CREDIT_CODE_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_CHARACTERS[(31 - total % 31) % 31]


def check_credit_code(value: object) -> str:
    """A unified social credit code (统一社会信用代码, GB 32100-2015) in canonical form."""
    number = _compact(value)
    if not CREDIT_CODE_PATTERN.match(number):
        raise ValidationError(
            _(
                "A unified social credit code has 18 characters: digits and capital letters "
                "other than I, O, S, V and Z."
            ),
            code="credit_code_format",
        )
    if credit_code_check_character(number[:17]) != number[17]:
        raise ValidationError(
            _("The check character of this unified social credit code is wrong."),
            code="credit_code_check",
        )
    return number


def validate_credit_code(value: object) -> None:
    check_credit_code(value)


# Links -----------------------------------------------------------------------------------------
# Links entered by editors and users open in other people's browsers: only web addresses
# (http, https) and paths inside Waishi. ``javascript:``, ``data:`` and the like would run
# code or show forged pages; an address starting ``//`` or with a backslash would leave the
# site while looking like a path.
LINK_SCHEMES = ("http", "https")


def check_web_link(value: object) -> str:
    """Return the link unchanged if it is an http(s) address or a path; else raise."""
    from urllib.parse import urlsplit

    from django.core.validators import URLValidator

    text = str(value or "").strip()
    if not text:
        return text
    refused = ValidationError(
        _("Enter an address starting with http:// or https://, or a path starting with /."),
        code="unsafe_link",
    )
    if any(ord(c) < 32 or c == "\x7f" or c == "\\" for c in text):
        raise refused
    if text.startswith("/"):
        if text.startswith("//"):
            raise refused
        return text
    if urlsplit(text).scheme.lower() not in LINK_SCHEMES:
        raise refused
    try:
        URLValidator(schemes=list(LINK_SCHEMES))(text)
    except ValidationError as error:
        raise refused from error
    return text


def validate_web_link(value: object) -> None:
    """``check_web_link`` for model and form fields (http(s) or a path)."""
    check_web_link(value)


def validate_web_address(value: object) -> None:
    """An absolute http(s) address only (for ``URLField``s: no paths, no other schemes)."""
    text = str(value or "").strip()
    if text.startswith("/"):
        raise ValidationError(
            _("Enter an address starting with http:// or https://."), code="unsafe_link"
        )
    check_web_link(text)

"""Passport-style romanisation of Chinese names (surname first, upper case, ü written YU).

Chinese passports print the name in Hanyu Pinyin without tones or apostrophes: the surname
as one word, the given name as one word (张小龙 → ZHANG, XIAOLONG). The letter ü is written
YU (吕 → LYU, 女 → NYU), as the Ministry of Public Security's passport rules require.

Dictionary readings are wrong for many surnames: 单 reads "dan" as a word but SHAN as a
surname, 曾 "ceng" but ZENG. The table below overrides pypinyin for surnames, and compound
surnames (欧阳, 司马, 诸葛, 上官 ...) are recognised so the split falls in the right place.
The result is a proposal: people store it in an editable field and correct it against the
holder's existing passport.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Compound (two-character) surnames with their surname readings.
COMPOUND_SURNAMES: dict[str, str] = {
    "欧阳": "OUYANG",
    "司马": "SIMA",
    "诸葛": "ZHUGE",
    "上官": "SHANGGUAN",
    "尉迟": "YUCHI",
    "万俟": "MOQI",
    "单于": "CHANYU",
    "长孙": "ZHANGSUN",
    "令狐": "LINGHU",
    "澹台": "TANTAI",
    "皇甫": "HUANGFU",
    "公孙": "GONGSUN",
    "慕容": "MURONG",
    "宇文": "YUWEN",
    "夏侯": "XIAHOU",
    "东方": "DONGFANG",
    "轩辕": "XUANYUAN",
    "司徒": "SITU",
    "司空": "SIKONG",
    "端木": "DUANMU",
    "呼延": "HUYAN",
    "西门": "XIMEN",
    "南宫": "NANGONG",
    "闻人": "WENREN",
    "赫连": "HELIAN",
    "百里": "BAILI",
    "东郭": "DONGGUO",
    "钟离": "ZHONGLI",
    "独孤": "DUGU",
    "拓跋": "TUOBA",
    "申屠": "SHENTU",
    "太史": "TAISHI",
    "公冶": "GONGYE",
    "濮阳": "PUYANG",
    "淳于": "CHUNYU",
    "仲孙": "ZHONGSUN",
    "羊舌": "YANGSHE",
    "亓官": "QIGUAN",
    "司寇": "SIKOU",
    "左丘": "ZUOQIU",
    "第五": "DIWU",
    "谷梁": "GULIANG",
    "梁丘": "LIANGQIU",
    "乐正": "YUEZHENG",
    "颛孙": "ZHUANSUN",
    "巫马": "WUMA",
    "公西": "GONGXI",
    "漆雕": "QIDIAO",
    "公良": "GONGLIANG",
    "微生": "WEISHENG",
}

# Single-character surnames whose surname reading differs from the everyday reading that
# pypinyin gives for the character on its own.
SURNAME_READINGS: dict[str, str] = {
    "单": "SHAN",
    "曾": "ZENG",
    "解": "XIE",
    "仇": "QIU",
    "区": "OU",
    "查": "ZHA",
    "朴": "PIAO",
    "盖": "GE",
    "乐": "YUE",
    "秘": "BI",
    "繁": "PO",
    "召": "SHAO",
    "祭": "ZHAI",
    "句": "GOU",
    "缪": "MIAO",
    "翟": "ZHAI",
    "种": "CHONG",
    "员": "YUN",
    "薄": "BO",
    "能": "NAI",
    "莘": "XIN",
    "都": "DU",
    "郇": "XUN",
    "隗": "WEI",
    "洗": "XIAN",
    "覃": "QIN",
    "阚": "KAN",
    "藏": "ZANG",
    "卜": "BU",
    "重": "CHONG",
    "粘": "NIAN",
    "黑": "HE",
    "折": "SHE",
    "尉": "WEI",
    "柏": "BAI",
    "长": "CHANG",
}

# Dots that separate the parts of names transcribed from minority languages (买买提·艾力).
NAME_SEPARATORS = "·•・‧.．"
_SEPARATOR_RE = re.compile(f"\\s*[{re.escape(NAME_SEPARATORS)}]+\\s*")
# What a stored passport name may contain: capital letters, and in "SURNAME, GIVEN" form one
# comma; spaces separate the words of names that have several.
PASSPORT_NAME_RE = re.compile(r"^[A-Z]+(?: [A-Z]+)*(?:, ?[A-Z]+(?: [A-Z]+)*)?$")


@dataclass(frozen=True)
class PassportName:
    """A name as printed in a passport: surname and given name, upper case."""

    surname: str
    given_name: str

    def __str__(self) -> str:
        return " ".join(part for part in (self.surname, self.given_name) if part)

    @property
    def comma(self) -> str:
        """The "SURNAME, GIVENNAME" form used in visa forms and diplomatic notes."""
        if not self.given_name:
            return self.surname
        return f"{self.surname}, {self.given_name}"


@cache
def _pinyin_module():  # type: ignore[no-untyped-def]
    import pypinyin

    return pypinyin


def _is_han(char: str) -> bool:
    return "CJK UNIFIED IDEOGRAPH" in unicodedata.name(char, "")


def _ascii_letters(text: str) -> str:
    """Upper-case Latin letters of ``text`` with accents removed (é → E)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and c.isalpha()).upper()


def romanise(text: str) -> str:
    """Romanise ``text`` as one passport word: pinyin syllables joined, upper case, ü → YU.

    Latin letters pass through upper-cased; digits, punctuation and spaces are dropped.
    """
    pypinyin = _pinyin_module()
    syllables = pypinyin.lazy_pinyin(
        text, style=pypinyin.Style.NORMAL, v_to_u=False, errors=lambda chars: [chars]
    )
    # In pypinyin's toneless output "v" stands for ü, and no other syllable contains a v.
    return "".join(_ascii_letters(s.replace("v", "yu")) for s in syllables)


def split_name(name: str) -> tuple[str, str]:
    """Split a Chinese name into (surname, given name), knowing the compound surnames.

    Names of minority nationalities written with a separating dot have no surname in the Han
    sense; the last part (usually the father's name) is taken as the surname.
    """
    name = name.strip()
    parts = [p for p in _SEPARATOR_RE.split(name) if p]
    if len(parts) > 1:
        return parts[-1], "".join(parts[:-1])
    name = parts[0] if parts else ""
    if not name:
        return "", ""
    if not _is_han(name[0]):
        # A name already in Latin letters: "Zhang San" keeps the first word as the surname.
        words = name.split()
        return words[0], "".join(words[1:])
    if name[:2] in COMPOUND_SURNAMES and len(name) > 2:
        return name[:2], name[2:]
    return name[:1], name[1:]


def romanise_surname(surname: str) -> str:
    """The passport spelling of a surname, using the surname readings table first."""
    if surname in COMPOUND_SURNAMES:
        return COMPOUND_SURNAMES[surname]
    if surname in SURNAME_READINGS:
        return SURNAME_READINGS[surname]
    return romanise(surname)


def passport_name(name: str, *, surname: str | None = None) -> PassportName:
    """Propose the passport spelling of ``name``.

    ``surname`` may be given when the split is known (a single-character surname 欧 followed
    by a given name starting with 阳); it must be the start of ``name``.
    """
    name = name.strip()
    if surname and name.startswith(surname):
        family, given = surname, name[len(surname) :]
    else:
        family, given = split_name(name)
    return PassportName(surname=romanise_surname(family), given_name=romanise(given))


def passport_name_text(name: str) -> str:
    """``passport_name(name)`` in the "SURNAME, GIVENNAME" form, ready for a form field."""
    return passport_name(name).comma


def parse_passport_name(value: str) -> PassportName:
    """Read a stored "SURNAME, GIVENNAME" (or "SURNAME GIVENNAME") back into its parts."""
    value = " ".join(value.upper().split())
    if "," in value:
        surname, _sep, given = value.partition(",")
        return PassportName(surname=surname.strip(), given_name=given.strip())
    surname, _sep, given = value.partition(" ")
    return PassportName(surname=surname, given_name=given)


def validate_passport_name(value: str) -> None:
    """Refuse a passport name that is not upper-case Latin letters in "SURNAME, GIVEN" form."""
    if not PASSPORT_NAME_RE.match(value or ""):
        raise ValidationError(
            _(
                "Write the name as in the passport: capital Latin letters, surname first, "
                'for example "ZHANG, XIAOLONG" (ü is written YU, as in "LYU").'
            ),
            code="passport_name",
        )

"""Read the country register: names in the active language, groups, choices for forms.

The register changes rarely, so each process reads it once (one query for the countries and
their groups) and keeps it; ``do_update_country`` clears the copy. Areas call only these
functions and store plain ISO alpha-2 codes.
"""

from dataclasses import dataclass
from threading import Lock

from django.utils import translation

from .constants import CHINA, GroupKind

LANGUAGE_FIELDS = {"zh-hans": "name_zh_hans", "zh-hant": "name_zh_hant", "en": "name_en"}


@dataclass(frozen=True)
class CountryInfo:
    """One country or region as the register holds it."""

    code: str
    alpha3: str
    numeric: str
    name_zh_hans: str
    name_zh_hant: str
    name_en: str
    groups: frozenset[str]
    region: str = ""

    def name_in(self, language: str | None = None) -> str:
        """The name in ``language`` (default: the active language; Simplified otherwise)."""
        language = (language or translation.get_language() or "zh-hans").lower()
        field = LANGUAGE_FIELDS.get(language, "name_zh_hans")
        return str(getattr(self, field))

    @property
    def name(self) -> str:
        return self.name_in()


@dataclass(frozen=True)
class _Register:
    countries: dict[str, CountryInfo]
    groups: dict[str, tuple[str, ...]]


_lock = Lock()
_register: _Register | None = None


def _load() -> _Register:
    """Read the register in one query (countries joined to their groups)."""
    from .models import Country

    fields = ("code", "alpha3", "numeric", "name_zh_hans", "name_zh_hant", "name_en")
    rows: dict[str, dict[str, str]] = {}
    memberships: dict[str, set[str]] = {}
    regions: dict[str, str] = {}
    query = Country.objects.order_by("position", "code", "groups__position")
    for row in query.values(*fields, "groups__code", "groups__kind"):
        group, kind = row.pop("groups__code"), row.pop("groups__kind")
        rows.setdefault(row["code"], row)
        if group:
            memberships.setdefault(row["code"], set()).add(group)
            if kind == GroupKind.REGION:
                regions.setdefault(row["code"], group)
    countries: dict[str, CountryInfo] = {}
    groups: dict[str, list[str]] = {}
    for code, row in rows.items():
        member_of = frozenset(memberships.get(code, ()))
        countries[code] = CountryInfo(groups=member_of, region=regions.get(code, ""), **row)
        for group in sorted(member_of):
            groups.setdefault(group, []).append(code)
    return _Register(countries, {g: tuple(codes) for g, codes in groups.items()})


def _get() -> _Register:
    global _register
    register = _register
    if register is None:
        with _lock:
            if _register is None:
                _register = _load()
            register = _register
    return register


def is_loaded() -> bool:
    return _register is not None


def clear_cache() -> None:
    """Forget this process's copy; the next read loads the register again."""
    global _register
    with _lock:
        _register = None


def countries() -> dict[str, CountryInfo]:
    """Every country and region by alpha-2 code, in the register's order."""
    return _get().countries


def country(code: str | None) -> CountryInfo | None:
    """The country or region with this alpha-2 code, or None."""
    return _get().countries.get((code or "").strip().upper())


def country_name(code: str | None, language: str | None = None) -> str:
    """The official name in ``language`` (default: the active one); unknown codes as given.

    Hong Kong prints as 中国香港 / 中國香港 / "Hong Kong, China", never as a bare code.
    """
    found = country(code)
    return found.name_in(language) if found else str(code or "")


def countries_in(group: str) -> tuple[str, ...]:
    """The alpha-2 codes of the countries in ``group`` (e.g. "africa", "schengen")."""
    return _get().groups.get(group, ())


def region_of(code: str | None) -> str:
    """The code of the country's world region ("africa", "europe"…), or ""."""
    found = country(code)
    return found.region if found else ""


def is_in(code: str | None, *groups: str) -> bool:
    """Whether the country belongs to any of ``groups``."""
    found = country(code)
    return found is not None and not found.groups.isdisjoint(groups)


def country_choices(*, abroad: bool = False) -> list[tuple[str, str]]:
    """(code, "name (code)") pairs for a form field in the active language.

    ``abroad`` leaves out China itself (its regions Hong Kong, Macao and Taiwan stay).
    """
    return [
        (c.code, f"{c.name} ({c.code})")
        for c in countries().values()
        if not (abroad and c.code == CHINA)
    ]


def is_abroad(code: str | None) -> bool:
    """Whether the code is a country or region of the register other than China itself."""
    found = country(code)
    return found is not None and found.code != CHINA

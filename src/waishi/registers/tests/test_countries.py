"""The country register: official names, ISO codes, groups, the cached reader."""

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from waishi.accounts.constants import Role
from waishi.audit.models import AuditEvent
from waishi.registers import countries
from waishi.registers.actions import do_update_country
from waishi.registers.models import Country

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "zh_hans", "zh_hant", "en"),
    [
        ("HK", "中国香港", "中國香港", "Hong Kong, China"),
        ("MO", "中国澳门", "中國澳門", "Macao, China"),
        ("TW", "中国台湾", "中國臺灣", "Taiwan, China"),
        ("DE", "德国", "德國", "Germany"),
    ],
)
def test_names_follow_official_usage_in_each_language(
    code: str, zh_hans: str, zh_hant: str, en: str
) -> None:
    for language, expected in (("zh-hans", zh_hans), ("zh-hant", zh_hant), ("en", en)):
        with translation.override(language):
            assert countries.country_name(code) == expected
        assert countries.country_name(code, language) == expected


def test_every_iso_3166_code_has_three_names_and_its_other_codes() -> None:
    rows = list(Country.objects.all())
    assert len(rows) == 249
    assert len({r.alpha3 for r in rows}) == 249
    assert len({r.numeric for r in rows}) == 249
    for row in rows:
        assert row.name_zh_hans and row.name_zh_hant and row.name_en, row.code
        assert len(row.alpha3) == 3 and len(row.numeric) == 3 and row.numeric.isdigit()
    hong_kong = countries.country("hk")
    assert hong_kong is not None
    assert (hong_kong.alpha3, hong_kong.numeric) == ("HKG", "344")


def test_no_name_is_a_bare_code_or_a_bare_hong_kong() -> None:
    for info in countries.countries().values():
        for name in (info.name_zh_hans, info.name_zh_hant, info.name_en):
            assert name not in {info.code, info.alpha3}
    assert not Country.objects.filter(name_zh_hans__in=["香港", "澳门", "台湾"]).exists()
    assert not Country.objects.filter(
        name_en__in=["Hong Kong", "Macao", "Macau", "Taiwan"]
    ).exists()


def test_unknown_codes_are_shown_as_given() -> None:
    assert countries.country("XX") is None
    assert countries.country_name("XX") == "XX"
    assert countries.country_name("") == ""


def test_groups_name_their_countries_and_a_country_may_be_in_several() -> None:
    assert {"KE", "ZA", "EG"} <= set(countries.countries_in("africa"))
    assert {"BR", "MX", "CU"} <= set(countries.countries_in("latin_america"))
    schengen = set(countries.countries_in("schengen"))
    eu = set(countries.countries_in("eu"))
    assert len(eu) == 27
    assert {"CH", "NO", "IS", "LI"} <= schengen - eu
    assert {"IE", "CY"} <= eu - schengen
    assert "GB" not in eu | schengen
    assert set(countries.countries_in("asean")) >= {"SG", "VN", "ID"}
    assert set(countries.countries_in("hk_macao_taiwan")) == {"HK", "MO", "TW"}
    germany = countries.country("DE")
    assert germany is not None
    assert germany.groups == {"europe", "eu", "schengen"}
    assert countries.region_of("DE") == "europe"
    assert countries.is_in("KE", "africa", "latin_america")
    assert not countries.is_in("DE", "africa", "latin_america")
    assert countries.countries_in("no_such_group") == ()


def test_each_country_is_in_at_most_one_world_region() -> None:
    for info in countries.countries().values():
        regions = info.groups & {
            "asia",
            "europe",
            "africa",
            "north_america",
            "latin_america",
            "oceania",
        }
        assert len(regions) <= 1, info.code


def test_choices_for_trips_abroad_leave_out_china_but_keep_its_regions() -> None:
    with translation.override("zh-hans"):
        everything = dict(countries.country_choices())
        abroad = dict(countries.country_choices(abroad=True))
    assert "CN" in everything and "CN" not in abroad
    assert abroad["HK"] == "中国香港 (HK)"
    assert countries.is_abroad("HK") and not countries.is_abroad("CN")
    assert not countries.is_abroad("XX")


def test_the_register_is_read_in_one_query_and_kept(django_assert_num_queries: Any) -> None:
    countries.clear_cache()
    with django_assert_num_queries(1):
        countries.country_name("HK")
        countries.countries_in("africa")
    with django_assert_num_queries(0):
        for code in ("DE", "FR", "HK", "KE"):
            countries.country_name(code)
            countries.region_of(code)


def test_a_division_head_corrects_a_name_and_the_register_follows(make_user: Any) -> None:
    head = make_user(Role.DIVISION_HEAD)
    countries.country_name("SZ")  # loaded before the change
    do_update_country(actor=head, code="SZ", changes={"name_zh_hans": "埃斯瓦蒂尼"})
    assert countries.country_name("SZ", "zh-hans") == "埃斯瓦蒂尼"
    event = AuditEvent.objects.get(action="registers.country.update")
    assert event.before == {"name_zh_hans": "斯威士兰"}
    assert event.after == {"name_zh_hans": "埃斯瓦蒂尼"}


def test_groups_are_changed_through_the_action(make_user: Any) -> None:
    head = make_user(Role.DIVISION_HEAD)
    do_update_country(actor=head, code="TL", changes={}, groups=["asia"])
    assert "TL" not in countries.countries_in("asean")


@pytest.mark.parametrize("role", [Role.DIVISION_OFFICER, Role.BUREAU_LEADER, Role.LIAISON_OFFICER])
def test_others_may_not_change_a_country_and_nothing_is_written(make_user: Any, role: str) -> None:
    with pytest.raises(PermissionDenied):
        do_update_country(actor=make_user(role), code="SZ", changes={"name_zh_hans": "x"})
    assert Country.objects.get(pk="SZ").name_zh_hans == "斯威士兰"
    assert not AuditEvent.objects.filter(action="registers.country.update").exists()


def test_the_country_list_filters_by_group_at_a_fixed_cost(
    client: Any, make_user: Any, django_assert_num_queries: Any
) -> None:
    client.force_login(make_user(Role.BUREAU_LEADER))
    client.get("/office/registers/countries/")  # warm the session and the register
    with django_assert_num_queries(budget := _queries(client, "/office/registers/countries/")):
        response = client.get("/office/registers/countries/?group=schengen")
    assert budget <= 8
    text = response.content.decode()
    assert "Switzerland" in text and "United Kingdom" not in text
    everything = client.get("/office/registers/countries/").content.decode()
    assert "中国香港" in everything and "United Kingdom" in everything


def _queries(client: Any, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)

"""The Zhaoqing demo organisation: faithful to the bureau's page, and loading it twice
changes nothing."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from waishi.accounts.constants import Role
from waishi.accounts.demo import DEMO_USERS
from waishi.accounts.models import Agency, Bureau, Division, Leader, RoleGrant, User
from waishi.accounts.seed import zhaoqing

SEED_PAGE = Path(zhaoqing.__file__).with_name("bureau-website-page.txt").read_text(encoding="utf-8")


# The page's header and the director's portfolio carry another bureau's name by mistake;
# Waishi uses the bureau's own name there (see the seed module's docstring).
WRONG_NAME = "Foreign Trade and Economic Cooperation Bureau of Zhaoqing Municipality"


def normalised(text: str) -> str:
    return " ".join(text.split()).replace(WRONG_NAME, zhaoqing.BUREAU["name_en"])


def test_english_facts_are_those_of_the_bureaus_page():
    page = normalised(SEED_PAGE)
    for key in ("address_en", "postcode", "telephone", "fax"):
        assert normalised(zhaoqing.BUREAU[key]) in page, key
    for _code, _name, name_en, *_ in zhaoqing.DIVISIONS:
        assert name_en in page, name_en
    for _name, name_en, _title, title_en, _portfolio, portfolio_en, _codes in zhaoqing.LEADERS:
        assert name_en in page and title_en in page and normalised(portfolio_en) in page


@pytest.mark.django_db
def test_demo_loads_the_organisation_and_a_user_for_every_role():
    call_command("demo", stdout=StringIO())
    bureau = Bureau.objects.get()
    assert bureau.name_zh_hans == "肇庆市外事侨务局"
    assert bureau.name_zh_hant == "肇慶市外事僑務局"
    assert Division.objects.count() == 9
    assert list(Leader.objects.values_list("name_en", flat=True)) == [
        "Lin Jie",
        "Li Wenjian",
        "Li Xinjian",
        "Su Senyu",
        "Qin Xiaojian",
    ]
    # The city's agencies and county-level units; the donations demo adds the donees of its
    # archive (schools, clinics: codes ending in a number) on top.
    assert 40 <= Agency.objects.exclude(code__regex=r"-\d+$").count() <= 55
    # The ten county-level units Zhaoqing supervises: eight counties and districts, two zones.
    offices = Agency.objects.filter(kind="county_fao", parent__kind="county_government")
    assert offices.count() == 10
    assert set(RoleGrant.objects.values_list("role", flat=True)) == set(Role.values)
    assert not User.objects.filter(is_superuser=True).exists()
    leader = Leader.objects.get(name_en="Li Xinjian")
    assert leader.user.username == "leader"
    assert set(leader.divisions.values_list("code", flat=True)) == {
        "mission-admin",
        "passport-visa",
        "service-center",
    }


@pytest.mark.django_db
def test_loading_the_demo_twice_changes_nothing():
    call_command("demo", stdout=StringIO())
    models = (Bureau, Division, Leader, Agency, User, RoleGrant)
    counts = [m.objects.count() for m in models]
    call_command("demo", stdout=StringIO())
    assert [m.objects.count() for m in models] == counts
    out = StringIO()
    call_command("demo", if_empty=True, stdout=out)
    assert "not loaded again" in out.getvalue()


@pytest.mark.django_db
def test_demo_users_sign_in_with_the_printed_password(client):
    from waishi.accounts.demo import DEMO_PASSWORD

    call_command("demo", stdout=StringIO())
    for username, *_ in DEMO_USERS:
        assert client.login(username=username, password=DEMO_PASSWORD), username
        client.logout()

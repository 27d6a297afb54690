"""Who sees the register: the division, and named county officers in their own county only."""

import datetime
from typing import Any

import pytest
from django.test import Client

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import make_user
from waishi.audit.models import AuditEvent
from waishi.overseas.actions import do_record_standing
from waishi.overseas.querysets import standings_visible_to

pytestmark = pytest.mark.django_db


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def gaoyao_guiqiao(register_person: Any, officer: Any, gaoyao: Any) -> Any:
    return do_record_standing(
        actor=officer,
        person=register_person("高归侨", county=gaoyao),
        category="guiqiao",
        county=gaoyao,
        valid_from=datetime.date(2024, 1, 1),
        country="AU",
        returned_on=datetime.date(2023, 6, 1),
    )


def test_a_county_officer_sees_only_their_county(
    huaqiao: Any, gaoyao_guiqiao: Any, sihui_officer: Any, gaoyao_officer: Any
) -> None:
    assert list(standings_visible_to(sihui_officer)) == [huaqiao]
    assert list(standings_visible_to(gaoyao_officer)) == [gaoyao_guiqiao]
    client = signed_in(sihui_officer)
    page = client.get("/office/overseas/").content.decode()
    assert f"/office/overseas/people/{huaqiao.person_id}/" in page
    assert f"/office/overseas/people/{gaoyao_guiqiao.person_id}/" not in page
    assert client.get(f"/office/overseas/people/{huaqiao.person_id}/").status_code == 200
    assert client.get(f"/office/overseas/people/{gaoyao_guiqiao.person_id}/").status_code == 404


def test_the_division_sees_every_county(
    huaqiao: Any, gaoyao_guiqiao: Any, officer: Any, head: Any
) -> None:
    for user in (officer, head):
        assert set(standings_visible_to(user)) == {huaqiao, gaoyao_guiqiao}


def test_nobody_outside_the_division_sees_the_register(
    huaqiao: Any, unnamed_officer: Any, case_roles: dict[str, Any], inspector: Any
) -> None:
    others = {
        "unnamed county officer": unnamed_officer,
        "inspector": inspector,
        **{k: v for k, v in case_roles.items() if k not in ("officer", "head")},
        "other division officer": make_user(Role.DIVISION_OFFICER),
        "other division head": make_user(Role.DIVISION_HEAD),
        "system admin": make_user(Role.SYSTEM_ADMIN),
    }
    for role, user in others.items():
        assert not standings_visible_to(user).exists(), role
        client = signed_in(user)
        for url in (
            "/office/overseas/",
            f"/office/overseas/people/{huaqiao.person_id}/",
            "/office/overseas/organisations/",
        ):
            assert client.get(url).status_code == 404, (role, url)


def test_a_revoked_officer_loses_the_register(huaqiao: Any, sihui_officer: Any, head: Any) -> None:
    from waishi.overseas.actions import do_revoke_county_officer
    from waishi.overseas.models import CountyAccess

    do_revoke_county_officer(actor=head, access=CountyAccess.objects.get(user=sihui_officer))
    sihui_officer.__dict__.pop("_overseas_county", None)
    assert not standings_visible_to(sihui_officer).exists()
    assert signed_in(sihui_officer).get("/office/overseas/").status_code == 404


def test_names_and_numbers_are_masked_and_a_reveal_needs_a_reason(
    huaqiao: Any, officer: Any
) -> None:
    client = signed_in(officer)
    url = f"/office/overseas/people/{huaqiao.person_id}/"
    page = client.get(url).content.decode()
    assert "陈海外" not in page and "E12345678" not in page
    assert "陈**" in page
    reveal = f"/office/overseas/standings/{huaqiao.pk}/reveal/"
    before = AuditEvent.objects.filter(action="overseas.person.reveal").count()
    client.post(reveal, {"field": "passport_number", "reason": ""})
    assert AuditEvent.objects.filter(action="overseas.person.reveal").count() == before
    assert "E12345678" not in client.get(url).content.decode()
    client.post(reveal, {"field": "passport_number", "reason": "核对回国定居申请"})
    event = AuditEvent.objects.filter(action="overseas.person.reveal").latest("id")
    assert event.reason == "核对回国定居申请"
    assert "E12345678" in client.get(url).content.decode()
    # Shown once: the next opening is masked again.
    assert "E12345678" not in client.get(url).content.decode()


def test_an_export_needs_a_reason_is_masked_and_audited(huaqiao: Any, officer: Any) -> None:
    import io

    from openpyxl import load_workbook

    client = signed_in(officer)
    refused = client.post("/office/overseas/export/", {"reason": " "})
    assert refused.status_code == 302
    assert not AuditEvent.objects.filter(action="overseas.register.export").exists()
    response = client.post("/office/overseas/export/", {"reason": "年度侨情统计"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [str(c.value) for row in sheet.iter_rows() for c in row]
    assert "陈**" in values and "陈海外" not in values
    assert AuditEvent.objects.get(action="overseas.register.export").reason == "年度侨情统计"


def test_the_register_list_costs_the_same_for_5_and_30_people(
    officer: Any, sihui: Any, register_person: Any, django_assert_max_num_queries: Any
) -> None:
    def add(count: int) -> None:
        for n in range(count):
            do_record_standing(
                actor=officer,
                person=register_person(f"侨{n}"),
                category="guiqiao",
                county=sihui,
                valid_from=datetime.date(2024, 1, 1),
                country="MY",
                returned_on=datetime.date(2023, 1, 1),
            )

    client = signed_in(officer)
    add(5)
    client.get("/office/overseas/")
    with django_assert_max_num_queries(8):
        assert client.get("/office/overseas/").status_code == 200
    add(25)
    with django_assert_max_num_queries(8):
        page = client.get("/office/overseas/")
    assert page.content.decode().count("/office/overseas/people/") >= 30

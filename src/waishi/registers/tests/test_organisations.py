"""Organisations: who may register and edit them, what is refused, what the list costs."""

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from waishi.accounts.constants import Role
from waishi.audit.models import AuditEvent
from waishi.registers.actions import (
    StaleOrganisation,
    do_create_organisation,
    do_update_organisation,
)
from waishi.registers.constants import OrganisationKind
from waishi.registers.models import Country, Organisation

from .factories import OrganisationFactory

pytestmark = pytest.mark.django_db

LIST = "/office/registers/organisations/"
NEW = "/office/registers/organisations/new/"


def company(**fields: Any) -> dict[str, Any]:
    return {
        "kind": OrganisationKind.COMPANY,
        "name_zh": "福州示例有限公司",
        "country": Country.objects.get(pk="CN"),
        "credit_code": "91350100M000100Y43",
        "city": "福州",
        **fields,
    }


@pytest.fixture
def officer(make_user: Any) -> Any:
    return make_user(Role.DIVISION_OFFICER)


def test_a_division_officer_registers_a_company_and_it_is_audited(officer: Any) -> None:
    made = do_create_organisation(actor=officer, **company(credit_code="91350100m000100y43"))
    assert made.credit_code == "91350100M000100Y43"
    event = AuditEvent.objects.get(action="registers.organisation.create")
    assert event.object_id == str(made.pk)
    assert event.after["country"] == "CN"


@pytest.mark.parametrize("code", ["91350100M000100Y44", "91350100M000100Y4", "91350100M0001O0Y43"])
def test_a_bad_credit_code_is_refused_and_nothing_is_written(officer: Any, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        do_create_organisation(actor=officer, **company(credit_code=code))
    assert "credit_code" in refused.value.message_dict
    assert not Organisation.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="registers.").exists()


def test_a_credit_code_outside_china_is_refused(officer: Any) -> None:
    with pytest.raises(ValidationError):
        do_create_organisation(actor=officer, **company(country=Country.objects.get(pk="HK")))
    assert not Organisation.objects.exists()


def test_two_organisations_may_not_share_a_credit_code(officer: Any) -> None:
    OrganisationFactory(chinese_company=True)
    with pytest.raises(ValidationError):
        do_create_organisation(actor=officer, **company(name_zh="另一家公司"))
    assert Organisation.objects.count() == 1


def test_foreign_bodies_need_no_code(officer: Any) -> None:
    made = do_create_organisation(
        actor=officer,
        kind=OrganisationKind.CONSULATE,
        name_zh="德意志联邦共和国驻广州总领事馆",
        name_original="Generalkonsulat der Bundesrepublik Deutschland Kanton",
        country=Country.objects.get(pk="DE"),
        website="https://china.diplo.de/",
    )
    assert made.credit_code == ""


@pytest.mark.parametrize(
    "role",
    [Role.BUREAU_LEADER, Role.DISCIPLINE_INSPECTOR, Role.LIAISON_OFFICER, Role.SYSTEM_ADMIN],
)
def test_others_may_not_register_or_edit(make_user: Any, role: str) -> None:
    user = make_user(role)
    existing = OrganisationFactory()
    with pytest.raises(PermissionDenied):
        do_create_organisation(actor=user, **company())
    with pytest.raises(PermissionDenied):
        do_update_organisation(
            actor=user, organisation=existing, expected_version=1, changes={"city": "x"}
        )
    assert Organisation.objects.count() == 1
    assert Organisation.objects.get().city == ""
    assert not AuditEvent.objects.filter(action__startswith="registers.").exists()


def test_an_edit_bumps_the_version_and_records_what_changed(make_user: Any) -> None:
    head = make_user(Role.DIVISION_HEAD)
    org = OrganisationFactory()
    saved = do_update_organisation(
        actor=head, organisation=org, expected_version=1, changes={"city": "Berlin"}
    )
    assert saved.version == 2
    event = AuditEvent.objects.get(action="registers.organisation.update")
    assert event.before == {"city": ""} and event.after == {"city": "Berlin"}


def test_a_stale_edit_is_refused_and_nothing_is_written(officer: Any) -> None:
    org = OrganisationFactory()
    do_update_organisation(
        actor=officer, organisation=org, expected_version=1, changes={"city": "A"}
    )
    with pytest.raises(StaleOrganisation):
        do_update_organisation(
            actor=officer, organisation=org, expected_version=1, changes={"city": "B"}
        )
    org.refresh_from_db()
    assert (org.city, org.version) == ("A", 2)
    assert AuditEvent.objects.filter(action="registers.organisation.update").count() == 1


def test_an_invalid_edit_writes_nothing(officer: Any) -> None:
    org = OrganisationFactory(chinese_company=True)
    with pytest.raises(ValidationError):
        do_update_organisation(
            actor=officer,
            organisation=org,
            expected_version=1,
            changes={"credit_code": "91350100M000100Y44"},
        )
    org.refresh_from_db()
    assert (org.credit_code, org.version) == ("91350100M000100Y43", 1)
    assert not AuditEvent.objects.filter(action="registers.organisation.update").exists()


# The pages.


def test_the_list_searches_names_codes_and_cities(client: Any, make_user: Any) -> None:
    OrganisationFactory(chinese_company=True)
    OrganisationFactory(
        name_zh="大阪府", name_original="Osaka Prefecture", country=Country.objects.get(pk="JP")
    )
    client.force_login(make_user(Role.BUREAU_LEADER))
    found = client.get(LIST, {"q": "osaka"}).content.decode()
    assert "大阪府" in found and "福州示例有限公司" not in found
    by_code = client.get(LIST, {"q": "91350100M000100Y43"}).content.decode()
    assert "福州示例有限公司" in by_code and "大阪府" not in by_code
    by_country = client.get(LIST, {"country": "JP"}).content.decode()
    assert "大阪府" in by_country and "福州示例有限公司" not in by_country
    assert "日本" in by_country


def test_the_list_costs_the_same_for_two_and_twenty_organisations(
    client: Any, make_user: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(make_user(Role.DIVISION_OFFICER))

    def cost() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST).status_code == 200
        return len(captured.captured_queries)

    OrganisationFactory.create_batch(2)
    client.get(LIST)
    few = cost()
    OrganisationFactory.create_batch(18, country=Country.objects.get(pk="FR"))
    assert cost() == few
    assert few <= 8


def test_the_form_registers_an_organisation(client: Any, officer: Any) -> None:
    client.force_login(officer)
    assert client.get(NEW).status_code == 200
    response = client.post(
        NEW,
        {
            "kind": OrganisationKind.COMPANY,
            "name_zh": "福州示例有限公司",
            "country": "CN",
            "credit_code": "91350100M000100Y43",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert Organisation.objects.get().credit_code == "91350100M000100Y43"


def test_the_form_shows_a_wrong_check_character_and_saves_nothing(
    client: Any, officer: Any
) -> None:
    client.force_login(officer)
    response = client.post(
        NEW,
        {
            "kind": OrganisationKind.COMPANY,
            "name_zh": "x",
            "country": "CN",
            "credit_code": "91350100M000100Y44",
        },
    )
    assert response.status_code == 200
    assert "check character" in response.content.decode() or "校验" in response.content.decode()
    assert not Organisation.objects.exists()


def test_a_stale_form_is_refused_with_the_current_values(client: Any, officer: Any) -> None:
    org = OrganisationFactory(city="Köln")
    do_update_organisation(
        actor=officer, organisation=org, expected_version=1, changes={"city": "Bonn"}
    )
    client.force_login(officer)
    response = client.post(
        f"/office/registers/organisations/{org.pk}/",
        {
            "kind": org.kind,
            "name_zh": org.name_zh,
            "country": "DE",
            "city": "Berlin",
            "is_active": "on",
            "version": 1,
        },
    )
    assert response.status_code == 409
    assert 'value="Bonn"' in response.content.decode()
    org.refresh_from_db()
    assert (org.city, org.version) == ("Bonn", 2)

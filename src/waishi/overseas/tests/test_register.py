"""Standings in the register: the legal tests on recording, death, divorce and history."""

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from waishi.audit.models import AuditEvent
from waishi.overseas.actions import (
    do_end_standing,
    do_record_death,
    do_record_organisation,
    do_record_standing,
)
from waishi.overseas.models import OrganisationProfile, Standing

pytestmark = pytest.mark.django_db
D = datetime.date


def relative(officer: Any, person: Any, principal: Any, county: Any, **kw: Any) -> Standing:
    facts = {"relation": "spouse", "valid_from": D(2025, 1, 1), **kw}
    return do_record_standing(
        actor=officer,
        person=person,
        category="qiaojuan",
        county=county,
        principal=principal,
        country="MY",
        **facts,
    )


def test_a_huaqiao_below_18_months_present_is_refused_and_nothing_written(
    register_person: Any, officer: Any, sihui: Any
) -> None:
    person = register_person("林海")
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as error:
        do_record_standing(
            actor=officer,
            person=person,
            category="huaqiao",
            county=sihui,
            valid_from=D(2025, 1, 1),
            country="AU",
            residence_basis="permanent",
            residence_from=D(2022, 1, 1),
            months_present=Decimal("17.9"),
        )
    assert "18" in " ".join(error.value.messages)
    assert not Standing.objects.filter(person=person).exists()
    assert AuditEvent.objects.count() == before


def test_a_huaqiao_at_30_of_60_months_is_recorded(
    register_person: Any, officer: Any, sihui: Any
) -> None:
    person = register_person("林海")
    standing = do_record_standing(
        actor=officer,
        person=person,
        category="huaqiao",
        county=sihui,
        valid_from=D(2025, 1, 1),
        country="AU",
        residence_basis="legal_residence",
        residence_from=D(2020, 1, 2),
        months_present=Decimal("30"),
    )
    assert standing.is_current
    assert AuditEvent.objects.filter(action="overseas.standing.record").exists()
    person.refresh_from_db()
    assert person.has_kind("overseas_chinese")


def test_the_standing_of_a_relative_survives_the_principal_s_death(
    huaqiao: Any, register_person: Any, officer: Any, sihui: Any
) -> None:
    wife = relative(officer, register_person("黄美", sex="female"), huaqiao.person, sihui)
    do_record_death(actor=officer, standing=huaqiao, died_on=D(2025, 6, 1))
    wife.refresh_from_db()
    huaqiao.refresh_from_db()
    assert wife.is_current and wife.category == "qiaojuan"
    assert huaqiao.is_current and huaqiao.died_on == D(2025, 6, 1)
    # A relative may still be named to the deceased overseas Chinese.
    son = relative(
        officer,
        register_person("陈子"),
        huaqiao.person,
        sihui,
        relation="child",
        valid_from=D(2025, 7, 1),
    )
    assert son.is_current


def test_divorce_ends_the_spouse_s_standing_and_keeps_the_history(
    huaqiao: Any, register_person: Any, officer: Any, sihui: Any
) -> None:
    wife = relative(officer, register_person("黄美", sex="female"), huaqiao.person, sihui)
    do_end_standing(
        actor=officer,
        standing=wife,
        reason="divorce",
        ended_on=D(2025, 9, 1),
        expected_version=wife.version,
    )
    rows = list(Standing.objects.filter(person=wife.person))
    assert len(rows) == 1 and rows[0].ended_on == D(2025, 9, 1) and rows[0].end_reason == "divorce"
    assert not Standing.objects.filter(person=wife.person, ended_on__isnull=True).exists()
    assert AuditEvent.objects.filter(action="overseas.standing.end").exists()


def test_divorce_does_not_end_a_child_s_standing(
    huaqiao: Any, register_person: Any, officer: Any, sihui: Any
) -> None:
    son = relative(officer, register_person("陈子"), huaqiao.person, sihui, relation="child")
    with pytest.raises(ValidationError):
        do_end_standing(actor=officer, standing=son, reason="divorce", ended_on=D(2025, 9, 1))
    son.refresh_from_db()
    assert son.is_current


def test_long_term_support_needs_the_notarised_proof(
    huaqiao: Any, register_person: Any, officer: Any, sihui: Any
) -> None:
    niece = register_person("陈侄")
    with pytest.raises(ValidationError):
        relative(officer, niece, huaqiao.person, sihui, relation="long_term_support")
    assert not Standing.objects.filter(person=niece).exists()
    row = relative(
        officer,
        niece,
        huaqiao.person,
        sihui,
        relation="long_term_support",
        support_proof="(2024)粤肇四证字第88号",
    )
    do_end_standing(actor=officer, standing=row, reason="support_ended", ended_on=D(2025, 3, 1))
    row.refresh_from_db()
    assert row.ended_on == D(2025, 3, 1)


def test_a_relative_of_someone_not_abroad_is_refused(
    register_person: Any, officer: Any, sihui: Any
) -> None:
    neighbour = register_person("李邻")
    with pytest.raises(ValidationError):
        relative(officer, register_person("李子"), neighbour, sihui, relation="child")


def test_a_returned_huaqiao_becomes_guiqiao_and_the_history_keeps_both(
    huaqiao: Any, officer: Any, sihui: Any
) -> None:
    returned = do_record_standing(
        actor=officer,
        person=huaqiao.person,
        category="guiqiao",
        county=sihui,
        valid_from=D(2025, 3, 1),
        country="MY",
        returned_on=D(2025, 3, 1),
        replaces_reason="returned",
    )
    huaqiao.refresh_from_db()
    assert huaqiao.ended_on == D(2025, 2, 28) and huaqiao.end_reason == "returned"
    assert returned.previous_id == huaqiao.pk


def test_a_county_officer_records_only_in_their_county(
    register_person: Any, sihui_officer: Any, gaoyao: Any, sihui: Any
) -> None:
    person = register_person("吴归")
    with pytest.raises(PermissionDenied):
        do_record_standing(
            actor=sihui_officer,
            person=person,
            category="guiqiao",
            county=gaoyao,
            valid_from=D(2025, 1, 1),
            country="MY",
            returned_on=D(2024, 1, 1),
        )
    do_record_standing(
        actor=sihui_officer,
        person=person,
        category="guiqiao",
        county=sihui,
        valid_from=D(2025, 1, 1),
        country="MY",
        returned_on=D(2024, 1, 1),
    )


def test_an_enterprise_needs_a_valid_credit_code(officer: Any, sihui: Any) -> None:
    with pytest.raises(ValidationError):
        do_record_organisation(
            actor=officer,
            category="qiaozi",
            name_zh="肇庆侨兴电子有限公司",
            country="CN",
            county=sihui,
            credit_code="91441200MA4UXXXX0X",
        )
    assert not OrganisationProfile.objects.exists()

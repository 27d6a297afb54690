"""Writing the registers: travellers, rule versions and annual plans, each with its audit."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from waishi.accounts.constants import Role
from waishi.audit.models import AuditEvent
from waishi.cases import rule_actions
from waishi.cases.models import Rule
from waishi.cases.rule_engine import load_rulebook as kernel_rulebook
from waishi.missions import actions
from waishi.missions.constants import RULE_AREA, Jurisdiction, Rank, RuleCode, Severity
from waishi.missions.models import AnnualPlan, PlannedMission
from waishi.missions.querysets import plans_visible_to, travellers_visible_to
from waishi.registers.models import Person

from .factories import AnnualPlanFactory, TravellerFactory

pytestmark = pytest.mark.django_db


def load_rulebook(day: datetime.date) -> Any:
    return kernel_rulebook(RULE_AREA, day)


def register(actor, **fields):  # type: ignore[no-untyped-def]
    values = {
        "agency": actor.agency,
        "name": "单田芳",
        "sex": "male",
        "date_of_birth": datetime.date(1970, 1, 1),
        "post": "副局长",
        "rank": Rank.ZHENG_CHU,
        "id_number": "11010519491231002x",
    }
    values.update(fields)
    return actions.do_register_traveller(actor=actor, **values)


def test_registering_a_traveller_proposes_the_passport_name_and_masks_the_audit(
    make_user,
) -> None:
    officer = make_user(Role.LIAISON_OFFICER)
    traveller = register(officer)
    assert traveller.passport_name == "SHAN, TIANFANG"
    assert traveller.id_number == "11010519491231002X"
    event = AuditEvent.objects.get(action="registers.person.register")
    assert event.after["id_number"] == "110105********002X"
    assert "11010519491231002X" not in str(event.after)


def test_a_corrected_passport_name_is_kept(make_user) -> None:
    officer = make_user(Role.LIAISON_OFFICER)
    traveller = register(officer, name="吕布", passport_name="lv, bu")
    # What the person typed wins, but only in the passport's form.
    assert traveller.passport_name == "LV, BU"
    with pytest.raises(ValidationError):
        register(officer, name="吕布", passport_name="Lü Bu")


def test_another_agency_may_not_register_or_edit_our_people(make_user) -> None:
    ours = make_user(Role.LIAISON_OFFICER)
    theirs = make_user(Role.LIAISON_OFFICER)
    with pytest.raises(PermissionDenied):
        register(theirs, agency=ours.agency)
    traveller = register(ours)
    with pytest.raises(PermissionDenied):
        actions.do_update_traveller(actor=theirs, traveller=traveller, changes={"post": "局长"})
    traveller.refresh_from_db()
    assert traveller.post == "副局长"
    assert Person.objects.count() == 1
    assert not AuditEvent.objects.filter(action="registers.person.update").exists()


def test_updating_a_traveller_audits_only_what_changed(make_user) -> None:
    officer = make_user(Role.LIAISON_OFFICER)
    traveller = register(officer)
    actions.do_update_traveller(
        actor=officer, traveller=traveller, changes={"post": "局长", "rank": Rank.ZHENG_CHU}
    )
    event = AuditEvent.objects.get(action="registers.person.update")
    assert event.before == {"post": "副局长"} and event.after == {"post": "局长"}


def test_each_agency_sees_only_its_own_travellers_and_staff_see_all(make_user) -> None:
    ours = make_user(Role.LIAISON_OFFICER)
    theirs = make_user(Role.LIAISON_OFFICER)
    mine = TravellerFactory(agency=ours.agency)
    TravellerFactory(agency=theirs.agency)
    assert list(travellers_visible_to(ours)) == [mine]
    assert travellers_visible_to(make_user(Role.DIVISION_OFFICER)).count() == 2
    assert travellers_visible_to(make_user(Role.WEBSITE_EDITOR)).count() == 0


def test_a_new_rule_version_ends_the_old_one_the_day_before(head) -> None:
    old = Rule.objects.get(area=RULE_AREA, code=RuleCode.DELEGATION_SIZE)
    start = datetime.date(2027, 1, 1)
    new = rule_actions.do_add_rule_version(
        actor=head,
        area=RULE_AREA,
        code=RuleCode.DELEGATION_SIZE,
        value=5,
        severity=Severity.BLOCK,
        effective_from=start,
        citation="测试规定第1条",
        supersedes=old,
    )
    old.refresh_from_db()
    assert old.effective_to == datetime.date(2026, 12, 31)
    assert load_rulebook(datetime.date(2026, 12, 31)).get(RuleCode.DELEGATION_SIZE).id == old.pk
    assert load_rulebook(start).get(RuleCode.DELEGATION_SIZE).id == new.pk
    assert AuditEvent.objects.filter(action="missions.rule.add").count() == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"value": "six"},
        {"citation": " "},
        {"jurisdiction": Jurisdiction.CITY, "area_code": ""},
        {"severity": "fatal"},
    ],
)
def test_an_invalid_rule_version_is_refused_and_nothing_changes(head, fields) -> None:
    values = {
        "area": RULE_AREA,
        "code": RuleCode.DELEGATION_SIZE,
        "value": 5,
        "severity": Severity.BLOCK,
        "effective_from": datetime.date(2027, 1, 1),
        "citation": "测试规定",
    }
    values.update(fields)
    before = Rule.objects.count()
    with pytest.raises(ValidationError):
        rule_actions.do_add_rule_version(actor=head, **values)
    assert Rule.objects.count() == before


@pytest.mark.parametrize(
    "role", [Role.LIAISON_OFFICER, Role.DIVISION_OFFICER, Role.DIVISION_HEAD, Role.BUREAU_LEADER]
)
def test_only_the_mission_division_head_adds_rule_versions(make_user, division, role) -> None:
    # A division head of another division (the factory's) does not edit the missions' rules.
    before = Rule.objects.count()
    with pytest.raises(PermissionDenied):
        rule_actions.do_add_rule_version(
            actor=make_user(role),
            area=RULE_AREA,
            code=RuleCode.DELEGATION_SIZE,
            value=9,
            severity=Severity.BLOCK,
            effective_from=datetime.date(2027, 1, 1),
            citation="x",
        )
    assert Rule.objects.count() == before


def test_a_deactivated_rule_needs_a_reason_and_is_audited(head) -> None:
    rule = Rule.objects.get(area=RULE_AREA, code=RuleCode.LEAD_TIME)
    with pytest.raises(ValidationError):
        rule_actions.do_set_rule_active(actor=head, rule=rule, active=False, reason="")
    rule_actions.do_set_rule_active(actor=head, rule=rule, active=False, reason="本市不执行")
    assert load_rulebook(datetime.date(2026, 6, 1)).get(RuleCode.LEAD_TIME) is None
    assert AuditEvent.objects.get(action="missions.rule.deactivate").reason == "本市不执行"


def test_an_agency_keeps_one_plan_per_year_with_its_planned_missions(make_user) -> None:
    officer = make_user(Role.LIAISON_OFFICER)
    plan = actions.do_create_plan(actor=officer, agency=officer.agency, year=2027)
    entry = actions.do_add_planned_mission(
        actor=officer, plan=plan, countries=["de", "FR"], purpose="经贸交流", size=5, month=9
    )
    assert entry.countries == ["DE", "FR"]
    with pytest.raises(ValidationError):
        actions.do_create_plan(actor=officer, agency=officer.agency, year=2027)
    with pytest.raises(ValidationError):
        actions.do_add_planned_mission(
            actor=officer, plan=plan, countries=["XX"], purpose="x", size=5, month=9
        )
    with pytest.raises(ValidationError):
        actions.do_add_planned_mission(
            actor=officer, plan=plan, countries=["DE"], purpose="x", size=5, month=13
        )
    assert AnnualPlan.objects.count() == 1 and PlannedMission.objects.count() == 1
    actions.do_remove_planned_mission(actor=officer, entry=entry)
    assert PlannedMission.objects.count() == 0


def test_another_agency_cannot_touch_our_plan(make_user) -> None:
    ours = make_user(Role.LIAISON_OFFICER)
    plan = AnnualPlanFactory(agency=ours.agency)
    theirs = make_user(Role.LIAISON_OFFICER)
    with pytest.raises(PermissionDenied):
        actions.do_add_planned_mission(
            actor=theirs, plan=plan, countries=["DE"], purpose="x", size=5, month=9
        )
    assert PlannedMission.objects.count() == 0
    assert list(plans_visible_to(theirs)) == []
    assert list(plans_visible_to(ours)) == [plan]

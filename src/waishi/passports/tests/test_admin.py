"""The system administrator keeps the visa configuration in the admin, never the register.

The custody rules are kept on the kernel's rules screen by the Passport & Visa Division's head.
"""

import datetime
import json
from typing import Any

import pytest
from django.contrib import admin
from django.urls import reverse

from waishi.accounts.constants import Role
from waishi.audit.models import AuditEvent
from waishi.cases.models import Rule
from waishi.passports.constants import RuleCode
from waishi.passports.models import VisaRequirement
from waishi.passports.rules import rule_on

from .factories import DocumentFactory, TravellerFactory

pytestmark = pytest.mark.django_db

VISAS = "admin:passports_visarequirement"


@pytest.fixture
def sysadmin(client: Any, make_user: Any) -> Any:
    user = make_user(Role.SYSTEM_ADMIN)
    client.force_login(user)
    return user


def new_rule(**changes: Any) -> dict[str, Any]:
    form = {
        "area": "passports",
        "code": RuleCode.RETURN_DAYS,
        "jurisdiction": "province",
        "area_code": "440000",
        "value": json.dumps({"days": 10, "roll_to_workday": True}),
        "severity": "block",
        "effective_from": "2027-01-01",
        "citation": "省外办通知：回国后10日内交回",
    }
    return {**form, **changes}


def test_only_configuration_is_in_the_admin() -> None:
    registered = {
        m._meta.model_name for m in admin.site._registry if m._meta.app_label == "passports"
    }
    assert registered == {"visarequirement"}


@pytest.fixture
def head(make_user: Any, division: Any) -> Any:
    return make_user(Role.DIVISION_HEAD, division=division)


def test_the_division_head_adds_a_custody_rule_version_on_the_rules_screen(
    client: Any, head: Any
) -> None:
    client.force_login(head)
    current = Rule.objects.get(area="passports", code=RuleCode.RETURN_DAYS)
    page = client.get(reverse("cases:rule_new") + f"?supersedes={current.pk}")
    assert page.status_code == 200
    response = client.post(reverse("cases:rule_new"), new_rule(supersedes=current.pk))
    assert response.status_code == 302
    rule = Rule.objects.get(citation__startswith="省外办通知")
    assert rule.value == {"days": 10, "roll_to_workday": True} and rule.unit == "days"
    assert rule_on(RuleCode.RETURN_DAYS, datetime.date(2027, 2, 1)).rule_id == rule.pk
    assert rule_on(RuleCode.RETURN_DAYS, datetime.date(2026, 12, 31)).rule_id == current.pk
    event = AuditEvent.objects.get(action="passports.rule.add")
    assert event.after["value"] == {"days": 10, "roll_to_workday": True}


@pytest.mark.parametrize(
    "value",
    [{"days": "ten"}, {"days": -1}, {"weeks": 1}, {"days": True}, [7]],
)
def test_a_rule_value_that_does_not_fit_changes_nothing(client: Any, head: Any, value: Any) -> None:
    client.force_login(head)
    before = list(Rule.objects.values_list("pk", "effective_to"))
    response = client.post(reverse("cases:rule_new"), new_rule(value=json.dumps(value)))
    assert response.status_code == 200
    assert "days" in response.content.decode()  # the error shows how the value is written
    assert list(Rule.objects.values_list("pk", "effective_to")) == before
    assert not AuditEvent.objects.filter(action="passports.rule.add").exists()


def test_the_system_administrator_keeps_the_visa_requirements(client: Any, sysadmin: Any) -> None:
    checklist = [{"zh": "护照原件", "en": "Passport"}, {"zh": "邀请函", "en": "Invitation"}]
    response = client.post(
        reverse(f"{VISAS}_add"),
        {
            "country": "nz",
            "visa_required": "on",
            "checklist": json.dumps(checklist),
            "embassy_zh": "新西兰驻广州总领事馆",
            "embassy_en": "Consulate-General of New Zealand in Guangzhou",
            "processing_days": "15",
            "citation": "新西兰驻广州总领事馆网站",
        },
    )
    assert response.status_code == 302
    requirement = VisaRequirement.objects.get(country="NZ")
    assert requirement.checklist == checklist
    assert AuditEvent.objects.filter(action="passports.visa_requirement.add").count() == 1
    bad = client.post(
        reverse(f"{VISAS}_change", args=[requirement.pk]),
        {"country": "NZ", "checklist": json.dumps(["护照"]), "processing_days": "15"},
    )
    assert bad.status_code == 200
    requirement.refresh_from_db()
    assert requirement.checklist == checklist


def test_the_register_and_custody_are_not_in_the_admin(
    client: Any, sysadmin: Any, agency: Any
) -> None:
    document = DocumentFactory(holder=TravellerFactory(agency=agency))
    for model in ("traveldocument", "handout", "agencylock", "travelbar", "documentevent"):
        assert client.get(f"/admin/passports/{model}/").status_code == 404
        assert not sysadmin.has_perm(f"passports.change_{model}")
        assert not sysadmin.has_perm(f"passports.view_{model}")
    assert client.get(f"/admin/passports/traveldocument/{document.pk}/change/").status_code == 404
    # Nor the back office's screens of the register.
    assert client.get(reverse("passports:register")).status_code == 403
    assert client.get(reverse("passports:document", args=[document.pk])).status_code == 403


def test_the_passport_division_does_not_use_the_admin(client: Any, officer: Any) -> None:
    client.force_login(officer)
    assert client.get(reverse(f"{VISAS}_changelist")).status_code == 302
    assert not officer.has_perm("cases.manage_rules", "passports")

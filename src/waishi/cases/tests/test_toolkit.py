"""The case-type toolkit: app flags, the system checks, access_case_detail, refusals, audit."""

import datetime
from typing import Any

import pytest
from django.http import Http404

from waishi.accounts.models import Agency
from waishi.cases.actions import do_transition
from waishi.cases.checks import check_app_flags, check_case_type_divisions
from waishi.cases.models import Case
from waishi.cases.querysets import CaseNotFound, access_case_detail
from waishi.cases.refusals import Refused, Stale, TransitionRefused
from waishi.cases.registry import CaseType, register_case_type, unregister_case_type
from waishi.cases.testing import AgencyFactory, DivisionFactory
from waishi.cases.tests.toyapp.actions import do_file_booking
from waishi.cases.tests.toyapp.models import CASE_TYPE as TOY
from waishi.core.appflags import area_apps, rules_only_apps

from .demo_type import WORKFLOW


def _booking(actor: Any) -> Case:
    day = datetime.date.today() + datetime.timedelta(days=3)
    data = {"title": "翻译", "language": "English", "day": day, "hours": 2}
    return do_file_booking(actor=actor, data=data)


def _ids(messages: list[Any]) -> list[str]:
    return [m.id for m in messages]


def test_apps_say_what_they_are() -> None:
    assert {"missions", "passports", "toyapp"} <= area_apps()
    assert not {"cases", "accounts", "core"} & area_apps()
    assert {"missions", "passports", "cases", "audit", "toyapp"} <= rules_only_apps()
    assert not {"accounts", "core", "portal", "auth"} & rules_only_apps()
    assert check_app_flags() == []


def test_an_app_without_flags_is_reported(monkeypatch: Any) -> None:
    from django.apps import apps

    class Bare:
        name = "waishi.bare"
        label = "bare"

    monkeypatch.setattr(apps, "get_app_configs", lambda: [Bare()])
    assert _ids(check_app_flags()) == ["cases.E002"]


def test_a_case_type_outside_an_area_is_reported() -> None:
    register_case_type(CaseType(code="XX", label="x", workflow=WORKFLOW, detail_model=Agency))
    try:
        assert "cases.E003" in _ids(check_app_flags())
    finally:
        unregister_case_type("XX")


@pytest.mark.django_db
def test_a_missing_division_is_an_error_naming_the_type() -> None:
    DivisionFactory(case_type="CG")
    problems = check_case_type_divisions(databases=["default"])
    assert _ids(problems) == ["cases.E001"]
    assert f"{TOY} → interpreting" in problems[0].msg and "CG" not in problems[0].msg
    assert "Create the division" in (problems[0].hint or "")
    # Without a database to ask, the check does nothing.
    assert check_case_type_divisions(databases=None) == []


@pytest.mark.django_db
def test_no_division_at_all_is_only_a_warning_and_all_present_is_clean() -> None:
    assert _ids(check_case_type_divisions(databases=["default"])) == ["cases.W001"]
    from waishi.cases.registry import case_types

    # Several types may share a division (foreign visits and gifts).
    for code in sorted({kind.division_code for kind in case_types() if kind.division_code}):
        DivisionFactory(code=code)
    assert check_case_type_divisions(databases=["default"]) == []


@pytest.mark.django_db
def test_access_case_detail_reads_the_detail_once(
    liaison: Any, other_liaison: Any, django_assert_num_queries: Any
) -> None:
    DivisionFactory(case_type=TOY)
    case = _booking(liaison)
    with django_assert_num_queries(1):
        booking = access_case_detail(liaison, case.reference, TOY)
        assert (booking.case.reference, booking.case.agency.pk) == (
            case.reference,
            liaison.agency_id,
        )
    for user, reference, code in [
        (other_liaison, case.reference, TOY),  # another agency's case
        (liaison, "FY-1999-00001", TOY),  # no such case
        (liaison, case.reference, "CG"),  # not of that type
    ]:
        with pytest.raises(Http404):
            access_case_detail(user, reference, code)
    with pytest.raises(Case.DoesNotExist):
        access_case_detail(other_liaison, case.reference, TOY)
    assert issubclass(CaseNotFound, Http404)


@pytest.mark.django_db
def test_a_transition_audits_under_its_types_prefix(liaison: Any, make_user: Any) -> None:
    from waishi.accounts.constants import Role
    from waishi.audit.models import AuditEvent
    from waishi.cases.permissions import is_case_filer

    DivisionFactory(case_type=TOY)
    case = _booking(liaison)
    signatory = make_user(Role.AGENCY_SIGNATORY, agency=liaison.agency)
    outsider = make_user(Role.AGENCY_SIGNATORY, agency=AgencyFactory())
    assert is_case_filer(liaison, case) and is_case_filer(signatory, case)
    assert not is_case_filer(outsider, case)
    do_transition(case=case, transition="submit", actor=signatory)
    assert AuditEvent.objects.filter(action="toyapp.booking.submit").count() == 1


def test_one_set_of_refusals() -> None:
    from waishi.cases.workflow import Conflict
    from waishi.cases.workflow import TransitionRefused as FromWorkflow
    from waishi.missions.mission_actions import StaleMission

    assert FromWorkflow is TransitionRefused and issubclass(TransitionRefused, Refused)
    assert issubclass(Conflict, Stale) and issubclass(StaleMission, Stale)
    refused = Refused(["不行"], forbidden=True)
    assert refused.messages == ["不行"] and refused.forbidden

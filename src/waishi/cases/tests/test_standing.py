"""Agency standing: suspensions imposed and lifted through the kernel, honoured by filings."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from waishi.accounts.constants import Role
from waishi.audit.models import AuditEvent
from waishi.cases.actions import do_transition
from waishi.cases.contrib import (
    CasePanel,
    contribute_guard,
    contribute_panel,
    withdraw_guard,
    withdraw_panel,
)
from waishi.cases.models import Case, Suspension, TimelineEntry
from waishi.cases.standing import (
    AgencySuspended,
    SuspensionSource,
    do_impose_suspension,
    do_lift_suspension,
    register_suspension_source,
    suspension_reasons,
)
from waishi.cases.workflow import TransitionRefused

from .demo_type import DEMO_CODE, DEMO_DIVISION

pytestmark = pytest.mark.django_db

SOURCE = "demo.overdue_papers"
register_suspension_source(
    SuspensionSource(SOURCE, "Papers overdue (test source)", division_code=DEMO_DIVISION)
)


def impose(
    agency: Any,
    kinds: tuple[str, ...] = (DEMO_CODE,),
    reasons: str = "",
    businesses: tuple[str, ...] = ("filing",),
) -> Any:
    suspension, _created = do_impose_suspension(
        agency=agency,
        source=SOURCE,
        reasons=reasons or "两份材料逾期未交。",
        case_types=kinds,
        businesses=businesses,
        rule_citation="《示例规定》第三条",
        rule_code="papers_overdue",
        actor_label="test",
    )
    return suspension


def written() -> tuple[int, int, int]:
    return Case.objects.count(), TimelineEntry.objects.count(), AuditEvent.objects.count()


def test_a_suspended_agency_cannot_file_and_nothing_is_written(
    new_case: Callable[..., Any], agency: Any
) -> None:
    impose(agency)
    before = written()
    with pytest.raises(AgencySuspended) as refused:
        new_case()
    assert "两份材料逾期未交" in refused.value.reasons[0]
    assert "《示例规定》第三条" in refused.value.reasons[0]
    assert written() == before


def test_the_refusal_is_translated(new_case: Callable[..., Any], agency: Any) -> None:
    impose(agency)
    with translation.override("zh-hans"), pytest.raises(AgencySuspended) as refused:
        new_case()
    assert "暂停" in refused.value.reasons[0]


def test_a_covered_filing_transition_is_refused_and_writes_nothing(
    new_case: Callable[..., Any], agency: Any, liaison: Any
) -> None:
    case = new_case()
    impose(agency)
    before = written()
    with pytest.raises(TransitionRefused) as refused:
        do_transition(case=case, transition="submit", actor=liaison)
    assert any("两份材料逾期未交" in r for r in refused.value.reasons)
    assert written() == before
    assert Case.objects.get(pk=case.pk).status == "draft"


def test_uncovered_kinds_and_bureau_steps_are_not_refused(
    new_case: Callable[..., Any], agency: Any, liaison: Any, officer: Any
) -> None:
    case = new_case()
    do_transition(case=case, transition="submit", actor=liaison)
    impose(agency, kinds=("ZZ",))
    assert new_case().pk
    impose(agency, kinds=(DEMO_CODE,))
    # The bureau's own steps on a filed case go on: only filing is covered.
    assert do_transition(case=case, transition="accept", actor=officer).status == "in_review"


def test_a_suspension_covering_approvals_refuses_them_and_writes_nothing(
    new_case: Callable[..., Any], agency: Any, liaison: Any, officer: Any, head: Any
) -> None:
    case = new_case()
    do_transition(case=case, transition="submit", actor=liaison)
    case = do_transition(case=case, transition="accept", actor=officer)
    impose(agency, businesses=("filing", "approval"))
    before = written()
    with pytest.raises(TransitionRefused) as refused:
        do_transition(case=case, transition="approve", actor=head)
    assert any("两份材料逾期未交" in r and "《示例规定》第三条" in r for r in refused.value.reasons)
    assert written() == before
    assert Case.objects.get(pk=case.pk).status == "in_review"
    # Steps that are not approvals go on.
    assert (
        do_transition(
            case=case, transition="return_for_revision", actor=officer, inputs={"reason": "补正"}
        ).status
        == "returned"
    )


def test_an_approval_runs_when_the_suspension_covers_filings_only(
    new_case: Callable[..., Any], agency: Any, liaison: Any, officer: Any, head: Any
) -> None:
    case = new_case()
    do_transition(case=case, transition="submit", actor=liaison)
    case = do_transition(case=case, transition="accept", actor=officer)
    suspension = impose(agency)
    assert suspension.businesses == ["filing"]
    assert do_transition(case=case, transition="approve", actor=head).status == "approved"


def test_what_a_suspension_covers_is_brought_up_to_date_and_audited(agency: Any) -> None:
    first = impose(agency)
    again = impose(agency, businesses=("approval", "filing", "visa"))
    assert again.pk == first.pk
    assert Suspension.objects.get(pk=first.pk).businesses == ["approval", "filing", "visa"]
    update = AuditEvent.objects.filter(action="cases.suspension.update").get()
    assert update.after["businesses"] == ["approval", "filing", "visa"]
    assert suspension_reasons(agency, DEMO_CODE, "visa")
    assert suspension_reasons(agency, DEMO_CODE, "hand_out") == []


def test_an_unknown_business_is_refused(agency: Any) -> None:
    with pytest.raises(ValueError):
        impose(agency, businesses=("everything",))
    assert not Suspension.objects.exists()


def test_another_agency_is_not_refused(
    new_case: Callable[..., Any], agency: Any, other_agency: Any, other_liaison: Any
) -> None:
    impose(agency, kinds=())
    assert new_case(agency=other_agency, actor=other_liaison).pk


def test_a_suspension_of_every_kind_covers_this_one(
    new_case: Callable[..., Any], agency: Any
) -> None:
    impose(agency, kinds=())
    with pytest.raises(AgencySuspended):
        new_case()


def test_imposing_twice_keeps_one_open_suspension(agency: Any) -> None:
    first = impose(agency)
    again = impose(agency)
    assert first.pk == again.pk
    assert Suspension.objects.filter(agency=agency, lifted_at__isnull=True).count() == 1
    assert AuditEvent.objects.filter(action="cases.suspension.impose").count() == 1
    assert not AuditEvent.objects.filter(action="cases.suspension.update").exists()
    changed = impose(agency, reasons="一份材料逾期未交。")
    assert changed.pk == first.pk and changed.reasons == "一份材料逾期未交。"
    assert AuditEvent.objects.filter(action="cases.suspension.update").count() == 1


def test_lifting_restores_filing_and_is_audited(
    new_case: Callable[..., Any], agency: Any, head: Any
) -> None:
    suspension = impose(agency)
    event = AuditEvent.objects.get(action="cases.suspension.impose")
    assert event.object_id == str(suspension.pk)
    lifted = do_lift_suspension(suspension=suspension, reason="材料已交回", actor=head)
    assert lifted is not None and lifted.lifted_by == head and lifted.lift_reason == "材料已交回"
    assert AuditEvent.objects.filter(action="cases.suspension.lift", actor=head).count() == 1
    assert suspension_reasons(agency, DEMO_CODE) == []
    assert new_case().pk
    # Lifting again does nothing.
    assert do_lift_suspension(suspension=suspension, reason="x", actor=head) is None
    # A new one may be imposed after the lift.
    assert impose(agency).pk != suspension.pk


def test_a_lift_without_reason_or_right_writes_nothing(
    agency: Any, make_user: Callable[..., Any], liaison: Any
) -> None:
    from waishi.accounts.tests.factories import DivisionFactory

    suspension = impose(agency)
    elsewhere = make_user(Role.DIVISION_HEAD, division=DivisionFactory(code="elsewhere"))
    for actor, reason in [(liaison, "交回"), (elsewhere, "交回"), (liaison, " ")]:
        with pytest.raises(TransitionRefused):
            do_lift_suspension(suspension=suspension, reason=reason, actor=actor)
    suspension.refresh_from_db()
    assert suspension.is_open
    assert not AuditEvent.objects.filter(action="cases.suspension.lift").exists()


def test_a_leader_may_lift_any_suspension(agency: Any, make_user: Callable[..., Any]) -> None:
    leader = make_user(Role.BUREAU_LEADER)
    assert do_lift_suspension(suspension=impose(agency), reason="领导决定", actor=leader)


def test_an_unknown_source_is_refused(agency: Any) -> None:
    with pytest.raises(LookupError):
        do_impose_suspension(agency=agency, source="nobody.nothing", reasons="x")
    assert not Suspension.objects.exists()


# Pages ---------------------------------------------------------------------------------


def test_staff_see_the_suspension_on_the_case_page(
    client: Any, new_case: Callable[..., Any], agency: Any, officer: Any, liaison: Any
) -> None:
    case = new_case()
    impose(agency)
    client.force_login(officer)
    page = client.get(case.get_absolute_url()).content.decode()
    assert 'data-testid="agency-suspensions"' in page and "两份材料逾期未交" in page
    client.force_login(liaison)
    page = client.get(case.get_absolute_url()).content.decode()
    assert 'data-testid="agency-suspensions"' not in page


def test_the_list_shows_suspensions_and_lifts_for_the_owning_division(
    client: Any, agency: Any, officer: Any, inspector: Any
) -> None:
    suspension = impose(agency)
    client.force_login(inspector)
    page = client.get(reverse("cases:suspensions")).content.decode()
    assert "两份材料逾期未交" in page and f'data-testid="lift-{suspension.pk}"' not in page
    client.force_login(officer)
    page = client.get(reverse("cases:suspensions")).content.decode()
    assert f'data-testid="lift-{suspension.pk}"' in page
    url = reverse("cases:suspension_lift", args=[suspension.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 302
    suspension.refresh_from_db()
    assert suspension.is_open
    client.post(url, {"reason": "材料已交回"})
    suspension.refresh_from_db()
    assert not suspension.is_open and suspension.lifted_by == officer


def test_the_list_reads_a_fixed_number_of_queries(
    client: Any, agency: Any, other_agency: Any, officer: Any, django_assert_num_queries: Any
) -> None:
    impose(agency)
    do_lift_suspension(suspension=impose(other_agency), reason="交回", actor=officer)
    client.force_login(officer)
    url = reverse("cases:suspensions")
    client.get(url)
    # The session, the user, the open and the lifted suspensions, the officer's division,
    # the bell.
    with django_assert_num_queries(6):
        client.get(url)
    for n in range(3):
        from waishi.accounts.tests.factories import AgencyFactory

        impose(AgencyFactory(), reasons=f"第{n}份")
    with django_assert_num_queries(6):
        client.get(url)


# Contributions ---------------------------------------------------------------------------


@pytest.fixture
def contributed() -> Iterator[dict[str, Any]]:
    def guard(case: Any, actor: Any, inputs: Any) -> list[str]:
        return ["另一业务的守卫拒绝。"]

    panel = CasePanel("cases/tests/contributed_panel.html", "cases.change_case")
    contribute_guard(DEMO_CODE, "accept", guard)
    contribute_panel(DEMO_CODE, panel)
    yield {"guard": guard, "panel": panel}
    withdraw_guard(DEMO_CODE, "accept", guard)
    withdraw_panel(DEMO_CODE, panel)


def test_a_contributed_guard_refuses_and_writes_nothing(
    contributed: Any, new_case: Callable[..., Any], liaison: Any, officer: Any
) -> None:
    case = new_case()
    do_transition(case=case, transition="submit", actor=liaison)
    before = written()
    with pytest.raises(TransitionRefused) as refused:
        do_transition(case=case, transition="accept", actor=officer)
    assert refused.value.reasons == ["另一业务的守卫拒绝。"]
    assert written() == before


def test_a_contributed_panel_is_shown_to_those_allowed(
    contributed: Any, client: Any, new_case: Callable[..., Any], officer: Any, liaison: Any
) -> None:
    case = new_case()
    client.force_login(officer)
    assert "contributed-panel" in client.get(case.get_absolute_url()).content.decode()
    client.force_login(liaison)
    assert "contributed-panel" not in client.get(case.get_absolute_url()).content.decode()

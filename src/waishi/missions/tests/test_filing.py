"""Filing runs the rule check once, records what it checked, in a fixed number of queries."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from waishi.cases.actions import do_transition
from waishi.missions import checking
from waishi.missions import mission_actions as ma
from waishi.missions.models import Mission

pytestmark = pytest.mark.django_db


def submit_queries(mission: Mission, actor: Any, name: str = "submit") -> int:
    with CaptureQueriesContext(connection) as captured:
        do_transition(case=mission.case, transition=name, actor=actor)
    return len(captured.captured_queries)


@pytest.fixture
def counted_checks(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every run of the rule checker, with what it returned."""
    runs: list[object] = []
    real = checking.check_mission

    def counting(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)
        runs.append(found)
        return found

    monkeypatch.setattr(checking, "check_mission", counting)
    return runs


def test_filing_checks_the_rules_once_and_records_that_verdict(
    confirmed: Callable[..., Any], liaison: Any, counted_checks: list[object]
) -> None:
    mission = confirmed(tourist=True)
    do_transition(case=mission.case, transition="submit", actor=liaison)
    assert len(counted_checks) == 1
    verdict = Mission.objects.get(pk=mission.pk).verdicts.get()
    assert verdict.violations == [v.as_dict() for v in counted_checks[0]]  # type: ignore[attr-defined]
    assert [v["rule_code"] for v in verdict.violations] == ["tourist_sites"]


def test_refiling_checks_once_as_of_the_new_filing_day(
    confirmed: Callable[..., Any],
    liaison: Any,
    signatory: Any,
    officer: Any,
    counted_checks: list[object],
) -> None:
    mission = confirmed()
    do_transition(case=mission.case, transition="submit", actor=liaison)
    do_transition(case=mission.case, transition="start_review", actor=officer)
    do_transition(
        case=mission.case,
        transition="return_for_revision",
        actor=officer,
        inputs={"reason": "补充"},
    )
    mission = Mission.objects.select_related("case").get(pk=mission.pk)
    mission = ma.do_confirm(actor=signatory, mission=mission, expected_version=mission.version)
    counted_checks.clear()
    do_transition(case=mission.case, transition="resubmit", actor=liaison)
    assert len(counted_checks) == 1
    assert Mission.objects.get(pk=mission.pk).verdicts.count() == 2


def test_a_block_refuses_filing_after_one_check_and_records_nothing(
    confirmed: Callable[..., Any], liaison: Any, counted_checks: list[object]
) -> None:
    from waishi.cases.workflow import TransitionRefused

    mission = confirmed(members=7)
    with pytest.raises(TransitionRefused):
        do_transition(case=mission.case, transition="submit", actor=liaison)
    assert len(counted_checks) == 1
    assert not Mission.objects.get(pk=mission.pk).verdicts.exists()


def test_filing_costs_the_same_queries_for_two_and_six_members(
    confirmed: Callable[..., Any], liaison: Any
) -> None:
    small, large = confirmed(members=2, days=2), confirmed(members=6, days=5)
    submit_queries(confirmed(members=3), liaison)  # warm caches (bureau, content types)
    counts = [submit_queries(small, liaison), submit_queries(large, liaison)]
    assert counts[0] == counts[1]
    # Measured: 27 (35 while the rules were checked twice).
    assert counts[1] <= 27

"""The legal tests as pure functions, at their boundaries (no database)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from waishi.overseas.constants import LEGAL_RELATIONS, Category, EndReason, Relation
from waishi.overseas.rules import (
    DEFAULTS,
    Stay,
    add_months,
    end_reasons,
    presence_test,
    relative_reasons,
    residence_reasons,
)

D = datetime.date
SHORT = DEFAULTS["short_residence"]
LONG = DEFAULTS["long_residence"]
PRESENCE = DEFAULTS["settlement_presence"]
SHORT_FROM, LONG_FROM, AS_OF = D(2024, 3, 1), D(2021, 3, 1), D(2026, 3, 1)


def short(months: str, residence_from: D = SHORT_FROM, as_of: D = AS_OF) -> list[str]:
    return residence_reasons(
        basis="permanent",
        residence_from=residence_from,
        months_present=Decimal(months),
        as_of=as_of,
        rule=SHORT,
    )


def long(months: str, residence_from: D = LONG_FROM, as_of: D = AS_OF) -> list[str]:
    return residence_reasons(
        basis="legal_residence",
        residence_from=residence_from,
        months_present=Decimal(months),
        as_of=as_of,
        rule=LONG,
    )


def test_18_of_24_months_present_is_the_boundary() -> None:
    assert short("18") == []
    assert len(short("17.9")) == 1


def test_two_years_of_residence_are_reached_on_their_last_day() -> None:
    # From 1 March 2024, two years end on 28 February 2026 (that day included).
    assert short("18", as_of=D(2026, 2, 28)) == []
    assert len(short("18", as_of=D(2026, 2, 27))) == 1


def test_30_of_60_months_present_is_the_boundary() -> None:
    assert long("30") == []
    assert len(long("29.9")) == 1


def test_five_years_of_legal_residence_are_needed() -> None:
    assert long("30", as_of=D(2026, 2, 28)) == []
    assert len(long("30", as_of=D(2026, 2, 27))) == 1


def test_missing_basis_or_facts_are_refused() -> None:
    rule = SHORT
    assert residence_reasons(
        basis="", residence_from=D(2020, 1, 1), months_present=20, as_of=D(2026, 1, 1), rule=rule
    )
    assert residence_reasons(
        basis="permanent", residence_from=None, months_present=20, as_of=D(2026, 1, 1), rule=rule
    )


@pytest.mark.parametrize("relation", sorted(LEGAL_RELATIONS - {Relation.LONG_TERM_SUPPORT}))
@pytest.mark.parametrize("principal", [Category.HUAQIAO, Category.GUIQIAO])
def test_each_relation_on_the_legal_list_makes_a_relative(relation: str, principal: str) -> None:
    assert relative_reasons(relation=relation, principal_category=principal, support_proof="") == []


def test_the_legal_list_is_the_law_s() -> None:
    assert set(LEGAL_RELATIONS) == {
        "spouse",
        "parent",
        "child",
        "child_spouse",
        "sibling",
        "grandparent",
        "maternal_grandparent",
        "grandchild",
        "daughters_child",
        "long_term_support",
    }


def test_a_collateral_relative_is_not_a_qiaojuan() -> None:
    assert relative_reasons(
        relation=Relation.COLLATERAL, principal_category=Category.HUAQIAO, support_proof=""
    )


def test_long_term_support_without_a_notarised_proof_is_refused() -> None:
    with translation.override("en"):
        reasons = relative_reasons(
            relation=Relation.LONG_TERM_SUPPORT,
            principal_category=Category.HUAQIAO,
            support_proof=" ",
        )
    assert len(reasons) == 1 and "notarised proof" in reasons[0]
    assert (
        relative_reasons(
            relation=Relation.LONG_TERM_SUPPORT,
            principal_category=Category.HUAQIAO,
            support_proof="(2025)粤肇端证字第123号",
        )
        == []
    )


@pytest.mark.parametrize("principal", [None, Category.QIAOJUAN, Category.HUAREN, Category.HKMO])
def test_the_principal_must_be_an_overseas_or_returned_overseas_chinese(
    principal: str | None,
) -> None:
    assert relative_reasons(relation=Relation.CHILD, principal_category=principal, support_proof="")


def test_divorce_ends_only_a_marriage_and_support_only_a_dependant() -> None:
    assert end_reasons(category="qiaojuan", relation="spouse", reason=EndReason.DIVORCE) == []
    assert end_reasons(category="qiaojuan", relation="child_spouse", reason=EndReason.DIVORCE) == []
    assert end_reasons(category="qiaojuan", relation="child", reason=EndReason.DIVORCE)
    assert (
        end_reasons(
            category="qiaojuan", relation="long_term_support", reason=EndReason.SUPPORT_ENDED
        )
        == []
    )
    assert end_reasons(category="qiaojuan", relation="sibling", reason=EndReason.SUPPORT_ENDED)


# Return to settle: 3 consecutive months, or 90 days within 6 consecutive months ------------


def test_three_consecutive_months_run_to_the_day_before_the_same_date() -> None:
    applied = D(2026, 6, 1)
    assert presence_test([Stay(D(2025, 1, 1), D(2025, 3, 31))], applied, PRESENCE).met
    miss = presence_test([Stay(D(2025, 1, 1), D(2025, 3, 30))], applied, PRESENCE)
    assert not miss.met and miss.longest_run_days == 89 and miss.reasons


def test_ninety_days_within_six_months() -> None:
    applied = D(2026, 6, 1)
    # 45 + 45 days, the second stay ending on the window's last day (30 June).
    stays = [Stay(D(2025, 1, 1), D(2025, 2, 14)), Stay(D(2025, 5, 17), D(2025, 6, 30))]
    result = presence_test(stays, applied, PRESENCE)
    assert result.best_window_days == 90 and result.met
    # One day later the second stay falls partly outside the six months: 89 days in the window.
    late = [Stay(D(2025, 1, 1), D(2025, 2, 14)), Stay(D(2025, 5, 18), D(2025, 7, 1))]
    assert presence_test(late, applied, PRESENCE).best_window_days == 89
    assert not presence_test(late, applied, PRESENCE).met


def test_only_the_two_years_before_applying_count() -> None:
    applied = D(2026, 6, 1)
    # Four months in China, but ending the day before the look-back starts (1 June 2024).
    before = [Stay(D(2024, 2, 1), D(2024, 5, 31))]
    assert not presence_test(before, applied, PRESENCE).met
    # Starting on the look-back's first day counts in full.
    inside = [Stay(D(2024, 6, 1), D(2024, 8, 31))]
    assert presence_test(inside, applied, PRESENCE).met
    # The day of application itself is not in the look-back.
    # 4 March to 1 June is 90 days, but only 89 of them before the application.
    today = [Stay(D(2026, 3, 4), D(2026, 6, 1))]
    assert presence_test(today, D(2026, 6, 2), PRESENCE).met
    assert not presence_test(today, applied, PRESENCE).met


def test_touching_stays_are_one_run() -> None:
    stays = [Stay(D(2025, 1, 1), D(2025, 1, 31)), Stay(D(2025, 2, 1), D(2025, 3, 31))]
    assert presence_test(stays, D(2026, 1, 1), PRESENCE).met


def test_add_months_keeps_the_month_end() -> None:
    assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)

"""Finding cases by a person's name: the kernel's table of names and the inbox's pages."""

from typing import Any

import pytest

from waishi.cases import inbox
from waishi.cases.inbox import list_page
from waishi.cases.models import CaseName
from waishi.cases.names import set_case_names

pytestmark = pytest.mark.django_db


def test_setting_names_writes_only_the_difference(new_case):
    case = new_case()
    set_case_names(case.pk, ["王伟", "李娜", " 李娜 "])
    first = {r.name: r.pk for r in CaseName.objects.filter(case=case)}
    assert set(first) == {"王伟", "李娜"}
    set_case_names(case.pk, ["李娜", "张敏"])
    after = {r.name: r.pk for r in CaseName.objects.filter(case=case)}
    assert set(after) == {"李娜", "张敏"}
    assert after["李娜"] == first["李娜"]  # kept, not written again


@pytest.fixture
def named(filed_case) -> list[Any]:
    """Seven filed cases, oldest first; the odd ones name 王伟, every one names 李娜."""
    made = [filed_case(f"赴新加坡考察{n}") for n in range(7)]
    for number, case in enumerate(made):
        set_case_names(case.pk, ["李娜", *(["王伟"] if number % 2 else [])])
    return made


def references(page: Any) -> list[str]:
    return [row.reference for row in page.rows]


def test_a_name_lists_its_cases_newest_first_page_by_page(officer, named):
    first = list_page(officer, {"tab": "recent", "q": "王"}, None, size=2)
    assert references(first) == [named[5].reference, named[3].reference]
    second = list_page(officer, {"tab": "recent", "q": "王"}, first.next_cursor, size=2)
    assert references(second) == [named[1].reference]
    assert second.next_cursor is None


def test_two_matching_names_in_one_case_list_it_once(officer, named):
    page = list_page(officer, {"tab": "recent", "q": "王"}, None)
    assert len(references(page)) == len(set(references(page))) == 3
    everyone = list_page(officer, {"tab": "recent", "q": "李"}, None)
    assert references(everyone) == [c.reference for c in reversed(named)]


def test_filters_apply_to_a_name_search_beyond_the_first_batches(
    officer, named, monkeypatch: pytest.MonkeyPatch
):
    from waishi.cases.models import Case

    # Tiny batches: the filter leaves nothing in them, so the rest is asked in one query.
    monkeypatch.setattr(inbox, "NAME_BATCHES", (1, 1))
    Case.objects.filter(pk__in=[named[0].pk, named[2].pk]).update(status="in_review")
    page = list_page(officer, {"tab": "recent", "q": "李娜", "status": "in_review"}, None)
    assert references(page) == [named[2].reference, named[0].reference]


def test_an_agency_finds_only_its_own_cases_by_name(other_liaison, liaison, named):
    assert references(list_page(other_liaison, {"q": "李娜"}, None)) == []
    assert len(list_page(liaison, {"q": "李娜"}, None).rows) == 7


def test_an_unknown_name_falls_back_to_the_title(officer, named):
    page = list_page(officer, {"tab": "recent", "q": "考察3"}, None)
    assert references(page) == [named[3].reference]

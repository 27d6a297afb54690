"""The to-do: every case whose next step a person may take, and nothing else.

The demo type's life: the agency files (``submit``) from a draft, the division's officers
accept, the head approves or rejects, an officer returns it to the agency for revision.
"""

from typing import Any

import pytest
from django.urls import reverse

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import DivisionFactory, make_user
from waishi.cases.actions import do_transition, do_update_case
from waishi.cases.inbox import list_page
from waishi.cases.testing import force_status
from waishi.cases.todo import next_actors, todo_cases

pytestmark = pytest.mark.django_db


def todo(user: Any) -> set[str]:
    return set(todo_cases(user).values_list("reference", flat=True))


@pytest.fixture
def other_officer(db: Any) -> Any:
    """An officer of a division that does not own the demo type."""
    return make_user(
        Role.DIVISION_OFFICER, division=DivisionFactory(code="elsewhere"), full_name="周外处"
    )


def test_an_unfiled_draft_is_the_agencys_and_in_no_bureau_list(
    new_case, liaison, officer, head, leader
):
    draft = new_case("尚未报送的草稿")
    assert todo(liaison) == {draft.reference}
    for person in (officer, head, leader):
        assert todo(person) == set()
        for tab in ("mine", "division", "recent", "overdue"):
            rows = list_page(person, {"tab": tab}, None).rows
            assert draft.reference not in {row.reference for row in rows}
    # The agency still finds its draft in its own list.
    assert draft.reference in {r.reference for r in list_page(liaison, {}, None).rows}


def test_a_filing_waits_for_the_divisions_officers_until_one_takes_it(
    filed_case, officer, head, other_officer, liaison
):
    case = filed_case()
    assert case.reference in todo(officer) and case.reference in todo(head)
    assert case.reference not in todo(other_officer)
    assert case.reference not in todo(liaison)  # the agency waits now
    taken = do_update_case(case=case, actor=head, changes={"assignee": officer}, expected_version=1)
    assert case.reference in todo(officer)
    assert case.reference not in todo(head)
    do_update_case(case=taken, actor=head, changes={"assignee": head}, expected_version=2)
    assert case.reference not in todo(officer) and case.reference in todo(head)


def test_a_step_only_the_head_takes_stays_in_the_heads_to_do_whoever_holds_the_case(
    filed_case, officer, head
):
    case = force_status(filed_case(), "in_review")
    do_update_case(case=case, actor=head, changes={"assignee": officer}, expected_version=1)
    # The officer may still return it for revision; the head alone approves.
    assert case.reference in todo(officer)
    assert case.reference in todo(head)


def test_a_case_returned_for_revision_waits_for_the_agency(filed_case, officer, liaison):
    case = force_status(filed_case(), "in_review")
    returned = do_transition(
        case=case, transition="return_for_revision", actor=officer, inputs={"reason": "补材料"}
    )
    assert returned.status == "returned"
    assert todo(liaison) == {case.reference}
    assert case.reference not in todo(officer)


def test_a_closed_case_is_nobodys(filed_case, officer, head, liaison):
    case = force_status(filed_case(), "approved")
    for person in (officer, head, liaison):
        assert case.reference not in todo(person)


def test_the_inbox_opens_on_the_to_do_with_the_nearest_clock_first(client, filed_case, officer):
    from waishi.cases.models import Case

    later, sooner, undated = (filed_case(title) for title in ("较晚", "较早", "无期限"))
    Case.objects.filter(pk=later.pk).update(due_date="2027-03-01")
    Case.objects.filter(pk=sooner.pk).update(due_date="2027-01-04")
    Case.objects.filter(pk=undated.pk).update(due_date=None)
    rows = list_page(officer, {"tab": "mine"}, None).rows
    assert [r.reference for r in rows] == [sooner.reference, later.reference, undated.reference]
    first = list_page(officer, {"tab": "mine"}, None, size=2)
    second = list_page(officer, {"tab": "mine"}, first.next_cursor, size=2)
    assert [r.reference for r in second.rows] == [undated.reference]
    assert second.next_cursor is None
    client.force_login(officer)
    body = client.get(reverse("cases:inbox")).content.decode()
    assert (
        body.index(sooner.reference) < body.index(later.reference) < body.index(undated.reference)
    )


def test_the_menu_counts_what_waits(client, filed_case, new_case, officer, liaison):
    filed_case()
    filed_case()
    new_case("草稿")
    client.force_login(officer)
    page = client.get(reverse("cases:inbox")).content.decode()
    assert reverse("cases:todo_count") in page
    badge = client.get(reverse("cases:todo_count"), HTTP_HX_REQUEST="true").content.decode()
    assert 'data-testid="todo-count"' in badge and ">2<" in badge
    client.force_login(liaison)
    badge = client.get(reverse("cases:todo_count"), HTTP_HX_REQUEST="true").content.decode()
    assert ">1<" in badge
    assert "1 case waits for you" in badge or "1 件" in badge or "1 个" in badge


def test_nothing_waiting_shows_no_badge(client, officer):
    client.force_login(officer)
    assert client.get(reverse("cases:todo_count")).content.decode().strip() == ""


def test_the_agency_sees_what_waits_for_it(client, new_case, filed_case, liaison):
    draft = new_case("我们的草稿")
    filed = filed_case("已报送")
    client.force_login(liaison)
    body = client.get(reverse("cases:workspace_list"), {"tab": "mine"}).content.decode()
    assert draft.reference in body and filed.reference not in body
    dashboard = client.get(reverse("accounts:workspace")).content.decode()
    assert 'data-testid="todo-panel"' in dashboard and draft.reference in dashboard


def test_the_bureaus_dashboard_lists_the_to_do(client, filed_case, officer):
    case = filed_case("等待受理")
    client.force_login(officer)
    dashboard = client.get(reverse("accounts:office")).content.decode()
    assert 'data-testid="todo-panel"' in dashboard and case.reference in dashboard


def test_filing_tells_the_people_whose_step_it_now_is(
    new_case, liaison, officer, head, other_officer, leader, django_capture_on_commit_callbacks
):
    from waishi.notifications.models import Notification

    case = new_case()
    with django_capture_on_commit_callbacks(execute=True):
        do_transition(case=case, transition="submit", actor=liaison)
    told = set(Notification.objects.values_list("recipient_id", flat=True))
    assert {officer.pk, head.pk} <= told
    assert other_officer.pk not in told and leader.pk not in told and liaison.pk not in told


def test_an_assigned_case_tells_its_assignee_and_whoever_holds_a_step_of_their_own(
    filed_case, officer, head
):
    case = force_status(filed_case(), "in_review")
    case = do_update_case(case=case, actor=head, changes={"assignee": officer}, expected_version=1)
    # In review: the officer (assignee) may return it, the head alone approves.
    assert set(next_actors(case)) == {officer.pk, head.pk}
    submitted = force_status(case, "submitted")
    # Accepting is any officer's step: the assignee takes it for the division.
    assert next_actors(submitted) == [officer.pk]

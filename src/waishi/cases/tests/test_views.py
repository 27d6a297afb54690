"""The case page, its actions, the inbox and the agency list, as people use them."""

from typing import Any

import pytest
from django.urls import reverse

from waishi.audit.models import AuditEvent
from waishi.cases.actions import do_transition, do_update_case
from waishi.cases.models import Case, TimelineEntry

pytestmark = pytest.mark.django_db


def post_transition(client: Any, case: Case, name: str, **data: Any) -> Any:
    data.setdefault("version", Case.objects.get(pk=case.pk).version)
    return client.post(reverse("cases:transition", args=[case.reference, name]), data)


def not_found(response: Any, client: Any) -> bool:
    """A 404, possibly after the locale middleware's redirect to the portal's prefix."""
    if response.status_code == 302 and response.url.startswith("/zh-hans/"):
        response = client.get(response.url)
    return response.status_code == 404


def test_full_life_through_the_case_page(client, new_case, liaison, officer, head):
    case = new_case()
    client.force_login(liaison)
    page = client.get(case.get_absolute_url())
    assert page.status_code == 200
    assert case.reference in page.content.decode()
    assert post_transition(client, case, "submit").status_code == 302

    client.force_login(officer)
    assert post_transition(client, case, "accept").status_code == 302
    post_transition(client, case, "return_for_revision", reason="请补充邀请函")

    client.force_login(liaison)
    page = client.get(case.get_absolute_url()).content.decode()
    assert "请补充邀请函" in page
    post_transition(client, case, "submit")

    client.force_login(officer)
    post_transition(client, case, "accept")
    client.force_login(head)
    post_transition(client, case, "approve")
    case.refresh_from_db()
    assert case.status == "approved" and case.version == 7


def test_forbidden_transition_by_url_writes_nothing_and_is_not_found(client, new_case, officer):
    case = new_case()
    client.force_login(officer)
    before = AuditEvent.objects.count(), TimelineEntry.objects.count()
    assert not_found(post_transition(client, case, "submit"), client)
    assert (AuditEvent.objects.count(), TimelineEntry.objects.count()) == before
    assert Case.objects.get(pk=case.pk).status == "draft"


def test_missing_reason_is_explained(client, new_case, liaison, officer):
    case = new_case()
    do_transition(case=case, transition="submit", actor=liaison)
    do_transition(case=case, transition="accept", actor=officer)
    client.force_login(officer)
    response = post_transition(client, case, "return_for_revision", reason="")
    assert response.status_code == 302
    page = client.get(case.get_absolute_url()).content.decode()
    assert "alert-danger" in page
    assert Case.objects.get(pk=case.pk).status == "in_review"


def test_stale_transition_shows_the_conflict_page(client, new_case, liaison, officer):
    case = new_case()
    do_transition(case=case, transition="submit", actor=liaison)
    client.force_login(officer)
    response = post_transition(client, case, "accept", version=1)
    assert response.status_code == 409
    body = response.content.decode()
    assert "李联络" in body  # who changed it
    assert Case.objects.get(pk=case.pk).status == "submitted"


def test_stale_edit_shows_changes_and_can_be_reapplied(client, new_case, officer, head):
    case = new_case()
    do_update_case(case=case, actor=head, changes={"title": "新标题"}, expected_version=1)
    client.force_login(officer)
    url = reverse("cases:edit", args=[case.reference])
    data = {
        "version": 1,
        "title": "我的标题",
        "priority": 30,
        "due_date": "",
        "division": "",
        "assignee": "",
    }
    response = client.post(url, data)
    assert response.status_code == 409
    body = response.content.decode()
    assert "新标题" in body and "陈处长" in body
    assert Case.objects.get(pk=case.pk).title == "新标题"
    data["version"] = 2
    assert client.post(url, data).status_code == 302
    assert Case.objects.get(pk=case.pk).title == "我的标题"


def test_agency_sees_only_public_entries(client, new_case, liaison, officer):
    from waishi.cases.actions import do_comment

    case = new_case()
    do_comment(case=case, actor=officer, text="内部意见：需核实", is_public=False)
    do_comment(case=case, actor=officer, text="请尽快补充材料", is_public=True)
    client.force_login(liaison)
    body = client.get(case.get_absolute_url()).content.decode()
    assert "请尽快补充材料" in body and "内部意见" not in body
    client.force_login(officer)
    assert "内部意见" in client.get(case.get_absolute_url()).content.decode()


def test_agency_comment_is_always_public(client, new_case, liaison):
    case = new_case()
    client.force_login(liaison)
    client.post(reverse("cases:comment", args=[case.reference]), {"text": "已补充"})
    assert TimelineEntry.objects.get(case=case, kind="comment").is_public


def test_a_comment_posted_twice_is_added_once(client, new_case, officer):
    import re

    case = new_case()
    client.force_login(officer)
    page = client.get(case.get_absolute_url()).content.decode()
    form = page[page.index('class="comment-form"') :]
    key = re.search(r'name="idempotency_key" value="([0-9a-f]{32})"', form).group(1)
    url = reverse("cases:comment", args=[case.reference])
    for _ in range(2):  # a double click sends the same form twice
        client.post(url, {"text": "请核实邀请函", "idempotency_key": key})
    assert TimelineEntry.objects.filter(case=case, kind="comment").count() == 1
    assert (
        AuditEvent.objects.filter(action="cases.case.comment", object_id=str(case.pk)).count() == 1
    )
    # A new form (a new key) adds a second comment with the same words.
    fresh = client.get(case.get_absolute_url()).content.decode()
    other = re.search(
        r'name="idempotency_key" value="([0-9a-f]{32})"',
        fresh[fresh.index('class="comment-form"') :],
    ).group(1)
    assert other != key
    client.post(url, {"text": "请核实邀请函", "idempotency_key": other})
    assert TimelineEntry.objects.filter(case=case, kind="comment").count() == 2


def test_other_agency_case_is_not_found(client, new_case, other_liaison):
    case = new_case()
    client.force_login(other_liaison)
    assert not_found(client.get(case.get_absolute_url()), client)
    assert not_found(client.get(reverse("cases:by_id", args=[case.pk])), client)
    assert client.get(reverse("cases:workspace_list")).content.decode().count(case.reference) == 0


def test_other_agency_case_is_not_in_its_export(client, new_case, other_liaison):
    import io

    from openpyxl import load_workbook

    case = new_case()
    client.force_login(other_liaison)
    response = client.post(reverse("cases:export"), {"q": case.reference})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == []


def test_administrators_see_no_cases(client, new_case, make_user):
    from waishi.accounts.constants import Role

    case = new_case()
    client.force_login(make_user(Role.SYSTEM_ADMIN))
    response = client.get(case.get_absolute_url())
    assert response.status_code == 403 or not_found(response, client)


def test_inspector_reads_but_gets_no_buttons(client, new_case, inspector):
    case = new_case()
    client.force_login(inspector)
    body = client.get(case.get_absolute_url()).content.decode()
    assert case.reference in body and "case-actions" not in body


def test_county_officer_sees_cases_of_agencies_in_the_county(client, make_user, county, liaison):
    from waishi.accounts.constants import Role
    from waishi.accounts.tests.factories import AgencyFactory
    from waishi.cases.actions import do_create_case

    township = AgencyFactory(parent=county)
    case = do_create_case(actor=liaison, case_type="DM", agency=township, title="乡镇出访")
    client.force_login(make_user(Role.COUNTY_OFFICER, agency=county))
    assert client.get(case.get_absolute_url()).status_code == 200


def test_inbox_tabs_and_search(client, filed_case, officer, head, liaison):
    mine = filed_case("我的案件")
    do_update_case(case=mine, actor=head, changes={"assignee": officer}, expected_version=1)
    other = filed_case("别人的案件")
    do_update_case(case=other, actor=head, changes={"assignee": head}, expected_version=1)
    waiting = filed_case("待受理的案件")
    client.force_login(officer)
    # The to-do: the case assigned to the officer and the filing nobody has taken yet; the
    # one the head took has left it.
    body = client.get(reverse("cases:inbox")).content.decode()
    assert mine.reference in body and waiting.reference in body
    assert other.reference not in body
    body = client.get(reverse("cases:inbox"), {"tab": "recent", "q": "别人"}).content.decode()
    assert other.reference in body and mine.reference not in body
    body = client.get(
        reverse("cases:inbox"), {"tab": "recent", "q": other.reference}
    ).content.decode()
    assert other.reference in body and mine.reference not in body


def test_person_search_hook_finds_cases(client, filed_case, officer):
    from waishi.cases.registry import register_person_search, unregister_person_search

    case = filed_case("出访")

    def hook(text: str) -> list[int]:
        return [case.pk] if text == "张三" else []

    register_person_search(hook)
    try:
        client.force_login(officer)
        body = client.get(reverse("cases:inbox"), {"tab": "recent", "q": "张三"}).content.decode()
        assert case.reference in body
    finally:
        unregister_person_search(hook)


def test_inbox_pages_with_a_cursor(client, filed_case, officer, settings):
    from waishi.cases import inbox

    cases = [filed_case(f"案件{n}") for n in range(5)]
    client.force_login(officer)
    first = inbox.list_page(officer, {"tab": "recent"}, None, size=2)
    second = inbox.list_page(officer, {"tab": "recent"}, first.next_cursor, size=2)
    third = inbox.list_page(officer, {"tab": "recent"}, second.next_cursor, size=2)
    seen = [c.pk for page in (first, second, third) for c in page.rows]
    assert sorted(seen) == sorted(c.pk for c in cases) and third.next_cursor is None


def test_overdue_tab(client, filed_case, officer, head):
    import datetime

    late = filed_case("逾期")
    do_update_case(
        case=late, actor=head, changes={"due_date": datetime.date(2020, 1, 2)}, expected_version=1
    )
    fine = filed_case("未逾期")
    client.force_login(officer)
    body = client.get(reverse("cases:inbox"), {"tab": "overdue"}).content.decode()
    assert late.reference in body and fine.reference not in body


@pytest.mark.parametrize(
    "url_name,role_fixture", [("cases:inbox", "officer"), ("cases:workspace_list", "liaison")]
)
def test_lists_use_the_same_queries_for_5_and_500_cases(
    client, request, django_assert_num_queries, liaison, agency, url_name, role_fixture
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from waishi.cases.models import Case

    user = request.getfixturevalue(role_fixture)
    client.force_login(user)
    url = reverse(url_name) + "?tab=recent"

    def make(count: int) -> None:
        start = Case.objects.count()
        Case.objects.bulk_create(
            Case(
                reference=f"DM-2026-{start + n + 1:05d}",
                case_type="DM",
                status="submitted",
                agency=agency,
                title=f"批量{n}",
                assignee=user if role_fixture == "officer" else None,
            )
            for n in range(count)
        )

    make(5)
    client.get(url)  # warm caches (the bureau row, sessions)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    make(495)
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_dashboard_panels_render(client, new_case, officer, liaison):
    new_case()
    client.force_login(officer)
    assert "overdue-count" in client.get(reverse("accounts:office")).content.decode()
    client.force_login(liaison)
    assert "赴新加坡" in client.get(reverse("accounts:workspace")).content.decode()


def test_public_lookup_needs_the_verification_code(new_case):
    from waishi.cases.querysets import public_lookup

    case = new_case()
    assert public_lookup(case.reference.lower(), case.verification_code.lower()) == case
    assert public_lookup(case.reference, "WRONG123") is None
    assert public_lookup("DM-1999-00001", case.verification_code) is None


def test_show_more_returns_only_rows_for_htmx(client, new_case, officer):
    for n in range(3):
        new_case(f"案件{n}")
    client.force_login(officer)
    response = client.get(reverse("cases:inbox"), {"tab": "recent"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<tr>" in body and "<html" not in body
    # The rows have the inbox's agency column, like the rows of the whole page.
    page = client.get(reverse("cases:inbox"), {"tab": "recent"}).content.decode()
    assert body.count("<td") == page.split('<tbody id="case-rows">')[1].count("<td")


def test_inbox_rows_escape_what_people_typed(client, filed_case, officer):
    filed_case('<b onclick="x()">赴新加坡</b> & 考察')
    client.force_login(officer)
    for headers in ({}, {"HX-Request": "true"}):
        body = client.get(reverse("cases:inbox"), {"tab": "recent"}, headers=headers)
        text = body.content.decode()
        assert "&lt;b onclick=&quot;x()&quot;&gt;赴新加坡&lt;/b&gt; &amp; 考察" in text
        assert "<b onclick" not in text

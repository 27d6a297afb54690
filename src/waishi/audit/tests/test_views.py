import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from waishi.accounts.constants import Role
from waishi.audit.actions import log_action
from waishi.audit.models import AuditEvent, Outcome

pytestmark = pytest.mark.django_db

SEARCH = "/audit/"
OTHER_ROLES = [role for role in Role if role != Role.AUDIT_ADMIN]


@pytest.fixture
def auditor(client, make_user):
    user = make_user(Role.AUDIT_ADMIN)
    client.force_login(user)
    return user


def make_events(count: int, **fields) -> list[AuditEvent]:
    defaults = {"action": "cases.case.update", "object_type": "cases.case", "object_id": "1"}
    return [log_action(**{**defaults, **fields}) for _ in range(count)]


def test_the_audit_administrator_sees_the_newest_events_first(client, auditor):
    created = make_events(3)
    response = client.get(SEARCH)
    assert response.status_code == 200
    seqs = [event.seq for event in response.context["events"]]
    assert seqs == sorted(seqs, reverse=True)
    assert seqs[:3] == [event.seq for event in reversed(created)]


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_every_other_role_is_refused_and_the_denial_recorded(client, make_user, role):
    user = make_user(role)
    client.force_login(user)
    before = AuditEvent.objects.count()
    for url, method in [
        (SEARCH, "get"),
        ("/audit/1/", "get"),
        (reverse("audit:export"), "post"),
    ]:
        response = getattr(client, method)(url)
        assert response.status_code == 403, url
    denials = AuditEvent.objects.filter(action="core.permission.deny", actor=user)
    assert denials.count() == 3
    assert AuditEvent.objects.count() == before + 3
    assert not AuditEvent.objects.filter(action="audit.auditevent.export").exists()


def test_a_denial_records_who_where_and_which_permission(client, make_user):
    user = make_user(Role.DIVISION_OFFICER)
    client.force_login(user)
    client.get(SEARCH, REMOTE_ADDR="10.1.2.3")
    denial = AuditEvent.objects.get(action="core.permission.deny")
    assert denial.actor == user
    assert denial.outcome == Outcome.DENIED
    assert denial.object_type == "url"
    assert denial.object_id == SEARCH
    assert denial.reason == "audit.view_auditevent"
    assert denial.ip_address == "10.1.2.3"


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for url in (SEARCH, "/audit/1/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    response = client.post(reverse("audit:export"))
    assert response.status_code == 302
    assert not AuditEvent.objects.filter(action="audit.auditevent.export").exists()


def test_filters_narrow_the_list(client, auditor):
    make_events(2, action="cases.case.submit")
    make_events(2, action="accounts.user.create", object_type="accounts.user", object_id="7")
    log_action(action="core.permission.deny", outcome=Outcome.DENIED, object_type="url")
    log_action(action="cases.case.submit", actor=auditor)

    def actions(**query) -> list[str]:
        response = client.get(SEARCH, query)
        assert response.status_code == 200
        return [event.action for event in response.context["events"]]

    assert set(actions(action="cases.")) == {"cases.case.submit"}
    assert len(actions(action="cases.")) == 3
    assert actions(outcome="denied") == ["core.permission.deny"]
    assert len(actions(object_type="accounts.user", object_id="7")) == 2
    assert actions(actor=auditor.username) == ["cases.case.submit"]
    assert actions(action="missions.") == []


def test_date_filters_use_whole_days(client, auditor):
    from django.utils import timezone

    make_events(2)
    today = timezone.localdate().isoformat()
    query = {"action": "cases.", "date_from": today, "date_to": today}
    assert len(client.get(SEARCH, query).context["events"]) == 2
    assert client.get(SEARCH, {"date_to": "2000-01-01"}).context["events"] == []
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    assert client.get(SEARCH, {"date_from": tomorrow}).context["events"] == []


def test_a_backwards_date_range_is_refused_with_a_message(client, auditor):
    response = client.get(SEARCH, {"date_from": "2026-02-01", "date_to": "2026-01-01"})
    assert response.status_code == 400
    assert response.context["form"].errors["date_to"]


def test_pages_follow_the_sequence_without_repeats(client, auditor):
    created = [event.seq for event in make_events(120)]
    query = {"action": "cases.case.update"}
    first = client.get(SEARCH, query)
    page1 = [e.seq for e in first.context["events"]]
    assert len(page1) == 50
    assert first.context["newer_than"] is None
    older = first.context["older_than"]
    second = client.get(SEARCH, {**query, "before": older})
    page2 = [e.seq for e in second.context["events"]]
    assert page2 == list(range(page1[-1] - 1, page1[-1] - 51, -1))
    third = client.get(SEARCH, {**query, "before": second.context["older_than"]})
    page3 = [e.seq for e in third.context["events"]]
    assert third.context["older_than"] is None
    assert sorted(page1 + page2 + page3) == created
    back = client.get(SEARCH, {**query, "after": second.context["newer_than"]})
    assert [e.seq for e in back.context["events"]] == page1


def test_the_list_costs_the_same_queries_whatever_the_size(
    client, auditor, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_events(5)
    client.get(SEARCH)
    with CaptureQueriesContext(connection) as small:
        assert client.get(SEARCH).status_code == 200
    make_events(495)
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(SEARCH).status_code == 200


def test_detail_shows_the_changes(client, auditor):
    event = log_action(
        action="accounts.user.update",
        object_type="accounts.user",
        object_id="3",
        before={"name": "张三", "active": True},
        after={"name": "张三丰", "active": True},
    )
    response = client.get(reverse("audit:detail", args=[event.seq]))
    assert response.status_code == 200
    diff = {line.key: line for line in response.context["diff"]}
    assert diff["name"].changed
    assert not diff["active"].changed
    assert response.context["hash_ok"]
    assert "张三丰" in response.content.decode()


def test_detail_of_a_missing_event_is_not_found(client, auditor):
    assert client.get("/audit/999999/", follow=True).status_code == 404


def test_export_gives_the_filtered_events_and_is_recorded(client, auditor):
    make_events(3, action="cases.case.submit", reason='=HYPERLINK("http://x")')
    make_events(2, action="accounts.user.create")
    response = client.post(reverse("audit:export"), {"action": "cases."})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + 3
    assert {row[5] for row in rows[1:]} == {"cases.case.submit"}
    # A value that looks like a formula stays text.
    assert rows[1][10] == '=HYPERLINK("http://x")'
    assert sheet.cell(row=2, column=11).data_type == "s"
    export = AuditEvent.objects.get(action="audit.auditevent.export")
    assert export.actor == auditor
    assert export.after == {"filters": {"action": "cases."}}


def test_export_with_bad_filters_writes_nothing(client, auditor):
    response = client.post(reverse("audit:export"), {"date_from": "not a date"})
    assert response.status_code == 400
    assert not AuditEvent.objects.filter(action="audit.auditevent.export").exists()

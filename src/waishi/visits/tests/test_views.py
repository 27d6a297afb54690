"""A visit from the plan to the outcome report through the pages, and the API's lists."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from waishi.cases.actions import do_transition
from waishi.cases.refusals import TransitionRefused
from waishi.visits.models import PlanVersion, Visit

pytestmark = pytest.mark.django_db


def test_plan_to_outcome_report_through_the_pages(
    liaison: Any, head: Any, officer: Any, division: Any, client: Any, monkeypatch: Any
) -> None:
    arrival = datetime.date.today() + datetime.timedelta(days=40)
    client.force_login(liaison)
    page = client.get(reverse("visits:new"))
    key = page.context["form"].initial["idempotency_key"]
    form = {
        "idempotency_key": key,
        "title": "汉堡市代表团来访",
        "purpose": "友好城市交流",
        "country": "DE",
        "arrival_date": arrival.isoformat(),
        "departure_date": (arrival + datetime.timedelta(days=5)).isoformat(),
        "hosting_class": "full",
    }
    response = client.post(reverse("visits:new"), form)
    assert response.status_code == 302
    # A second click with the same form files nothing more.
    client.post(reverse("visits:new"), form)
    assert Visit.objects.count() == 1
    visit = Visit.objects.get()
    ref = visit.case.reference
    edit = reverse("visits:edit", args=[ref])
    client.post(
        edit,
        {
            "part": "guests",
            "name": "米勒",
            "foreign_names": "Anna Müller",
            "sex": "female",
            "date_of_birth": "1970-05-01",
            "nationality": "DE",
            "rank_class": "minister",
            "is_head": "on",
            "title": "市长",
        },
    )
    client.post(
        edit,
        {
            "part": "schedule",
            "starts_at": f"{arrival}T10:00",
            "place": "市政府",
            "activity": "会见",
            "kind": "meeting",
            "city_leader": "王市长",
            "leader_requested_on": (arrival - datetime.timedelta(days=10)).isoformat(),
            "leader_approved_on": (arrival - datetime.timedelta(days=8)).isoformat(),
        },
    )
    guest = visit.guests.get()
    client.post(
        edit,
        {
            "part": "gifts",
            "recipient": guest.pk,
            "item": "端砚",
            "value": "380",
            "approved_by": "李局长",
            "approved_on": arrival.isoformat(),
        },
    )
    bad = client.post(
        edit, {"part": "schedule", "starts_at": "", "place": "", "activity": "", "kind": "banquet"}
    )
    assert bad.status_code == 200 and visit.schedule.count() == 1
    case = do_transition(case=visit.case, transition="submit", actor=liaison)
    assert PlanVersion.objects.filter(visit=visit, number=1).exists()
    # Six hosted days: the approval waits for the warning to be accepted with a reason.
    detail = client.get(reverse("cases:detail", args=[ref])).content.decode()
    assert "hosted_days" in detail
    client.force_login(head)
    with pytest.raises(TransitionRefused):
        do_transition(case=case, transition="approve", actor=head)
    client.post(
        reverse("visits:override", args=[ref]),
        {"rule_code": "hosted_days", "reason": "对等接待协议待签"},
    )
    case = do_transition(case=case, transition="approve", actor=head)
    assert case.status == "approved"
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: arrival)
    case = do_transition(case=case, transition="record_held", actor=liaison)
    client.force_login(liaison)
    client.post(
        reverse("visits:outcome", args=[ref]),
        {"outcome_report": "签署友好交流备忘录", "actual_cost": "18000"},
    )
    case = do_transition(case=case, transition="submit_report", actor=liaison)
    assert case.status == "reported"
    visit.refresh_from_db()
    assert visit.outcome_report == "签署友好交流备忘录"


def test_a_stale_plan_form_is_refused_and_changes_nothing(
    make_visit: Callable[..., Any], liaison: Any, client: Any
) -> None:
    visit = make_visit()
    client.force_login(liaison)
    form = {
        "version": visit.version - 1,
        "purpose": "改动",
        "country": "DE",
        "arrival_date": visit.arrival_date.isoformat(),
        "departure_date": visit.departure_date.isoformat(),
        "hosting_class": "full",
    }
    response = client.post(
        reverse("visits:edit", args=[visit.case.reference]), {"part": "basics", **form}
    )
    assert response.status_code == 409
    visit.refresh_from_db()
    assert visit.purpose != "改动"


def test_the_api_lists_an_agencys_own_visits_only(
    make_visit: Callable[..., Any],
    liaison: Any,
    other_liaison: Any,
    client: Any,
    django_assert_max_num_queries: Any,
) -> None:
    mine = make_visit()
    make_visit(actor=other_liaison, agency=other_liaison.agency)
    client.force_login(liaison)
    client.get("/api/v1/visits/")
    with django_assert_max_num_queries(6):
        body = client.get("/api/v1/visits/").json()
    assert [row["reference"] for row in body["items"]] == [mine.case.reference]
    assert client.get("/api/v1/visits/gifts").status_code == 200


def test_a_visit_the_bureau_hosts_is_filed_and_moved_by_the_division(
    make_visit: Callable[..., Any], officer: Any, liaison: Any
) -> None:
    visit = make_visit(actor=officer, agency=liaison.agency)
    assert visit.bureau_hosts
    case = do_transition(case=visit.case, transition="submit", actor=officer)
    assert case.status == "review"
    # The agency on record sees it but does not file the bureau's plan.
    with pytest.raises(TransitionRefused):
        do_transition(case=case, transition="cancel", actor=liaison, inputs={"reason": "x"})


def test_the_years_figures_download_as_a_workbook(
    make_visit: Callable[..., Any], head: Any, client: Any
) -> None:
    import io

    from openpyxl import load_workbook

    visit = make_visit(arrival=datetime.date.today())
    do_transition(case=visit.case, transition="submit", actor=visit.case.created_by)
    from waishi.visits import actions
    from waishi.visits.checking import check_stored_visit

    for warning in check_stored_visit(visit).open:
        actions.do_override_warning(
            actor=head, visit=visit, rule_code=warning.rule_code, reason="同意"
        )
    do_transition(case=visit.case, transition="approve", actor=head)
    client.force_login(head)
    response = client.get(
        reverse("visits:statistics"), {"year": visit.arrival_date.year, "format": "xlsx"}
    )
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book.worksheets[0].values)
    assert rows[-1][1] == 1  # the year's one approved visit

"""The missions API for agencies' own systems: draft, fill, read back, file — as in the UI."""

import datetime
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test.utils import CaptureQueriesContext

from waishi.api.tests.factories import bearer, make_token
from waishi.audit.models import AuditEvent
from waishi.cases.models import Case
from waishi.missions.models import Mission

from .factories import PlannedMissionFactory, TravellerFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class Api:
    """A client of /api/v1/missions/ with an agency token (or a signed-in session)."""

    def __init__(self, client: Any, secret: str | None = None) -> None:
        self.client = client
        self.headers = bearer(secret) if secret else {}

    def __call__(self, method: str, path: str = "", body: Any = None, **headers: str) -> Any:
        kwargs: dict[str, Any] = {"headers": {**self.headers, **headers}}
        if body is not None:
            kwargs["data"] = json.dumps(body, cls=DjangoJSONEncoder)
            kwargs["content_type"] = "application/json"
        return getattr(self.client, method)(f"/api/v1/missions/{path}", **kwargs)


@pytest.fixture
def api(client: Any, liaison: Any) -> Api:
    return Api(client, make_token(liaison)[1])


@pytest.fixture
def other_api(client: Any, other_liaison: Any) -> Api:
    return Api(client, make_token(other_liaison)[1])


def parts(agency: Any) -> dict[str, Any]:
    """Every part of a complete application, as an agency system sends it."""
    start = datetime.date.today() + datetime.timedelta(days=70)
    people = [TravellerFactory(agency=agency, name=n) for n in ("林国华", "陈思远", "黄晓敏")]
    planned = PlannedMissionFactory(plan__agency=agency, plan__year=start.year)
    return {
        "basics": {
            "purpose": "考察职业教育合作",
            "academic_exchange": False,
            "departure_date": start,
            "return_date": start + datetime.timedelta(days=4),
            "planned_mission": planned.pk,
        },
        "members": [
            {"traveller": people[0].pk, "leader": True, "role": "团长"},
            {"traveller": people[1].pk},
            {"traveller": people[2].pk, "role": "翻译"},
        ],
        "destinations": [
            {"country": "NL", "city": "Amsterdam", "transit": True, "airside_only": True},
            {"country": "DE", "city": "Berlin", "tasks": "会谈职业教育合作"},
        ],
        "itinerary": [
            {
                "date": start + datetime.timedelta(days=d),
                "half": half,
                "city": "Berlin",
                "activity": "会谈",
                "kind": "official",
            }
            for d in range(5)
            for half in ("morning", "afternoon")
        ],
        "inviter": {
            "name": "Berlin Senate Department for Education",
            "country": "DE",
            "contact": "info@example.de",
            "relation": "友好城市教育部门",
            "kind": "counterpart",
        },
        "budget": {
            "funding_source": "部门预算",
            "lines": [
                {
                    "category": "lodging",
                    "country": "DE",
                    "city": "Berlin",
                    "currency": "EUR",
                    "amount": "1800.00",
                    "amount_rmb": "14040.00",
                    "persons": 3,
                    "days": 4,
                }
            ],
        },
        "disclosure": {
            "start": datetime.date.today() - datetime.timedelta(days=20),
            "end": datetime.date.today() - datetime.timedelta(days=6),
            "place": "单位内网",
        },
    }


def create(api: Api, title: str = "赴德国开展职业教育交流", **headers: str) -> dict[str, Any]:
    response = api("post", "", {"title": title}, **headers)
    assert response.status_code == 201, response.content
    return dict(response.json())


def test_an_agency_system_opens_fills_and_reads_back_a_draft(
    api: Api, liaison: Any, division: Any
) -> None:
    first = create(api, **{"Idempotency-Key": "draft-1"})
    assert create(api, **{"Idempotency-Key": "draft-1"})["reference"] == first["reference"]
    assert Case.objects.filter(case_type="CG").count() == 1
    reference, sent = first["reference"], parts(liaison.agency)
    response = api("patch", reference, {"expected_version": first["version"], **sent})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body == api("get", reference).json()
    assert body["version"] == first["version"] + 7
    assert body["basics"]["planned_mission"] == sent["basics"]["planned_mission"]
    assert [m["name"] for m in body["members"]] == ["林国华", "陈思远", "黄晓敏"]
    assert [m["leader"] for m in body["members"]] == [True, False, False]
    assert [(d["country"], d["transit"]) for d in body["destinations"]] == [
        ("NL", True),
        ("DE", False),
    ]
    assert len(body["itinerary"]) == 10
    assert body["inviter"]["kind"] == "counterpart" and body["inviter"]["letter"] is False
    assert body["budget"]["total_rmb"] == "14040.00"
    assert body["disclosure"]["place"] == "单位内网"
    # The live check says what is still missing: the invitation letter.
    assert body["check"]["missing"] and body["check"]["violations"] == []
    verbs = set(
        AuditEvent.objects.filter(
            actor_id=liaison.pk, action__startswith="missions.mission."
        ).values_list("action", flat=True)
    )
    assert {
        "missions.mission.save_basics",
        "missions.mission.set_members",
        "missions.mission.set_destinations",
        "missions.mission.set_itinerary",
        "missions.mission.save_inviter",
        "missions.mission.set_budget",
        "missions.mission.save_disclosure",
    } <= verbs


def test_the_invitation_letter_is_uploaded_as_a_file(client: Any, api: Api, liaison: Any) -> None:
    draft = create(api)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        f"/api/v1/missions/{draft['reference']}/invitation",
        {
            "expected_version": draft["version"],
            "letter": SimpleUploadedFile("invitation.pdf", PDF, "application/pdf"),
        },
        headers=api.headers,
    )
    assert response.status_code == 200, response.content
    assert response.json()["inviter"]["letter"] is True
    assert Mission.objects.get(case__reference=draft["reference"]).invitation_letter_id


def test_a_bad_part_is_refused_and_changes_nothing(api: Api, liaison: Any, make_user: Any) -> None:
    draft = create(api)
    reference, sent = draft["reference"], parts(liaison.agency)
    api("patch", reference, {"expected_version": draft["version"], "members": sent["members"]})
    before = api("get", reference).json()
    events = AuditEvent.objects.count()
    stranger = TravellerFactory()  # in another agency's register
    bad_member = {
        "expected_version": before["version"],
        "basics": sent["basics"],
        "members": [{"traveller": stranger.pk, "leader": True}],
    }
    response = api("patch", reference, bad_member)
    assert response.status_code == 422 and response.json()["code"] == "unknown_traveller"
    bad_country = {
        "expected_version": before["version"],
        "basics": sent["basics"],
        "destinations": [{"country": "ZZ"}],
    }
    response = api("patch", reference, bad_country)
    assert response.status_code == 422 and response.json()["code"] == "invalid_application"
    bad_kind = {"expected_version": before["version"], "itinerary": [{"date": "x", "half": "noon"}]}
    assert api("patch", reference, bad_kind).status_code == 422
    assert api("get", reference).json() == before
    assert AuditEvent.objects.count() == events


def test_a_stale_version_is_a_conflict(api: Api) -> None:
    draft = create(api)
    body = {"expected_version": draft["version"], "basics": {"purpose": "第一稿"}}
    assert api("patch", draft["reference"], body).status_code == 200
    response = api("patch", draft["reference"], {**body, "basics": {"purpose": "旧稿"}})
    assert response.status_code == 409
    assert response.json()["details"] == {"version": draft["version"] + 1}
    assert api("get", draft["reference"]).json()["basics"]["purpose"] == "第一稿"


def test_another_agencys_liaison_finds_nothing(
    api: Api, other_api: Api, confirmed: Callable[..., Any]
) -> None:
    mission = confirmed()
    reference = mission.case.reference
    for method, path, body in [
        ("get", reference, None),
        ("patch", reference, {"expected_version": mission.version, "basics": {"purpose": "x"}}),
        ("post", f"{reference}/confirm", {"expected_version": mission.version}),
        ("post", f"{reference}/submit", {}),
    ]:
        response = other_api(method, path, body)
        assert response.status_code == 404, (method, path)
        assert response.json()["code"] == "not_found"
    assert Case.objects.get(pk=mission.case_id).status == "draft"
    assert Mission.objects.get(pk=mission.pk).version == mission.version


def test_a_block_refuses_filing_with_each_violation_and_its_source(
    api: Api, confirmed: Callable[..., Any]
) -> None:
    mission = confirmed(members=7)
    response = api("post", f"{mission.case.reference}/submit", {})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "filing_refused"
    [violation] = body["details"]["violations"]
    assert violation["rule_code"] == "delegation_size" and violation["field"] == "members"
    assert violation["severity"] == "block"
    assert "7" in violation["message"] and "中办发〔2013〕16号" in violation["citation"]
    assert body["details"]["missing"] == []
    assert Case.objects.get(pk=mission.case_id).status == "draft"
    assert not Mission.objects.get(pk=mission.pk).verdicts.exists()


def test_filing_answers_the_recorded_verdict_once_per_key(
    api: Api, confirmed: Callable[..., Any], liaison: Any
) -> None:
    mission = confirmed(tourist=True)
    path, key = f"{mission.case.reference}/submit", {"Idempotency-Key": "file-1"}
    first = api("post", path, {"expected_version": mission.case.version}, **key)
    assert first.status_code == 200, first.content
    body = first.json()
    assert body["status"] == "submitted" and body["case_version"] == mission.case.version + 1
    [warning] = body["verdict"]["violations"]
    assert (warning["rule_code"], warning["severity"], warning["field"]) == (
        "tourist_sites",
        "warning",
        "itinerary",
    )
    assert warning["citation"] and warning["accepted_by"] is None
    again = api("post", path, {"expected_version": mission.case.version}, **key)
    assert again.status_code == 200 and again.json() == body
    assert Mission.objects.get(pk=mission.pk).verdicts.count() == 1
    assert (
        AuditEvent.objects.filter(action="missions.mission.submit", actor_id=liaison.pk).count()
        == 1
    )
    stale = api("post", path, {"expected_version": mission.case.version})
    assert stale.status_code == 409


def test_filing_waits_for_the_signatory_who_confirms_in_a_session(
    client: Any, api: Api, draft: Callable[..., Any], signatory: Any
) -> None:
    mission = draft()
    reference = mission.case.reference
    response = api("post", f"{reference}/submit", {}, **{"Accept-Language": "en"})
    assert response.status_code == 422
    assert response.json()["details"]["reasons"] == [
        "The agency signatory has not confirmed the application yet."
    ]
    # The liaison officer's token may not confirm; the signatory, signed in, may.
    refused = api("post", f"{reference}/confirm", {"expected_version": mission.version})
    assert refused.status_code == 403
    client.force_login(signatory)
    session = Api(client)
    confirmed = session("post", f"{reference}/confirm", {"expected_version": mission.version})
    assert confirmed.status_code == 200 and confirmed.json()["confirmed_at"]
    client.logout()
    assert api("post", f"{reference}/submit", {}).json()["status"] == "submitted"


def test_bureau_staff_read_but_do_not_edit(
    client: Any, confirmed: Callable[..., Any], officer: Any
) -> None:
    mission = confirmed()
    client.force_login(officer)
    session = Api(client)
    assert session("get", mission.case.reference).status_code == 200
    response = session(
        "patch", mission.case.reference, {"expected_version": mission.version, "basics": {}}
    )
    assert response.status_code == 403


def test_the_register_shows_the_agencys_own_people_with_masked_ids(api: Api, liaison: Any) -> None:
    own = TravellerFactory(agency=liaison.agency, id_number="11010519491231002X")
    TravellerFactory()  # another agency's
    response = api("get", "travellers")
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["id"] == own.pk and "11010519491231002X" not in item["id_number"]
    assert item["id_number"].endswith("002X") or "*" in item["id_number"]


def queries(call: Callable[[], Any]) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert call().status_code == 200
    return len(captured.captured_queries)


def test_lists_and_the_detail_cost_the_same_whatever_their_size(
    api: Api, draft: Callable[..., Any], liaison: Any
) -> None:
    small, large = draft(members=2, days=2), draft(members=6, days=5)
    api("get", small.case.reference)  # warm caches
    detail = [queries(lambda m=m: api("get", m.case.reference)) for m in (small, large)]
    assert detail[0] == detail[1]
    register = queries(lambda: api("get", "travellers?limit=100"))
    for _ in range(20):
        TravellerFactory(agency=liaison.agency)
    assert queries(lambda: api("get", "travellers?limit=100")) == register


def test_a_suspended_agency_is_told_why_by_the_api_and_nothing_is_written(
    api: Api, agency: Any
) -> None:
    from django.utils import translation

    from waishi.cases.standing import (
        SuspensionSource,
        do_impose_suspension,
        register_suspension_source,
    )

    register_suspension_source(SuspensionSource("tests.missions_api", "Test source"))
    do_impose_suspension(
        agency=agency, source="tests.missions_api", reasons="两份护照逾期未交。", case_types=["CG"]
    )
    before = Case.objects.count()
    with translation.override("zh-hans"):
        response = api("post", "", {"title": "赴日本考察"}, **{"Accept-Language": "zh-hans"})
    assert response.status_code in (400, 409, 422)
    text = json.dumps(response.json(), ensure_ascii=False)
    assert "两份护照逾期未交" in text and "暂停" in text
    assert Case.objects.count() == before

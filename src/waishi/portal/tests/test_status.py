"""The public status look-up: reference and verification code, nothing personal, rate-limited."""

import re
from collections.abc import Iterator
from typing import Any

import pytest

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import AgencyFactory, DivisionFactory
from waishi.cases.actions import do_add_timeline_entry, do_create_case, do_transition
from waishi.cases.constants import EntryKind
from waishi.cases.registry import register_case_type, unregister_case_type
from waishi.cases.tests.demo_type import DEMO_CODE, DEMO_DIVISION, DEMO_TYPE

pytestmark = pytest.mark.django_db
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture(autouse=True)
def case_type() -> Iterator[Any]:
    register_case_type(DEMO_TYPE)
    yield DEMO_TYPE
    unregister_case_type(DEMO_CODE)


@pytest.fixture
def case(make_user: Any) -> Any:
    agency = AgencyFactory(name_zh_hans="市教育局")
    DivisionFactory(code=DEMO_DIVISION)
    liaison = make_user(Role.LIAISON_OFFICER, agency=agency, full_name="李联络")
    case = do_create_case(
        actor=liaison, case_type=DEMO_CODE, agency=agency, title="张三赴新加坡考察"
    )
    do_transition(case=case, transition="submit", actor=liaison)
    do_add_timeline_entry(
        case=case, actor=None, kind=EntryKind.NOTE, text="内部意见：材料待补", is_public=False
    )
    do_add_timeline_entry(
        case=case, actor=None, kind=EntryKind.COMMENT, text="请补充邀请函译文", is_public=True
    )
    case.refresh_from_db()
    return case


def look_up(client: Any, reference: str, code: str, language: str = "zh-hans") -> Any:
    return client.post(f"/{language}/status/", {"reference": reference, "code": code})


def test_reference_and_code_show_status_and_public_timeline(
    client: Any, portal: Any, case: Any
) -> None:
    response = look_up(client, case.reference, case.verification_code)
    content = response.content.decode()
    assert response.status_code == 200
    assert case.reference in content
    assert "Submitted" in content or "已提交" in content
    # Nothing personal, no comment text, internal or public, no case title or people.
    for secret in ("张三赴新加坡考察", "内部意见", "请补充邀请函译文", "李联络", "市教育局"):
        assert secret not in content


def test_code_is_accepted_in_lower_case_and_with_spaces(
    client: Any, portal: Any, case: Any
) -> None:
    response = look_up(client, f" {case.reference.lower()} ", f" {case.verification_code.lower()} ")
    assert 'data-testid="case-status"' in response.content.decode()


def test_wrong_code_gets_the_same_answer_as_an_unknown_reference(
    client: Any, portal: Any, case: Any
) -> None:
    wrong = look_up(client, case.reference, "ZZZZZZZZ").content.decode()
    unknown = look_up(client, "XX-2026-99999", "ZZZZZZZZ").content.decode()
    wrong = CSRF.sub("", wrong.replace(case.reference, "XX-2026-99999"))
    assert 'data-testid="case-status"' not in wrong
    assert wrong == CSRF.sub("", unknown)


def test_eleventh_look_up_in_ten_minutes_is_refused_in_the_visitor_language(
    client: Any, portal: Any, case: Any
) -> None:
    for _ in range(10):
        assert look_up(client, "XX-2026-00001", "AAAAAAAA").status_code == 200
    refused = look_up(client, case.reference, case.verification_code, language="en")
    assert refused.status_code == 429
    assert "Too many look-ups" in refused.content.decode()
    assert 'data-testid="case-status"' not in refused.content.decode()


def test_rate_limit_counts_per_address(client: Any, portal: Any, case: Any) -> None:
    for _ in range(10):
        client.post("/zh-hans/status/", {"reference": "X", "code": "Y"}, REMOTE_ADDR="10.0.0.1")
    other = client.post(
        "/zh-hans/status/",
        {"reference": case.reference, "code": case.verification_code},
        REMOTE_ADDR="10.0.0.2",
    )
    assert other.status_code == 200


def test_empty_form_asks_for_both_fields(client: Any, portal: Any) -> None:
    response = client.post("/en/status/", {"reference": "", "code": ""})
    assert response.content.decode().count("This field is required.") == 2


def test_status_page_is_not_cached_and_carries_a_csrf_token(client: Any, portal: Any) -> None:
    response = client.get("/zh-hans/status/")
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert response.get("X-Portal-Cache") is None


def test_the_link_in_a_documents_qr_code_looks_the_case_up(
    client: Any, portal: Any, case: Any
) -> None:
    response = client.get(
        "/zh-hans/status/",
        {"reference": case.reference, "code": case.verification_code},
    )
    assert response.status_code == 200
    assert 'data-testid="case-status"' in response.content.decode()
    assert "no-cache" in response["Cache-Control"]
    wrong = client.get("/zh-hans/status/", {"reference": case.reference, "code": "ZZZZZZZZ"})
    assert 'data-testid="case-status"' not in wrong.content.decode()

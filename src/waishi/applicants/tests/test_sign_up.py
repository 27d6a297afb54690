"""Signing up with a text-message code or an e-mail link: right, wrong, expired, taken."""

import datetime
import re
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.accounts.models import User
from waishi.applicants.models import Applicant, Consent, OneTimeCode
from waishi.audit.models import AuditEvent

from .factories import ID_NUMBER

pytestmark = pytest.mark.django_db
PASSWORD = "Lotus-Pond-2026"
CAPTURE: Any = None


@pytest.fixture(autouse=True)
def _send_after_commit(django_capture_on_commit_callbacks: Any) -> None:
    # Codes are sent once the transaction that stored them commits.
    global CAPTURE
    CAPTURE = django_capture_on_commit_callbacks


def ask(client: Any, data: dict[str, str]) -> Any:
    with CAPTURE(execute=True):
        return client.post(reverse("applicants:sign_up"), data)


def send_code(client: Any, phone: str = "13712345678") -> Any:
    return ask(client, {"channel": "sms", "phone": phone})


def code_in(outbox: list[Any]) -> str:
    match = re.search(r"(?<!\d)(\d{6})(?!\d)", outbox[-1].text)
    assert match
    return match.group(1)


def details(code: str, **overrides: Any) -> dict[str, Any]:
    data = {
        "code": code,
        "real_name": "陈丽华",
        "kind": "resident",
        "id_number": ID_NUMBER,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "privacy_notice": "on",
        "sensitive_consent": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def counts() -> tuple[int, int, int]:
    return User.objects.count(), Applicant.objects.count(), Consent.objects.count()


def test_a_person_signs_up_with_a_phone_code_and_is_signed_in(client, sms_outbox):
    response = send_code(client)
    assert response.status_code == 302
    assert sms_outbox[-1].phone == "13712345678"
    code = code_in(sms_outbox)
    response = client.post(reverse("applicants:sign_up_details"), details(code))
    assert response.status_code == 302
    assert response.url == reverse("applicants:home")
    user = User.objects.get(username="13712345678")
    assert user.has_role(Role.APPLICANT)
    assert user.phone == "13712345678"
    assert user.check_password(PASSWORD)
    applicant = user.applicant
    assert applicant.id_number == ID_NUMBER
    assert applicant.phone_verified_at is not None
    assert sorted(applicant.consents.values_list("kind", "version")) == [
        ("privacy_notice", "2026-12"),
        ("sensitive_data", "2026-12"),
    ]
    assert client.get(reverse("applicants:home")).status_code == 200
    assert AuditEvent.objects.filter(action="applicants.applicant.sign_up").count() == 1


def test_the_code_is_stored_only_as_a_keyed_hash(client, sms_outbox):
    send_code(client)
    code = code_in(sms_outbox)
    row = OneTimeCode.objects.get()
    assert code not in row.secret_hash
    assert "13712345678" not in row.target_index


def test_a_wrong_code_is_refused_and_nothing_is_made(client, sms_outbox):
    send_code(client)
    code = code_in(sms_outbox)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    before = counts()
    response = client.post(reverse("applicants:sign_up_details"), details(wrong))
    assert response.status_code == 400
    assert "The code is wrong or has expired" in response.content.decode()
    assert counts() == before
    assert OneTimeCode.objects.get().attempts == 1


def test_an_expired_code_is_refused(client, sms_outbox):
    send_code(client)
    code = code_in(sms_outbox)
    OneTimeCode.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    before = counts()
    response = client.post(reverse("applicants:sign_up_details"), details(code))
    assert response.status_code == 400
    assert counts() == before


def test_a_code_still_works_in_its_last_second(client, sms_outbox):
    send_code(client)
    code = code_in(sms_outbox)
    OneTimeCode.objects.update(expires_at=timezone.now() + datetime.timedelta(seconds=5))
    response = client.post(reverse("applicants:sign_up_details"), details(code))
    assert response.status_code == 302


def test_the_fifth_wrong_try_kills_the_code(client, sms_outbox, settings):
    send_code(client)
    code = code_in(sms_outbox)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for _ in range(settings.WAISHI_APPLICANT_CODE_TRIES):
        client.post(reverse("applicants:sign_up_details"), details(wrong))
    response = client.post(reverse("applicants:sign_up_details"), details(code))
    assert response.status_code == 400
    assert not User.objects.filter(username="13712345678").exists()


def test_four_wrong_tries_leave_the_right_code_working(client, sms_outbox, settings):
    send_code(client)
    code = code_in(sms_outbox)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for _ in range(settings.WAISHI_APPLICANT_CODE_TRIES - 1):
        client.post(reverse("applicants:sign_up_details"), details(wrong))
    response = client.post(reverse("applicants:sign_up_details"), details(code))
    assert response.status_code == 302


def test_a_new_code_replaces_the_old_one(client, sms_outbox):
    send_code(client)
    first = code_in(sms_outbox)
    send_code(client)
    second = code_in(sms_outbox)
    if first != second:
        response = client.post(reverse("applicants:sign_up_details"), details(first))
        assert response.status_code == 400
    response = client.post(reverse("applicants:sign_up_details"), details(second))
    assert response.status_code == 302


def test_an_invalid_id_number_is_refused_with_the_reason(client, sms_outbox):
    send_code(client)
    code = code_in(sms_outbox)
    before = counts()
    response = client.post(
        reverse("applicants:sign_up_details"), details(code, id_number="110105194912310021")
    )
    assert response.status_code == 400
    assert "check character does not match" in response.content.decode()
    assert counts() == before
    # The code was not spent on the refused form.
    assert OneTimeCode.objects.get().used_at is None


def test_a_foreign_applicant_gives_passport_and_nationality(client, sms_outbox):
    send_code(client)
    code = code_in(sms_outbox)
    response = client.post(
        reverse("applicants:sign_up_details"),
        details(code, kind="other", id_number="", document_number="c01x00t47", nationality="DE"),
    )
    assert response.status_code == 302
    applicant = Applicant.objects.get()
    assert applicant.document_number == "C01X00T47"
    assert applicant.nationality_id == "DE"
    assert applicant.id_number == ""


def test_a_foreign_applicant_without_nationality_is_refused(client, sms_outbox):
    send_code(client)
    code = code_in(sms_outbox)
    before = counts()
    response = client.post(
        reverse("applicants:sign_up_details"),
        details(code, kind="other", id_number="", document_number="C01X00T47"),
    )
    assert response.status_code == 400
    assert counts() == before


def test_without_the_separate_consent_nobody_is_signed_up(client, sms_outbox):
    send_code(client)
    code = code_in(sms_outbox)
    before = counts()
    response = client.post(
        reverse("applicants:sign_up_details"), details(code, sensitive_consent=None)
    )
    assert response.status_code == 400
    assert counts() == before


def test_a_weak_password_is_refused_like_staff_passwords(client, sms_outbox):
    send_code(client)
    code = code_in(sms_outbox)
    before = counts()
    response = client.post(
        reverse("applicants:sign_up_details"),
        details(code, password1="alllowercase", password2="alllowercase"),
    )
    assert response.status_code == 400
    assert counts() == before


def test_a_known_and_an_unknown_number_get_the_same_answer(client, applicant, sms_outbox):
    known = send_code(client, applicant.phone)
    unknown = send_code(client, "13612345678")
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    assert len(sms_outbox) == 2


def test_a_second_account_with_a_verified_number_is_refused(client, applicant, sms_outbox):
    send_code(client, applicant.phone)
    code = code_in(sms_outbox)
    before = counts()
    response = client.post(reverse("applicants:sign_up_details"), details(code))
    assert response.status_code == 400
    assert "already has an account" in response.content.decode()
    assert counts() == before


def test_codes_are_limited_per_number(client, sms_outbox, settings):
    settings.WAISHI_APPLICANT_CODES_PER_TARGET = 3
    for _ in range(3):
        assert send_code(client).status_code == 302
    response = send_code(client)
    assert response.status_code == 400
    assert "Too many codes" in response.content.decode()
    assert len(sms_outbox) == 3
    # Another number from the same address still gets one.
    assert send_code(client, "13612345678").status_code == 302


def test_codes_are_limited_per_address(client, sms_outbox, settings):
    settings.WAISHI_APPLICANT_CODES_PER_ADDRESS = 2
    assert send_code(client, "13612345671").status_code == 302
    assert send_code(client, "13612345672").status_code == 302
    assert send_code(client, "13612345673").status_code == 400
    assert len(sms_outbox) == 2


def test_a_fixed_line_number_is_refused(client, sms_outbox):
    response = send_code(client, "0758-2222222")
    assert response.status_code == 400
    assert not sms_outbox


def test_a_person_signs_up_with_an_e_mail_link(client):
    response = ask(client, {"channel": "email", "email": "Li.Hua@Example.com"})
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+", mail.outbox[0].body)
    assert link
    path = link.group(0).split("8000", 1)[-1] if "8000" in link.group(0) else link.group(0)
    page = client.get(path)
    assert page.status_code == 200
    token = re.search(r'name="token" value="([^"]+)"', page.content.decode())
    assert token
    data = details(None, token=token.group(1), to="li.hua@example.com")
    response = client.post(reverse("applicants:sign_up_details"), data)
    assert response.status_code == 302
    user = User.objects.get(username="li.hua@example.com")
    assert user.email == "li.hua@example.com"
    assert user.applicant.email_verified_at is not None
    # The link works once.
    assert client.get(path).status_code == 302


def test_an_e_mail_link_for_another_address_is_refused(client):
    ask(client, {"channel": "email", "email": "a@example.com"})
    token = re.search(r"token=([\w-]+)", mail.outbox[0].body)
    assert token
    before = counts()
    data = details(None, token=token.group(1), to="b@example.com")
    response = client.post(reverse("applicants:sign_up_details"), data)
    assert response.status_code == 400
    assert counts() == before


def test_an_applicant_signs_in_with_the_phone_number(client, applicant):
    response = client.post(
        reverse("accounts:login"), {"username": applicant.phone, "password": "Correct-Horse-42"}
    )
    assert response.status_code == 302
    assert client.get(reverse("accounts:home")).url == reverse("applicants:home")

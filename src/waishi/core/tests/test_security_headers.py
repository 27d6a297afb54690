"""Headers every answer carries, and the management surfaces kept to their networks."""

from pathlib import Path
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import TEST_PASSWORD

SRC = Path(__file__).resolve().parents[2]


def _policy(response: Any) -> dict[str, str]:
    directives = [d.strip() for d in response.headers["Content-Security-Policy"].split(";")]
    return {d.split(" ", 1)[0]: d.partition(" ")[2] for d in directives if d}


@pytest.mark.django_db
def test_pages_allow_only_waishis_own_scripts(client: Client) -> None:
    response = client.get("/zh-hans/")
    policy = _policy(response)
    assert policy["script-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert "unsafe" not in policy["script-src"] + policy["style-src"] + policy["default-src"]
    assert "camera=()" in response.headers["Permissions-Policy"]


@pytest.mark.django_db
def test_signed_in_pages_are_never_stored_but_public_pages_may_be(
    client: Client, make_user: Any
) -> None:
    public = client.get("/zh-hans/")
    assert "no-store" not in public.headers.get("Cache-Control", "")
    make_user(Role.DIVISION_OFFICER, username="officer")
    assert client.login(username="officer", password=TEST_PASSWORD)
    inbox = client.get(reverse("cases:inbox"))
    assert inbox.status_code == 200
    assert inbox.headers["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_api_answers_to_a_token_are_never_stored(client: Client) -> None:
    response = client.get("/api/v1/cases/", HTTP_AUTHORIZATION="Bearer not-a-token")
    assert response.headers["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
@override_settings(WAISHI_ADMIN_NETWORKS=["10.8.0.0/16"])
@pytest.mark.parametrize("path", ["/admin/", "/cms/", "/api/v1/docs"])
def test_management_surfaces_answer_only_inside_the_admin_networks(
    client: Client, path: str
) -> None:
    outside = client.get(path, REMOTE_ADDR="192.0.2.7")
    assert outside.status_code == 404
    inside = client.get(path, REMOTE_ADDR="10.8.1.2")
    assert inside.status_code in {200, 301, 302}


@pytest.mark.django_db
@override_settings(WAISHI_ADMIN_NETWORKS=["10.8.0.0/16"], WAISHI_TRUSTED_PROXIES=["10.0.0.1"])
def test_a_forged_forwarded_header_does_not_open_the_cms(client: Client) -> None:
    response = client.get("/cms/", REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR="10.8.1.2")
    assert response.status_code == 404


def test_no_template_carries_inline_script_or_event_handlers() -> None:
    offenders = []
    for template in SRC.glob("*/templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        if "/pdf/" in template.as_posix():
            continue  # rendered to PDF, never served to a browser
        for marker in ("<script>", "<style>", " onclick=", " onchange=", " onsubmit=", "js:"):
            if marker in text:
                offenders.append(f"{template.relative_to(SRC)}: {marker.strip()}")
    assert offenders == []

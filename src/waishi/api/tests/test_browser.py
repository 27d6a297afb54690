"""A liaison officer creates an API token, uses it, and revokes it."""

import os

import pytest
import requests

from waishi.accounts.constants import Role
from waishi.accounts.demo import _load_bureau
from waishi.accounts.tests.factories import TEST_PASSWORD
from waishi.api.models import ApiToken

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_creates_uses_and_revokes_a_token(page, live_server, make_user, screenshot_dir):
    _load_bureau()
    make_user(Role.LIAISON_OFFICER, username="liaison", full_name="陈晓明")
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("liaison")
    page.get_by_label("密码").fill(TEST_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workspace/")

    page.get_by_role("link", name="API 令牌").click()
    page.wait_for_url("**/workspace/api-tokens/")
    page.get_by_label("名称").fill("OA 系统")
    page.get_by_test_id("create-token").click()
    secret = page.get_by_test_id("secret").inner_text().strip()
    assert secret.startswith("wst_")
    page.screenshot(path=os.path.join(screenshot_dir, "api-token-created.png"), full_page=True)

    # An outside system calls with the token alone (no browser cookies).
    auth = {"Authorization": f"Bearer {secret}", "Accept-Language": "zh-Hans"}
    me = requests.get(f"{live_server.url}/api/v1/me", headers=auth, timeout=10)
    assert me.json()["username"] == "liaison"

    page.get_by_role("link", name="返回 API 令牌列表").click()
    assert secret not in page.content()
    page.get_by_test_id("revoke").click()
    page.wait_for_url("**/workspace/api-tokens/")
    assert "已撤销" in page.get_by_test_id("tokens").inner_text()
    page.screenshot(path=os.path.join(screenshot_dir, "api-tokens-revoked.png"), full_page=True)
    assert ApiToken.objects.get().revoked_at is not None

    refused = requests.get(f"{live_server.url}/api/v1/me", headers=auth, timeout=10)
    assert refused.status_code == 401
    assert refused.json()["message"] == "请登录或提供有效的 API 令牌。"

"""A large export whose task failed: the page says so in three languages, stops polling, and
its Try again button starts the export afresh until the file is ready to download."""

import os
from typing import Any

import pytest
from test_kernel_pages import LANGUAGES, sign_in, wider_than_the_phone
from test_portal import LAPTOP, PHONE, serious_violations  # the same folder, on sys.path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("WAISHI_SHOTS_DIR", "")


def test_a_failed_export_offers_to_try_again(
    page: Any, live_server: Any, screenshot_dir: str, make_user: Any
) -> None:
    from waishi.accounts.constants import Role
    from waishi.cases.constants import ExportStatus
    from waishi.cases.models import ExportJob

    officer = make_user(Role.DIVISION_OFFICER)
    job = ExportJob.objects.create(
        user=officer, filters={"tab": "recent"}, status=ExportStatus.FAILED, total=1200
    )
    sign_in(page, live_server, officer)
    url = f"{live_server.url}/cases/exports/{job.pk}/"
    folder = SHOTS or screenshot_dir
    for language in LANGUAGES:
        page.context.add_cookies(
            [{"name": "waishi_language", "value": language, "url": live_server.url}]
        )
        page.set_viewport_size(LAPTOP)
        response = page.goto(url)
        assert response is not None and response.status == 200
        assert page.locator("html").get_attribute("lang") == language
        status = page.locator("#export-status")
        assert status.get_attribute("data-hx-trigger") is None  # nothing polls a failed job
        assert not serious_violations(page), (language, serious_violations(page))
        page.screenshot(path=os.path.join(folder, f"export-failed-{language}.png"))
        page.set_viewport_size(PHONE)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"] + 1, (language, width, wider_than_the_phone(page))
        page.screenshot(path=os.path.join(folder, f"export-failed-{language}-phone.png"))
    # In English now: try again; the new export runs and its file is offered.
    page.set_viewport_size(LAPTOP)
    page.get_by_role("button", name="Try again").click()
    page.get_by_role("link", name="Download the file").wait_for()
    retried = ExportJob.objects.exclude(pk=job.pk).get()
    assert retried.status == ExportStatus.DONE and retried.filters == {"tab": "recent"}
    assert page.url.endswith(f"/cases/exports/{retried.pk}/")
    page.screenshot(path=os.path.join(folder, "export-retried-en.png"))

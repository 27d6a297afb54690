"""Query budgets of the mission's case page and API detail: flat whatever the delegation size."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def queries_of(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("page", ["case page", "api detail"])
def test_mission_pages_cost_the_same_for_two_and_six_members(
    client: Any, draft: Callable[..., Any], officer: Any, page: str
) -> None:
    small = draft(members=2, days=2)
    large = draft(members=6, days=5)

    def url(mission: Any) -> str:
        if page == "case page":
            return str(mission.case.get_absolute_url())
        return f"/api/v1/cases/{mission.case.reference}"

    client.force_login(officer)
    client.get(url(small))  # warm caches (the bureau row, the session, the rule book)
    assert queries_of(client, url(small)) == queries_of(client, url(large))

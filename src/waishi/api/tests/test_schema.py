"""The whole published schema, fuzzed against a live server as a token user.

Every operation gets a few generated requests; none may cause a server error, and every
documented answer must match its schema.
"""

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import make_user
from waishi.api.root import api
from waishi.notifications.tests.factories import make_notifications

from .factories import bearer, make_token

# The schema is built from the API object itself (the same document /api/v1/openapi.json
# serves), so collecting the test needs no server.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())


@pytest.fixture
def token_headers(live_server):
    officer = make_user(Role.LIAISON_OFFICER)
    make_notifications(officer, 3)
    _token, secret = make_token(officer)
    headers = {**bearer(secret), "Accept-Language": "en"}
    # The run means little if the token were refused: every call would be a 401.
    me = requests.get(f"{live_server.url}/api/v1/me", headers=headers, timeout=10)
    assert me.status_code == 200, me.text
    return headers


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_errors_and_no_schema_violations(case, live_server, token_headers):
    case.call_and_validate(
        base_url=live_server.url,
        headers=token_headers,
        checks=[not_a_server_error, response_schema_conformance],
    )

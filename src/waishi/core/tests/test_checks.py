"""Django's system checks pass on the database the tests run on (SQLite or PostgreSQL)."""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_system_checks_pass():
    out = StringIO()
    call_command("check", stdout=out)
    assert "no issues" in out.getvalue()

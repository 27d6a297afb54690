"""Fixtures of the registers tests."""

from collections.abc import Iterator

import pytest

from waishi.registers import countries


@pytest.fixture(autouse=True)
def _forget_changed_countries() -> Iterator[None]:
    """A test that changes a country leaves no changed copy of the register behind."""
    yield
    if countries.is_loaded():
        countries.clear_cache()

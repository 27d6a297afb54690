from typing import Any

import pytest
from django.core.cache import cache

from .factories import Portal, build_portal


@pytest.fixture(autouse=True)
def _empty_cache() -> Any:
    # Page cache and rate-limit counters live in the cache; each test starts clean.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def portal(db: Any) -> Portal:
    return build_portal()

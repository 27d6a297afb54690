from typing import Any

import pytest

from waishi.cases.testing import DivisionFactory

from .models import CASE_TYPE


@pytest.fixture
def division(db: Any) -> Any:
    return DivisionFactory(case_type=CASE_TYPE, name_zh_hans="翻译科")

from collections.abc import Iterator

import pytest

from waishi.notifications.sms import MemorySmsSender


@pytest.fixture(autouse=True)
def sms_outbox(settings: object) -> Iterator[list]:
    """A clean SMS outbox per test, with the memory sender in place."""
    settings.WAISHI_SMS_BACKEND = "waishi.notifications.sms.MemorySmsSender"  # type: ignore[attr-defined]
    MemorySmsSender.outbox.clear()
    yield MemorySmsSender.outbox
    MemorySmsSender.outbox.clear()

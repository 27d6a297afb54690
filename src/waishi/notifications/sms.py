"""Sending text messages. The sender class is chosen by the WAISHI_SMS_BACKEND setting.

Real gateways implement ``SmsSender``; Waishi ships a console sender for development and a
memory sender for tests (``MemorySmsSender.outbox``, like ``django.core.mail.outbox``).
"""

import logging
from dataclasses import dataclass
from typing import ClassVar, Protocol

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("waishi.notifications.sms")

DEFAULT_BACKEND = "waishi.notifications.sms.ConsoleSmsSender"


class SmsSender(Protocol):
    def send(self, phone: str, text: str) -> None:
        """Send ``text`` to ``phone``; raise on a failure the task should record."""


@dataclass(frozen=True)
class SmsMessage:
    phone: str
    text: str


class ConsoleSmsSender:
    """Writes each message to the log instead of sending it."""

    def send(self, phone: str, text: str) -> None:
        logger.info("SMS to %s: %s", phone, text)


class MemorySmsSender:
    """Keeps messages in ``outbox`` for tests to read."""

    outbox: ClassVar[list[SmsMessage]] = []

    def send(self, phone: str, text: str) -> None:
        self.outbox.append(SmsMessage(phone, text))


def get_sms_sender() -> SmsSender:
    """An instance of the configured sender."""
    path = getattr(settings, "WAISHI_SMS_BACKEND", "") or DEFAULT_BACKEND
    sender_class = import_string(path)
    return sender_class()

"""Channels a notification travels by, and list sizes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    IN_APP = "in_app", _("In Waishi")
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("Text message (SMS)")


# Notifications shown per page of the list; older ones follow through a keyset link.
PAGE_SIZE = 20
# The most recipients one call of ``notify`` accepts; a larger audience is a broadcast and
# belongs in a different tool.
MAX_RECIPIENTS = 500
# Longest text sent by SMS: gateways split beyond 70 Chinese characters, so messages are
# cut to two segments.
SMS_MAX_CHARS = 140

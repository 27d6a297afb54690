"""Field definitions shared by the missions models, kept in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _


def id_number_field() -> models.Field:  # type: ignore[type-arg]
    """The resident ID number of a traveller (GB 11643).

    Once ``waishi.core.pii`` offers its encrypted field with a blind index, this is the one
    line to change.
    """
    return models.CharField(_("resident ID number"), max_length=18, blank=True)

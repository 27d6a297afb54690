"""Field definitions shared by the missions models, kept in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from waishi.core import pii
from waishi.core.validators import validate_resident_id


def id_number_field() -> models.Field:  # type: ignore[type-arg]
    """The resident ID number of a traveller (GB 11643), encrypted at rest."""
    return pii.EncryptedTextField(
        _("resident ID number"),
        kind=pii.Kind.ID,
        blank=True,
        validators=[validate_resident_id],
    )


def id_number_index_field() -> models.Field:  # type: ignore[type-arg]
    """The blind index that finds a traveller by exact ID number."""
    return pii.BlindIndexField(source="id_number")

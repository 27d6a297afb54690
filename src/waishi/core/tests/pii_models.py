"""Models used only by the personal-data tests, in a registry of their own.

They live outside Django's app registry (``Meta.apps``), so no migration ever sees them;
``conftest.py`` creates their tables in the test database.
"""

from django.apps.registry import Apps
from django.db import models

from waishi.core import pii

test_apps = Apps()


class Specimen(models.Model):
    name = models.CharField("name", max_length=50, default="")
    id_number = pii.EncryptedTextField("ID number", kind=pii.Kind.ID, blank=True)
    id_number_index = pii.BlindIndexField(source="id_number")
    passport_number = pii.EncryptedTextField("passport number", kind=pii.Kind.PASSPORT, blank=True)
    phone = pii.EncryptedTextField("phone", kind=pii.Kind.PHONE, blank=True, null=True)

    objects = pii.PiiManager()

    class Meta:
        apps = test_apps
        app_label = "pii_tests"
        db_table = "pii_tests_specimen"

    def __str__(self) -> str:
        return self.name


class Guarded(models.Model):
    """A model whose reveal needs a narrower permission and hides some objects."""

    name = models.CharField("name", max_length=50, default="")
    id_number = pii.EncryptedTextField("ID number", kind=pii.Kind.ID, blank=True)

    class Meta:
        apps = test_apps
        app_label = "pii_tests"
        db_table = "pii_tests_guarded"

    def __str__(self) -> str:
        return self.name

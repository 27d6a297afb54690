"""Tables and reveal registrations for the personal-data test models."""

from collections.abc import Iterator
from typing import Any

import pytest
import rules
from django.db import connection

from waishi.accounts.permissions import is_bureau_leader
from waishi.core import pii

from .pii_models import Guarded, Specimen

pii.register_revealable(Specimen, fields=["id_number", "phone"])
pii.register_revealable(
    Guarded,
    fields=["id_number"],
    permission="pii_tests.reveal_guarded",
    visible_to=lambda user: Guarded.objects.exclude(name="hidden"),
)
rules.add_perm("pii_tests.reveal_guarded", is_bureau_leader)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock():
        existing = connection.introspection.table_names()
        with connection.schema_editor() as editor:
            for model in (Specimen, Guarded):
                if model._meta.db_table not in existing:
                    editor.create_model(model)
    yield

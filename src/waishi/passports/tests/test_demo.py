"""The passports demo: every traveller in the register, overdue documents, a suspended agency,
a barred holder, a history the quarterly reports can read, and nothing new on a second run."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Min

from waishi.cases.models import Suspension
from waishi.passports.checks import agency_lock_reasons
from waishi.passports.constants import DocumentEventKind
from waishi.passports.models import (
    DocumentEvent,
    HandOut,
    TravelBar,
    TravelDocument,
)
from waishi.passports.models.bars import in_force_on
from waishi.passports.reports import custody_report
from waishi.registers.constants import PersonKind
from waishi.registers.models import Person, of_kind

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        "documents": TravelDocument.objects.count(),
        "hand_outs": HandOut.objects.count(),
        "events": DocumentEvent.objects.count(),
        "bars": TravelBar.objects.count(),
        "locks": Suspension.objects.count(),
    }


def test_the_demo_registers_everyone_and_shows_custody_at_work() -> None:
    call_command("demo", stdout=StringIO())
    today = datetime.date.today()
    travellers = Person.objects.filter(of_kind(PersonKind.TRAVELLER), agency__isnull=False)
    without = travellers.annotate(n=Count("travel_documents")).filter(n=0)
    assert travellers.count() > 8 and not without.exists()
    overdue = HandOut.objects.filter(closed_on__isnull=True, due_date__lt=today)
    assert overdue.count() >= 2
    lock = Suspension.objects.get(lifted_at__isnull=True)
    assert lock.agency.code == "commerce" and agency_lock_reasons(lock.agency)
    assert TravelBar.objects.filter(in_force_on(today)).count() == 1
    # Every document's history starts with its registration, on its date of issue.
    first = DocumentEvent.objects.values("document_id").annotate(day=Min("on_date"))
    assert len(first) == TravelDocument.objects.count()
    assert not DocumentEvent.objects.filter(
        kind=DocumentEventKind.REGISTERED, on_date__gt=today
    ).exists()
    # Last quarter's report has the register as it stood then.
    last_quarter_end = datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    last_quarter_end -= datetime.timedelta(days=1)
    report = custody_report(last_quarter_end.year, (last_quarter_end.month - 1) // 3 + 1)
    assert report.total.registered > 0

    before = counts()
    call_command("demo", stdout=StringIO())
    assert counts() == before

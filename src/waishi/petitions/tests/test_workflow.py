"""The life of a complaint: every step as every role, the guards, and recording it."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from waishi.audit.models import AuditEvent
from waishi.cases.actions import do_transition
from waishi.cases.models import Case
from waishi.cases.refusals import TransitionRefused
from waishi.cases.testing import allowed, force_status, iter_refused, walk_transitions
from waishi.petitions.constants import CASE_TYPE, Category, Channel
from waishi.petitions.models import Petition
from waishi.petitions.workflow import WORKFLOW
from waishi.registers.models import Person

from .conftest import days_ago

pytestmark = pytest.mark.django_db

STAFF = {"officer", "head"}
# Transitions a walk can run with any text typed in (no date, number or choice to check).
FREE = {"decline", "close"}


def test_every_step_is_the_divisions_and_nothing_is_written_on_refusal(
    record: Any, case_roles: dict[str, Any]
) -> None:
    outcomes = walk_transitions(CASE_TYPE, lambda state: force_status(record(), state), case_roles)
    expected = {
        (t.name, source, role)
        for t in WORKFLOW.transitions
        if t.name in FREE
        for source in t.sources
        for role in STAFF
    }
    assert allowed(outcomes) == expected
    for outcome in iter_refused(outcomes, forbidden=False):
        # Refused for the typed dates, numbers or choices only, and only to the staff.
        assert outcome.role in STAFF, outcome
    for outcome in iter_refused(outcomes, forbidden=True):
        # The extension is the head's alone.
        assert outcome.role not in STAFF or (outcome.transition, outcome.role) == (
            "extend",
            "officer",
        ), outcome


def test_an_accusation_is_not_transferred_to_the_department_it_accuses(
    record: Any, officer: Any
) -> None:
    case = record(category=Category.ACCUSATION, against_name="某镇人民政府")
    before = (Case.objects.values().get(pk=case.pk), AuditEvent.objects.count())
    with pytest.raises(TransitionRefused) as refused:
        do_transition(
            case=case, transition="transfer", actor=officer, inputs={"to": "某镇人民政府"}
        )
    assert "accuses" in " ".join(map(str, refused.value.reasons)) or refused.value.reasons
    assert (Case.objects.values().get(pk=case.pk), AuditEvent.objects.count()) == before
    do_transition(
        case=Case.objects.get(pk=case.pk),
        transition="transfer",
        actor=officer,
        inputs={"to": "区纪委监委"},
    )


def test_a_group_visit_of_more_than_5_is_refused_and_writes_nothing(record: Any) -> None:
    counts = (Case.objects.count(), Person.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError):
        record(channel=Channel.VISIT, people_count=6)
    assert (Case.objects.count(), Person.objects.count(), AuditEvent.objects.count()) == counts
    assert record(channel=Channel.VISIT, people_count=5).petition.people_count == 5


def test_a_receipt_in_the_future_is_refused(record: Any) -> None:
    with pytest.raises(ValidationError):
        record(received_on=days_ago(-1))
    assert not Petition.objects.exists()


def test_a_double_submission_records_one_complaint(record: Any) -> None:
    first = record(key="same-key")
    second = record(key="same-key")
    assert first.pk == second.pk
    assert Petition.objects.count() == 1 and Person.objects.filter(kinds="petitioner").count() == 1


def test_the_petitioner_is_in_the_people_register(record: Any) -> None:
    case = record()
    person = case.petition.petitioner
    assert person.has_kind("petitioner") and person.agency_id is None
    assert person.phone == "13800138000"


def test_the_satisfaction_is_recorded_once_the_opinion_is_given(record: Any, officer: Any) -> None:
    from waishi.petitions.actions import do_record_satisfaction

    case = record(received_on=days_ago(3))
    with pytest.raises(ValidationError):
        do_record_satisfaction(case=case, actor=officer, satisfaction="satisfied")
    assert Petition.objects.get(case=case).satisfaction == ""
    do_transition(case=case, transition="accept", actor=officer, inputs={})
    do_transition(
        case=Case.objects.get(pk=case.pk),
        transition="reply",
        actor=officer,
        inputs={"opinion": "已协调腾退"},
    )
    do_record_satisfaction(case=case, actor=officer, satisfaction="satisfied", note="感谢")
    petition = Petition.objects.get(case=case)
    assert petition.satisfaction == "satisfied" and petition.satisfaction_note == "感谢"
    assert AuditEvent.objects.filter(action="petitions.petition.rate").count() == 1

import pytest

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import AgencyFactory, DivisionFactory
from waishi.cases import actions as case_actions
from waishi.cases.models import Case
from waishi.cases.notify import CaseEvent, notify
from waishi.cases.registry import register_case_type, unregister_case_type
from waishi.cases.tests.demo_type import DEMO_CODE, DEMO_DIVISION, DEMO_TYPE
from waishi.notifications.actions import notify as send
from waishi.notifications.listeners import on_case_event
from waishi.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency():
    return AgencyFactory()


@pytest.fixture
def case(agency, make_user):
    assignee = make_user(Role.DIVISION_OFFICER)
    return Case.objects.create(
        reference="ZZ-2026-00001",
        case_type="ZZ",
        status="review",
        agency=agency,
        assignee=assignee,
        title="赴德国友好城市访问",
    )


def recipients(kind: str) -> set[int]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True))


def test_public_transition_tells_the_assignee_and_the_agencys_liaison_officers(
    case, agency, make_user
):
    officer = make_user(Role.LIAISON_OFFICER, agency=agency)
    other_agency_officer = make_user(Role.LIAISON_OFFICER)
    signatory = make_user(Role.AGENCY_SIGNATORY, agency=agency)
    actor = make_user(Role.DIVISION_HEAD)
    on_case_event(
        CaseEvent(
            kind="transition",
            case=case,
            actor=actor,
            transition="approve",
            text="同意",
            is_public=True,
            recipients=(case.assignee_id,),
        )
    )
    assert recipients("cases.transition") == {case.assignee_id, officer.pk}
    assert other_agency_officer.pk not in recipients("cases.transition")
    assert signatory.pk not in recipients("cases.transition")
    note = Notification.objects.filter(recipient=officer).get()
    assert note.title.startswith("ZZ-2026-00001")
    assert "同意" in note.body
    assert (note.object_type, note.object_id) == ("cases.case", str(case.pk))


def test_internal_transition_is_not_told_to_the_agency(case, agency, make_user):
    officer = make_user(Role.LIAISON_OFFICER, agency=agency)
    on_case_event(
        CaseEvent(
            kind="transition",
            case=case,
            transition="assign",
            is_public=False,
            recipients=(case.assignee_id,),
        )
    )
    assert recipients("cases.transition") == {case.assignee_id}
    assert not Notification.objects.filter(recipient=officer).exists()


def test_the_actor_is_not_told_of_their_own_act(case, agency, make_user):
    officer = make_user(Role.LIAISON_OFFICER, agency=agency)
    on_case_event(
        CaseEvent(
            kind="comment",
            case=case,
            actor=officer,
            is_public=True,
            recipients=(case.assignee_id, officer.pk),
        )
    )
    assert recipients("cases.comment") == {case.assignee_id}


def test_the_listener_is_registered_with_the_case_kernel(case):
    notify(CaseEvent(kind="assignment", case=case, recipients=(case.assignee_id,)))
    assert recipients("cases.assigned") == {case.assignee_id}


@pytest.fixture
def demo_type():
    register_case_type(DEMO_TYPE)
    yield DEMO_TYPE
    unregister_case_type(DEMO_CODE)


def test_a_real_transition_reaches_the_agency_after_commit(
    demo_type, agency, make_user, django_capture_on_commit_callbacks
):
    division = DivisionFactory(code=DEMO_DIVISION)
    liaison = make_user(Role.LIAISON_OFFICER, agency=agency)
    colleague = make_user(Role.LIAISON_OFFICER, agency=agency)
    officer = make_user(Role.DIVISION_OFFICER, division=division)
    with django_capture_on_commit_callbacks(execute=True):
        case = case_actions.do_create_case(
            actor=liaison, case_type=demo_type.code, agency=agency, title="赴日本交流访问"
        )
        case = case_actions.do_transition(case=case, transition="submit", actor=liaison)
    submitted = recipients("cases.transition")
    assert liaison.pk not in submitted and colleague.pk in submitted
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        case_actions.do_transition(case=case, transition="accept", actor=officer)
    assert {liaison.pk, colleague.pk} <= recipients("cases.transition")
    note = Notification.objects.filter(recipient=liaison).get()
    assert note.title.startswith(case.reference)
    assert note.link == case.get_absolute_url()


def test_notify_costs_the_same_queries_for_many_recipients(make_user, django_assert_num_queries):
    few = [make_user(Role.DIVISION_OFFICER) for _ in range(2)]
    many = [make_user(Role.DIVISION_OFFICER) for _ in range(12)]
    # preferences, languages, one bulk insert (plus savepoint and release)
    with django_assert_num_queries(5):
        send(recipients=few, kind="cases.comment", title="x")
    with django_assert_num_queries(5):
        send(recipients=many, kind="cases.comment", title="x")

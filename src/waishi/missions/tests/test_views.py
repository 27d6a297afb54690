"""The screens of the missions area: the guided form, the register, rules, overrides."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from waishi.accounts.tests.factories import TEST_PASSWORD
from waishi.cases.actions import do_transition
from waishi.cases.models import Case
from waishi.missions.models import Mission, Override
from waishi.registers.models import Person

from .factories import TravellerFactory

pytestmark = pytest.mark.django_db

STEPS = ["basics", "members", "route", "itinerary", "inviter", "budget", "disclosure", "review"]


def client_for(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=TEST_PASSWORD)
    return client


def not_found(response: Any, client: Client) -> bool:
    """A 404, possibly after the locale middleware's redirect to the portal's prefix."""
    if response.status_code == 302 and response.url.startswith("/zh-hans/"):
        response = client.get(response.url)
    return response.status_code == 404


def step_url(mission: Mission, step: str) -> str:
    return reverse("missions:step", args=[mission.case.reference, step])


def test_starting_an_application_twice_with_one_key_files_one_case(
    liaison: Any, division: Any
) -> None:
    client = client_for(liaison)
    assert client.get(reverse("missions:new")).status_code == 200
    data = {"title": "赴日本考察", "idempotency_key": "k-1"}
    first = client.post(reverse("missions:new"), data)
    second = client.post(reverse("missions:new"), data)
    assert first.status_code == second.status_code == 302
    assert Case.objects.count() == 1
    assert first["Location"].endswith("/basics/")


def test_every_step_renders_for_the_agency(draft: Callable[..., Any], liaison: Any) -> None:
    mission = draft()
    client = client_for(liaison)
    for step in STEPS:
        response = client.get(step_url(mission, step))
        assert response.status_code == 200, step
        assert 'data-testid="live-check"' in response.text


def test_another_agency_gets_404_and_staff_are_sent_to_the_case_page(
    draft: Callable[..., Any], other_liaison: Any, officer: Any
) -> None:
    mission = draft()
    outsider = client_for(other_liaison)
    assert not_found(outsider.get(step_url(mission, "basics")), outsider)
    response = client_for(officer).get(step_url(mission, "basics"))
    assert response.status_code == 403
    assert Mission.objects.get(pk=mission.pk).version == mission.version


def test_saving_a_step_moves_on_and_a_stale_form_changes_nothing(
    draft: Callable[..., Any], liaison: Any
) -> None:
    mission = draft()
    client = client_for(liaison)
    data = {
        "version": mission.version,
        "start": "",
        "end": "",
        "place": "办公楼一楼公告栏",
        "feedback": "",
        "go": "next",
    }
    response = client.post(step_url(mission, "disclosure"), data)
    assert response.status_code == 302 and response["Location"].endswith("/review/")
    saved = Mission.objects.get(pk=mission.pk)
    assert saved.disclosure_place == "办公楼一楼公告栏" and saved.version == mission.version + 1
    stale = client.post(step_url(mission, "disclosure"), dict(data, place="别处"))
    assert stale.status_code == 409
    with translation.override("zh-hans"):
        expected = translation.gettext(
            "Someone else saved this application meanwhile. Reload the page to see "
            "their changes before you go on."
        )
    assert stale.context["error"] == expected
    assert Mission.objects.get(pk=mission.pk).disclosure_place == "办公楼一楼公告栏"


def test_an_htmx_save_answers_with_the_live_check_and_the_new_version(
    draft: Callable[..., Any], liaison: Any
) -> None:
    mission = draft(members=6)
    client = client_for(liaison)
    extra = TravellerFactory(agency=liaison.agency)
    rows = list(mission.members.all())
    data: dict[str, Any] = {
        "version": mission.version,
        "members-TOTAL_FORMS": len(rows) + 1,
        "members-INITIAL_FORMS": len(rows),
    }
    for index, member in enumerate(rows):
        data[f"members-{index}-traveller"] = member.traveller_id
        data[f"members-{index}-is_leader"] = "on" if member.is_leader else ""
    data[f"members-{len(rows)}-traveller"] = extra.pk
    response = client.post(step_url(mission, "members"), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'hx-swap-oob="true"' in response.text
    assert f'value="{mission.version + 1}"' in response.text
    assert 'data-rule="delegation_size"' in response.text
    assert Mission.objects.get(pk=mission.pk).members.count() == 7


def test_the_signatory_confirms_on_the_review_step(
    draft: Callable[..., Any], signatory: Any, liaison: Any
) -> None:
    mission = draft()
    liaison_page = client_for(liaison).get(step_url(mission, "review"))
    assert 'data-testid="confirm"' not in liaison_page.text
    client = client_for(signatory)
    assert 'data-testid="confirm"' in client.get(step_url(mission, "review")).text
    response = client.post(step_url(mission, "review"), {"version": mission.version})
    assert response.status_code == 302
    assert Mission.objects.get(pk=mission.pk).confirmed_by == signatory


def test_a_head_accepts_a_warning_on_the_case_page_and_an_agency_cannot(
    confirmed: Callable[..., Any], liaison: Any, officer: Any, head: Any
) -> None:
    mission = confirmed(tourist=True)
    do_transition(case=mission.case, transition="submit", actor=liaison)
    do_transition(case=mission.case, transition="start_review", actor=officer)
    page = client_for(head).get(mission.case.get_absolute_url())
    assert page.status_code == 200 and "missions/" in page.text
    url = reverse("missions:override", args=[mission.case.reference])
    data = {"rule_code": "tourist_sites", "message_key": "tourist_sites", "reason": "对方安排"}
    assert client_for(liaison).post(url, data).status_code == 403
    assert not Override.objects.exists()
    assert client_for(head).post(url, data).status_code == 302
    assert Override.objects.get().reason == "对方安排"


def test_registering_a_traveller_from_the_workspace(liaison: Any) -> None:
    client = client_for(liaison)
    assert client.get(reverse("missions:traveller_new")).status_code == 200
    response = client.post(
        reverse("missions:traveller_new"),
        {
            "name": "欧阳明",
            "sex": "male",
            "date_of_birth": "1975-03-02",
            "post": "处长",
            "rank": "ke_and_below",
            "id_number": "",
            "passport_name": "",
        },
    )
    assert response.status_code == 302
    assert Person.objects.get().passport_name == "OUYANG, MING"
    listing = client.get(reverse("missions:travellers"))
    assert "OUYANG, MING" in listing.text


def _edit_data(person: Person, **changes: Any) -> dict[str, Any]:
    data = {
        "name": person.name,
        "sex": person.sex,
        "date_of_birth": person.date_of_birth.isoformat(),
        "post": person.post,
        "rank": person.rank,
        "id_number": "",
        "passport_name": person.passport_name,
        "version": person.version,
    }
    return {**data, **changes}


def test_editing_a_person_never_shows_the_id_number_and_empty_keeps_it(liaison: Any) -> None:
    person = TravellerFactory(agency=liaison.agency, id_number="441202198001011231")
    client = client_for(liaison)
    url = reverse("missions:traveller_edit", args=[person.pk])
    page = client.get(url).text
    assert "441202198001011231" not in page
    assert "4412" in page and "1231" in page  # the masked number, to recognise it by
    assert client.post(url, _edit_data(person, post="副处长")).status_code == 302
    saved = Person.objects.get(pk=person.pk)
    assert saved.id_number == "441202198001011231" and saved.post == "副处长"
    assert saved.version == person.version + 1


def test_a_stale_person_edit_is_refused_with_409_and_shows_the_other_change(
    liaison: Any,
) -> None:
    person = TravellerFactory(agency=liaison.agency, post="科员")
    client = client_for(liaison)
    url = reverse("missions:traveller_edit", args=[person.pk])
    opened = _edit_data(person)
    # A colleague saves first…
    assert client.post(url, _edit_data(person, post="主任科员")).status_code == 302
    # …then the form opened earlier is sent: refused, nothing written, their change shown.
    stale = client.post(url, {**opened, "post": "处长"})
    assert stale.status_code == 409
    assert Person.objects.get(pk=person.pk).post == "主任科员"
    assert 'value="主任科员"' in stale.text
    with translation.override("zh-hans"):
        expected = translation.gettext(
            "Someone else changed this person while you were editing. The form now "
            "shows their version; make your change again and save."
        )
    assert expected in stale.text


def test_the_traveller_list_costs_the_same_queries_for_5_and_50_people(
    liaison: Any, django_assert_max_num_queries: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(liaison)
    TravellerFactory.create_batch(5, agency=liaison.agency)
    client.get(reverse("missions:travellers"))  # warms the shell's cached bureau
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("missions:travellers"))
    TravellerFactory.create_batch(45, agency=liaison.agency)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("missions:travellers"))
    assert len(few.captured_queries) == len(many.captured_queries)


def test_the_old_rules_address_leads_to_the_kernel_screen_of_missions(
    officer: Any, liaison: Any
) -> None:
    for name in ("missions:rules", "missions:rule_new"):
        response = client_for(officer).get(reverse(name))
        assert response.status_code == 302
        assert response["Location"] == reverse("cases:rules") + "?area=missions"
    page = client_for(officer).get(reverse("cases:rules") + "?area=missions")
    assert page.status_code == 200 and "中办发〔2013〕16号" in page.text
    assert client_for(liaison).get(reverse("missions:rules")).status_code == 403


def test_a_division_head_adds_a_rule_version_from_the_rules_page(head: Any, officer: Any) -> None:
    from waishi.cases.models import Rule

    old = Rule.objects.get(area="missions", code="delegation_size")
    client = client_for(head)
    page = client.get(reverse("cases:rule_new") + f"?supersedes={old.pk}")
    assert page.status_code == 200
    response = client.post(
        reverse("cases:rule_new"),
        {
            "supersedes": old.pk,
            "code": "delegation_size",
            "jurisdiction": "city",
            "area_code": "441200",
            "rank": "",
            "value": "5",
            "severity": "block",
            "effective_from": "2027-01-01",
            "citation": "市外办规定第3条",
        },
    )
    assert response.status_code == 302
    new = Rule.objects.get(supersedes=old)
    assert new.value == 5 and new.area_code == "441200"
    assert client_for(officer).get(reverse("cases:rule_new")).status_code == 403
    assert Rule.objects.filter(area="missions", code="delegation_size").count() == 2

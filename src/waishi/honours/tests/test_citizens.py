"""Honorary citizens: revocation by the same body, ending, death, the ceremony, annual contact,
and the portal's list (active titles of holders who agreed, in three languages)."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from waishi.audit.models import AuditEvent
from waishi.honours.actions import do_change_status, do_record_contact
from waishi.honours.constants import CitizenStatus, ExclusionGround, NomineeType
from waishi.honours.models import AnnualContact, HonoraryCitizen

from .conftest import TODAY, nominee
from .factories import make_citizen

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen(nominate: Any) -> HonoraryCitizen:
    return make_citizen(nominate())


def revoke(citizen: Any, actor: Any, **changes: Any) -> Any:
    values = {
        "status": CitizenStatus.REVOKED,
        "on": TODAY(),
        "reason": "因走私被判处有期徒刑",
        "ground": ExclusionGround.CRIMINAL,
        "decision": "肇常〔2026〕21号",
    }
    values.update(changes)
    return do_change_status(actor=actor, citizen=citizen, **values)


def test_the_standing_committee_revokes_a_title_with_its_ground(citizen: Any, officer: Any) -> None:
    revoked = revoke(citizen, officer)
    assert revoked.status == "revoked" and revoked.revocation_ground == "criminal"
    assert revoked.status_decision == "肇常〔2026〕21号"
    event = AuditEvent.objects.get(action="honours.citizen.revoke")
    assert event.reason == "因走私被判处有期徒刑"


@pytest.mark.parametrize(
    "changes",
    [{"decision": ""}, {"ground": ""}, {"reason": " "}, {"on": TODAY() + datetime.timedelta(1)}],
)
def test_a_revocation_without_decision_ground_reasons_or_a_proper_date_is_refused(
    citizen: Any, officer: Any, changes: dict[str, Any]
) -> None:
    with pytest.raises(ValidationError):
        revoke(citizen, officer, **changes)
    citizen.refresh_from_db()
    assert citizen.status == "active" and citizen.version == 1
    assert not AuditEvent.objects.filter(action="honours.citizen.revoke").exists()


def test_a_revoked_title_cannot_change_again(citizen: Any, officer: Any) -> None:
    revoke(citizen, officer)
    with pytest.raises(ValidationError):
        do_change_status(
            actor=officer,
            citizen=citizen,
            status=CitizenStatus.DECEASED,
            on=TODAY(),
            reason="病逝",
        )


def test_a_death_is_recorded_without_a_decision(citizen: Any, officer: Any) -> None:
    done = do_change_status(
        actor=officer, citizen=citizen, status=CitizenStatus.DECEASED, on=TODAY(), reason="病逝"
    )
    assert done.status == "deceased"


def test_an_ending_at_the_holders_request_needs_the_committees_decision(
    citizen: Any, officer: Any
) -> None:
    with pytest.raises(ValidationError):
        do_change_status(
            actor=officer,
            citizen=citizen,
            status=CitizenStatus.ENDED,
            on=TODAY(),
            reason="本人申请",
        )
    done = do_change_status(
        actor=officer,
        citizen=citizen,
        status=CitizenStatus.ENDED,
        on=TODAY(),
        reason="本人申请",
        decision="肇常〔2026〕30号",
    )
    assert done.status == "ended"


def test_only_the_overseas_chinese_division_keeps_the_register(
    citizen: Any, foreign_officer: Any, liaison: Any
) -> None:
    for actor in (foreign_officer, liaison):
        with pytest.raises(PermissionDenied):
            revoke(citizen, actor)
    citizen.refresh_from_db()
    assert citizen.status == "active"


def test_the_years_contact_is_recorded(citizen: Any, officer: Any) -> None:
    contact = do_record_contact(
        actor=officer, citizen=citizen, contacted_on=TODAY(), channel="春节慰问信"
    )
    assert contact.year == TODAY().year
    with pytest.raises(ValidationError):
        do_record_contact(actor=officer, citizen=citizen, contacted_on=TODAY(), channel="")
    assert AnnualContact.objects.count() == 1


def portal_names(client: Any, language: str) -> str:
    response = client.get(f"/{language}/honorary-citizens/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_portal_lists_only_active_citizens_who_agreed(
    client: Any, nominate: Any, officer: Any
) -> None:
    listed = make_citizen(nominate(person=nominee("陈海文")))
    make_citizen(nominate(person=nominee("李不公开"), publish_consent=False))
    revoked = make_citizen(nominate(person=nominee("王被撤销")))
    revoke(revoked, officer)
    deceased = make_citizen(nominate(person=nominee("赵已故")))
    do_change_status(
        actor=officer, citizen=deceased, status=CitizenStatus.DECEASED, on=TODAY(), reason="病逝"
    )
    page = portal_names(client, "zh-hans")
    assert "陈海文" in page and "热心侨乡教育事业" in page
    for hidden in ("李不公开", "王被撤销", "赵已故"):
        assert hidden not in page
    assert listed.publish_consent


def test_the_portal_list_speaks_three_languages(client: Any, nominate: Any) -> None:
    make_citizen(
        nominate(
            person=nominee("陈海文"),
            nominee_type=NomineeType.OVERSEAS_CHINESE,
            citation="热心侨乡教育事业",
        )
    )
    assert "陈海文" in portal_names(client, "zh-hans")
    hant = portal_names(client, "zh-hant")
    assert "陳海文" in hant and "熱心僑鄉教育事業" in hant and "華僑" in hant
    en = portal_names(client, "en")
    assert "CHAN, Hoi Man" in en and "For his support of education" in en
    assert "Overseas Chinese" in en


def test_the_portal_list_costs_the_same_for_many_citizens(
    client: Any, nominate: Any, django_assert_max_num_queries: Any
) -> None:
    make_citizen(nominate(person=nominee("甲")))
    client.get("/zh-hans/honorary-citizens/")
    for name in ("乙", "丙", "丁", "戊"):
        make_citizen(nominate(person=nominee(name)))
    with django_assert_max_num_queries(8):
        assert client.get("/zh-hans/honorary-citizens/").status_code == 200

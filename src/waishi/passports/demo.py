"""Demo data for passports: the custody register for every demo traveller, endorsements on
Hong Kong and Macao passes, a past mission of the commerce bureau whose passports are
overdue (the agency is suspended after three reminders), and one overdue document of the
education bureau with a first reminder.

Runs after the missions demo, which registers the travellers.
"""

import datetime
import random
from typing import Any, TextIO

from django.db import transaction
from django.utils import timezone

from waishi.accounts.models import User
from waishi.cases.actions import do_create_case
from waishi.core.validators import DocumentKind
from waishi.missions.constants import CASE_TYPE as MISSION_CASE_TYPE
from waishi.missions.constants import Rank
from waishi.missions.models import Destination, Mission, MissionMember, Traveller

from . import actions
from .constants import EndorsementKind, EndorsementValidity
from .custody import sweep_custody
from .models import HandOut, TravelDocument

ORDER = 50
AUTHORITY = "广东省人民政府外事办公室"


def load(*, stdout: TextIO, rng: random.Random) -> None:
    officer = User.objects.filter(username="visa").first()
    liaisons = {
        u.username: u for u in User.objects.filter(username__in=["liaison", "liaison.commerce"])
    }
    people = list(Traveller.objects.select_related("agency").order_by("id"))
    if officer is None or len(liaisons) < 2 or not people:
        stdout.write("passports: demo users or travellers missing, skipped\n")
        return
    _register(officer, people, rng)
    if not HandOut.objects.exists():
        _overdue_trips(officer, liaisons)
    stdout.write("passports: custody register, overdue documents and a suspended agency ready\n")


def _number(kind: str, rng: random.Random) -> str:
    prefix = {"service": "SE", "public_affairs": "PE", "hk_macao_official": "GA"}[kind]
    return f"{prefix}{rng.randrange(1000000, 9999999)}"


def _register(officer: User, people: list[Traveller], rng: random.Random) -> None:
    today = timezone.localdate()
    for index, person in enumerate(people):
        if TravelDocument.objects.filter(holder=person).exists():
            continue
        # Leaders hold Service Passports; other staff Passports for Public Affairs.
        kind = (
            DocumentKind.SERVICE_PASSPORT
            if person.rank in (Rank.BUREAU_LEVEL, Rank.CITY_LEADER)
            else DocumentKind.PUBLIC_AFFAIRS_PASSPORT
        )
        issued = today - datetime.timedelta(days=365 * (1 + index % 4))
        # One passport runs out within half a year, so the dashboard has something to show.
        expiry = (
            today + datetime.timedelta(days=120)
            if index == 3
            else issued + datetime.timedelta(days=3652)
        )
        actions.do_register_document(
            actor=officer,
            kind=kind,
            number=_number(kind, rng),
            holder=person,
            issue_date=issued,
            expiry_date=expiry,
            issuing_authority=AUTHORITY,
        )
        if index % 3 == 0:
            card = actions.do_register_document(
                actor=officer,
                kind=DocumentKind.HK_MACAO_OFFICIAL_PASS,
                number=_number(DocumentKind.HK_MACAO_OFFICIAL_PASS, rng),
                holder=person,
                issue_date=issued,
                expiry_date=issued + datetime.timedelta(days=1826),
                issuing_authority=AUTHORITY,
            )
            actions.do_add_endorsement(
                actor=officer,
                document=card,
                kind=EndorsementKind.VISIT,
                validity=EndorsementValidity.ONE_YEAR_MULTIPLE,
                valid_from=today - datetime.timedelta(days=30),
            )


def _past_mission(liaison: User, title: str, travellers: list[Traveller], days_ago: int) -> Mission:
    """A mission already travelled, recorded as departed (its approval is history here)."""
    today = timezone.localdate()

    def build(case: Any) -> Mission:
        mission = Mission.objects.create(
            case=case,
            purpose="经贸洽谈",
            departure_date=today - datetime.timedelta(days=days_ago),
            return_date=today - datetime.timedelta(days=days_ago - 4),
            inviter_name="Hamburg Chamber of Commerce",
            inviter_country="DE",
        )
        for order, person in enumerate(travellers):
            MissionMember.objects.create(
                mission=mission, traveller=person, is_leader=order == 0, sort_order=order
            )
        Destination.objects.create(mission=mission, country="DE", city="Hamburg", tasks="经贸洽谈")
        return mission

    with transaction.atomic():
        case = do_create_case(
            actor=liaison,
            case_type=MISSION_CASE_TYPE,
            agency=liaison.agency,
            title=title,
            build_detail=build,
        )
        case.status = "departed"
        case.save(update_fields=["status"])
    return Mission.objects.select_related("case").get(case=case)


def _hand_out_all(officer: User, mission: Mission) -> list[HandOut]:
    outs = []
    for member in mission.members.select_related("traveller"):
        document = (
            TravelDocument.objects.filter(holder=member.traveller, status="in_custody")
            .exclude(kind=DocumentKind.HK_MACAO_OFFICIAL_PASS)
            .first()
        )
        if document is not None:
            outs.append(
                actions.do_hand_out(
                    actor=officer,
                    document=document,
                    mission=mission,
                    handed_to=member.traveller.name,
                )
            )
    return outs


def _overdue_trips(officer: User, liaisons: dict[str, User]) -> None:
    commerce = liaisons["liaison.commerce"]
    people = list(Traveller.objects.filter(agency=commerce.agency).order_by("id"))
    if people:
        trip = _past_mission(commerce, "赴德国汉堡开展经贸洽谈", people, days_ago=40)
        outs = _hand_out_all(officer, trip)
        if outs:
            due = outs[0].due_date
            # Three reminders go unheeded; the sweep then suspends the commerce bureau.
            for offset in (0, 3, 6, 9):
                sweep_custody(today=due + datetime.timedelta(days=offset))
    education = liaisons["liaison"]
    people = list(Traveller.objects.filter(agency=education.agency).order_by("id"))[2:4]
    if people:
        trip = _past_mission(education, "赴德国参加职业教育论坛", people, days_ago=14)
        outs = _hand_out_all(officer, trip)
        if len(outs) == 2:
            actions.do_return_document(
                actor=officer, hand_out=outs[0], returned_by=outs[0].handed_to
            )
            sweep_custody(today=outs[1].due_date)

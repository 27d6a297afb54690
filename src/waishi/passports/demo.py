"""Demo data for passports: the custody register for every demo traveller, endorsements on
Hong Kong and Macao passes, a past mission of the commerce bureau whose passports are
overdue (the agency is suspended after three reminders), one overdue document of the
education bureau with a first reminder, and a holder barred from official travel after
losing a passport.

Runs after the missions demo (ORDER 40), which registers the travellers; whoever is in the
people register when it runs gets documents, and running it again adds documents only for
travellers registered since. Documents are entered in the register's history on their date
of issue and hand-outs on the day before departure, so the quarterly reports of past
quarters have something to show.
"""

import datetime
import io
import random
from typing import Any, TextIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from waishi.accounts.models import User
from waishi.cases.actions import do_create_case
from waishi.cases.names import set_case_names
from waishi.core.validators import DocumentKind
from waishi.missions.constants import CASE_TYPE as MISSION_CASE_TYPE
from waishi.missions.models import Destination, Mission, MissionMember
from waishi.registers.constants import PersonKind, Rank
from waishi.registers.models import Person, of_kind

from . import actions
from .bar_actions import do_bar_holder
from .constants import DocumentEventKind, DocumentStatus, EndorsementKind, EndorsementValidity
from .custody import sweep_custody
from .models import DocumentEvent, HandOut, LossReport, TravelDocument

ORDER = 50

# Officials of 处级 and above hold Service Passports; other staff Passports for Public Affairs.
SERVICE_PASSPORT_RANKS = frozenset({Rank.ZHENG_TING, Rank.FU_TING, Rank.ZHENG_CHU, Rank.FU_CHU})
AUTHORITY = "广东省人民政府外事办公室"


def load(*, stdout: TextIO, rng: random.Random) -> None:
    officer = User.objects.filter(username="visa").first()
    liaisons = {
        u.username: u for u in User.objects.filter(username__in=["liaison", "liaison.commerce"])
    }
    # The agencies' travellers: the register also holds foreign guests and others, who hold
    # no Chinese official documents.
    people = list(
        Person.objects.filter(of_kind(PersonKind.TRAVELLER), agency__isnull=False)
        .select_related("agency")
        .order_by("id")
    )
    if officer is None or len(liaisons) < 2 or not people:
        stdout.write("passports: demo users or travellers missing, skipped\n")
        return
    added = _register(officer, people, rng)
    if not HandOut.objects.exists():
        _overdue_trips(officer, liaisons)
    if not LossReport.objects.exists():
        _lost_and_barred(officer, liaisons)
    stdout.write(
        f"passports: custody register ({added} documents added for {len(people)} travellers), "
        "overdue documents, a suspended agency and a barred holder ready\n"
    )


def _number(kind: str, rng: random.Random) -> str:
    prefix = {"service": "SE", "public_affairs": "PE", "hk_macao_official": "GA"}[kind]
    return f"{prefix}{rng.randrange(1000000, 9999999)}"


def _enter(officer: User, rng: random.Random, **fields: Any) -> TravelDocument:
    """Register a document under a fresh random number, dated in the history as issued."""
    for _attempt in range(20):
        try:
            with transaction.atomic():
                document = actions.do_register_document(
                    actor=officer, number=_number(fields["kind"], rng), **fields
                )
        except ValidationError:
            continue  # The number is taken; draw another.
        DocumentEvent.objects.filter(document=document, kind=DocumentEventKind.REGISTERED).update(
            on_date=fields["issue_date"]
        )
        return document
    raise RuntimeError("no free demo document number")


def _register(officer: User, people: list[Person], rng: random.Random) -> int:
    today = timezone.localdate()
    holders = set(TravelDocument.objects.values_list("holder_id", flat=True))
    added = 0
    for index, person in enumerate(people):
        if person.pk in holders:
            continue
        kind = (
            DocumentKind.SERVICE_PASSPORT
            if person.rank in SERVICE_PASSPORT_RANKS
            else DocumentKind.PUBLIC_AFFAIRS_PASSPORT
        )
        issued = today - datetime.timedelta(days=365 * (1 + index % 4))
        # One passport runs out within half a year, so the dashboard has something to show.
        expiry = (
            today + datetime.timedelta(days=120)
            if index == 3
            else issued + datetime.timedelta(days=3652)
        )
        _enter(
            officer,
            rng,
            kind=kind,
            holder=person,
            issue_date=issued,
            expiry_date=expiry,
            issuing_authority=AUTHORITY,
        )
        added += 1
        if index % 3 == 0:
            card = _enter(
                officer,
                rng,
                kind=DocumentKind.HK_MACAO_OFFICIAL_PASS,
                holder=person,
                issue_date=issued,
                expiry_date=issued + datetime.timedelta(days=1826),
                issuing_authority=AUTHORITY,
            )
            added += 1
            actions.do_add_endorsement(
                actor=officer,
                document=card,
                kind=EndorsementKind.VISIT,
                validity=EndorsementValidity.ONE_YEAR_MULTIPLE,
                valid_from=today - datetime.timedelta(days=30),
            )
    return added


def _past_mission(liaison: User, title: str, travellers: list[Person], days_ago: int) -> Mission:
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
        set_case_names(mission.case_id, [person.name for person in travellers])
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
    """Each member's passport, signed out (as history) the day before departure."""
    assert mission.departure_date is not None
    day_before = mission.departure_date - datetime.timedelta(days=1)
    outs = []
    for member in mission.members.select_related("traveller"):
        document = (
            TravelDocument.objects.filter(holder=member.traveller, status="in_custody")
            .exclude(kind=DocumentKind.HK_MACAO_OFFICIAL_PASS)
            .first()
        )
        if document is not None:
            out = actions.do_hand_out(
                actor=officer, document=document, mission=mission, handed_to=member.traveller.name
            )
            handed = timezone.make_aware(datetime.datetime.combine(day_before, datetime.time(9)))
            HandOut.objects.filter(pk=out.pk).update(handed_out_at=handed)
            DocumentEvent.objects.filter(hand_out=out).update(on_date=day_before)
            out.handed_out_at = handed
            outs.append(out)
    return outs


def _overdue_trips(officer: User, liaisons: dict[str, User]) -> None:
    commerce = liaisons["liaison.commerce"]
    people = list(Person.objects.filter(agency=commerce.agency).order_by("id"))[:3]
    if people:
        trip = _past_mission(commerce, "赴德国汉堡开展经贸洽谈", people, days_ago=40)
        outs = _hand_out_all(officer, trip)
        if outs:
            due = outs[0].due_date
            # Three reminders go unheeded; the sweep then suspends the commerce bureau.
            for offset in (0, 3, 6, 9):
                sweep_custody(today=due + datetime.timedelta(days=offset))
    education = liaisons["liaison"]
    people = list(Person.objects.filter(agency=education.agency).order_by("id"))[2:4]
    if people:
        trip = _past_mission(education, "赴德国参加职业教育论坛", people, days_ago=16)
        outs = _hand_out_all(officer, trip)
        if len(outs) == 2 and trip.return_date is not None:
            actions.do_return_document(
                actor=officer,
                hand_out=outs[0],
                returned_by=outs[0].handed_to,
                returned_on=trip.return_date + datetime.timedelta(days=2),
            )
            sweep_custody(today=min(outs[1].due_date, timezone.localdate()))


def _lost_and_barred(officer: User, liaisons: dict[str, User]) -> None:
    """A passport lost abroad last month, cancelled; its holder barred for a year."""
    from .constants import PASSPORT_KINDS

    today = timezone.localdate()
    quiet = set(
        Person.objects.filter(agency__in=[u.agency_id for u in liaisons.values()]).values_list(
            "pk", flat=True
        )
    )
    candidates = TravelDocument.objects.filter(
        status=DocumentStatus.IN_CUSTODY, kind__in=[str(k) for k in PASSPORT_KINDS]
    ).order_by("id")
    # Someone outside the two agencies of the custody scenarios, if the register has them.
    document = candidates.exclude(holder_id__in=quiet).first() or candidates.last()
    if document is None:
        return
    report = actions.do_report_loss(
        actor=officer,
        document=document,
        lost_on=today - datetime.timedelta(days=30),
        place="巴黎戴高乐机场",
        circumstances="转机时随身背包被盗，已向当地警方报案并取得报案回执。",
        police_report=io.BytesIO(POLICE_REPORT),
        police_report_name="police-report.pdf",
    )
    actions.do_cancel_document(actor=officer, document=document, reason="遗失，已报案")
    do_bar_holder(
        actor=officer,
        holder=document.holder,
        reason="遗失公务护照，一年内暂停因公出国（境）",
        until=today + datetime.timedelta(days=365),
        loss_report=report,
    )


POLICE_REPORT = b"%PDF-1.4\n% demo police report\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

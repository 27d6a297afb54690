"""Demo data for foreign visits and the gifts register: two years of delegations received by
the city's agencies and the bureau, and gifts received and declared.

Every guest is fictitious (invented names); the recipients of gifts are the demo travellers
the missions demo registered. Visits go through the ordinary actions and transitions; rule
warnings are accepted by the External Contact Division's head with a reason, as in life.
Declarations of past gifts are recorded on the day they were made (the history is imported).

Runs after the missions demo, which registers the agencies' liaison officers and travellers.
"""

import datetime
import random
from decimal import Decimal
from typing import Any, TextIO

from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.accounts.models import Division, User
from waishi.cases.actions import do_transition
from waishi.registers.models import Person

from . import actions
from .checking import check_stored_visit
from .constants import DIVISION, ItemKind, RankClass
from .models import ReceivedGift, Visit

ORDER = 50
PASSWORD = "Zhaoqing-Demo-2026"
STAFF = [
    ("contact", Role.DIVISION_OFFICER, "对外联络科科员"),
    ("contact.head", Role.DIVISION_HEAD, "对外联络科科长"),
]
# Country, purpose, invented family names and given names (no real persons).
DELEGATIONS = [
    ("DE", "职业教育合作交流", ["Kranz", "Obermeier", "Vollrath"], ["Anke", "Jörg", "Sabine"]),
    ("FR", "文化旅游推介", ["Delorme", "Vasseur", "Marchetti"], ["Claire", "Hugo", "Mathis"]),
    ("JP", "友好城市周年交流", ["Takebe", "Ishiwata", "Kōda"], ["Haruki", "Mio", "Sōta"]),
    ("KR", "经贸洽谈", ["Baek", "Yeon", "Seok"], ["Jiwoo", "Minseo", "Hyun"]),
    ("MY", "侨团联谊与投资考察", ["Lingam", "Rahmat", "Ooi"], ["Aziz", "Mei Ling", "Suresh"]),
    ("AU", "友好学校交流", ["Pettigrew", "Langdon", "Ashby"], ["Fiona", "Callum", "Tess"]),
    ("US", "医疗卫生合作", ["Whitcombe", "Draper", "Quill"], ["Nora", "Elliot", "Maeve"]),
    ("SG", "城市规划交流", ["Teo", "Vasquez", "Hashim"], ["Darren", "Priya", "Wen"]),
]
RANKS = [RankClass.MINISTER, RankClass.DIRECTOR, RankClass.DIRECTOR, RankClass.OTHER]
TITLES = {
    RankClass.MINISTER: "副部长",
    RankClass.DIRECTOR: "司长",
    RankClass.OTHER: "市议员",
}
GIFTS_RECEIVED = [
    ("银质纪念盘", "goods", "680"),
    ("水晶摆件", "goods", "420"),
    ("城市徽章", "goods", "60"),
    ("画册", "goods", "120"),
    ("手表", "goods", "1500"),
    ("现金红包", "cash", "500"),
    ("瓷器", "goods", "260"),
    ("丝巾", "goods", "150"),
]
FOREIGN_GIVERS = ["汉堡市政府", "里昂市议会", "大阪府友好协会", "槟城华人大会堂", "悉尼市政厅"]


def load(*, stdout: TextIO, rng: random.Random) -> None:
    staff = _staff()
    if staff is None:
        stdout.write("visits: External Contact Division missing, skipped\n")
        return
    liaisons = list(
        User.objects.filter(username__startswith="liaison", agency__isnull=False)
        .select_related("agency")
        .order_by("username")
    )
    if not liaisons:
        stdout.write("visits: no liaison officers, skipped\n")
        return
    if not Visit.objects.exists():
        _visits(rng, liaisons, staff)
    if not ReceivedGift.objects.exists():
        _gifts(rng, liaisons, staff)
    _list_logins()
    stdout.write("visits: two years of foreign visits and gifts ready\n")


def _list_logins() -> None:
    """Add the division's demo sign-ins to the file the demo prints (once each)."""
    from waishi.accounts.demo import logins_file

    path = logins_file()
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    listed = {line.split()[0] for line in text.splitlines()[1:] if line.strip()}
    lines = [
        f"  {username:<18} {Role(role).label} · {name}"
        for username, role, name in STAFF
        if username not in listed
    ]
    if lines:
        if text and not text.endswith("\n"):
            text += "\n"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n".join(lines) + "\n", encoding="utf-8")


def _staff() -> dict[str, User] | None:
    from waishi.accounts.actions import do_create_user

    division = Division.objects.filter(code=DIVISION).first()
    if division is None:
        return None
    found = {}
    for username, role, name in STAFF:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = do_create_user(
                actor=None,
                username=username,
                password=PASSWORD,
                full_name=name,
                roles={role},
                must_change_password=False,
                division=division,
            )
        found[username] = user
    return found


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _visits(rng: random.Random, liaisons: list[User], staff: dict[str, User]) -> None:
    today = timezone.localdate()
    for n in range(36):
        country, purpose, families, givens = DELEGATIONS[n % len(DELEGATIONS)]
        arrival = today - datetime.timedelta(days=rng.randint(20, 700))
        days = rng.choice([2, 3, 3, 4, 5, 6])
        bureau = n % 6 == 0
        liaison = rng.choice(liaisons)
        actor = staff["contact"] if bureau else liaison
        case = actions.do_file_visit(
            actor=actor,
            agency=liaison.agency,
            title=f"{_country(country)}代表团来访（{purpose}）",
            data={
                "purpose": purpose,
                "country": country,
                "arrival_date": arrival,
                "departure_date": arrival + datetime.timedelta(days=days - 1),
                "hosting_class": "full" if days <= 5 else "partial",
                "reciprocity_agreement": days > 5 and n % 2 == 0,
                "lodging_stars": 4,
                "meals_per_day": Decimal(rng.choice([280, 300, 450])),
                "planned_cost": Decimal(rng.randint(8, 40) * 1000),
                "interpretation": "外事服务中心派英语翻译一名",
                "lodging_transport": "星湖宾馆；公务用车两辆",
            },
        )
        visit = case.visit
        rank = rng.choice(RANKS)
        size = rng.randint(2, 4)
        for i in range(size):
            family, given = families[i % len(families)], givens[(i + n) % len(givens)]
            actions.do_add_guest(
                actor=actor,
                visit=visit,
                name=f"{given} {family}",
                foreign_names=f"{given} {family}",
                sex=rng.choice(["male", "female"]),
                date_of_birth=datetime.date(rng.randint(1958, 1990), rng.randint(1, 12), 15),
                nationality=country,
                rank_class=rank if i == 0 else RankClass.OTHER,
                is_head=i == 0,
                title=TITLES.get(rank, "代表") if i == 0 else "团员",
            )
        _schedule(rng, actor, visit, arrival, days)
        head = visit.guests.get(is_head=True)
        actions.do_add_gift_given(
            actor=actor,
            visit=visit,
            recipient_pk=head.pk,
            item=rng.choice(["端砚", "肇庆裹蒸礼盒", "广宁竹编"]),
            value=Decimal(rng.choice([180, 200, 380])),
            approved_by="局领导",
            approved_on=arrival - datetime.timedelta(days=7),
        )
        _walk(rng, visit, actor, staff, n)


def _schedule(
    rng: random.Random, actor: Any, visit: Visit, arrival: datetime.date, days: int
) -> None:
    items = [
        (arrival, 10, "市政府", "会见", ItemKind.MEETING, "副市长"),
        (arrival, 18, "星湖宾馆", "欢迎宴会", ItemKind.BANQUET, ""),
        (
            arrival + datetime.timedelta(days=min(1, days - 1)),
            9,
            "高新区",
            "参观考察",
            ItemKind.VISIT,
            "",
        ),
    ]
    for day, hour, place, activity, kind, leader in items:
        actions.do_add_schedule_item(
            actor=actor,
            visit=visit,
            data={
                "starts_at": _at(day, hour),
                "place": place,
                "activity": activity,
                "kind": kind,
                "chinese_participants": "外事侨务局领导、接待单位负责人",
                "banquet_format": "seated" if kind == ItemKind.BANQUET else "",
                "host_rank": "ting_or_below" if kind == ItemKind.BANQUET else "",
                "cost_per_person": Decimal(rng.choice([200, 280]))
                if kind == ItemKind.BANQUET
                else None,
                "city_leader": leader,
                "leader_requested_on": day - datetime.timedelta(days=6) if leader else None,
                "leader_approved_on": day - datetime.timedelta(days=4) if leader else None,
            },
        )


def _walk(rng: random.Random, visit: Visit, actor: Any, staff: dict[str, User], n: int) -> None:
    """Take the visit as far as its place in the demo: most held and closed, a few pending."""
    stop = ["plan", "review", "approved", "held", "reported", "closed", "closed", "closed"][n % 8]
    if stop == "plan":
        return
    case = do_transition(case=visit.case, transition="submit", actor=actor)
    if stop == "review":
        return
    for warning in check_stored_visit(visit).open:
        actions.do_override_warning(
            actor=staff["contact.head"],
            visit=visit,
            rule_code=warning.rule_code,
            reason="对等接待安排，经局领导同意",
        )
    case = do_transition(case=case, transition="approve", actor=staff["contact.head"])
    if stop == "approved" or visit.arrival_date > timezone.localdate():
        return
    case = do_transition(case=case, transition="record_held", actor=actor)
    if stop == "held":
        return
    actions.do_save_outcome(
        actor=actor,
        visit=visit,
        data={
            "outcome_report": "双方就务实合作深入交流，达成共识并签署合作备忘录。",
            "press_release": "我市热情接待外国代表团来访。",
            "actual_cost": (visit.planned_cost or Decimal(0)) * Decimal("0.9"),
        },
    )
    case = do_transition(case=case, transition="submit_report", actor=actor)
    if stop == "closed":
        do_transition(case=case, transition="close", actor=staff["contact"])


def _gifts(rng: random.Random, liaisons: list[User], staff: dict[str, User]) -> None:
    today = timezone.localdate()
    for n in range(24):
        liaison = liaisons[n % len(liaisons)]
        person = Person.objects.filter(agency=liaison.agency).order_by("id").first()
        if person is None:
            continue
        item, kind, value = GIFTS_RECEIVED[n % len(GIFTS_RECEIVED)]
        received = today - datetime.timedelta(days=rng.randint(10, 700))
        abroad = n % 3 == 0
        case = actions.do_file_gift(
            actor=liaison,
            agency=liaison.agency,
            recipient=person,
            data={
                "item": item,
                "kind": kind,
                "value": Decimal(value),
                "giver": rng.choice(FOREIGN_GIVERS),
                "giver_country": rng.choice(["DE", "FR", "JP", "MY", "AU"]),
                "received_on": received,
                "returned_on": received + datetime.timedelta(days=3) if abroad else None,
                "mission_reference": "",
            },
        )
        _settle(case, liaison, staff, n)


def _settle(case: Any, liaison: User, staff: dict[str, User], n: int) -> None:
    gift = case.received_gift
    if n < 2:
        return  # Recent gifts still to be declared: the clock runs (one may be overdue).
    if gift.kind == "cash":
        do_transition(case=case, transition="refuse", actor=liaison, inputs={"reason": "当场婉拒"})
        return
    if gift.value < 200:
        do_transition(case=case, transition="keep", actor=liaison)
        return
    case = do_transition(case=case, transition="declare", actor=liaison)
    # Imported history: the declaration was made two weeks after the gift was received.
    declared = gift.counted_from + datetime.timedelta(days=14 if n % 7 else 40)
    ReceivedGift.objects.filter(pk=gift.pk).update(declared_on=declared, declared_late=n % 7 == 0)
    case = do_transition(
        case=case,
        transition="register_hand_in",
        actor=staff["contact"],
        inputs={"keeping_body": "肇庆市外事侨务局"},
    )
    if n % 2 == 0:
        do_transition(
            case=case,
            transition="dispose",
            actor=staff["contact"],
            inputs={"disposal": "交市档案馆陈列"},
        )


def _country(code: str) -> str:
    from waishi.registers.countries import country_name

    return country_name(code, "zh-hans")

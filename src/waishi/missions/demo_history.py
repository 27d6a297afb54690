"""Two years of the city's missions for the demo, recorded as imported history.

About 300 missions of 34 agencies, public institutions, people's organisations and county
governments, in every state of the workflow: most travelled and closed, some on the road or
back and reporting, some being reviewed or awaiting the leader, some returned, rejected or
withdrawn, some drafts. Each filing agency gets a liaison officer (``liaison.<code>``), a
register of travellers (demo ID numbers with the fictitious area codes 99xxxx) and an annual
plan per year, all through the ordinary actions.

The missions are recorded with ``history.do_record_past_mission`` by the mission division's
head: their dates are spread over two years, which the live workflow cannot do honestly, and
no PDF is drawn while loading (each approval document is drawn on its first download). The
content is invented but keeps the rules: no filing breaks a block, and every warning was
accepted by the division head before the mission went on.
"""

import datetime
import random
from collections import Counter
from dataclasses import dataclass
from typing import Any, TextIO

from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.accounts.models import Agency, User
from waishi.cases.rule_engine import RuleBooks
from waishi.core.validators import fictitious_resident_id
from waishi.core.workdays import is_workday
from waishi.registers.countries import region_of
from waishi.registers.models import Person

from . import actions
from .constants import RANK_ORDER, RULE_AREA, TING_RANKS, Rank
from .demo_data import (
    ACCEPTED,
    FILERS,
    REJECTIONS,
    RETURNS,
    SOURCE,
    STATES,
    TRIPS,
    WITHDRAWALS,
    Trip,
)
from .demo_trips import budget, country_name, route
from .history import PastMission, PastStep, do_record_past_mission
from .models import AnnualPlan, Mission, PlannedMission
from .workflow import WORKFLOW

FINAL_STATES = frozenset(WORKFLOW.final)
INVITATION_PDF = b"%PDF-1.4\n% demo invitation letter\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class Plan:
    """A mission being made up: who, where, when, and the steps of its history."""

    agency: Agency
    liaison: User
    trip: Trip
    final: str
    members: list[tuple[Person, bool, str]]
    departure: datetime.date
    days: int
    created: datetime.datetime
    steps: list[PastStep]
    filed: datetime.date | None = None
    planned: PlannedMission | None = None
    complete: bool = True
    province: bool = False


def load_history(*, stdout: TextIO, rng: random.Random, staff: dict[str, User]) -> None:
    """Load the history once: users, registers and plans first, then the missions in order."""
    agencies = {a.code: a for a in Agency.objects.filter(code__in=[f[0] for f in FILERS])}
    if len(agencies) < len(FILERS):
        stdout.write("missions: demo agencies missing, history skipped\n")
        return
    if Mission.objects.filter(case__agency__in=agencies.values()).exists():
        return
    from faker import Faker

    fake = Faker("zh_CN")
    fake.seed_instance(rng.randint(0, 2**31))
    liaisons = {code: _liaison(agencies[code], fake) for code, *_rest in FILERS}
    people = {
        code: _register(agencies[code], liaisons[code], head, fake, rng)
        for code, _weight, _themes, head in FILERS
    }
    plans = _make_plans(rng, agencies, liaisons, people, staff)
    _annual_plans(plans, rng)
    counts: Counter[str] = Counter()
    books = RuleBooks(RULE_AREA)
    for plan in sorted(plans, key=lambda p: p.created):
        do_record_past_mission(
            actor=staff["head"], record=_record(plan, staff), source=SOURCE, rulebooks=books
        )
        counts[plan.final] += 1
    stdout.write(
        f"missions: {sum(counts.values())} missions of the last two years recorded as history; "
        f"{len(liaisons)} agencies' liaison officers sign in as liaison.<agency code>\n"
    )


# People -----------------------------------------------------------------------------------------
def _liaison(agency: Agency, fake: Any) -> User:
    """The agency's liaison officer, who files its missions (a demo sign-in)."""
    from waishi.accounts.actions import do_create_user
    from waishi.accounts.demo import DEMO_PASSWORD

    username = f"liaison.{agency.code}"
    user = User.objects.filter(username=username).first()
    if user is None:
        user = do_create_user(
            actor=None,
            username=username,
            password=DEMO_PASSWORD,
            full_name=fake.name(),
            roles={Role.LIAISON_OFFICER},
            must_change_password=False,
            agency=agency,
        )
    return user


def _register(
    agency: Agency, liaison: User, head: str, fake: Any, rng: random.Random
) -> list[Person]:
    """The agency's register: its head and deputy, a division chief, staff, sometimes more."""
    existing = list(Person.objects.filter(agency=agency).order_by("id"))
    if existing:
        return existing
    county = agency.kind == "county_government"
    # Heads of city bureaus and of county governments are 正处级, their deputies 副处级; the
    # chiefs of their sections and offices are 科级.
    senior, deputy = Rank.ZHENG_CHU, Rank.FU_CHU
    posts: list[tuple[str, str, bool, bool]] = [
        (head, senior, True, False),
        ("副" + head, deputy, True, False),
        ("办公室主任" if county else "科长", Rank.KE_AND_BELOW, False, False),
        ("副科长", Rank.KE_AND_BELOW, False, False),
        ("科员", Rank.KE_AND_BELOW, False, False),
        ("翻译", Rank.OTHER, False, False),
    ]
    if agency.code in ("zqu", "zq-medical"):
        posts += [("教授", Rank.OTHER, False, True), ("副教授", Rank.OTHER, False, True)]
    if agency.code in ("investment", "drc"):
        # A vice mayor is a city leader: 副厅级.
        posts.append(("副市长", Rank.FU_TING, False, False))
    people = []
    for post, rank, is_leader, academic in posts:
        male = rng.random() < 0.6
        born = datetime.date(rng.randint(1965, 1995), rng.randint(1, 12), rng.randint(1, 28))
        people.append(
            actions.do_register_traveller(
                actor=liaison,
                agency=agency,
                name=fake.name_male() if male else fake.name_female(),
                sex="male" if male else "female",
                date_of_birth=born,
                post=post,
                rank=rank,
                id_number=fictitious_resident_id(rng, birth_date=born, sex="M" if male else "F"),
                is_agency_leader=is_leader,
                is_academic=academic,
            )
        )
    return people


# Missions ---------------------------------------------------------------------------------------
def _make_plans(
    rng: random.Random,
    agencies: dict[str, Agency],
    liaisons: dict[str, User],
    people: dict[str, list[Person]],
    staff: dict[str, User],
) -> list[Plan]:
    finals = [state for state, count in STATES.items() for _ in range(count)]
    rng.shuffle(finals)
    codes = [f[0] for f in FILERS]
    weights = [f[1] for f in FILERS]
    themes = {f[0]: f[2] for f in FILERS}
    today = timezone.localdate()
    last_trip: dict[int, datetime.date] = {}
    plans = []
    for index, final in enumerate(finals):
        # A few missions are led by a city leader and go to the provincial office.
        province = final == "referred_to_province" or (final == "closed" and index % 40 == 7)
        code = rng.choice(["investment", "drc"]) if province else rng.choices(codes, weights)[0]
        trip = rng.choice([t for t in TRIPS if t.theme in themes[code]])
        plan = _schedule(final, trip, rng, today, agencies[code], liaisons[code], staff, province)
        plan.members = _delegation(people[code], trip, plan, rng, last_trip)
        plans.append(plan)
    return plans


def _days_for(trip: Trip, rng: random.Random) -> int:
    near = all(country in ("HK", "MO") for country, _city in trip.stops)
    limit = {1: 5, 2: 8, 3: 10}[len(trip.stops)]
    if any(region_of(country) in ("latin_america", "africa") for country, _c in trip.stops):
        limit += 1
    return rng.randint(2, 4) if near else rng.randint(max(3, limit - 3), limit)


def _workday(day: datetime.date, not_before: datetime.date) -> datetime.date:
    """The working day at or before ``day``, but not before ``not_before``."""
    candidate = day
    while candidate > not_before and not is_workday(candidate):
        candidate -= datetime.timedelta(days=1)
    return candidate


def _schedule(
    final: str,
    trip: Trip,
    rng: random.Random,
    today: datetime.date,
    agency: Agency,
    liaison: User,
    staff: dict[str, User],
    province: bool,
) -> Plan:
    """Dates and steps that end in ``final``, every step before today."""
    days = _days_for(trip, rng)
    yesterday = today - datetime.timedelta(days=1)
    lead = rng.randint(30, 44) if rng.random() < 0.1 else rng.randint(50, 90)
    past_trip = final in ("closed", "report_submitted", "back_home", "departed")
    if past_trip:
        back = {
            "closed": rng.randint(45, 720),
            "report_submitted": rng.randint(10, 40),
            "back_home": rng.randint(35, 50) if rng.random() < 0.4 else rng.randint(2, 25),
            "departed": 0,
        }[final]
        if final == "departed":
            days = max(days, 3)
            departure = today - datetime.timedelta(days=rng.randint(1, days - 2))
        else:
            departure = today - datetime.timedelta(days=back + days - 1)
        filed = departure - datetime.timedelta(days=lead)
    else:
        # Open or refused missions: the last step lies in the last weeks (or, for refusals,
        # anywhere in the two years); the departure follows the filing by the lead time.
        span = {"rejected": 700, "withdrawn": 700}.get(final, 25)
        filed = yesterday - datetime.timedelta(days=rng.randint(1, span) + _process_days(final))
        departure = filed + datetime.timedelta(days=lead)
        if final in ("approved", "change_requested", "leader_approval", "referred_to_province"):
            departure = max(departure, today + datetime.timedelta(days=rng.randint(4, 40)))
    filed = _workday(filed, filed - datetime.timedelta(days=5))
    created_day = filed - datetime.timedelta(days=rng.randint(2, 9))
    plan = Plan(
        agency=agency,
        liaison=liaison,
        trip=trip,
        final=final,
        members=[],
        departure=departure,
        days=days,
        created=_moment(created_day, rng, 9),
        steps=[],
        province=province,
    )
    if final == "draft":
        plan.created = _moment(today - datetime.timedelta(days=rng.randint(1, 20)), rng, 9)
        plan.departure = today + datetime.timedelta(days=rng.randint(40, 120))
        plan.complete = rng.random() < 0.6
        return plan
    if final == "withdrawn" and rng.random() < 0.4:
        when = min(created_day + datetime.timedelta(days=rng.randint(3, 15)), yesterday)
        plan.steps = [_step("withdraw", when, liaison, rng, text=rng.choice(WITHDRAWALS))]
        return plan
    plan.filed = filed
    _steps(plan, rng, today, staff)
    return plan


def _process_days(final: str) -> int:
    """Roughly how long the steps before ``final`` take after filing."""
    return {
        "submitted": 0,
        "division_review": 2,
        "returned": 4,
        "resubmitted": 9,
        "leader_approval": 8,
        "referred_to_province": 8,
        "approved": 12,
        "change_requested": 16,
        "rejected": 8,
        "withdrawn": 3,
    }.get(final, 0)


PATHS: dict[str, list[str]] = {
    "submitted": ["submit"],
    "division_review": ["submit", "start_review"],
    "returned": ["submit", "start_review", "return_for_revision"],
    "resubmitted": ["submit", "start_review", "return_for_revision", "resubmit"],
    "leader_approval": ["submit", "start_review", "forward_to_leader"],
    "referred_to_province": ["submit", "start_review", "refer_to_province"],
    "approved": ["submit", "start_review", "forward_to_leader", "approve"],
    "change_requested": [
        "submit",
        "start_review",
        "forward_to_leader",
        "approve",
        "request_change",
    ],
    "departed": ["submit", "start_review", "forward_to_leader", "approve", "depart"],
    "back_home": [
        "submit",
        "start_review",
        "forward_to_leader",
        "approve",
        "depart",
        "register_return",
    ],
    "report_submitted": [
        "submit",
        "start_review",
        "forward_to_leader",
        "approve",
        "depart",
        "register_return",
        "submit_report",
    ],
    "closed": [
        "submit",
        "start_review",
        "forward_to_leader",
        "approve",
        "depart",
        "register_return",
        "submit_report",
        "close",
    ],
    "withdrawn": ["submit", "withdraw"],
}


def _steps(plan: Plan, rng: random.Random, today: datetime.date, staff: dict[str, User]) -> None:
    """The steps from filing to the final state, a working day or a few apart."""
    assert plan.filed is not None
    path = list(PATHS.get(plan.final, []))
    if plan.final == "rejected":
        path = rng.choice(
            [
                ["submit", "start_review", "reject"],
                ["submit", "start_review", "forward_to_leader", "reject"],
            ]
        )
        if plan.province:
            path = ["submit", "start_review", "refer_to_province", "record_province_refusal"]
    if plan.province and plan.final == "closed":
        path = [
            "submit",
            "start_review",
            "refer_to_province",
            "record_province_approval",
            "depart",
            "register_return",
            "submit_report",
            "close",
        ]
    if plan.final == "closed" and rng.random() < 0.12:
        # Returned once for revision before it went on.
        at = path.index("start_review") + 1
        path[at:at] = ["return_for_revision", "resubmit", "start_review"]
    yesterday = today - datetime.timedelta(days=1)
    returned = plan.departure + datetime.timedelta(days=plan.days - 1)
    day = plan.filed
    year = plan.departure.year
    for name in path:
        gap = {
            "submit": 0,
            "start_review": rng.randint(1, 3),
            "return_for_revision": rng.randint(1, 3),
            "resubmit": rng.randint(3, 8),
            "forward_to_leader": rng.randint(2, 5),
            "refer_to_province": rng.randint(2, 5),
            "approve": rng.randint(1, 4),
            "reject": rng.randint(1, 5),
            "record_province_approval": rng.randint(6, 15),
            "record_province_refusal": rng.randint(6, 15),
            "request_change": rng.randint(1, 5),
            "withdraw": rng.randint(1, 6),
            "register_return": rng.randint(1, 3),
            "submit_report": rng.randint(8, 26),
            "close": rng.randint(2, 8),
        }.get(name, 1)
        previous = day
        if name == "depart":
            day = plan.departure
        elif name == "register_return":
            day = returned + datetime.timedelta(days=gap)
        else:
            day = day + datetime.timedelta(days=gap)
        if name in ("approve", "record_province_approval"):
            day = min(day, plan.departure - datetime.timedelta(days=2))
        day = max(_workday(day, previous), previous)
        day = min(day, yesterday) if name != "depart" else day
        actor, text, inputs = _who(name, plan, staff, rng), "", {}
        if name in ("return_for_revision",):
            text = rng.choice(RETURNS)
        elif name in ("reject", "record_province_refusal"):
            text = rng.choice(REJECTIONS)
        elif name == "request_change":
            text = "团组成员一人因工作安排调整，需更换人员。"
        elif name == "withdraw":
            text = rng.choice(WITHDRAWALS)
        if name in ("record_province_approval", "record_province_refusal"):
            inputs = {"document_number": f"粤外办函〔{year}〕{rng.randint(100, 999)}号"}
        if name == "register_return":
            inputs = {"returned_on": returned.isoformat()}
        plan.steps.append(_step(name, day, actor, rng, text=text, inputs=inputs))
    # Same-day steps keep their order: each comes some minutes after the one before.
    for before, step in zip(plan.steps, plan.steps[1:], strict=False):
        if step.at <= before.at:
            index = plan.steps.index(step)
            plan.steps[index] = PastStep(
                step.transition,
                before.at + datetime.timedelta(minutes=rng.randint(10, 50)),
                step.actor,
                step.text,
                step.inputs,
            )


def _who(name: str, plan: Plan, staff: dict[str, User], rng: random.Random) -> User:
    if name in (
        "submit",
        "resubmit",
        "withdraw",
        "request_change",
        "depart",
        "register_return",
        "submit_report",
    ):
        return plan.liaison
    if name in ("forward_to_leader", "refer_to_province"):
        return staff["head"]
    if name == "approve":
        return staff["director"] if rng.random() < 0.2 else staff["leader"]
    if name == "reject":
        forwarded = any(s.transition == "forward_to_leader" for s in plan.steps)
        return staff["leader"] if forwarded else staff["head"]
    return staff["officer"]


def _moment(day: datetime.date, rng: random.Random, earliest: int) -> datetime.datetime:
    naive = datetime.datetime.combine(
        day, datetime.time(rng.randint(earliest, 16), rng.choice((0, 10, 20, 30, 40, 50)))
    )
    return timezone.make_aware(naive)


def _step(
    name: str,
    day: datetime.date,
    actor: User,
    rng: random.Random,
    *,
    text: str = "",
    inputs: dict[str, str] | None = None,
) -> PastStep:
    return PastStep(name, _moment(day, rng, 9), actor, text, inputs or {})


def _delegation(
    people: list[Person],
    trip: Trip,
    plan: Plan,
    rng: random.Random,
    last_trip: dict[int, datetime.date],
) -> list[tuple[Person, bool, str]]:
    """Two to five members, at most one of the agency's leadership, the most senior leading."""
    near = all(country in ("HK", "MO") for country, _city in trip.stops)
    size = rng.randint(2, 4) if near else rng.randint(2, 5)
    rested = [
        p
        for p in people
        if p.rank == Rank.OTHER
        or plan.departure - last_trip.get(p.pk, datetime.date.min) > datetime.timedelta(days=740)
    ]
    leaders = [p for p in rested if p.is_agency_leader and p.rank not in TING_RANKS]
    others = [p for p in rested if not p.is_agency_leader and p.rank not in TING_RANKS]
    chosen: list[Person] = []
    if plan.province:
        chosen += [p for p in people if p.rank in TING_RANKS][:1]
    if leaders and rng.random() < 0.35:
        chosen.append(rng.choice(leaders))
    rng.shuffle(others)
    chosen += others[: max(size - len(chosen), 1)]
    order: list[str] = list(RANK_ORDER)
    chosen.sort(key=lambda p: order.index(p.rank))
    if plan.final not in ("draft", "withdrawn", "rejected"):
        for person in chosen:
            last_trip[person.pk] = plan.departure
    return [
        (p, i == 0, "团长" if i == 0 else ("翻译" if p.post == "翻译" else "团员"))
        for i, p in enumerate(chosen)
    ]


# Plans and the record ---------------------------------------------------------------------------
def _annual_plans(plans: list[Plan], rng: random.Random) -> None:
    """Each agency's plan of the years its missions depart in; three in four are in it."""
    by_year: dict[tuple[int, int], list[Plan]] = {}
    for plan in plans:
        by_year.setdefault((plan.agency.pk, plan.departure.year), []).append(plan)
    for (_agency_id, year), group in sorted(by_year.items()):
        first = group[0]
        annual = AnnualPlan.objects.filter(agency=first.agency, year=year).first()
        if annual is None:
            annual = actions.do_create_plan(actor=first.liaison, agency=first.agency, year=year)
        for plan in sorted(group, key=lambda p: p.departure):
            if rng.random() < 0.25:
                continue
            plan.planned = actions.do_add_planned_mission(
                actor=plan.liaison,
                plan=annual,
                countries=list(dict.fromkeys(c for c, _city in plan.trip.stops)),
                purpose=plan.trip.purpose,
                size=len(plan.members) + (1 if rng.random() < 0.3 else 0),
                month=plan.departure.month,
            )


def _record(plan: Plan, staff: dict[str, User]) -> PastMission:
    trip, start = plan.trip, plan.departure
    end = start + datetime.timedelta(days=plan.days - 1)
    stops, itinerary = route(trip, start, plan.days, plan.complete)
    names = "、".join(dict.fromkeys(country_name(c) for c, _city in trip.stops))
    filed = plan.filed or timezone.localtime(plan.created).date()
    persons = len(plan.members)
    return PastMission(
        agency=plan.agency,
        title=f"赴{names}{trip.purpose}",
        created_at=plan.created,
        created_by=plan.liaison,
        purpose=f"应{trip.inviter}邀请，{trip.purpose}。{trip.tasks}。",
        departure_date=start,
        return_date=end,
        members=plan.members,
        destinations=stops,
        itinerary=itinerary,
        inviter={
            "name": trip.inviter,
            "country": trip.stops[0][0],
            "contact": "international@example.org",
            "relation": "双方已有交流合作往来",
            "kind": "counterpart",
        },
        budget=budget(trip, plan.days, persons) if plan.complete else [],
        funding_source="部门预算（因公出国经费）" if plan.complete else "",
        planned_mission=plan.planned,
        out_of_plan_reason=""
        if plan.planned
        else "根据对方邀请新增的交流任务，已经单位领导班子研究同意。",
        disclosure_start=filed - datetime.timedelta(days=24),
        disclosure_end=filed - datetime.timedelta(days=4),
        disclosure_place="单位内部公示栏及内网",
        academic_exchange=any(p.is_academic for p, _l, _r in plan.members),
        steps=plan.steps,
        warnings_accepted_by=staff["head"],
        warnings_reason=ACCEPTED,
        report="代表团按批准的日程完成了各项公务活动，达到了预期目的，具体情况见出访报告全文。",
        report_disclosure="出访报告已在单位内部公示五个工作日，未收到异议。",
        # An open case can be acted on: it has its invitation letter, and once filed someone
        # at the bureau to work on it (the bureau leader while it awaits approval).
        invitation_letter=("邀请函.pdf", INVITATION_PDF) if _actionable(plan) else None,
        assignee=_assignee(plan, staff),
    )


def _actionable(plan: Plan) -> bool:
    """Whether the recorded mission is still open and complete enough to go on."""
    return plan.final not in FINAL_STATES and plan.complete


def _assignee(plan: Plan, staff: dict[str, User]) -> User | None:
    if plan.final in FINAL_STATES or plan.final == "draft":
        return None
    return staff["leader"] if plan.final == "leader_approval" else staff["officer"]

"""Demo data for missions: the education bureau's scenarios — travellers, an annual plan and
three applications (a draft, one filed and waiting for review with a warning, one approved) —
then the demo's budget caps and two years of the city's missions (``demo_history``).

Runs after the accounts demo, which makes the agencies and the demo users.
"""

import datetime
import io
import random
from typing import Any, TextIO

from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.accounts.models import Agency, User
from waishi.cases.actions import do_transition
from waishi.cases.constants import DueUnit, StepBody
from waishi.cases.models import ExternalStep
from waishi.cases.steps import Due, do_record_answer, do_send_step
from waishi.registers.models import Person

from . import actions
from . import mission_actions as ma
from .constants import Rank
from .demo_caps import load_caps
from .demo_history import load_history
from .models import AnnualPlan, Mission

ORDER = 40

# (agency code, name, sex, born, post, rank, agency leader, academic)
PEOPLE = [
    ("education", "单志远", "male", "1968-04-12", "局长", Rank.ZHENG_CHU, True, False),
    ("education", "曾晓燕", "female", "1975-09-03", "副局长", Rank.FU_CHU, True, False),
    (
        "education",
        "欧阳明",
        "male",
        "1980-01-21",
        "职业教育科科长",
        Rank.KE_AND_BELOW,
        False,
        False,
    ),
    ("education", "吕婷", "female", "1986-06-30", "科员", Rank.KE_AND_BELOW, False, False),
    ("education", "解国强", "male", "1979-11-08", "教研员", Rank.OTHER, False, True),
    ("education", "区美玲", "female", "1990-02-14", "翻译", Rank.OTHER, False, False),
    ("commerce", "查文博", "male", "1971-07-19", "局长", Rank.ZHENG_CHU, True, False),
    (
        "commerce",
        "翟丽华",
        "female",
        "1983-03-27",
        "外经贸科科长",
        Rank.KE_AND_BELOW,
        False,
        False,
    ),
]
PDF = b"%PDF-1.4\n% demo invitation letter\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def load(*, stdout: TextIO, rng: random.Random) -> None:
    users = {u.username: u for u in User.objects.filter(username__in=_USERNAMES)}
    if len(users) < len(_USERNAMES):
        stdout.write("missions: demo users missing, skipped\n")
        return
    _load_people(users)
    _load_plan(users["liaison"])
    if not Mission.objects.filter(case__agency=users["liaison"].agency).exists():
        _load_missions(users)
    _load_steps(users)
    stdout.write("missions: travellers, annual plan and applications ready\n")
    # After the scenarios, so that their recorded checks stay as they are described.
    load_caps(actor=users["head"])
    load_history(stdout=stdout, rng=rng, staff=users)
    _list_liaison_logins()


def _list_liaison_logins() -> None:
    """Add every agency's liaison officer to the demo sign-ins file the demo prints.

    The accounts demo writes the file afresh on every run; this adds, each run, the liaison
    officers the missions demo made (``liaison.<agency code>``) that it does not list yet.
    """
    from waishi.accounts.demo import logins_file

    path = logins_file()
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    listed = {line.split()[0] for line in text.splitlines()[1:] if line.strip()}
    liaisons = (
        User.objects.filter(username__startswith="liaison.")
        .select_related("agency")
        .order_by("username")
    )
    lines = [
        f"  {user.username:<18} {Role.LIAISON_OFFICER.label} · {user.agency}"
        for user in liaisons
        if user.username not in listed
    ]
    if not lines:
        return
    if not text.endswith("\n") and text:
        text += "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n".join(lines) + "\n", encoding="utf-8")


_USERNAMES = ["liaison", "liaison.commerce", "signatory", "officer", "head", "leader", "director"]


def _load_people(users: dict[str, User]) -> None:
    actors = {"education": users["liaison"], "commerce": users["liaison.commerce"]}
    for code, name, sex, born, post, rank, leader, academic in PEOPLE:
        agency = Agency.objects.get(code=code)
        if Person.objects.filter(agency=agency, name=name).exists():
            continue
        actions.do_register_traveller(
            actor=actors[code],
            agency=agency,
            name=name,
            sex=sex,
            date_of_birth=datetime.date.fromisoformat(born),
            post=post,
            rank=rank,
            is_agency_leader=leader,
            is_academic=academic,
        )


def _load_plan(liaison: User) -> None:
    year = timezone.localdate().year
    if AnnualPlan.objects.filter(agency=liaison.agency, year=year).exists():
        return
    plan = actions.do_create_plan(actor=liaison, agency=liaison.agency, year=year)
    for countries, purpose, size, month in [
        (["DE"], "职业教育合作交流", 5, 5),
        (["SG", "MY"], "友好学校交流", 4, 9),
        (["AU"], "国际学生招收推介", 3, 11),
    ]:
        actions.do_add_planned_mission(
            actor=liaison, plan=plan, countries=countries, purpose=purpose, size=size, month=month
        )


def _application(
    liaison: User, title: str, *, start: datetime.date, days: int, tourist: bool = False
) -> Mission:
    """A complete application by the education bureau's liaison officer."""
    mission = ma.do_create_mission(actor=liaison, title=title)
    end = start + datetime.timedelta(days=days - 1)
    plan_entry = liaison.agency.mission_plans.order_by("-year").first().entries.first()  # type: ignore[union-attr]

    def save(action: Any, **fields: Any) -> Mission:
        return action(actor=liaison, mission=mission, expected_version=mission.version, **fields)

    mission = save(
        ma.do_save_basics,
        purpose="与柏林州教育部门商谈职业教育合作，考察双元制职业学校。",
        academic_exchange=False,
        departure_date=start,
        return_date=end,
        planned_mission=plan_entry,
    )
    people = list(Person.objects.filter(agency=liaison.agency).order_by("id"))
    members = [people[2], people[3], people[5]]
    mission = save(
        ma.do_set_members,
        members=[(p, i == 0, "翻译" if p.post == "翻译" else "") for i, p in enumerate(members)],
    )
    mission = save(
        ma.do_set_destinations,
        destinations=[
            {"country": "DE", "city": "Berlin", "tasks": "会见柏林州教育部门，签署合作备忘录"}
        ],
    )
    items = []
    for offset in range(days):
        for half in ("morning", "afternoon"):
            kind = "official"
            if offset in (0, days - 1) and half == "morning":
                kind = "travel"
            if tourist and offset == 2 and half == "afternoon":
                kind = "tourist_site"
            items.append(
                {
                    "date": start + datetime.timedelta(days=offset),
                    "half": half,
                    "city": "Berlin",
                    "activity": "路途" if kind == "travel" else "会谈及考察",
                    "kind": kind,
                }
            )
    mission = save(ma.do_set_itinerary, items=items)
    mission = save(
        ma.do_save_inviter,
        name="Senatsverwaltung für Bildung, Jugend und Familie Berlin",
        country_code="DE",
        contact="international@example.berlin",
        relation="双方教育部门已有合作往来",
        kind="counterpart",
        letter=io.BytesIO(PDF),
        letter_name="invitation.pdf",
    )
    mission = save(
        ma.do_set_budget,
        lines=[
            {
                "category": "international_fares",
                "country": "DE",
                "currency": "CNY",
                "amount": "36000",
                "amount_rmb": "36000",
                "persons": 3,
                "days": 1,
            },
            {
                "category": "lodging",
                "country": "DE",
                "currency": "EUR",
                "amount": "2400",
                "amount_rmb": "18720",
                "persons": 3,
                "days": days - 1,
            },
        ],
        funding_source="部门预算（因公出国经费）",
    )
    today = timezone.localdate()
    return save(
        ma.do_save_disclosure,
        start=today - datetime.timedelta(days=20),
        end=today - datetime.timedelta(days=6),
        place="市教育局机关公告栏及内网",
    )


def _load_missions(users: dict[str, User]) -> None:
    liaison, signatory = users["liaison"], users["signatory"]
    today = timezone.localdate()
    _application(
        liaison, "赴德国开展职业教育交流（草稿）", start=today + datetime.timedelta(days=90), days=5
    )

    filed = _application(
        liaison,
        "赴德国考察双元制职业学校",
        start=today + datetime.timedelta(days=60),
        days=5,
        tourist=True,
    )
    filed = ma.do_confirm(actor=signatory, mission=filed, expected_version=filed.version)
    do_transition(case=filed.case, transition="submit", actor=liaison)

    approved = _application(
        liaison, "赴德国签署职业教育合作备忘录", start=today + datetime.timedelta(days=50), days=4
    )
    approved = ma.do_confirm(actor=signatory, mission=approved, expected_version=approved.version)
    for name, actor in [
        ("submit", liaison),
        ("start_review", users["officer"]),
        ("forward_to_leader", users["head"]),
        ("approve", users["leader"]),
    ]:
        do_transition(case=approved.case, transition=name, actor=actor)


def _load_steps(users: dict[str, User]) -> None:
    """The two filed applications went to the Guangdong FAO; the approved one has its answer."""
    officer = users["officer"]
    today = timezone.localdate()
    education = Mission.objects.filter(case__agency=users["liaison"].agency).select_related("case")
    for mission in education.filter(case__status__in=["submitted", "approved"]):
        case = mission.case
        if ExternalStep.objects.filter(case=case).exists():
            continue
        answered = case.status == "approved"
        sent_on = today - datetime.timedelta(days=12 if answered else 3)
        step = do_send_step(
            case=case,
            actor=officer,
            body=StepBody.PROVINCIAL_FAO,
            body_name="广东省人民政府外事办公室",
            request_text="请审核出访团组邀请函及日程，并出具意见。",
            sent_on=sent_on,
            due=Due(unit=DueUnit.WORKDAYS, count=10),
            their_reference="",
        )
        if answered:
            do_record_answer(
                case=case,
                step_pk=step.pk,
                actor=officer,
                answered_on=today - datetime.timedelta(days=2),
                answer_text="经审核，同意该团组按计划出访。",
                their_reference="粤外办函〔2026〕118号",
            )

"""Demo data: a year of foreign-related incidents across several nationalities.

Every person is made up: given names and surnames are drawn from short lists of common
names and put together at random, with made-up passport numbers. Runs after the accounts
demo (the agencies, the leaders) and adds the consular officer who works these cases.
"""

import datetime
import random
from typing import Any, TextIO

from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.accounts.models import Agency, Division, User
from waishi.cases.actions import do_transition

from .actions import PersonIn, do_file_incident, do_request_visit
from .constants import CASE_TYPE, CONSULAR_DIVISION, IncidentKind, NoticeSource
from .models import Incident

ORDER = 60
USERNAME = "consular"
DEMO_PASSWORD = "Zhaoqing-Demo-2026"

# nationality → (surnames, given names) used to make up people; no real person is meant.
NAMES = {
    "US": (["MILLER", "CARTER", "BROOKS", "HAYES"], ["Jacob", "Emily", "Ryan", "Megan"]),
    "JP": (["SATO", "KOBAYASHI", "ITO", "YAMADA"], ["Haruto", "Yui", "Ren", "Aoi"]),
    "KR": (["KIM", "PARK", "CHOI", "JUNG"], ["Minjun", "Seoyeon", "Jiho", "Hayun"]),
    "PH": (["REYES", "CRUZ", "BAUTISTA", "GARCIA"], ["Paolo", "Andrea", "Miguel", "Joy"]),
    "AU": (["WILSON", "TAYLOR", "NGUYEN", "SMITH"], ["Oliver", "Chloe", "Jack", "Isla"]),
    "DE": (["MUELLER", "SCHMIDT", "WAGNER", "BECKER"], ["Lukas", "Lea", "Jonas", "Mia"]),
    "VN": (["NGUYEN", "TRAN", "LE", "PHAM"], ["Minh", "Lan", "Huy", "Thu"]),
    "TH": (["SAETANG", "CHAIYA", "SUKSAWAT", "WONG"], ["Somchai", "Malee", "Anan", "Nok"]),
}
KINDS = (
    [IncidentKind.CRIMINAL] * 4
    + [IncidentKind.ADMINISTRATIVE] * 4
    + [
        IncidentKind.CIVIL,
        IncidentKind.ACCIDENT,
        IncidentKind.JOURNALIST,
    ]
)
MEASURES = {
    IncidentKind.CRIMINAL: "刑事拘留",
    IncidentKind.ADMINISTRATIVE: "行政拘留",
}
PLACES = ["端州区", "鼎湖区", "高要区", "四会市", "肇庆高新区"]


def _officer(stdout: TextIO) -> User | None:
    found = User.objects.filter(username=USERNAME).first()
    if found is not None:
        return found
    division = Division.objects.filter(code=CONSULAR_DIVISION).first()
    if division is None:
        stdout.write("incidents: the External Contact Division is missing, skipped\n")
        return None
    from waishi.accounts.actions import do_create_user

    user = do_create_user(
        actor=None,
        username=USERNAME,
        password=DEMO_PASSWORD,
        full_name="温海宁",
        roles={Role.DIVISION_OFFICER},
        must_change_password=False,
        division=division,
    )
    stdout.write(f"incidents: demo user {USERNAME} (consular officer, {division}).\n")
    return user


def _person(rng: random.Random, nationality: str, dual: bool = False) -> PersonIn:
    surnames, given = NAMES[nationality]
    surname, first = rng.choice(surnames), rng.choice(given)
    return PersonIn(
        name=f"{surname.title()} {first}"[:60],
        foreign_names=f"{surname}, {first}",
        sex=rng.choice(["male", "female"]),
        date_of_birth=datetime.date(
            rng.randint(1960, 2003), rng.randint(1, 12), rng.randint(1, 28)
        ),
        nationalities=f"CN,{nationality}" if dual else nationality,
        passport_number=f"D{rng.randint(1000000, 9999999)}",
    )


def _moment(day: datetime.date, rng: random.Random) -> datetime.datetime:
    time = datetime.time(rng.randint(0, 23), rng.choice([0, 15, 30, 45]))
    return timezone.make_aware(datetime.datetime.combine(day, time))


def _advance(case: Any, actor: Any, incident: Incident, rng: random.Random, age: int) -> None:
    began = timezone.localtime(incident.began_at).date()
    today = timezone.localdate()

    def on(days: int) -> str:
        return min(began + datetime.timedelta(days=days), today).isoformat()

    def run(name: str, **inputs: str) -> Any:
        return do_transition(case=case, transition=name, actor=actor, inputs=inputs)

    if incident.kind in (IncidentKind.CIVIL, IncidentKind.ACCIDENT, IncidentKind.JOURNALIST):
        if age > 20:
            run("close_record")
        return
    if incident.kind == IncidentKind.DEATH:
        if age < 2:
            return
        case = run("record_death_notice", on=on(rng.randint(1, 4)), by="接待单位")
        if age > 10:
            case = run(
                "record_certificate", certificate="hospital", number=f"ZQ{rng.randint(1000, 9999)}"
            )
            case = run("record_decision", decision="repatriation", request_on=on(6))
            case = run("cancel_permit", on=on(9))
            run("close")
        return
    if age < 3:
        return
    case = run("record_notification", on=on(rng.randint(1, 4)), channel="照会", by="广东省公安厅")
    if incident.kind == IncidentKind.CRIMINAL and age > 20:
        do_request_visit(
            case=case,
            actor=actor,
            consulate="总领事馆",
            requested_on=began + datetime.timedelta(days=5),
        )
    if age < 15:
        return
    if incident.kind == IncidentKind.ADMINISTRATIVE:
        case = run(rng.choice(["release", "deport"]), on=on(rng.randint(5, 15)), note="")
        run("close")
        return
    case = run("refer_to_court", on=on(40))
    if age > 60:
        case = run(rng.choice(["sentence", "deport", "release"]), on=on(55), note="")
        run("close")


def load(*, stdout: TextIO, rng: random.Random) -> None:
    if Incident.objects.exists():
        return
    actor = _officer(stdout)
    police = Agency.objects.filter(code="public-security").first()
    if actor is None or police is None:
        return
    today, now = timezone.localdate(), timezone.now()
    countries = list(NAMES)
    made = 0
    for index in range(48):
        age = rng.randint(1, 360)
        day = today - datetime.timedelta(days=age)
        kind = rng.choice(KINDS)
        if index in (7, 29):
            kind = IncidentKind.DEATH
        nationality = countries[index % len(countries)]
        began = _moment(day, rng)
        case = do_file_incident(
            actor=actor,
            agency=police,
            kind=kind,
            notice_source=NoticeSource.HOSPITAL
            if kind == IncidentKind.DEATH
            else NoticeSource.POLICE,
            notifying_body="市第一人民医院"
            if kind == IncidentKind.DEATH
            else "市公安局出入境管理支队",
            notice_received_at=min(began + datetime.timedelta(hours=rng.randint(2, 30)), now),
            began_at=began,
            police_report_at=began + datetime.timedelta(hours=rng.randint(6, 47))
            if age > 2
            else None,
            measure=MEASURES.get(kind, ""),
            organ="肇庆市公安局" if kind in MEASURES else "",
            place=rng.choice(PLACES),
            summary="演示案例（虚构）。",
            people=[_person(rng, nationality, dual=index == 11)],
        )
        _advance(case, actor, case.incident, rng, age)
        made += 1
    stdout.write(f"incidents: {made} demo cases of type {CASE_TYPE}.\n")

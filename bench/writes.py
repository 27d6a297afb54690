"""The write load: complete mission approvals from 8 clients at once, over HTTP.

Each client signs in as the agency's liaison officer, a division officer, the division head
and a bureau leader (its own sessions), and takes its own confirmed draft applications
through the product's transition URL: file (``submit``), ``start_review``,
``forward_to_leader``, ``approve`` — each one transaction with the status change, the
timeline entry, the rule-check verdict (on filing) and the audit event on the hash chain.

The drafts are prepared beforehand through the missions actions (not timed), the same way a
liaison officer builds an application step by step.
"""

import contextlib
import datetime
import io
import random
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from .client import Session

STEPS = (
    ("submit", "liaison"),
    ("start_review", "officer"),
    ("forward_to_leader", "head"),
    ("approve", "leader"),
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SURNAMES = "王李张刘陈杨黄赵吴周"
GIVEN = "伟芳娜敏静丽强磊军洋"


def prepare_missions(count: int, *, seed: int = 7) -> list[str]:
    """``count`` complete, confirmed mission drafts of the demo education bureau."""
    from waishi.accounts.models import User
    from waishi.missions import actions as traveller_actions
    from waishi.missions import mission_actions as ma

    liaison = User.objects.get(username="liaison")
    signatory = User.objects.get(username="signatory")
    rng = random.Random(seed)
    today = datetime.date.today()
    start = today + datetime.timedelta(days=60)
    end = start + datetime.timedelta(days=4)
    references = []
    for number in range(count):
        mission = ma.do_create_mission(
            actor=liaison, title=f"赴德国开展职业教育交流（{number + 1}）"
        )
        mission = ma.do_save_basics(
            actor=liaison,
            mission=mission,
            expected_version=mission.version,
            purpose="考察职业教育合作",
            academic_exchange=False,
            departure_date=start,
            return_date=end,
            planned_mission=None,
            out_of_plan_reason="年中新增的合作任务",
        )
        people = []
        for index in range(4):
            people.append(
                traveller_actions.do_register_traveller(
                    actor=liaison,
                    agency=liaison.agency,
                    name=rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                    sex="male" if index % 2 else "female",
                    date_of_birth=datetime.date(1975 + index, 3, 1),
                    post="科员",
                )
            )
        mission = ma.do_set_members(
            actor=liaison,
            mission=mission,
            expected_version=mission.version,
            members=[(p, i == 0, "") for i, p in enumerate(people)],
        )
        mission = ma.do_set_destinations(
            actor=liaison,
            mission=mission,
            expected_version=mission.version,
            destinations=[{"country": "DE", "city": "Berlin", "tasks": "会谈职业教育合作"}],
        )
        items = [
            {
                "date": start + datetime.timedelta(days=offset),
                "half": half,
                "city": "Berlin",
                "activity": "会谈",
                "kind": "official",
            }
            for offset in range(5)
            for half in ("morning", "afternoon")
        ]
        mission = ma.do_set_itinerary(
            actor=liaison, mission=mission, expected_version=mission.version, items=items
        )
        mission = ma.do_save_inviter(
            actor=liaison,
            mission=mission,
            expected_version=mission.version,
            name="Berlin Senate Department for Education",
            country_code="DE",
            contact="info@example.de",
            relation="友好城市教育部门",
            kind="counterpart",
            letter=io.BytesIO(PDF),
            letter_name="invitation.pdf",
        )
        mission = ma.do_set_budget(
            actor=liaison,
            mission=mission,
            expected_version=mission.version,
            lines=[
                {
                    "category": "lodging",
                    "country": "DE",
                    "currency": "EUR",
                    # 150 EUR a person-night: within Germany's lodging standard (160 EUR), so
                    # no warning waits for an officer's acceptance before forwarding.
                    "amount": "2400",
                    "amount_rmb": "18720",
                    "persons": 4,
                    "days": 4,
                }
            ],
            funding_source="部门预算",
        )
        mission = ma.do_save_disclosure(
            actor=liaison,
            mission=mission,
            expected_version=mission.version,
            start=today - datetime.timedelta(days=21),
            end=today - datetime.timedelta(days=7),
            place="单位内网公示栏",
        )
        mission = ma.do_confirm(actor=signatory, mission=mission, expected_version=mission.version)
        references.append(mission.case.reference)
    return references


@dataclass
class ClientResult:
    transitions: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    # Seconds per transition name, to show which step costs what.
    by_step: dict[str, list[float]] = field(default_factory=dict)


def _client(
    port: int,
    logins: dict[str, tuple[str, str]],
    references: list[str],
    deadline: float,
    result: ClientResult,
    ready: threading.Barrier,
) -> None:
    sessions = {role: Session(port) for role in logins}
    try:
        for role, (username, password) in logins.items():
            sessions[role].sign_in(username, password)
    except Exception as error:
        result.errors.append(f"sign-in: {error}")
        ready.abort()
        return
    ready.wait()
    for reference in references:
        for name, role in STEPS:
            if time.monotonic() > deadline:
                return
            started = time.perf_counter()
            try:
                response = sessions[role].post(f"/cases/{reference}/do/{name}/", {})
            except Exception as error:
                result.errors.append(f"{reference} {name}: {error}")
                continue
            spent = time.perf_counter() - started
            result.latencies.append(spent)
            result.by_step.setdefault(name, []).append(spent)
            # The view answers a done transition, and a refused one, with a redirect to the
            # case page; whether it ran is checked in the database afterwards.
            if response.status != 302:
                result.errors.append(f"{reference} {name}: HTTP {response.status}")
            else:
                result.transitions += 1
    for session in sessions.values():
        session.close()


def run_writes(
    port: int,
    references: list[str],
    logins: dict[str, tuple[str, str]],
    *,
    clients: int = 8,
    seconds: float = 120,
) -> dict[str, Any]:
    """Drive the prepared drafts to approval from ``clients`` threads; figures and errors."""
    shares = [references[i::clients] for i in range(clients)]
    results = [ClientResult() for _ in range(clients)]
    ready = threading.Barrier(clients + 1)
    deadline = time.monotonic() + seconds + 600
    threads = [
        threading.Thread(
            target=_client, args=(port, logins, shares[i], deadline, results[i], ready)
        )
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    with contextlib.suppress(threading.BrokenBarrierError):
        ready.wait(timeout=600)
    started = time.monotonic()
    deadline_box = started + seconds
    for thread in threads:
        thread.join(timeout=max(1.0, deadline_box + 60 - time.monotonic()))
    elapsed = time.monotonic() - started
    latencies = sorted(x for r in results for x in r.latencies)
    posted = sum(r.transitions for r in results)
    errors = [e for r in results for e in r.errors]

    def pct(p: float, values: list[float] = latencies) -> float:
        if not values:
            return 0.0
        return round(values[min(len(values) - 1, int(p / 100 * len(values)))] * 1000, 1)

    steps = {}
    for name, _role in STEPS:
        values = sorted(x for r in results for x in r.by_step.get(name, []))
        steps[name] = {"count": len(values), "p50_ms": pct(50, values), "p95_ms": pct(95, values)}

    return {
        "clients": clients,
        "posted": posted,
        "seconds": round(elapsed, 2),
        "p50_ms": pct(50),
        "p95_ms": pct(95),
        "p99_ms": pct(99),
        "steps": steps,
        "http_errors": errors[:20],
        "http_error_count": len(errors),
    }


def verify_writes(references: list[str], since: datetime.datetime) -> dict[str, Any]:
    """What the database says happened: transitions done, cases approved, chain intact."""
    from waishi.audit.verify import verify_chain
    from waishi.cases.models import Case, TimelineEntry

    names = [name for name, _role in STEPS]
    done = TimelineEntry.objects.filter(
        case__reference__in=references, transition__in=names, created_at__gte=since
    ).count()
    approved = Case.objects.filter(reference__in=references, status="approved").count()
    report = verify_chain()
    return {
        "transitions_done": done,
        "transitions_expected": len(references) * len(STEPS),
        "missions_approved": approved,
        "missions": len(references),
        "audit_chain_ok": report.ok,
        "audit_events_checked": report.checked,
    }

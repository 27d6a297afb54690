"""The life of a nomination for Honorary Citizen of Zhaoqing, on one screen.

nominated ─ start_checks ─▶ checking (police, market regulation, tax, customs: external steps,
30 days) ─ pass_review ─▶ reviewed ─ record_vote ─▶ recommended ─ start_notice ─▶ on notice
─ close_notice ─▶ noticed ─ record_meeting ─▶ government ─ send_motion (≥ 30 days before the
session) ─▶ motion ─ record_decision ─▶ conferred (the honorary citizen, the certificate).
A failed vote, a refusal at review or after the notice, the committee's rejection and a
withdrawal end the case. Every step is the owning division's; the initial review's verdict
and the motion are its head's.
"""

import datetime
from collections.abc import Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waishi.cases.constants import StepStatus
from waishi.cases.permissions import is_case_division_head, is_case_division_officer
from waishi.cases.workflow import REASON, Input, Transition, Workflow

from . import rules
from .permissions import is_award_staff

DATE_HELP = gettext_lazy("Date (YYYY-MM-DD)")
ON = Input("on", DATE_HELP, multiline=False, max_length=10)
OPINION = Input("opinion", gettext_lazy("Opinion of the initial review"))
NUMBER = Input("number", gettext_lazy("Document number"), multiline=False, max_length=100)
MEMBERS = Input("members", gettext_lazy("Members of the committee"), multiline=False, max_length=4)
FOR = Input("votes_for", gettext_lazy("Votes for"), multiline=False, max_length=4)
AGAINST = Input("votes_against", gettext_lazy("Votes against"), multiline=False, max_length=4)
ABSTAIN = Input("abstentions", gettext_lazy("Abstentions"), multiline=False, max_length=4)
OBJECTIONS = Input("objections", gettext_lazy("Objections received (if any)"), required=False)
MOTION_ON = Input("motion_on", gettext_lazy("Motion sent on"), multiline=False, max_length=10)
SESSION_ON = Input(
    "session_on", gettext_lazy("Session of the standing committee on"), multiline=False
)


def parse_day(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((value or "").strip())
    except ValueError:
        return None


def parse_count(value: str | None) -> int | None:
    text = (value or "").strip()
    return int(text) if text.isdigit() and len(text) <= 4 else None


def _past_day(value: str | None, what: str) -> list[str]:
    day = parse_day(value)
    if day is None:
        return [_("%(what)s: give the date as YYYY-MM-DD.") % {"what": what}]
    if day > timezone.localdate():
        return [_("%(what)s cannot be in the future.") % {"what": what}]
    return []


def day_is_valid(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    return _past_day(inputs.get("on"), _("The date"))


def checks_are_answered(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    """The departments' (and the Taiwan office's) answers are in before the review's verdict."""
    from waishi.cases.models import ExternalStep

    steps = list(ExternalStep.objects.filter(case_id=case.pk).values_list("status", flat=True))
    if not steps:
        return [_("Send the background checks first.")]
    if StepStatus.WAITING in steps:
        return [_("Wait for every department's answer to the background checks.")]
    return []


def vote_counts(inputs: Mapping[str, str]) -> tuple[list[str], tuple[int, int, int, int]]:
    members, votes_for, against, abstain = (
        parse_count(inputs.get(name))
        for name in ("members", "votes_for", "votes_against", "abstentions")
    )
    if None in (members, votes_for, against, abstain):
        return [_("Give the number of members and of each vote as whole numbers.")], (0, 0, 0, 0)
    assert members is not None and votes_for is not None
    assert against is not None and abstain is not None
    if members < 1 or votes_for + against + abstain > members:
        return [_("The votes cast cannot exceed the committee's members.")], (0, 0, 0, 0)
    return [], (members, votes_for, against, abstain)


def vote_passes(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    """A recommendation needs the votes of more than half of all members (Ningbo)."""
    reasons, (members, votes_for, _a, _b) = vote_counts(inputs)
    if reasons:
        return reasons
    if votes_for * 2 <= members:
        return [
            _(
                "%(for)s of %(members)s members voted for: a recommendation needs more than half "
                "of all members."
            )
            % {"for": votes_for, "members": members}
        ]
    return []


def vote_fails(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    reasons, (members, votes_for, _a, _b) = vote_counts(inputs)
    if reasons:
        return reasons
    if votes_for * 2 > members:
        return [_("More than half of all members voted for: record the recommendation.")]
    return []


def notice_is_running(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    round_ = case.nomination.round
    if round_.notice_page_id is None or round_.notice_from is None:
        return [_("Publish the round's public notice first.")]
    return []


def notice_is_over(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    """The notice period runs to its last day included; it closes the day after."""
    round_ = case.nomination.round
    if round_.notice_to is None:
        return [_("Publish the round's public notice first.")]
    if timezone.localdate() <= round_.notice_to:
        return [
            _("The public notice runs until %(day)s; close it after that day.")
            % {"day": round_.notice_to.isoformat()}
        ]
    return []


def motion_is_in_time(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    reasons = _past_day(inputs.get("motion_on"), _("The day the motion was sent"))
    session_on = parse_day(inputs.get("session_on"))
    if session_on is None:
        reasons.append(_("%(what)s: give the date as YYYY-MM-DD.") % {"what": _("The session")})
    if reasons:
        return reasons
    motion_on = parse_day(inputs.get("motion_on"))
    assert motion_on is not None and session_on is not None
    return rules.check_motion_lead(motion_on, session_on)


def decision_is_valid(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    reasons = _past_day(inputs.get("on"), _("The decision"))
    if reasons:
        return reasons
    motion_on = case.nomination.motion_on
    day = parse_day(inputs.get("on"))
    if motion_on is not None and day is not None and day < motion_on:
        return [_("The decision cannot be dated before the motion.")]
    return []


def _save(case: Any, **values: Any) -> None:
    nomination = case.nomination
    for name, value in values.items():
        setattr(nomination, name, value)
    nomination.save(update_fields=list(values))


def send_checks(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import send_background_checks

    send_background_checks(case, actor)


def record_review(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    _save(case, reviewed_on=timezone.localdate(), review_opinion=inputs["opinion"].strip())


def record_vote(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    _reasons, (members, votes_for, against, abstain) = vote_counts(inputs)
    _save(
        case,
        committee_members=members,
        votes_for=votes_for,
        votes_against=against,
        abstentions=abstain,
        voted_on=timezone.localdate(),
    )


def record_objections(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    _save(case, objections=(inputs.get("objections") or "").strip())


def record_meeting(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    _save(case, meeting_on=parse_day(inputs["on"]), meeting_number=inputs["number"].strip())


def send_motion(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import send_motion_step

    motion_on = parse_day(inputs["motion_on"])
    session_on = parse_day(inputs["session_on"])
    assert motion_on is not None and session_on is not None
    _save(case, motion_on=motion_on, session_on=session_on)
    send_motion_step(case, actor, motion_on, session_on)


def record_decision(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import confer_title

    on = parse_day(inputs["on"])
    assert on is not None
    _save(case, decided_on=on, decision_number=inputs["number"].strip())
    confer_title(case, actor, on, inputs["number"].strip())


def record_rejection(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import answer_motion_step

    on = parse_day(inputs["on"])
    assert on is not None
    _save(case, decided_on=on, decision_number=inputs["number"].strip())
    answer_motion_step(case, actor, on, inputs["number"].strip())


officer = is_case_division_officer
head = is_case_division_head
OPEN_STATES = ["filed", "checking", "reviewed", "recommended", "notice", "noticed", "government"]

WORKFLOW = Workflow(
    states={
        "filed": gettext_lazy("Nominated"),
        "checking": gettext_lazy("Background checks"),
        "reviewed": gettext_lazy("Initial review passed"),
        "recommended": gettext_lazy("Recommended by the review committee"),
        "notice": gettext_lazy("On public notice"),
        "noticed": gettext_lazy("Public notice closed"),
        "government": gettext_lazy("Approved by the executive meeting"),
        "motion": gettext_lazy("Motion before the standing committee"),
        "conferred": gettext_lazy("Title conferred"),
        "not_conferred": gettext_lazy("Not conferred"),
        "not_recommended": gettext_lazy("Not recommended"),
        "refused": gettext_lazy("Refused"),
        "withdrawn": gettext_lazy("Withdrawn"),
    },
    initial="filed",
    final={"conferred", "not_conferred", "not_recommended", "refused", "withdrawn"},
    transitions=[
        Transition(
            "start_checks",
            ["filed"],
            "checking",
            gettext_lazy("Send the background checks"),
            may=officer,
            effects=[send_checks],
            confirm=gettext_lazy(
                "Ask the police, market regulation, tax and customs to verify the nominee?"
            ),
        ),
        Transition(
            "pass_review",
            ["checking"],
            "reviewed",
            gettext_lazy("Pass the initial review"),
            may=head,
            guards=[checks_are_answered],
            inputs=[OPINION],
            effects=[record_review],
            style="success",
        ),
        Transition(
            "record_vote",
            ["reviewed"],
            "recommended",
            gettext_lazy("Record the committee's recommendation"),
            may=officer,
            guards=[vote_passes],
            inputs=[MEMBERS, FOR, AGAINST, ABSTAIN],
            effects=[record_vote],
            style="success",
        ),
        Transition(
            "record_vote_failed",
            ["reviewed"],
            "not_recommended",
            gettext_lazy("Record a vote without majority"),
            may=officer,
            guards=[vote_fails],
            inputs=[MEMBERS, FOR, AGAINST, ABSTAIN],
            effects=[record_vote],
            style="secondary",
        ),
        Transition(
            "start_notice",
            ["recommended"],
            "notice",
            gettext_lazy("Put on public notice"),
            # The round's notice is published by the division keeping the award, for the
            # foreigners' nominations too.
            may=officer | is_award_staff,
            guards=[notice_is_running],
        ),
        Transition(
            "close_notice",
            ["notice"],
            "noticed",
            gettext_lazy("Close the public notice"),
            may=officer,
            guards=[notice_is_over],
            inputs=[OBJECTIONS],
            effects=[record_objections],
        ),
        Transition(
            "record_meeting",
            ["noticed"],
            "government",
            gettext_lazy("Record the executive meeting's approval"),
            may=officer,
            guards=[day_is_valid],
            inputs=[ON, NUMBER],
            effects=[record_meeting],
        ),
        Transition(
            "send_motion",
            ["government"],
            "motion",
            gettext_lazy("Send the motion to the standing committee"),
            may=head,
            guards=[motion_is_in_time],
            inputs=[MOTION_ON, SESSION_ON],
            effects=[send_motion],
        ),
        Transition(
            "record_decision",
            ["motion"],
            "conferred",
            gettext_lazy("Record the decision conferring the title"),
            may=officer,
            guards=[decision_is_valid],
            inputs=[ON, NUMBER],
            effects=[record_decision],
            style="success",
        ),
        Transition(
            "record_rejection",
            ["motion"],
            "not_conferred",
            gettext_lazy("Record the decision not to confer"),
            may=officer,
            guards=[decision_is_valid],
            inputs=[ON, NUMBER],
            effects=[record_rejection],
            style="secondary",
        ),
        Transition(
            "refuse",
            ["filed", "checking", "reviewed", "notice", "noticed"],
            "refused",
            gettext_lazy("Refuse the nomination"),
            may=head,
            inputs=[REASON],
            style="danger",
        ),
        Transition(
            "withdraw",
            OPEN_STATES,
            "withdrawn",
            gettext_lazy("Record the withdrawal"),
            may=officer,
            inputs=[REASON],
            style="secondary",
            aside=True,
        ),
    ],
)

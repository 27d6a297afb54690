"""The life of the two certificates, each on one screen.

Identity certificate (归侨/侨眷身份证明书, QS): filed by the applicant or by a county office for
them → the office of the household registration place (the city for the units in the rule
``city_decides_for``) may ask for more material (the decision clock pauses) → issues the
numbered certificate, valid one year, or refuses with reasons → a refusal may go to the
province for reconsideration (an external step) → overturned (back to a decision) or upheld.

Return-to-settle certificate (华侨回国定居证, DJ): filed at the office of the intended place →
presence test and the housing and livelihood checks → issued or refused → handed to the
police for household registration (an external step) → registered.
"""

from collections.abc import Mapping
from typing import Any

import rules
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waishi.accounts.permissions import is_county_officer
from waishi.cases.clocks import Pause, Resume, Start, Stop
from waishi.cases.permissions import is_case_division_officer, is_of_case_agency
from waishi.cases.workflow import REASON, Input, Transition, Workflow

from .constants import MATERIAL_CLOCK, PROCESSING_CLOCK, Decider
from .rules import relative_reasons


def _detail(case: Any, name: str) -> Any:
    # A case read without its detail row (a probe of the to-do) is not narrowed.
    return getattr(case, name, None) if case is not None else None


@rules.predicate
def may_decide_identity(user: Any, case: Any) -> bool:
    """The deciding office: the county office of the household registration place, or the
    division where the city decides (and for applicants' online filings, which reach the
    division)."""
    detail = _detail(case, "identity_application")
    if is_case_division_officer(user, case):
        return detail is None or detail.decider == Decider.CITY or case.agency_id is None
    if is_county_officer(user) and is_of_case_agency(user, case):
        return detail is None or detail.decider == Decider.COUNTY
    return False


@rules.predicate
def may_decide_settlement(user: Any, case: Any) -> bool:
    """The office of the intended place of settlement, or the division."""
    if is_case_division_officer(user, case):
        return True
    return bool(is_county_officer(user) and is_of_case_agency(user, case))


def identity_is_lawful(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    """The relation is checked again when the certificate is issued (LAW art. 2)."""
    from .actions import principal_category

    detail = case.identity_application
    if detail.category != "qiaojuan":
        return []
    return relative_reasons(
        relation=detail.relation,
        principal_category=principal_category(detail.principal),
        support_proof=detail.support_proof,
    )


def settlement_checks_done(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    detail = case.settlement_application
    reasons = []
    if not detail.presence_met:
        reasons.append(detail.presence_note or _("The presence test is not met."))
    if not (detail.housing_checked and detail.housing_evidence):
        reasons.append(_("Check the stable housing and record its evidence first."))
    if not (detail.livelihood_checked and detail.livelihood_evidence):
        reasons.append(_("Check the livelihood and record its evidence first."))
    return reasons


def issue_identity(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import issue_identity_certificate

    issue_identity_certificate(case, actor)


def refuse_identity(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    detail = case.identity_application
    detail.refusal_reasons = inputs["reason"].strip()
    detail.save(update_fields=["refusal_reasons"])


def refuse_settlement(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    detail = case.settlement_application
    detail.refusal_reasons = inputs["reason"].strip()
    detail.save(update_fields=["refusal_reasons"])


def send_to_province(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import send_reconsideration

    send_reconsideration(case, actor, inputs)


def answer_province(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import answer_waiting_step

    answer_waiting_step(case, actor, inputs.get("reason", ""))


def issue_settlement(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import issue_settlement_certificate

    issue_settlement_certificate(case, actor)


def hand_over(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import send_to_police

    send_to_police(case, actor)


def registered(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import answer_waiting_step

    answer_waiting_step(case, actor, inputs.get("reason", "") or _("Household registered."))


NOTE = Input("reason", gettext_lazy("Note"), required=False)

IDENTITY_WORKFLOW = Workflow(
    states={
        "submitted": gettext_lazy("Filed, awaiting the decision"),
        "material_requested": gettext_lazy("More material requested"),
        "issued": gettext_lazy("Certificate issued"),
        "refused": gettext_lazy("Refused"),
        "reconsideration": gettext_lazy("Under reconsideration at the province"),
        "closed": gettext_lazy("Closed"),
    },
    initial="submitted",
    final={"issued", "closed"},
    transitions=[
        Transition(
            "request_material",
            ["submitted"],
            "material_requested",
            gettext_lazy("Ask for more material"),
            may=may_decide_identity,
            inputs=[REASON],
            style="warning",
            clocks=[Pause(PROCESSING_CLOCK), Start(MATERIAL_CLOCK)],
        ),
        Transition(
            "material_received",
            ["material_requested"],
            "submitted",
            gettext_lazy("Record the material received"),
            may=may_decide_identity,
            clocks=[Stop(MATERIAL_CLOCK), Resume(PROCESSING_CLOCK)],
        ),
        Transition(
            "issue",
            ["submitted"],
            "issued",
            gettext_lazy("Issue the certificate"),
            may=may_decide_identity,
            guards=[identity_is_lawful],
            effects=[issue_identity],
            style="success",
            clocks=[Stop(PROCESSING_CLOCK)],
        ),
        Transition(
            "refuse",
            ["submitted"],
            "refused",
            gettext_lazy("Refuse with reasons"),
            may=may_decide_identity,
            inputs=[REASON],
            effects=[refuse_identity],
            style="danger",
            clocks=[Stop(PROCESSING_CLOCK)],
        ),
        Transition(
            "seek_reconsideration",
            ["refused"],
            "reconsideration",
            gettext_lazy("Record the application for reconsideration at the province"),
            may=is_case_division_officer,
            inputs=[REASON],
            effects=[send_to_province],
        ),
        Transition(
            "reconsideration_overturned",
            ["reconsideration"],
            "submitted",
            gettext_lazy("Record the province's decision: decide again"),
            may=is_case_division_officer,
            inputs=[REASON],
            effects=[answer_province],
            clocks=[Start(PROCESSING_CLOCK)],
        ),
        Transition(
            "reconsideration_upheld",
            ["reconsideration"],
            "closed",
            gettext_lazy("Record the province's decision: refusal upheld"),
            may=is_case_division_officer,
            inputs=[REASON],
            effects=[answer_province],
            style="secondary",
        ),
        Transition(
            "close",
            ["refused"],
            "closed",
            gettext_lazy("Close (no reconsideration sought)"),
            may=is_case_division_officer,
            style="secondary",
        ),
    ],
)

SETTLEMENT_WORKFLOW = Workflow(
    states={
        "submitted": gettext_lazy("Filed, awaiting the decision"),
        "material_requested": gettext_lazy("More material requested"),
        "issued": gettext_lazy("Certificate issued"),
        "with_police": gettext_lazy("With the police for household registration"),
        "registered": gettext_lazy("Household registered"),
        "refused": gettext_lazy("Refused"),
    },
    initial="submitted",
    final={"registered", "refused"},
    transitions=[
        Transition(
            "request_material",
            ["submitted"],
            "material_requested",
            gettext_lazy("Ask for more material"),
            may=may_decide_settlement,
            inputs=[REASON],
            style="warning",
            clocks=[Pause(PROCESSING_CLOCK), Start(MATERIAL_CLOCK)],
        ),
        Transition(
            "material_received",
            ["material_requested"],
            "submitted",
            gettext_lazy("Record the material received"),
            may=may_decide_settlement,
            clocks=[Stop(MATERIAL_CLOCK), Resume(PROCESSING_CLOCK)],
        ),
        Transition(
            "issue",
            ["submitted"],
            "issued",
            gettext_lazy("Issue the certificate"),
            may=may_decide_settlement,
            guards=[settlement_checks_done],
            effects=[issue_settlement],
            style="success",
            clocks=[Stop(PROCESSING_CLOCK)],
        ),
        Transition(
            "refuse",
            ["submitted"],
            "refused",
            gettext_lazy("Refuse with reasons"),
            may=may_decide_settlement,
            inputs=[REASON],
            effects=[refuse_settlement],
            style="danger",
            clocks=[Stop(PROCESSING_CLOCK)],
        ),
        Transition(
            "hand_over",
            ["issued"],
            "with_police",
            gettext_lazy("Hand over to the police for household registration"),
            may=is_case_division_officer,
            effects=[hand_over],
        ),
        Transition(
            "record_registration",
            ["with_police"],
            "registered",
            gettext_lazy("Record the household registration"),
            may=is_case_division_officer,
            inputs=[NOTE],
            effects=[registered],
            style="success",
        ),
    ],
)

"""Guards and effects of the visit and gift workflows (see ``workflow.py``).

A guard returns the translated reasons a transition may not run; an effect writes the area's
own fields inside the transition's transaction.
"""

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.cases.constants import StepBody, StepStatus
from waishi.cases.models import ExternalStep
from waishi.cases.rule_engine import load_rulebook

from .constants import DECLARATION_CLOCK, RULE_AREA, RuleCode
from .models import PlanVersion, ReceivedGift, Visit

Inputs = Mapping[str, str]


def _visit(case: Any) -> Visit:
    return Visit.objects.select_related("case").get(case_id=case.pk)


def _gift(case: Any) -> ReceivedGift:
    return ReceivedGift.objects.get(case_id=case.pk)


def missing_parts(visit: Visit) -> list[str]:
    """What the plan still lacks before it can be filed or approved."""
    missing = []
    guests = list(visit.guests.all())
    if not guests:
        missing.append(_("Add the members of the delegation."))
    elif sum(1 for g in guests if g.is_head) != 1:
        missing.append(_("Mark exactly one guest as the head of delegation."))
    if not visit.schedule.exists():
        missing.append(_("Add the schedule of the reception plan."))
    return missing


def plan_is_complete(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    return missing_parts(_visit(case))


def warnings_accepted(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    """Every rule warning must be accepted, with a reason, before the plan is approved."""
    from .checking import check_stored_visit

    return [
        _("Warning not yet accepted by an authorised officer: %(message)s") % {"message": v.message}
        for v in check_stored_visit(_visit(case)).open
    ]


def diplomats_approved(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    """Inviting accredited diplomats needs the province's or the Ministry's answer first."""
    if not _visit(case).invites_diplomats:
        return []
    answered = ExternalStep.objects.filter(
        case_id=case.pk,
        body__in=(StepBody.PROVINCIAL_FAO, StepBody.MFA),
        status=StepStatus.ANSWERED,
    ).exists()
    if answered:
        return []
    return [
        _(
            "Diplomats accredited in China are invited: record the approval of the provincial "
            "foreign-affairs office or the Ministry of Foreign Affairs as an external step first."
        )
    ]


def visit_has_begun(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    if _visit(case).arrival_date > timezone.localdate():
        return [_("The visit has not begun yet.")]
    return []


def report_is_written(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    if not _visit(case).outcome_report.strip():
        return [_("Write the outcome report first.")]
    return []


def plan_snapshot(visit: Visit) -> dict[str, Any]:
    """The plan as filed, in plain data (what a later version is compared with)."""
    return {
        "arrival": visit.arrival_date.isoformat(),
        "departure": visit.departure_date.isoformat(),
        "hosting_class": visit.hosting_class,
        "guests": [
            {"name": g.person.name, "rank_class": g.rank_class, "is_head": g.is_head}
            for g in visit.guests.select_related("person")
        ],
        "schedule": [
            {
                "time": timezone.localtime(i.starts_at).strftime("%Y-%m-%d %H:%M"),
                "place": i.place,
                "activity": i.activity,
                "kind": i.kind,
                "chinese_participants": i.chinese_participants,
                "city_leader": i.city_leader,
            }
            for i in visit.schedule.all()
        ],
        "gifts": [
            {"item": g.item, "value": str(g.value), "recipient": g.recipient.person.name}
            for g in visit.gifts_given.select_related("recipient__person")
        ],
        "lodging_stars": visit.lodging_stars,
        "meals_per_day": str(visit.meals_per_day) if visit.meals_per_day is not None else None,
    }


def record_plan_version(case: Any, actor: Any, inputs: Inputs) -> None:
    """Each filing of a changed plan keeps the plan as filed, as a new version."""
    visit = _visit(case)
    snapshot = plan_snapshot(visit)
    last = visit.plan_versions.order_by("-number").first()
    if last is not None and last.snapshot == snapshot:
        return
    number = (last.number if last else 0) + 1
    PlanVersion.objects.create(visit=visit, number=number, snapshot=snapshot, created_by=actor)
    Visit.objects.filter(pk=visit.pk).update(plan_version=number, version=F("version") + 1)


# Gifts received.


def declaration_threshold(day: Any) -> Decimal | None:
    rule = load_rulebook(RULE_AREA, day).get(RuleCode.DECLARATION_THRESHOLD)
    return Decimal(rule.value) if rule is not None else None


def must_declare(gift: ReceivedGift) -> bool:
    """Cash and securities always; goods at or above the rule's value (GIFT art. 7)."""
    if gift.is_money:
        return True
    threshold = declaration_threshold(gift.received_on)
    return threshold is not None and gift.value >= threshold


def gift_must_be_declared(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    if not must_declare(_gift(case)):
        return [_("The gift is worth less than the value to declare: the recipient keeps it.")]
    return []


def gift_may_be_kept(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    gift = _gift(case)
    if gift.is_money:
        return [_("Cash and securities are never kept: refuse them or declare them.")]
    if must_declare(gift):
        return [_("The gift is worth at least the value to declare: declare and hand it in.")]
    return []


def gift_is_goods(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    if _gift(case).is_money:
        return [_("Cash and securities go to the treasury.")]
    return []


def gift_is_money(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    if not _gift(case).is_money:
        return [_("Only cash and securities go to the treasury.")]
    return []


def record_declaration(case: Any, actor: Any, inputs: Inputs) -> None:
    """Record the day declared and whether the month had run out (the clock's due day)."""
    from waishi.cases.models import Clock

    today = timezone.localdate()
    due = (
        Clock.objects.filter(case_id=case.pk, code=DECLARATION_CLOCK)
        .values_list("due_date", flat=True)
        .first()
    )
    ReceivedGift.objects.filter(case_id=case.pk).update(
        declared_on=today, declared_late=bool(due is not None and today > due)
    )


def record_hand_in(case: Any, actor: Any, inputs: Inputs) -> None:
    ReceivedGift.objects.filter(case_id=case.pk).update(
        keeping_body=inputs["keeping_body"].strip(), handed_in_on=timezone.localdate()
    )


def record_disposal(case: Any, actor: Any, inputs: Inputs) -> None:
    ReceivedGift.objects.filter(case_id=case.pk).update(
        disposal=inputs["disposal"].strip(), disposed_on=timezone.localdate()
    )

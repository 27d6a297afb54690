"""The rule check of a stored visit: its parts read once, turned into the rules' inputs."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from .models import Visit
from .rules import GiftInput, GuestInput, ItemInput, Violation, VisitInput, check_visit


@dataclass
class Checked:
    """A visit's violations, split into those still open and those accepted with a reason."""

    open: list[Violation]
    accepted: list[tuple[Violation, str]]


def visit_input(visit: Visit, *, filed_on: datetime.date | None = None) -> VisitInput:
    """The rules' view of ``visit`` (reads its guests, schedule and gifts; prefetched or not)."""
    guests = list(visit.guests.all())
    heads = {g.pk for g in guests if g.is_head}
    names = {g.pk: g.person.name for g in guests}
    return VisitInput(
        arrival=visit.arrival_date,
        departure=visit.departure_date,
        hosting_class=visit.hosting_class,
        reciprocity_agreement=visit.reciprocity_agreement,
        invites_diplomats=visit.invites_diplomats,
        lodging_stars=visit.lodging_stars,
        meals_per_day=visit.meals_per_day,
        guests=tuple(GuestInput(g.person.name, g.rank_class, g.is_head) for g in guests),
        schedule=tuple(
            ItemInput(
                starts_on=timezone.localtime(i.starts_at).date(),
                activity=i.activity,
                kind=i.kind,
                banquet_format=i.banquet_format,
                host_rank=i.host_rank,
                cost_per_person=i.cost_per_person,
                city_leader=i.city_leader,
                leader_requested_on=i.leader_requested_on,
                leader_approved_on=i.leader_approved_on,
            )
            for i in visit.schedule.all()
        ),
        gifts=tuple(
            GiftInput(g.item, g.value, names.get(g.recipient_id, ""), g.recipient_id in heads)
            for g in visit.gifts_given.all()
        ),
        filed_on=filed_on,
    )


def check_stored_visit(visit: Visit) -> Checked:
    """The visit's violations today, each open or accepted (an accepted rule stays accepted)."""
    found = check_visit(visit_input(visit), timezone.localdate())
    reasons = {o.rule_code: o.reason for o in visit.overrides.all()}
    return Checked(
        open=[v for v in found if v.rule_code not in reasons],
        accepted=[(v, reasons[v.rule_code]) for v in found if v.rule_code in reasons],
    )

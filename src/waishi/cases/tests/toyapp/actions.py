from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from waishi.cases.actions import do_create_case
from waishi.cases.models import Case
from waishi.cases.refusals import Refused

from .models import CASE_TYPE, Booking


def do_file_booking(
    *, actor: Any, data: dict[str, Any], request: HttpRequest | None = None
) -> Case:
    """File a draft booking for the actor's agency. Checks ``toyapp.file_booking``.

    ``data`` is a valid ``BookingForm``'s ``cleaned_data``; the kernel audits the filing.
    """
    if not actor.has_perm("toyapp.file_booking") or actor.agency_id is None:
        raise Refused([_("You may not book an interpreter.")], forbidden=True)

    def build(case: Case) -> None:
        Booking.objects.create(
            case=case, language=data["language"], day=data["day"], hours=data["hours"]
        )

    return do_create_case(
        actor=actor,
        case_type=CASE_TYPE,
        agency=actor.agency,
        title=data["title"],
        build_detail=build,
        request=request,
    )

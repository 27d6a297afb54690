"""Guards and effects of the issuance request workflow (see ``workflow.py``)."""

from collections.abc import Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import IssuanceRequest

Inputs = Mapping[str, str]
# Mission states in which documents may be asked for and handed out.
APPROVED_STATES = frozenset({"approved", "departed"})


def _request(case: Any) -> IssuanceRequest:
    return IssuanceRequest.objects.select_related("mission__case").get(case_id=case.pk)


def mission_is_approved(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    request = _request(case)
    if request.mission.case.status not in APPROVED_STATES:
        return [_("Documents are issued only for an approved mission.")]
    if not request.items.exists():
        return [_("Add the members who need a document.")]
    return []


def materials_attached(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    """Photos and application forms are uploaded on the case page before filing."""
    needed = _request(case).items.count()
    if case.attachments.count() < needed:
        return [
            _(
                "Upload a photo and the application form for every member "
                "(%(needed)d documents asked for, %(found)d files attached)."
            )
            % {"needed": needed, "found": case.attachments.count()}
        ]
    return []


def record_complete(case: Any, actor: Any, inputs: Inputs) -> None:
    """Complete materials: the day the processing target (a clock) counts from."""
    IssuanceRequest.objects.filter(case_id=case.pk).update(submitted_on=timezone.localdate())


def every_item_issued(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    if _request(case).items.filter(issued__isnull=True).exists():
        return [_("Enter the number of every document issued first.")]
    return []


def record_issue(case: Any, actor: Any, inputs: Inputs) -> None:
    IssuanceRequest.objects.filter(case_id=case.pk).update(issued_on=timezone.localdate())

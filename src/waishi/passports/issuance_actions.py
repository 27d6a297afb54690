"""Writes of issuance requests: opening one for an approved mission, and recording the issue.

Filing, returning and accepting run through the case kernel's workflow (``workflow.py``).
"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.cases import actions as case_actions
from waishi.cases.models import Case
from waishi.cases.standing import AgencySuspended

from .actions import do_cancel_document, do_register_document
from .constants import CASE_TYPE, ISSUABLE_KINDS, DocumentStatus
from .guards import APPROVED_STATES
from .models import IssuanceItem, IssuanceRequest, TravelDocument
from .rules import expiry_limit


class AgencyLocked(ValidationError):
    """The agency is suspended; ``messages`` say which documents to return."""


def old_document_to_surrender(holder: Any, kind: str, on: datetime.date) -> TravelDocument | None:
    """The holder's usable document of ``kind`` with less than 6 months (as data) left."""
    limit, _rule = expiry_limit(on)
    return (
        TravelDocument.objects.filter(
            holder=holder,
            kind=kind,
            status__in=[DocumentStatus.IN_CUSTODY, DocumentStatus.EXPIRED],
            expiry_date__lt=limit,
        )
        .order_by("-expiry_date")
        .first()
    )


def do_open_request(
    *,
    actor: Any,
    mission: Any,
    holders: list[Any],
    kind: str,
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> IssuanceRequest:
    """Open a draft request for members of the agency's approved mission.

    Checks ``passports.file_request`` and that the mission is the actor's agency's. A
    suspended agency (the kernel's agency standing) is refused with the reasons
    (``AgencyLocked``); nothing is written.
    An old document of the same kind with less than 6 months left is surrendered with it.
    """
    if not actor.has_perm("passports.file_request") or actor.agency_id is None:
        raise PermissionDenied(_("You may not do this."))
    if mission.case.agency_id != actor.agency_id:
        raise PermissionDenied(_("You may not do this."))
    if mission.case.status not in APPROVED_STATES:
        raise ValidationError(_("Documents are issued only for an approved mission."))
    if kind not in {str(k) for k in ISSUABLE_KINDS}:
        raise ValidationError(_("The bureau does not issue this kind of document."))
    member_ids = set(mission.members.values_list("traveller_id", flat=True))
    if not holders or any(h.pk not in member_ids for h in holders):
        raise ValidationError(_("Choose members of the mission."))
    today = timezone.localdate()

    def build(case: Case) -> IssuanceRequest:
        detail = IssuanceRequest.objects.create(case=case, mission=mission)
        for holder in holders:
            IssuanceItem.objects.create(
                request=detail,
                holder=holder,
                kind=kind,
                surrendered=old_document_to_surrender(holder, kind, mission.return_date or today),
            )
        return detail

    try:
        case = case_actions.do_create_case(
            actor=actor,
            case_type=CASE_TYPE,
            agency=actor.agency,
            title=(_("Documents for %(mission)s") % {"mission": mission.case.title})[:200],
            build_detail=build,
            idempotency_key=idempotency_key,
            request=request,
        )
    except AgencySuspended as suspended:
        raise AgencyLocked(suspended.reasons) from None
    return IssuanceRequest.objects.select_related("case", "mission__case").get(case=case)


def do_issue_documents(
    *,
    actor: Any,
    issuance: IssuanceRequest,
    issued: dict[int, dict[str, Any]],
    request: HttpRequest | None = None,
) -> IssuanceRequest:
    """Register every issued document in custody, cancel the surrendered ones, close the case.

    ``issued`` maps each item id to ``number``, ``issue_date``, ``expiry_date`` and
    ``issuing_authority``. Checks ``passports.manage_register``; the workflow's ``issue``
    transition checks the officer's right on the case.
    """
    if not actor.has_perm("passports.manage_register"):
        raise PermissionDenied(_("You may not do this."))
    with transaction.atomic():
        items = list(
            IssuanceItem.objects.select_for_update(of=("self",))
            .filter(request=issuance, issued__isnull=True)
            .select_related("holder", "surrendered")
        )
        for item in items:
            data = issued.get(item.pk)
            if data is None:
                raise ValidationError(_("Enter the number of every document issued first."))
            document = do_register_document(
                actor=actor,
                kind=item.kind,
                number=data["number"],
                holder=item.holder,
                issue_date=data["issue_date"],
                expiry_date=data["expiry_date"],
                issuing_authority=data["issuing_authority"],
                request=request,
            )
            TravelDocument.objects.filter(pk=document.pk).update(issued_by_request=item)
            item.issued = document
            item.save(update_fields=["issued"])
            if item.surrendered is not None and item.surrendered.status != DocumentStatus.CANCELLED:
                do_cancel_document(
                    actor=actor,
                    document=item.surrendered,
                    reason=_("Surrendered with request %(reference)s for a new document.")
                    % {"reference": issuance.case.reference},
                    request=request,
                )
        log_action(
            action="passports.request.record_documents",
            actor=actor,
            obj=issuance.case,
            after={"items": [i.pk for i in items]},
            request=request,
        )
        case_actions.do_transition(
            case=issuance.case, transition="issue", actor=actor, request=request
        )
    return issuance

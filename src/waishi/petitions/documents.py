"""The written notices (受理/转送/不予受理告知书) and the handling opinion (信访处理意见书).

They are the kernel's official documents (``waishi.cases.documents``): numbered per kind and
year, drawn to PDF after commit, verifiable by QR code on the portal, which shows only the
kind, number, dates and the facts named in ``public_facts`` (none of the complaint's).
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from .constants import NOTICE_ACCEPT, NOTICE_DECLINE, NOTICE_TRANSFER, OPINION

NOTICE_KINDS = {"accept": NOTICE_ACCEPT, "transfer": NOTICE_TRANSFER, "decline": NOTICE_DECLINE}


def register() -> None:
    """Declare the four kinds of document (from ``AppConfig.ready``)."""
    from waishi.cases.documents import DocumentKind, register_document_kind

    for code, label, number_format, template in (
        (
            NOTICE_ACCEPT,
            _("Notice of acceptance of a complaint"),
            _("Zhao Qiao Petition Acceptance [%(year)s] No. %(number)s"),
            "petitions/documents/accept.html",
        ),
        (
            NOTICE_TRANSFER,
            _("Notice of transfer of a complaint"),
            _("Zhao Qiao Petition Transfer [%(year)s] No. %(number)s"),
            "petitions/documents/transfer.html",
        ),
        (
            NOTICE_DECLINE,
            _("Notice of non-acceptance of a complaint"),
            _("Zhao Qiao Petition Non-acceptance [%(year)s] No. %(number)s"),
            "petitions/documents/decline.html",
        ),
        (
            OPINION,
            _("Handling opinion on a complaint"),
            _("Zhao Qiao Petition Opinion [%(year)s] No. %(number)s"),
            "petitions/documents/opinion.html",
        ),
    ):
        register_document_kind(
            DocumentKind(
                code=code,
                label=label,
                number_format=number_format,
                template=template,
                public_facts=(),
            )
        )


def _facts(case: Any, petition: Any) -> dict[str, Any]:
    return {
        "reference": case.reference,
        "petitioner": petition.petitioner.name,
        "received_on": petition.received_on.isoformat(),
        "channel": str(petition.get_channel_display()),
        "category": str(petition.get_category_display()),
        "rights_area": str(petition.get_rights_area_display()),
        "against": petition.against_name,
        "request": petition.request,
    }


def issue_notice(case: Any, petition: Any, actor: Any, which: str) -> Any:
    """Issue the written notice of acceptance, transfer or non-acceptance."""
    from waishi.cases.documents import issue_document

    facts = _facts(case, petition)
    facts.update(
        accepted_on=petition.accepted_on.isoformat() if petition.accepted_on else "",
        transferred_on=petition.transferred_on.isoformat() if petition.transferred_on else "",
        transferred_to=petition.transferred_to,
        declined_reason=petition.declined_reason,
    )
    if petition.accepted_on is not None:
        from .constants import RuleCode
        from .rules import rule_number

        facts["conclude_days"] = rule_number(RuleCode.CONCLUDE_DAYS, petition.accepted_on)
        facts["extension_most"] = rule_number(RuleCode.EXTENSION_DAYS, petition.accepted_on)
    return issue_document(
        case=case, kind=NOTICE_KINDS[which], actor=actor, facts=facts, language="zh-hans"
    )


def issue_opinion(case: Any, petition: Any, actor: Any) -> Any:
    """Issue the handling opinion, with the route to a review (复查) within 30 days."""
    from waishi.cases.documents import issue_document

    from .constants import RuleCode
    from .rules import rule_number

    facts = _facts(case, petition)
    facts.update(
        replied_on=petition.replied_on.isoformat() if petition.replied_on else "",
        opinion=petition.opinion,
        extension_days=petition.extension_days,
        extension_reason=petition.extension_reason,
        transferred_to=petition.transferred_to,
        review_days=rule_number(RuleCode.REVIEW_REQUEST_DAYS, petition.replied_on),
    )
    return issue_document(case=case, kind=OPINION, actor=actor, facts=facts, language="zh-hans")

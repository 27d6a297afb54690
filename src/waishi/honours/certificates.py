"""The Honorary Citizen certificate: a numbered official document of the kernel.

Numbering, the PDF, the QR code and the portal's verification are the kernel's
(``waishi.cases.documents``); this module says what the certificate prints. The signer comes
from the rule ``certificate_signer`` in force on the day the title was conferred.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from waishi.cases.documents import (
    DocumentKind,
    issue_document,
    register_document_kind,
    revoke_document,
)
from waishi.cases.models import OfficialDocument

from .constants import CERTIFICATE_KIND, NomineeType, RuleCode
from .models import HonoraryCitizen
from .rules import rule_value

KIND = DocumentKind(
    code=CERTIFICATE_KIND,
    label=_("Honorary Citizen of Zhaoqing certificate"),
    number_format=_("Zhaoqing Honorary Citizen [%(year)s] No. %(number)s"),
    template="honours/documents/certificate.html",
    public_facts=("name", ("conferred_on", _("Conferred on")), ("decision", _("Decision"))),
)


def certificate_facts(citizen: HonoraryCitizen) -> dict[str, Any]:
    """Everything the certificate prints (JSON-ready)."""
    nomination = citizen.nomination
    person = citizen.person
    signer = rule_value(RuleCode.CERTIFICATE_SIGNER, citizen.conferred_on).value
    return {
        "name": person.name,
        "foreign_name": person.foreign_names,
        "nominee_type": nomination.nominee_type,
        "nominee_type_label": str(NomineeType(nomination.nominee_type).label),
        "citation": nomination.citation,
        "citation_en": nomination.citation_en,
        "conferred_on": citizen.conferred_on.isoformat(),
        "decision": citizen.decision_number,
        "round": nomination.round.title,
        "signer": signer.get("title", ""),
        "signer_en": signer.get("title_en", ""),
    }


def issue_certificate(case: Any, citizen: HonoraryCitizen, actor: Any) -> OfficialDocument:
    """Issue the certificate inside the caller's transaction; keeps its printed number.

    A foreign holder's certificate is printed in English, everyone else's in Chinese.
    """
    language = "en" if citizen.nomination.nominee_type == NomineeType.FOREIGN else "zh-hans"
    document = issue_document(
        case=case,
        kind=CERTIFICATE_KIND,
        actor=actor,
        facts=certificate_facts(citizen),
        valid_until=None,
        language=language,
    )
    citizen.certificate_number = str(document.number)
    citizen.save(update_fields=["certificate_number", "updated_at"])
    return document


def revoke_certificate(case: Any, actor: Any, reason: str) -> None:
    """Revoke the case's current certificate (a revoked or ended title)."""
    for document in OfficialDocument.objects.filter(
        case_id=case.pk,
        kind=CERTIFICATE_KIND,
        revoked_at__isnull=True,
        superseded_at__isnull=True,
    ):
        revoke_document(document=document, actor=actor, reason=reason)


def register_certificate() -> None:
    """Declare the certificate's document kind (from ``HonoursConfig.ready``)."""
    register_document_kind(KIND)

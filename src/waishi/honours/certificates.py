"""The Honorary Citizen certificate: a numbered official document of the kernel.

Numbering, the PDF, the QR code and the portal's verification are the kernel's
(``waishi.cases.documents``); this module says what the certificate prints. The signer comes
from the rule ``certificate_signer`` in force on the day the title was conferred.
"""

from typing import Any

from .constants import CERTIFICATE_KIND, NomineeType, RuleCode
from .models import HonoraryCitizen
from .rules import rule_value


def documents_available() -> bool:
    try:
        from waishi.cases import documents  # noqa: F401
    except ImportError:
        return False
    return True


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


def issue_certificate(case: Any, citizen: HonoraryCitizen, actor: Any) -> Any:
    """Issue the certificate inside the caller's transaction; keeps its printed number."""
    if not documents_available():
        return None
    from waishi.cases.documents import issue_document

    # A nominee abroad without a Chinese name reads the certificate in English.
    language = "zh-hans" if citizen.nomination.nominee_type != NomineeType.FOREIGN else "en"
    document = issue_document(
        case=case,
        kind=CERTIFICATE_KIND,
        actor=actor,
        facts=certificate_facts(citizen),
        valid_until=None,
        language=language,
    )
    citizen.certificate_number = document.number
    citizen.save(update_fields=["certificate_number", "updated_at"])
    return document


def revoke_certificate(case: Any, actor: Any, reason: str) -> None:
    """Revoke the case's valid certificate (a revoked or ended title)."""
    if not documents_available():
        return
    from waishi.cases.documents import revoke_document
    from waishi.cases.models import OfficialDocument  # type: ignore[attr-defined]

    for document in OfficialDocument.objects.filter(
        case_id=case.pk, kind=CERTIFICATE_KIND, state="valid"
    ):
        revoke_document(document=document, actor=actor, reason=reason)


def register_certificate() -> None:
    """Declare the certificate's document kind (from ``HonoursConfig.ready``)."""
    if not documents_available():
        return
    from django.utils.translation import gettext_lazy as _

    from waishi.cases.documents import DocumentKind, register_document_kind

    register_document_kind(
        DocumentKind(
            code=CERTIFICATE_KIND,
            label=_("Honorary Citizen of Zhaoqing certificate"),
            number_format=_("Zhaoqing Honorary Citizen [%(year)s] No. %(number)s"),
            template="honours/documents/certificate.html",
            public_facts=("name", "conferred_on"),
        )
    )

"""The donation certificate and the confirmation certificate: the kernel's numbered PDFs.

The county office issues the certificate for a county-level donee, the bureau for a
city-level one (PREF); a donor abroad gets it in English. Verification on the portal shows
only the public facts: the donor (or "not published"), the value and the date.
"""

from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from waishi.registers.countries import is_abroad

from .constants import CONFIRMATION_CERTIFICATE, DONATION_CERTIFICATE


def register() -> None:
    """Declare the two kinds of document to the kernel (from ``DonationsConfig.ready``)."""
    from waishi.cases.documents import DocumentKind, register_document_kind

    register_document_kind(
        DocumentKind(
            code=DONATION_CERTIFICATE,
            label=_("Donation certificate of overseas Chinese and compatriots"),
            number_format=_("Zhao Qiao Donation Certificate [%(year)s] No. %(number)s"),
            template="donations/documents/certificate.html",
            # The donor's name only as the donor agreed to its publicity (DL art. 8).
            public_facts=(
                ("donor_public", _("Donor")),
                "donee",
                ("value_rmb", _("Value in RMB")),
                ("accepted_on", _("Accepted on")),
            ),
        )
    )
    register_document_kind(
        DocumentKind(
            code=CONFIRMATION_CERTIFICATE,
            label=_("Confirmation certificate of a donated project"),
            number_format=_("Zhao Qiao Project Confirmation [%(year)s] No. %(number)s"),
            template="donations/documents/confirmation.html",
            public_facts=(
                ("project", _("Project")),
                "donee",
                ("sign_plate_number", _("Sign-plate number")),
                ("confirmed_on", _("Confirmed on")),
            ),
        )
    )


def language_for(countries: list[str]) -> str:
    """The certificate's language: English for a donor abroad, Traditional Chinese for
    compatriots of Hong Kong, Macao and Taiwan, Simplified Chinese otherwise."""
    if any(is_abroad(c) and c not in ("HK", "MO", "TW") for c in countries):
        return "en"
    if any(c in ("HK", "MO", "TW") for c in countries):
        return "zh-hant"
    return "zh-hans"


def _issuer(county: Any) -> str:
    from waishi.accounts.models import Bureau

    if county is not None:
        office = county.children.filter(kind="county_fao").first()
        if office is not None:
            return str(office)
    return str(Bureau.objects.order_by("pk").first() or "")


def issue_certificate(case: Any, actor: Any) -> Any:
    """Issue the donation certificate of ``case`` to its donors (inside the transition)."""
    from waishi.cases.documents import issue_document

    from .models import Donation

    donation = (
        Donation.objects.select_related("case__agency", "county")
        .prefetch_related("donor_links__donor__person", "donor_links__donor__organisation")
        .get(case_id=case.pk)
    )
    donors = [link.donor for link in donation.donor_links.all()]
    language = language_for([d.country for d in donors])
    shown = [d.name if d.publicity_consent and not d.confidential else "" for d in donors]
    with translation.override(language):
        facts = _donation_facts(donation, donors, shown)
    return issue_document(
        case=case,
        kind=DONATION_CERTIFICATE,
        actor=actor,
        facts=facts,
        valid_until=None,
        language=language,
    )


def _donation_facts(donation: Any, donors: list[Any], shown: list[str]) -> dict[str, Any]:
    return {
        "donor": "、".join(d.name for d in donors),
        "donor_public": "、".join(n for n in shown if n) or "—",
        "donee": str(donation.case.agency),
        "value_rmb": f"{donation.rmb_value:,.2f}",
        "currency": donation.currency,
        "amount": f"{donation.amount:,.2f}",
        "gift_form": donation.gift_form,
        "goods": donation.goods_description,
        "purpose": donation.get_purpose_display(),
        "use": donation.use,
        "accepted_on": donation.accepted_on.isoformat(),
        "issuer": _issuer(donation.county),
        "issued_on": timezone.localdate().isoformat(),
    }


def issue_confirmation(case: Any, actor: Any, project: Any) -> Any:
    """Issue the confirmation certificate of a donated project (inside the transition)."""
    from waishi.cases.documents import issue_document

    donor = project.donor
    language = language_for([donor.country])
    with translation.override(language):
        facts = {
            "project": project.display_name,
            "donor": donor.name,
            "donee": str(case.agency),
            "location": project.location,
            "value_rmb": f"{project.donated_rmb:,.2f}",
            "sign_plate_number": project.sign_plate_number,
            "government_approval": project.government_approval,
            "confirmed_on": project.confirmed_on.isoformat(),
            "issuer": _issuer(project.county),
        }
    return issue_document(
        case=case,
        kind=CONFIRMATION_CERTIFICATE,
        actor=actor,
        facts=facts,
        valid_until=None,
        language=language,
    )

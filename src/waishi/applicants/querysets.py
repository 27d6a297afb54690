"""Which cases and companies an applicant may see. Every applicant page starts here.

A person sees the cases they filed and the cases filed for a company that authorised them;
everyone else (other applicants, and staff or agencies on these pages) sees none. A case
that is missing and one the person may not see answer alike: ``CaseNotFound`` (404).
"""

from typing import Any

from django.db.models import Q, QuerySet

from waishi.cases.models import Case
from waishi.cases.querysets import CaseNotFound

from .models import Authorisation, Company


def is_applicant(user: Any) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm("accounts.use_applicant_pages")
    )


def companies_of(user: Any) -> QuerySet[Company]:
    """The companies that authorised ``user``."""
    if not is_applicant(user):
        return Company.objects.none()
    return Company.objects.filter(authorisations__user=user)


def applications_visible_to(user: Any) -> QuerySet[Case]:
    """The cases ``user`` filed, and those filed for a company that authorised them."""
    if not is_applicant(user):
        return Case.objects.none()
    company_ids = Authorisation.objects.filter(user=user).values("company_id")
    return Case.objects.filter(Q(filing__person=user) | Q(filing__company_id__in=company_ids))


def access_application(user: Any, reference: str) -> Case:
    """The case ``reference`` with its filing, if ``user`` may see it; ``CaseNotFound`` else."""
    case = (
        applications_visible_to(user)
        .select_related("division", "filing", "filing__company", "filing__person")
        .filter(reference=reference)
        .first()
    )
    if case is None:
        raise CaseNotFound
    return case


def access_company(user: Any, company_id: int) -> tuple[Company, Authorisation]:
    """A company that authorised ``user``, with that authorisation; ``CaseNotFound`` else."""
    authorisation = (
        Authorisation.objects.filter(user=user, company_id=company_id)
        .select_related("company")
        .first()
    )
    if authorisation is None or not is_applicant(user):
        raise CaseNotFound
    return authorisation.company, authorisation

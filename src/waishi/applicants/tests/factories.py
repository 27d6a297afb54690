"""Applicants, companies and filings for tests."""

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import TEST_PASSWORD
from waishi.applicants import actions
from waishi.applicants.constants import IdentityKind
from waishi.applicants.models import Applicant, Authorisation, Company
from waishi.core.validators import credit_code_check_character

from .public_type import PUBLIC_CODE

# GB 11643's own example; valid.
ID_NUMBER = "11010519491231002X"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "letter.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def credit_code(n: int) -> str:
    first17 = f"91441200MA{n:07d}"
    return first17 + credit_code_check_character(first17)


def make_applicant(phone: str = "13800138000", name: str = "陈丽华", **fields: Any) -> Any:
    """An applicant who signed up with ``phone`` (no code: straight into the tables)."""
    from waishi.accounts.models import RoleGrant, User

    user = User.objects.create_user(
        username=phone,
        password=TEST_PASSWORD,
        phone=phone,
        full_name=name,
        must_change_password=False,
    )
    RoleGrant.objects.create(user=user, role=Role.APPLICANT)
    Applicant.objects.create(
        user=user,
        kind=IdentityKind.RESIDENT,
        real_name=name,
        id_number=ID_NUMBER,
        phone_verified_at=timezone.now(),
        **fields,
    )
    return user


def make_company(manager: Any, n: int = 1, name: str = "肇庆星湖科技有限公司") -> Company:
    return actions.do_register_company(
        actor=manager, credit_code=credit_code(n), name=name, letter=pdf(), letter_name="letter.pdf"
    )


def authorise(company: Company, user: Any) -> Authorisation:
    return Authorisation.objects.create(company=company, user=user)


def file_case(person: Any, company: Company | None = None, title: str = "办事申请") -> Any:
    return actions.do_file_application(
        actor=person, case_type=PUBLIC_CODE, title=title, company=company
    )

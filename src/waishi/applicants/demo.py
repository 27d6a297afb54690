"""Demo applicants: a person who signed up with a phone number, and a company they act for.

Their numbers are fictitious: the ID number's area code belongs to no region and the
mobile numbers are in a range the demo keeps to itself.
"""

import random
from typing import TextIO

from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.accounts.demo import DEMO_PASSWORD, logins_file
from waishi.accounts.models import RoleGrant, User
from waishi.core.validators import credit_code_check_character, fictitious_resident_id

from .constants import CONSENT_VERSIONS, IdentityKind
from .models import Applicant, Authorisation, Company, Consent

ORDER = 60

# (sign-in number, real name, manager of the demo company)
DEMO_APPLICANTS = (
    ("13800000001", "陈丽华", True),
    ("13800000002", "黄志强", False),
)
DEMO_COMPANY_NAME = "肇庆星湖侨资科技有限公司"
# 91 (a company) + 441200 (Zhaoqing) + a made-up body; the check character is computed.
DEMO_CREDIT_BODY = "91441200MA0XHDE01"


def load(*, stdout: TextIO, rng: random.Random) -> None:
    users = []
    for phone, name, _manager in DEMO_APPLICANTS:
        user = User.objects.filter(username=phone).first()
        if user is None:
            user = User(username=phone, phone=phone, full_name=name, must_change_password=False)
            user.set_password(DEMO_PASSWORD)
            user.password_changed_at = timezone.now()
            user.save()
            RoleGrant.objects.create(user=user, role=Role.APPLICANT)
            applicant = Applicant.objects.create(
                user=user,
                kind=IdentityKind.RESIDENT,
                real_name=name,
                id_number=fictitious_resident_id(rng),
                phone_verified_at=timezone.now(),
            )
            Consent.objects.bulk_create(
                [Consent(applicant=applicant, kind=k, version=v) for k, v in CONSENT_VERSIONS]
            )
        users.append(user)
    code = DEMO_CREDIT_BODY + credit_code_check_character(DEMO_CREDIT_BODY)
    company, _created = Company.objects.get_or_create(
        credit_code=code, defaults={"name": DEMO_COMPANY_NAME, "registered_by": users[0]}
    )
    for user, (_phone, _name, manager) in zip(users, DEMO_APPLICANTS, strict=True):
        Authorisation.objects.get_or_create(
            company=company, user=user, defaults={"is_manager": manager}
        )
    path = logins_file()
    if path.exists():
        text = path.read_text(encoding="utf-8")
        lines = "".join(
            f"  {phone:<18} {Role.APPLICANT.label} ({name}, {DEMO_COMPANY_NAME})\n"
            for phone, name, _m in DEMO_APPLICANTS
        )
        if DEMO_APPLICANTS[0][0] not in text:
            head, sep, rest = text.partition("\n\n")
            path.write_text(f"{head}\n{lines}{sep}{rest}", encoding="utf-8")
    stdout.write(
        f"Demo applicants: {', '.join(p for p, _n, _m in DEMO_APPLICANTS)} "
        f"(password {DEMO_PASSWORD}), acting for {DEMO_COMPANY_NAME}.\n"
    )

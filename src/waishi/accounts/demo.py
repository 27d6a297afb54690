"""Demo organisation for Zhaoqing: the bureau, its divisions and leaders, the agencies and
county offices it serves, and one user for every role."""

import random
from pathlib import Path
from typing import TextIO

from django.conf import settings
from faker import Faker

from waishi.core.chinese import to_traditional

from . import actions
from .constants import AgencyKind, Role
from .models import Agency, Bureau, Division, Leader, User
from .seed import zhaoqing

ORDER = 10
# One shared password keeps the demo easy to try; demo accounts are not asked to change it.
DEMO_PASSWORD = "Zhaoqing-Demo-2026"

# (username, role, agency code or None, division code or None, leader's English name or None)
DEMO_USERS = [
    ("liaison", Role.LIAISON_OFFICER, "education", None, None),
    ("liaison.commerce", Role.LIAISON_OFFICER, "commerce", None, None),
    ("signatory", Role.AGENCY_SIGNATORY, "education", None, None),
    ("county", Role.COUNTY_OFFICER, "sihui-fao", None, None),
    ("officer", Role.DIVISION_OFFICER, None, "mission-admin", None),
    ("visa", Role.DIVISION_OFFICER, None, "passport-visa", None),
    ("head", Role.DIVISION_HEAD, None, "mission-admin", None),
    ("leader", Role.BUREAU_LEADER, None, None, "Li Xinjian"),
    ("director", Role.BUREAU_LEADER, None, None, "Lin Jie"),
    ("inspector", Role.DISCIPLINE_INSPECTOR, None, "discipline", None),
    ("editor", Role.WEBSITE_EDITOR, None, "office", None),
    ("sysadmin", Role.SYSTEM_ADMIN, None, "office", None),
    ("secadmin", Role.SECURITY_ADMIN, None, "office", None),
    ("auditadmin", Role.AUDIT_ADMIN, None, "discipline", None),
]


def logins_file() -> Path:
    return Path(settings.VAR_DIR) / "demo-logins.txt"


def load(*, stdout: TextIO, rng: random.Random) -> None:
    bureau = _load_bureau()
    _load_agencies()
    _load_users(bureau, rng, stdout)


def _load_bureau() -> Bureau:
    bureau = Bureau.objects.order_by("pk").first()
    if bureau is None:
        bureau = Bureau.objects.create(**zhaoqing.BUREAU)
    for order, (code, name, name_en, duties, duties_en) in enumerate(zhaoqing.DIVISIONS):
        Division.objects.get_or_create(
            code=code,
            defaults={
                "bureau": bureau,
                "sort_order": order * 10,
                "name_zh_hans": name,
                "name_zh_hant": to_traditional(name),
                "name_en": name_en,
                "duties_zh_hans": duties,
                "duties_zh_hant": to_traditional(duties),
                "duties_en": duties_en,
                "telephone": bureau.telephone,
            },
        )
    for order, (name, name_en, title, title_en, portfolio, portfolio_en, codes) in enumerate(
        zhaoqing.LEADERS
    ):
        leader, created = Leader.objects.get_or_create(
            bureau=bureau,
            name_en=name_en,
            defaults={
                "sort_order": order * 10,
                "name_zh_hans": name,
                "name_zh_hant": to_traditional(name),
                "title_zh_hans": title,
                "title_zh_hant": to_traditional(title),
                "title_en": title_en,
                "portfolio_zh_hans": portfolio,
                "portfolio_zh_hant": to_traditional(portfolio),
                "portfolio_en": portfolio_en,
            },
        )
        if created:
            leader.divisions.set(Division.objects.filter(code__in=codes))
    return bureau


def _agency(
    code: str, kind: str, name: str, name_en: str, order: int, parent: Agency | None = None
) -> Agency:
    agency, _ = Agency.objects.get_or_create(
        code=code,
        defaults={
            "kind": kind,
            "parent": parent,
            "sort_order": order,
            "name_zh_hans": name,
            "name_zh_hant": to_traditional(name),
            "name_en": name_en,
        },
    )
    return agency


def _load_agencies() -> None:
    for order, (code, kind, name, name_en) in enumerate(zhaoqing.MUNICIPAL):
        _agency(code, kind, name, name_en, order * 10)
    base = len(zhaoqing.MUNICIPAL) * 10
    for order, (code, name, name_en, fao, fao_en) in enumerate(zhaoqing.COUNTIES):
        county = _agency(code, AgencyKind.COUNTY_GOVERNMENT, name, name_en, base + order * 10)
        _agency(
            f"{code}-fao", AgencyKind.COUNTY_FAO, fao, fao_en, base + order * 10 + 1, parent=county
        )


def _load_users(bureau: Bureau, rng: random.Random, stdout: TextIO) -> None:
    fake = Faker("zh_CN")
    fake.seed_instance(rng.randint(0, 2**31))
    lines = []
    for username, role, agency_code, division_code, leader_en in DEMO_USERS:
        leader = Leader.objects.filter(name_en=leader_en).first() if leader_en else None
        full_name = leader.name_zh_hans if leader else fake.name()
        if not User.objects.filter(username=username).exists():
            user = actions.do_create_user(
                actor=None,
                username=username,
                password=DEMO_PASSWORD,
                full_name=full_name,
                roles={role},
                must_change_password=False,
                agency=Agency.objects.get(code=agency_code) if agency_code else None,
                division=Division.objects.get(code=division_code) if division_code else None,
            )
            if leader is not None:
                leader.user = user
                leader.save(update_fields=["user"])
        lines.append(f"  {username:<18} {Role(role).label}")
    text = "\n".join(lines)
    path = logins_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"Demo sign-ins (password for all: {DEMO_PASSWORD}):\n{text}\n\n{SECOND_FACTOR_NOTE}\n",
        encoding="utf-8",
    )
    stdout.write(
        f"Demo organisation: {bureau}, {Agency.objects.count()} agencies, "
        f"{len(DEMO_USERS)} demo users (password {DEMO_PASSWORD}).\n{SECOND_FACTOR_NOTE}"
    )


# Printed by the demo command and kept in var/demo-logins.txt beside the sign-ins.
SECOND_FACTOR_NOTE = (
    "Second factor: bureau accounts (officer, visa, head, leader, director, inspector, editor,\n"
    "sysadmin, secadmin, auditadmin) set one up at their first sign-in. Scan the QR code with\n"
    "any authenticator app (Microsoft or Google Authenticator, FreeOTP, KeePassXC, or\n"
    "`oathtool --totp -b KEY` with the key shown under the code) and type its six digits; or\n"
    "add a passkey with the browser. Keep the recovery codes shown next; tick 'Remember this\n"
    "browser' to skip the code for 30 days. Agency accounts (liaison, signatory, county) need\n"
    "none. The security administrator (secadmin) resets a lost factor on /security/."
)

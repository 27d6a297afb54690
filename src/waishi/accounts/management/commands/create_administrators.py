"""``waishi create_administrators``: the first three administrators of a new installation.

Creates the system, security and audit administrators (three people, 三员分立), each with a
one-time password printed once and changed at first sign-in. Refused once any of the three
roles is held: from then on administrators are created inside Waishi, where the security
administrator grants administrator roles.
"""

import secrets
import string
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils.translation import gettext as _

from waishi.accounts.actions import do_create_user
from waishi.accounts.constants import ADMIN_ROLES, Role
from waishi.accounts.models import RoleGrant

ALPHABET = string.ascii_letters + string.digits


def one_time_password() -> str:
    """Sixteen random letters and digits, with each kind the password rules ask for."""
    while True:
        password = "".join(secrets.choice(ALPHABET) for _ in range(16))
        if (
            any(c.islower() for c in password)
            and any(c.isupper() for c in password)
            and any(c.isdigit() for c in password)
        ):
            return password


class Command(BaseCommand):
    help = "Create the system, security and audit administrators of a new installation."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--system", required=True, help="User name of the system administrator."
        )
        parser.add_argument(
            "--security", required=True, help="User name of the security administrator."
        )
        parser.add_argument("--audit", required=True, help="User name of the audit administrator.")

    def handle(self, *args: Any, **options: Any) -> None:
        wanted = {
            Role.SYSTEM_ADMIN: options["system"],
            Role.SECURITY_ADMIN: options["security"],
            Role.AUDIT_ADMIN: options["audit"],
        }
        if len({name.lower() for name in wanted.values()}) != 3:
            raise CommandError(_("The three administrators are three different people."))
        if RoleGrant.objects.filter(role__in=ADMIN_ROLES).exists():
            raise CommandError("Administrators exist already; new ones are created inside Waishi.")
        created = []
        with transaction.atomic():
            for role, username in wanted.items():
                password = one_time_password()
                do_create_user(actor=None, username=username, password=password, roles={role})
                created.append((role, username, password))
        for role, username, password in created:
            self.stdout.write(
                _("%(role)s: %(username)s, one-time password: %(password)s")
                % {"role": Role(role).label, "username": username, "password": password}
            )
        self.stdout.write(
            _("Each changes the password at first sign-in. Hand them over in person.")
        )

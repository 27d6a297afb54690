"""System checks that the three administrators stay apart and nobody stands outside the roles.

Waishi grants rights through roles only. Django's own ``is_superuser`` and ``is_staff`` flags
bypass every rule (a superuser holds every permission), so a user carrying either is an error,
and so is one person holding two administrator roles (三员分立: system, security and audit
administrators are three different people). Run by ``waishi check --database default`` and by
``check --deploy``; the checks read the database, so they are tagged for it.
"""

from typing import Any

from django.core import checks
from django.db import DatabaseError
from django.db.models import Count

from .constants import ADMIN_ROLES


@checks.register(checks.Tags.security, checks.Tags.database)
def check_roles_only(app_configs: Any = None, databases: Any = None, **kwargs: Any) -> list[Any]:
    if not databases:
        return []
    from .models import RoleGrant, User

    problems: list[Any] = []
    try:
        flagged = list(
            User.objects.filter(is_superuser=True).values_list("username", flat=True)[:10]
        ) + list(User.objects.filter(is_staff=True).values_list("username", flat=True)[:10])
        doubled = list(
            RoleGrant.objects.filter(role__in=ADMIN_ROLES)
            .values("user__username")
            .annotate(n=Count("id"))
            .filter(n__gt=1)
            .values_list("user__username", flat=True)[:10]
        )
    except DatabaseError:
        # Not migrated yet: nothing to check.
        return []
    if flagged:
        problems.append(
            checks.Error(
                "Users carry Django's superuser or staff flag, which bypasses Waishi's roles: "
                + ", ".join(sorted(set(flagged))),
                hint="Clear the flags; grant roles through the system and security administrators.",
                id="waishi.E001",
            )
        )
    if doubled:
        problems.append(
            checks.Error(
                "Users hold more than one administrator role (system, security, audit): "
                + ", ".join(sorted(doubled)),
                hint="Each administrator role belongs to a different person.",
                id="waishi.E002",
            )
        )
    return problems

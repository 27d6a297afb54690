"""API tokens for tests, made through the real action."""

from typing import Any

from waishi.api import actions


def make_token(officer: Any, name: str = "OA") -> tuple[Any, str]:
    return actions.do_create_api_token(actor=officer, name=name, acting_user=officer)


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}

"""Schemas of the API root's own endpoints."""

from ninja import Schema


class HealthOut(Schema):
    status: str
    version: str


class NamedOut(Schema):
    id: int
    code: str
    name: str


class MeOut(Schema):
    id: int
    username: str
    display_name: str
    roles: list[str]
    agency: NamedOut | None
    division: NamedOut | None
    token_prefix: str | None

"""Schemas of the API root's own endpoints."""

from ninja import Field, Schema


class IndexOut(Schema):
    title: str
    version: str
    schema_url: str = Field(alias="schema")
    docs: str


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

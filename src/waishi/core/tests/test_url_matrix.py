"""Deny by default: every URL answers each role exactly as ``url_matrix.MATRIX`` says."""

from collections.abc import Iterator

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from waishi.accounts.constants import AGENCY_ROLES, Role

from .html_checks import problems
from .url_matrix import ANONYMOUS, MATRIX, REPRESENTATIVES, SAMPLE_KWARGS, VIEWERS


def walk(patterns: list, namespace: str = "", prefix: str = "") -> Iterator[tuple[str, str]]:
    """(name or route, full route) of every URL pattern, depth first."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry.url_patterns, ns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            if entry.name:
                yield (f"{namespace}:{entry.name}" if namespace else entry.name), route
            else:
                yield f"route:{route}", route


def covering_entry(key: str) -> str | None:
    if key in MATRIX:
        return key
    for entry in MATRIX:
        if entry.endswith("*") and key.startswith(entry[:-1]):
            return entry
    return None


def test_every_url_is_in_the_matrix():
    with translation.override("zh-hans"):
        keys = {key for key, _route in walk(get_resolver().url_patterns)}
    missing = sorted(k for k in keys if covering_entry(k) is None)
    assert not missing, f"URLs missing from url_matrix.MATRIX: {missing}"


def test_matrix_names_every_viewer():
    for name, row in MATRIX.items():
        assert set(row) == set(VIEWERS), name


def _make_viewer(make_user, viewer: str):
    if viewer == ANONYMOUS:
        return None
    extra = {}
    if viewer in AGENCY_ROLES:
        return make_user(viewer)
    if viewer in {Role.DIVISION_OFFICER, Role.DIVISION_HEAD}:
        return make_user(viewer)
    return make_user(viewer, **extra)


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", VIEWERS)
def test_each_url_answers_each_role_as_the_matrix_says(client, make_user, viewer):
    user = _make_viewer(make_user, viewer)
    some_user = make_user(Role.LIAISON_OFFICER, username="someone_else")
    fixtures = {"@some_user": some_user.pk}
    if user is not None:
        client.force_login(user)
    failures = []
    for name, row in MATRIX.items():
        url_name = REPRESENTATIVES.get(name, name)
        kwargs = {k: fixtures.get(v, v) for k, v in SAMPLE_KWARGS.get(url_name, {}).items()}
        url = reverse(url_name, kwargs=kwargs or None)
        response = client.get(url)
        status = response.status_code
        if status != row[viewer]:
            failures.append(f"{url_name} ({url}): expected {row[viewer]}, got {status}")
        elif status == 200 and response.get("Content-Type", "").startswith("text/html"):
            # Every page a role reaches is valid HTML (the mistakes a validator finds most).
            failures += [f"{url_name} ({url}): {p}" for p in problems(response.content.decode())]
    assert not failures, f"as {viewer}:\n" + "\n".join(failures)

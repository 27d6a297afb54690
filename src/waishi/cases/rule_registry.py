"""The rule codes each area declares, with the form of their values, and the one value check.

An area declares its rules once, in its ``AppConfig.ready``::

    from waishi.cases.rule_registry import RuleArea, RuleDefinition, register_rule_area

    register_rule_area(
        RuleArea(area="passports", label=_("Passports"), division_code="passport-visa"),
        [RuleDefinition("return_days", _("Days to return a document"), schema={...})],
    )

A value schema is written in a small subset of JSON Schema (``type``, ``minimum``,
``exclusiveMinimum``, ``properties``, ``required``, ``additionalProperties``,
``propertyNames`` with a ``pattern``, ``minProperties``, ``items``, ``enum``), so it reads like
the documentation of the value and can be published as it is. Registration lives in process
memory and is the same in every process (it runs at start-up from code).
"""

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class RuleDefinition:
    """One rule code of an area: its label, the form of its value and its unit.

    ``needs_value``: a check relies on the value holding something; an empty value (``{}``,
    ``[]``) in force is shown on the rules screen as ``empty_warning``. ``example`` is shown
    with a refused value so people see how it is written.
    """

    code: str
    label: str | Promise
    schema: dict[str, Any]
    example: Any
    unit: str = ""
    needs_value: bool = False
    empty_warning: str | Promise = ""
    area: str = ""


@dataclass(frozen=True)
class RuleArea:
    """An area that keeps rules: its label, the division whose head edits them, its ranks."""

    area: str
    label: str | Promise
    division_code: str
    # (value, label) pairs of the ranks a rule may be written for; empty when rules of the
    # area do not distinguish ranks.
    ranks: tuple[tuple[str, str | Promise], ...] = ()
    definitions: dict[str, RuleDefinition] = field(default_factory=dict)


_AREAS: dict[str, RuleArea] = {}


def register_rule_area(area: RuleArea, definitions: Iterable[RuleDefinition]) -> None:
    """Declare ``area`` and its rule codes (again on a reload: the last declaration wins)."""
    codes = {}
    for each in definitions:
        codes[each.code] = RuleDefinition(**{**each.__dict__, "area": area.area})
    _AREAS[area.area] = RuleArea(
        area=area.area,
        label=area.label,
        division_code=area.division_code,
        ranks=area.ranks,
        definitions=codes,
    )


def unregister_rule_area(area: str) -> None:
    """Forget ``area`` (for tests that declare an area of their own)."""
    _AREAS.pop(area, None)


def rule_areas() -> list[RuleArea]:
    """Every area that declared rules, in the order they were declared."""
    return list(_AREAS.values())


def rule_area(area: str) -> RuleArea | None:
    return _AREAS.get(area)


def rule_definition(area: str, code: str) -> RuleDefinition | None:
    declared = _AREAS.get(area)
    return None if declared is None else declared.definitions.get(code)


def check_rule_value(area: str, code: str, value: Any) -> list[str]:
    """Why ``value`` is not a valid value for rule ``code`` of ``area`` (empty when it is).

    The message shows how the value is written (the code's example).
    """
    definition = rule_definition(area, code)
    if definition is None:
        return [_("Choose one of the area's rules.")]
    if value_fits(definition.schema, value):
        return []
    return [
        _("The value does not have the form this rule needs; it is written like %(example)s.")
        % {"example": json.dumps(definition.example, ensure_ascii=False)}
    ]


def is_empty_value(value: Any) -> bool:
    """Whether a value holds nothing a check could use (``{}``, ``[]``, ``""``, null)."""
    return value is None or value == {} or value == [] or value == ""


def value_fits(schema: dict[str, Any], value: Any) -> bool:
    """Whether ``value`` fits ``schema`` (the JSON Schema subset of this module)."""
    if "enum" in schema and value not in schema["enum"]:
        return False
    kind = schema.get("type")
    if kind is not None and not _TYPES[kind](value):
        return False
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            return False
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            return False
    if isinstance(value, dict):
        return _object_fits(schema, value)
    if isinstance(value, list) and "items" in schema:
        return all(value_fits(schema["items"], item) for item in value)
    return True


def _object_fits(schema: dict[str, Any], value: dict[str, Any]) -> bool:
    if len(value) < schema.get("minProperties", 0):
        return False
    if any(key not in value for key in schema.get("required", ())):
        return False
    names = schema.get("propertyNames")
    if names and not all(re.fullmatch(names["pattern"], key) for key in value):
        return False
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for key, item in value.items():
        if key in properties:
            if not value_fits(properties[key], item):
                return False
        elif extra is False or (isinstance(extra, dict) and not value_fits(extra, item)):
            return False
    return True


# JSON's true and false are not numbers here, even though Python's bool is an int.
_TYPES = {
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
}

# Schemas areas reuse.
COUNT: dict[str, Any] = {"type": "integer", "minimum": 0}


def count_table(*extra_keys: str) -> dict[str, Any]:
    """A table of counts keyed by a count ("1": 5, "2": 7, …) and the named extra keys."""
    keys = "|".join([r"\d+", *(re.escape(k) for k in extra_keys)])
    return {
        "type": "object",
        "minProperties": 1,
        "propertyNames": {"pattern": f"(?:{keys})"},
        "additionalProperties": COUNT,
    }


def record(properties: dict[str, Any], required: Iterable[str]) -> dict[str, Any]:
    """An object with no keys but ``properties``, the ``required`` ones mandatory."""
    return {
        "type": "object",
        "required": list(required),
        "properties": properties,
        "additionalProperties": False,
    }

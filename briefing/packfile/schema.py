"""Structural checks against the shipped JSON Schema, reported at the offending key or value.

Before validation, text fields take YAML's accidental numbers and booleans as written
(`time: 10:00`, `title: yes`) and optional keys left empty are dropped; then every jsonschema
error becomes one plain-English problem, pointed at the key or value it is about.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any

from briefing.files.shipped import schema_path
from briefing.packfile.positions import PathKey, Positions, describe

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

    from briefing.errors import Problem

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": 'a list (one "- " line per entry)',
    "object": "a set of keys (key: value lines)",
}

_PATTERN_HINTS = {
    "colour": 'should be a colour written "#RRGGBB" in quotes, e.g. "#1d70b8"',
    "url": "should be a web address starting https:// or http://",
}


@lru_cache(maxsize=1)
def pack_schema() -> dict[str, Any]:
    with open(schema_path(), encoding="utf-8") as stream:
        schema: dict[str, Any] = json.load(stream)
    return schema


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    # Loaded only for a pack the quick check refuses: jsonschema takes longer to import than
    # a valid pack takes to open.
    from jsonschema import Draft202012Validator

    return Draft202012Validator(pack_schema())


def _const_as_enum(node: Any) -> Any:
    """The schema with each `const: X` written `enum: [X]`, which means the same: the quick
    check's compiler can then leave the schema out of its messages (it cannot for `const`),
    which makes its code a quarter of the size and ten times quicker to build."""
    if isinstance(node, dict):
        return {
            ("enum" if key == "const" else key): (
                [_const_as_enum(value)] if key == "const" else _const_as_enum(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_const_as_enum(value) for value in node]
    return node


# The compiled code raises these; defined in it, so that opening a pack loads no fastjsonschema.
_IMPORT_EXCEPTIONS = (
    "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException"
)
_OWN_EXCEPTIONS = """
class Refused(ValueError):
    \"\"\"The pack does not match the schema (jsonschema then says where and why).\"\"\"


class JsonSchemaValueException(Refused):
    def __init__(self, message, value=None, name=None, definition=None, rule=None):
        super().__init__(message)


class JsonSchemaValuesException(Refused):
    def __init__(self, errors):
        super().__init__("; ".join(str(error) for error in errors))
"""

QUICK_CHECK_HEADER = (
    '"""The pack schema as Python code, made from the shipped schema by '
    "scripts/make_quick_check.py:\ndo not edit; a test says when it needs "
    'making again."""\n# ruff: noqa\n# mypy: ignore-errors\n'
)


def quick_check_source() -> str:
    """The quick check's module: the schema compiled to Python code that says only whether a
    pack is valid, about twenty times faster than jsonschema on a large pack (the schema's
    keywords mean the same in both). Building it takes longer than opening a pack, so it is
    made once, when the schema changes, and shipped."""
    import fastjsonschema

    schema = _const_as_enum(
        {key: value for key, value in pack_schema().items() if key != "$schema"}
    )
    # As jsonschema here, "format" is a note for editors, not a rule (dates are read as dates).
    # Only whether the pack passes is used, so the messages need not quote the schema.
    code: str = fastjsonschema.compile_to_code(
        schema, formats={"date": _any_date}, detailed_exceptions=False
    )
    if _IMPORT_EXCEPTIONS not in code:
        raise RuntimeError("fastjsonschema's compiled code no longer imports its exceptions")
    return QUICK_CHECK_HEADER + code.replace(_IMPORT_EXCEPTIONS, "\n" + _OWN_EXCEPTIONS)


def _any_date(_value: Any) -> bool:
    return True


def _quick_check() -> Callable[[Any], Any]:
    """Anything the quick check refuses, jsonschema reads again for its plain-English
    problems."""
    from briefing.packfile.quick_check import validate

    return partial(validate, custom_formats={"date": _any_date})


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref:
        name = ref.rsplit("/", 1)[-1]
        definition: dict[str, Any] = pack_schema()["$defs"][name]
        return definition
    return node


def normalise(data: Any, positions: Positions) -> tuple[Any, list[Problem]]:
    """Data ready for the schema: text fields as written, empty optional keys dropped."""
    problems: list[Problem] = []
    return _walk(data, pack_schema(), (), positions, problems), problems


def _walk(
    value: Any, schema: dict[str, Any], path: PathKey, positions: Positions, problems: list[Problem]
) -> Any:
    schema = resolve(schema)
    types = schema.get("type")
    types = types if isinstance(types, list) else [types]
    raw = positions.raw.get(path)
    # Where text is allowed, anything YAML read as a number or boolean is kept as typed,
    # except a plain whole number where one is allowed too (page: 177, but page: 0177 as typed).
    if (
        "string" in types
        and raw is not None
        and not isinstance(value, str)
        and not ("integer" in types and raw == str(value))
    ):
        return raw
    if isinstance(value, dict) and schema.get("type") == "object":
        props: dict[str, Any] = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        required = set(schema.get("required", ()))
        result = {}
        for key, child in value.items():
            sub = props.get(key, extra if isinstance(extra, dict) else None)
            if child is None and key not in required and sub is not None and key in props:
                if key == "colour":
                    problems.append(
                        positions.at_key(
                            (*path, key),
                            (
                                f"{describe((*path, key))} is empty (in YAML a # starts a comment): "
                                'write the colour in quotes, e.g. colour: "#1d70b8"'
                            ),
                        )
                    )
                continue
            result[key] = _walk(child, sub, (*path, key), positions, problems) if sub else child
        return result
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [
            _walk(v, schema["items"], (*path, i), positions, problems) for i, v in enumerate(value)
        ]
    return value


def check_schema(data: Any, positions: Positions) -> list[Problem]:
    from briefing.packfile.quick_check import Refused

    try:
        _quick_check()(data)
        return []
    except Refused:
        pass  # jsonschema names each problem below
    problems: list[Problem] = []
    seen: set[tuple[PathKey, str]] = set()
    for error in _validator().iter_errors(data):
        path = tuple(error.absolute_path)
        if any(path[:n] in positions.refused for n in range(len(path) + 1)):
            continue
        for problem_key, problem in _translate(error, positions):
            if problem_key not in seen:
                seen.add(problem_key)
                problems.append(problem)
    return problems


def _translate(error: ValidationError, positions: Positions) -> list[tuple[Any, Problem]]:  # noqa: C901 - one message per JSON Schema keyword
    path: PathKey = tuple(error.absolute_path)
    where = describe(path)
    kind = error.validator
    instance = error.instance
    # Always set on the errors iter_errors yields (the stubs also allow "unset").
    value: Any = error.validator_value
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    if kind == "required" and isinstance(instance, dict):
        out = []
        for key in value:
            if key not in instance and (*path, key) not in positions.refused:
                owner = "the pack" if not path else where
                message = f'{owner} has no "{key}": add a line such as {_example(path, key)}'
                out.append(((path, "required", key), positions.at_value(path, message)))
        return out
    if kind == "additionalProperties" and isinstance(instance, dict):
        known = list(schema.get("properties", {}))
        out = []
        for key in instance:
            if key not in known:
                out.append(
                    (
                        (path, "unknown", key),
                        positions.at_key((*path, key), unknown_key_message(key, known, where)),
                    )
                )
        return out
    if (
        len(path) >= 2
        and path[-2] == "budget"
        and kind in ("type", "minimum")
        and instance is not None
    ):
        message = _budget_message(str(path[-1]), instance, kind == "minimum")
        return [((path, kind), positions.at_value(path, message))]
    if path and path[-1] == "paragraph" and kind in ("minimum", "maximum"):
        return []  # the semantic checks name the schedule and its range
    if kind == "type":
        wanted = value if isinstance(value, list) else [value]
        words = " or ".join(_TYPE_WORDS.get(str(w), str(w)) for w in wanted)
        if instance is None:
            # An empty value has no text to point at: point at its key.
            message = f"{where} is empty: write {words} here, or delete the line"
            return [((path, kind), positions.at_key(path, message))]
        message = f"{where} should be {words}, not {_what(instance)}"
        return [((path, kind), positions.at_value(path, message))]
    if kind == "enum":
        allowed = ", ".join(str(v) for v in value)
        message = f'{where} cannot be "{instance}": use one of {allowed}'
        return [((path, kind), positions.at_value(path, message))]
    if kind == "minItems":
        return [
            (
                (path, kind),
                positions.at_value(path, f"{where} is empty: a pack needs at least one section"),
            )
        ]
    if kind == "minLength":
        return [((path, kind), positions.at_value(path, f"{where} is empty: write some text here"))]
    if kind == "pattern":
        hint = _PATTERN_HINTS.get(str(path[-1]) if path else "", f"does not match {value}")
        return [((path, kind), positions.at_value(path, f'{where} "{instance}" {hint}'))]
    if kind == "const" and path == ("briefing_pack",):
        if not isinstance(instance, int) or isinstance(instance, bool):
            return []  # the type error says it already
        return [((path, kind), positions.at_value(path, "briefing_pack should be 1"))]
    # Any other schema rule: jsonschema's own words, still at the right place.
    return [((path, kind, error.message), positions.at_value(path, f"{where}: {error.message}"))]


def unknown_key_message(key: str, known: list[str], where: str) -> str:
    import difflib  # only for a pack with a mistake in it

    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    place = "at the top of the pack" if where == "the pack" else f"in {where}"
    if close:
        return f'unknown key "{key}" {place}: did you mean "{close[0]}"?'
    # Perhaps a real key at the wrong level (a summary written under the section).
    for owner, keys in _keys_by_owner():
        elsewhere = difflib.get_close_matches(key, keys, n=1, cutoff=0.75)
        if elsewhere and elsewhere[0] not in known:
            return f'unknown key "{key}" {place}: "{elsewhere[0]}" belongs {owner}; check the indentation'
    return f'unknown key "{key}" {place}: use one of {", ".join(known)}'


_OWNERS = {
    "item": "in an item (under items:)",
    "section": "in a section (under sections:)",
    "article": "in an article (under articles:)",
    "quote": "in a quote (under quotes:)",
    "agenda_entry": "in an agenda entry (under agenda:)",
    "event": "under event:",
    "layout": "under layout:",
    "contact": "under contact:",
    "theme": "in a theme (under themes:)",
    "audience": "in an audience (under audiences:)",
    "exemption": "under exempt: (in a section or item)",
}


@lru_cache(maxsize=1)
def _keys_by_owner() -> list[tuple[str, list[str]]]:
    defs = pack_schema()["$defs"]
    owners = [("at the top of the pack", list(pack_schema()["properties"]))]
    owners += [(_OWNERS.get(name, name), list(obj["properties"])) for name, obj in defs.items()]
    return owners


def _budget_message(key: str, value: Any, too_small: bool) -> str:
    """A budget limit that is not a positive whole number (pages: four, words: 0)."""
    example = {"pages": "4", "words": "1500"}.get(key, "4")
    unit = key if key in ("pages", "words") else "units"
    shown = f'"{value}"' if isinstance(value, str) else str(value).lower()
    need = "must be 1 or more" if too_small else f"must be a whole number of {unit}"
    return f"budget {key} {shown} {need}, e.g. {example}, or delete the line for no limit"


def _what(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of keys"
    return "something else"


def _example(path: PathKey, key: str) -> str:
    """An example line for a missing required key."""
    if not path:
        return {
            "briefing_pack": "briefing_pack: 1",
            "title": "title: Briefing for members",
            "sections": 'sections: followed by "- title: …" lines',
        }.get(key, f"{key}: …")
    return {
        "title": "title: …" if path[0] == "articles" else "title: Name of the section",
        "article": "article: followed by an id from articles",
        "time": 'time: "10:00"',
        "item": "item: Welcome",
        "text": 'text: "the words quoted"',
        "label": "label: Crisis and resilience",
    }.get(key, f"{key}: …")

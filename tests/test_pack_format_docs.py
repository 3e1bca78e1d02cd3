"""docs/pack-format.md documents every key of the shipped schema, and its example pack loads."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from briefing.packfile import loads_pack

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "pack-format.md"
SCHEMA = ROOT / "briefing" / "schema" / "pack-format-1.schema.json"


def _keys(
    node: dict[str, Any], path: str, defs: dict[str, Any], seen: set[tuple[str, str]]
) -> list[str]:
    """Every key path the schema allows: "sections[].items[].summary", "articles.*.title"."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        if (name, path) in seen:
            return []
        seen.add((name, path))
        node = defs[name]
    found: list[str] = []
    for key, value in node.get("properties", {}).items():
        where = f"{path}.{key}" if path else key
        found += [where, *_keys(value, where, defs, seen)]
    if isinstance(node.get("items"), dict):
        found += _keys(node["items"], f"{path}[]", defs, seen)
    if isinstance(node.get("additionalProperties"), dict):
        found += _keys(node["additionalProperties"], f"{path}.*", defs, seen)
    for keyword in ("oneOf", "anyOf", "allOf"):
        for option in node.get(keyword, []):
            found += _keys(option, path, defs, seen)
    return found


def test_every_schema_key_is_documented() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    keys = sorted(set(_keys(schema, "", schema.get("$defs", {}), set())))
    assert len(keys) > 50  # the walk found the schema's keys
    text = DOC.read_text(encoding="utf-8")
    missing = [key for key in keys if f"`{key}`" not in text]
    assert not missing, (
        "docs/pack-format.md does not describe these pack keys: "
        + ", ".join(missing)
        + ". Add a row for each to the right table under 'Every key', written as "
        "| `KEY` | value | what it does |."
    )


def test_the_example_pack_in_the_docs_loads() -> None:
    text = DOC.read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", text, re.S)
    assert example is not None
    pack = loads_pack(example.group(1), DOC)
    assert pack.title == "Flooding and small councils"
    assert [item.article for item in pack.items()] == ["floods-recovery"]

"""The shipped JSON Schema stays true to the Pack model and to the example packs."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from briefing.files.shipped import schema_path
from briefing.model import pack as model
from briefing.packfile import load_pack
from briefing.packfile.schema import pack_schema

REPO = Path(__file__).resolve().parents[2]

# Which schema object describes each dataclass; the pack itself is the schema's root.
OBJECTS = {
    model.Pack: None,
    model.Contact: "contact",
    model.Layout: "layout",
    model.Budget: "budget",
    model.Audience: "audience",
    model.Exemption: "exemption",
    model.Event: "event",
    model.AgendaEntry: "agenda_entry",
    model.Section: "section",
    model.Item: "item",
    model.Quote: "quote",
    model.Article: "article",
    model.Theme: "theme",
}
# Model fields whose key in the file has another name.
RENAMED = {(model.Pack, "format"): "briefing_pack"}


def schema_object(name: str | None) -> dict:
    schema = pack_schema()
    return schema if name is None else schema["$defs"][name]


def test_schema_file_is_valid_draft_2020_12():
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_every_dataclass_in_the_model_is_described():
    dataclasses_in_model = {
        obj
        for obj in vars(model).values()
        if isinstance(obj, type)
        and dataclasses.is_dataclass(obj)
        and obj.__module__ == model.__name__
    }
    assert dataclasses_in_model == set(OBJECTS)
    assert set(pack_schema()["$defs"]) == {name for name in OBJECTS.values() if name}


@pytest.mark.parametrize("cls", list(OBJECTS), ids=lambda c: c.__name__)
def test_schema_keys_match_model_fields(cls):
    keys = set(schema_object(OBJECTS[cls])["properties"])
    fields = {RENAMED.get((cls, f.name), f.name) for f in dataclasses.fields(cls)}
    assert keys == fields


@pytest.mark.parametrize("cls", list(OBJECTS), ids=lambda c: c.__name__)
def test_required_keys_are_the_fields_without_defaults(cls):
    obj = schema_object(OBJECTS[cls])
    no_default = {
        RENAMED.get((cls, f.name), f.name)
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    if cls is model.Pack:
        # briefing_pack has a default in the model but must be written in every file;
        # sections may default to [] in code but a pack file needs at least one.
        no_default |= {"briefing_pack", "sections"}
    assert set(obj.get("required", ())) == no_default


def test_every_object_is_closed_and_every_key_documented():
    def walk(node, where):
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                assert node.get("additionalProperties") is False, where
                for key, prop in node["properties"].items():
                    assert prop.get("description") or "$ref" in prop, f"{where}.{key}"
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")

    walk(pack_schema(), "schema")
    for name, obj in pack_schema()["$defs"].items():
        assert obj.get("description"), name


def test_enums_match_the_model():
    schema = pack_schema()
    assert tuple(schema["properties"]["kind"]["enum"]) == model.KINDS
    assert tuple(schema["properties"]["classification"]["enum"]) == model.CLASSIFICATIONS
    assert tuple(schema["$defs"]["layout"]["properties"]["paper"]["enum"]) == model.PAPERS
    assert tuple(schema["properties"]["exempt_schedule"]["enum"]) == model.SCHEDULES
    audience = schema["$defs"]["audience"]["properties"]
    assert tuple(audience["exempt"]["enum"]) == model.EXEMPT_CHOICES
    assert tuple(audience["form"]["enum"]) == model.FORMS
    assert tuple(audience["classification"]["enum"]) == model.CLASSIFICATIONS


def test_schedules_named_in_the_schema_are_the_ones_briefing_knows():
    from briefing.model.schedules import SCHEDULES

    assert set(SCHEDULES) == set(model.SCHEDULES)
    assert [len(SCHEDULES[key].paragraphs) for key in ("12A", "7A")] == [7, 15]


def example_packs() -> list[Path]:
    packs = sorted((REPO / "packs").glob("*.yaml"))
    assert packs, "the example packs in packs/ are missing"
    return packs


@pytest.mark.parametrize("path", example_packs(), ids=lambda p: p.name)
def test_example_packs_validate(path):
    pack = load_pack(path)
    assert pack.sections and pack.items()


@pytest.mark.parametrize("path", example_packs(), ids=lambda p: p.name)
def test_example_packs_survive_a_save(path, tmp_path):
    from briefing.packfile import dump_pack, loads_pack

    pack = load_pack(path)
    # Saved beside the original so the template and logo paths still resolve.
    again = loads_pack(dump_pack(pack), path)
    assert again == pack


_VALID = {
    "briefing_pack": 1,
    "title": "Flooding",
    "sections": [{"title": "One", "items": []}],
    "articles": {},
}


@pytest.mark.parametrize(
    "change",
    [
        {"title": 5},
        {"title": ""},
        {"surprise": "an unknown key"},
        {"kind": "newsletter"},
        {"classification": "SECRET"},
        {"sections": "not a list"},
        {"layout": {"paper": "A3"}},
        {"articles": {"a": {"title": "T", "url": "ftp://x"}}},
        {"event": {"agenda": [{"item": "no time"}]}},
        {"briefing_pack": 2},
        {"briefing_pack": "1"},
    ],
    ids=repr,
)
def test_the_compiled_check_refuses_what_jsonschema_refuses(change: dict) -> None:
    from briefing.packfile.quick_check import Refused
    from briefing.packfile.schema import _quick_check

    data = {**_VALID, **change}
    assert list(Draft202012Validator(pack_schema()).iter_errors(data)), "not a bad pack"
    with pytest.raises(Refused):
        _quick_check()(data)


@pytest.mark.parametrize("path", sorted((REPO / "packs").glob("*.yaml")), ids=lambda p: p.name)
def test_the_compiled_check_passes_the_example_packs(path: Path) -> None:
    import yaml

    from briefing.packfile.schema import _quick_check

    data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
    assert not list(Draft202012Validator(pack_schema()).iter_errors(data))
    _quick_check()(data)


def test_the_shipped_compiled_check_is_made_from_the_shipped_schema() -> None:
    """The compiled check ships as code (building it takes longer than opening a pack): after
    a change to the schema, `python scripts/make_quick_check.py` makes it again."""
    from briefing.packfile.schema import quick_check_source

    def without_version(code: str) -> list[str]:  # the fastjsonschema that made it
        return [line for line in code.splitlines() if not line.startswith("VERSION = ")]

    shipped = (REPO / "briefing" / "packfile" / "quick_check.py").read_text(encoding="utf-8")
    assert without_version(shipped) == without_version(quick_check_source()), (
        "briefing/packfile/quick_check.py is out of date: run scripts/make_quick_check.py"
    )

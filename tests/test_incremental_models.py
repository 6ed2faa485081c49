"""Issue 29's soundness property: random edits to real specs give the same models, rendered
from the cache of the spec before the edits (the model tool run on a part) or from scratch,
byte for byte. Two edits in a row, so that a cache written by a partial run is read too.

The specs are corpus specs with inheritance (allOf), discriminated unions, enums with
defaults and inline objects: what a class's key has to cover (generator/render/model_cache/).
A fixed seed; the slow group.
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from generator.core.errors import SpecError
from generator.ir import build_ir
from generator.render import model_cache
from generator.render.model_cache import ModelCache, Record
from generator.render.models import render_models
from generator.spec.load import Document, escape_pointer_token, load_document
from generator.spec.swagger2 import read_as_openapi3
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

DIRECTORY = ROOT.parent / "shared" / "corpus" / "directory"
SPECS = (
    "apple.com__sirikit-cloud-media__1.0.2.yaml",  # discriminators, allOf, many enums
    "personio.de__personnel__1.0.yaml",  # allOf, inline objects
    "rev.ai__-__v1.yaml",  # allOf, enums with defaults
)
EDITS = (
    "reword",
    "reword-property",
    "add-property",
    "drop-property",
    "refer",
    "require",
    "enum-with-default",
    "retype",
    "add-enum-value",
)


@dataclasses.dataclass
class Base:
    document: Document
    record: Record


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Base]:
    """Each spec read, and rendered once from scratch into a cache."""
    assert DIRECTORY.is_dir(), "this test needs ../shared's corpus"
    found = {}
    for name in SPECS:
        document = read_as_openapi3(load_document(DIRECTORY / name, f"specs/{name}"))
        cache = ModelCache()
        render(document, document.data, cache)
        assert cache.current is not None
        found[name] = Base(document, cache.current)
    return found


def render(document: Document, data: Any, cache: ModelCache | None) -> Any:
    """The models, or the error they give."""
    api = build_ir(dataclasses.replace(document, data=data), "v", "specs/v/openapi.yaml")
    try:
        return render_models(api, cache=cache, salt="test")
    except SpecError as exc:
        return str(exc)


def edit(data: Any, draw: st.DrawFn) -> str:
    """One random edit of a random schema, in place; what it was."""
    schemas = data["components"]["schemas"]
    name = draw(st.sampled_from(sorted(schemas)))
    schema = schemas[name]
    kind = draw(st.sampled_from(EDITS))
    properties = schema.get("properties")
    if not isinstance(properties, dict) or not properties:
        kind = "reword"
    if kind == "reword":
        schema["description"] = f"{schema.get('description', '')} (reworded)"
        return f"{kind} {name}"
    field = draw(st.sampled_from(sorted(properties)))
    held = properties[field]
    if kind == "reword-property":
        properties[field] = {**held, "description": "Reworded."} if "$ref" not in held else held
    elif kind == "add-property":
        properties["added"] = {"type": "string", "description": "Added."}
    elif kind == "drop-property":
        del properties[field]
    elif kind == "refer":
        target = draw(st.sampled_from(sorted(schemas)))
        properties["referred"] = {"$ref": "#/components/schemas/" + escape_pointer_token(target)}
    elif kind == "require":
        schema["required"] = sorted({*schema.get("required", []), field})
    elif kind == "enum-with-default":
        properties["mode"] = {"type": "string", "enum": ["on", "off"], "default": "on"}
    elif kind == "retype":
        properties[field] = {"type": "integer", "minimum": 1}
    else:
        values = [v for e in schemas.values() if isinstance(e, dict) for v in e.get("enum", [])]
        enum = next((e for e in schemas.values() if isinstance(e, dict) and "enum" in e), None)
        if enum is None or not values:
            return f"{kind} (no enum) {name}"
        enum["enum"] = [*enum["enum"], "added_value"]
    return f"{kind} {name}.{field}"


@seed(29)
@settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(spec=st.sampled_from(SPECS), data=st.data())
def test_edits_render_the_same_from_the_cache_as_from_scratch(
    bases: dict[str, Base], spec: str, data: st.DataObject
) -> None:
    base = bases[spec]
    edited = copy.deepcopy(base.document.data)
    first = edit(edited, data.draw)
    cache = ModelCache(base.record)
    render(base.document, edited, cache)  # leaves the record of a partial run, or a full one
    second = edit(edited, data.draw)
    assert cache.current is not None
    # Through the text of its file, as the next run reads it.
    again = ModelCache(Record.from_json(cache.current.to_json()))
    note = f"{spec}: {first}, then {second}"
    assert render(base.document, edited, again) == render(base.document, edited, None), note


def test_a_class_whose_referrers_change_renders_as_from_scratch() -> None:
    # Asana's CustomFieldResponse holds inline classes the tool names after the way it first
    # meets it: `CustomFieldResponseInputRestriction` while the response of POST
    # /custom_fields, before it, holds it as its `data`, and `InputRestriction` once not.
    spec = ROOT.parent / "shared" / "corpus" / "asana.yaml"
    assert spec.is_file(), "this test needs ../shared's corpus"
    document = read_as_openapi3(load_document(spec, "specs/asana/openapi.yaml"))
    cache = ModelCache()
    before = render(document, document.data, cache)
    edited = copy.deepcopy(document.data)
    body = edited["paths"]["/custom_fields"]["post"]["responses"]["201"]["content"]
    body["application/json"]["schema"]["properties"]["data"] = {"type": "string"}
    assert cache.current is not None
    after = render(document, edited, ModelCache(cache.current))
    assert after == render(document, edited, None)
    assert "class CustomFieldResponseInputRestriction(" in "".join(before.values())
    assert "class InputRestriction(" in "".join(after.values())


def test_each_spec_run_in_parts_renders_as_in_one_run(
    bases: dict[str, Base], monkeypatch: pytest.MonkeyPatch
) -> None:
    """From scratch, a document of more schemas than a part holds is run in parts (each a
    group of schemas with what they need) where they give what one run gives: here, with
    parts far smaller than the generator's, each spec's models as in one run, and some
    spec's really run in parts."""
    in_parts = []
    for name, base in bases.items():
        monkeypatch.setattr(model_cache, "PART_SIZE", 1_000_000)
        whole = render(base.document, base.document.data, ModelCache())
        for size in (7, 25):
            monkeypatch.setattr(model_cache, "PART_SIZE", size)
            cache = ModelCache()
            assert render(base.document, base.document.data, cache) == whole, (name, size)
            in_parts.append(not cache.whole)
    assert any(in_parts)


@pytest.mark.parametrize(
    "spec",
    [
        # Box's 938 schemas (after hoisting), where issue 29 measures memory.
        ROOT.parent / "shared" / "corpus" / "box.json",
        # Maps of what the tool names itself, which it names in quotes only.
        DIRECTORY / "mist.com__-__0.12.4.yaml",
    ],
    ids=lambda path: path.name,
)
def test_a_large_spec_run_in_parts_renders_as_in_one_run(
    spec: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In parts of the generator's size, as in one run."""
    assert spec.is_file(), "this test needs ../shared's corpus"
    document = read_as_openapi3(load_document(spec, f"specs/v/{spec.name}"))
    cache = ModelCache()
    parts = render(document, document.data, cache)
    assert not cache.whole
    monkeypatch.setattr(model_cache, "PART_SIZE", 1_000_000)
    assert parts == render(document, document.data, None)

"""The model tool's output kept per class (generator/render/model_cache/): what each class's
key covers, which part of a document an edit re-runs the tool on, and that whatever the cache
holds, the output is the one a run from scratch gives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.render import model_cache
from generator.render.model_cache import (
    ModelCache,
    Record,
    SchemaGraph,
    class_keys,
    take_apart,
    tool_output,
    units,
)
from tests.conftest import ROOT, ModelToolRuns

REF = "#/components/schemas/"


def ref(name: str) -> dict[str, str]:
    return {"$ref": REF + name}


SCHEMAS: dict[str, Any] = {
    "Base": {
        "type": "object",
        "description": "The base.",
        "required": ["id"],
        "properties": {"id": {"type": "string", "description": "Its id."}},
    },
    "Child": {"allOf": [ref("Base"), {"type": "object", "properties": {"n": {"type": "integer"}}}]},
    "Holder": {"type": "object", "properties": {"base": ref("Base"), "kind": ref("Kind")}},
    "Kind": {"type": "string", "enum": ["a", "b"], "description": "A kind."},
    "Pet": {
        "oneOf": [ref("Cat"), ref("Dog")],
        "discriminator": {"propertyName": "type", "mapping": {"cat": REF + "Cat"}},
    },
    "Cat": {"type": "object", "properties": {"type": {"type": "string"}}},
    "Dog": {"type": "object", "properties": {"type": {"type": "string"}}},
}


def edited(path: str, value: Any) -> dict[str, Any]:
    """SCHEMAS with the value at a slash-separated path set."""
    schemas = json.loads(json.dumps(SCHEMAS))
    *parents, last = path.split("/")
    holder = schemas
    for key in parents:
        holder = holder[key]
    holder[last] = value
    return schemas


def changed_keys(schemas: dict[str, Any]) -> set[str]:
    before = class_keys(SchemaGraph.of(SCHEMAS), "c")
    after = class_keys(SchemaGraph.of(schemas), "c")
    return {name for name in SCHEMAS if before[name] != after[name]}


def test_a_description_reworded_changes_its_class_and_those_inheriting_it_only() -> None:
    # Holder holds a Base: its text is the same. Child inherits Base's fields: it writes
    # a required field of Base's again, with its description.
    assert changed_keys(edited("Base/description", "Reworded.")) == {"Base", "Child"}
    assert changed_keys(edited("Base/properties/id/description", "Reworded.")) == {
        "Base",
        "Child",
    }
    assert changed_keys(edited("Kind/description", "Reworded.")) == {"Kind"}


def test_a_change_of_shape_reaches_every_class_that_refers_to_it() -> None:
    # A new enum value: a field holding the enum may default to a member.
    assert changed_keys(edited("Kind/enum", ["a", "b", "c"])) == {"Kind", "Holder"}
    assert changed_keys(edited("Base/properties/id/type", "integer")) == {
        "Base",
        "Child",
        "Holder",
    }


def test_a_discriminator_changes_the_classes_it_tags() -> None:
    # The tool writes a variant's tag as a Literal of the mapping's value.
    mapping = {"kitten": REF + "Cat"}
    assert changed_keys(edited("Pet/discriminator/mapping", mapping)) == {"Pet", "Cat", "Dog"}
    # A property named like prose is not prose.
    schemas = edited("Holder/properties/description", {"type": "string"})
    assert changed_keys(schemas) == {"Holder"}


def test_a_discriminator_without_a_mapping_tags_the_schemas_inheriting_it() -> None:
    # Bitbucket's `object`: where a field holds it, the tool writes the union of its heirs,
    # each tagged with a Literal of its name.
    schemas: dict[str, Any] = {
        "Object": {
            "type": "object",
            "discriminator": {"propertyName": "type"},
            "properties": {"type": {"type": "string"}},
        },
        "Account": {"allOf": [ref("Object"), {"properties": {"name": {"type": "string"}}}]},
        "Holder": {"properties": {"n": {"type": "integer"}}},
    }
    holding = json.loads(json.dumps(schemas))
    holding["Holder"]["properties"]["thing"] = ref("Object")
    before = class_keys(SchemaGraph.of(schemas), "c")
    after = class_keys(SchemaGraph.of(holding), "c")
    # (Object, now referred to, too.)
    changed = {name for name in schemas if before[name] != after[name]}
    assert changed == {"Account", "Holder", "Object"}
    # A run for Account alone holds what tags it.
    assert SchemaGraph.of(holding).needed(["Account"]) == {"Account", "Object", "Holder"}


def test_a_class_is_keyed_by_where_the_schemas_before_and_after_it_refer_to_it() -> None:
    # Holder refers to Base (before it in the document): the tool names what Base holds
    # inline after the way it meets Base first.
    assert changed_keys(edited("Holder/properties/base", {"type": "string"})) == {
        "Holder",
        "Base",
    }
    assert changed_keys(edited("Holder/properties/base", ref("Kind"))) == {
        "Holder",
        "Base",
        "Kind",
    }
    # Reworded, Holder still refers to Base where it did.
    assert changed_keys(edited("Holder/description", "Reworded.")) == {"Holder"}


def test_the_output_is_put_together_in_one_order_whatever_the_tool_wrote() -> None:
    source = (
        "from __future__ import annotations\n"
        "from pydantic import BaseModel, Field\n\n\n"
        "class B(BaseModel):\n    x: int = Field(1)\n\n\n"
        "A = int\n"
        '"""An alias, documented after it."""\n\n\n'
        "B.model_rebuild()\n"
    )
    output = take_apart(source)
    assert output is not None
    assert output.imports == (
        "from __future__ import annotations",
        "from pydantic import BaseModel",
        "from pydantic import Field",
    )
    assert output.pieces == {
        "A": 'A = int\n"""An alias, documented after it."""',
        "B": "class B(BaseModel):\n    x: int = Field(1)",
    }
    assert output.source().index("A = int") < output.source().index("class B")
    assert take_apart("print('anything else')\n") is None
    assert take_apart("class (:\n") is None


def test_classes_the_tool_names_go_with_the_class_that_uses_them() -> None:
    pieces = {
        "Owner": "class Owner(BaseModel):\n    a: Inner1",
        "Inner1": "class Inner1(BaseModel):\n    b: Deeper",
        "Deeper": "class Deeper(BaseModel):\n    pass",
        "Other": 'class Other(BaseModel):\n    """Not Inner1, in words."""\n    c: Owner',
        "Shared": "class Shared(BaseModel):\n    x: Common",
        "Sharer": "class Sharer(BaseModel):\n    y: Common",
        "Common": "class Common(BaseModel):\n    pass",
        # What a map holds, which the tool names only in quotes (Mist's JunosDhcpd).
        "Map": "class Map(BaseModel):\n    __annotations__ = {\n"
        "        '__pydantic_extra__': Dict[str, \"MapValue\"],\n    }",
        "MapValue": "class MapValue(BaseModel):\n    pass",
    }
    given = {"Owner", "Other", "Shared", "Sharer", "Map"}
    assert sorted(units(pieces, given)) == [
        ["Common", "Shared", "Sharer"],
        ["Deeper", "Inner1", "Owner"],
        ["Map", "MapValue"],
        ["Other"],
    ]


class FakeTool:
    """Stands in for the model tool: a class per schema, holding the classes it refers to,
    and a class named after the first inline object it holds, as the tool names one."""

    def __init__(
        self, numbered: bool = False, by_field: bool = False, fractions: bool = False
    ) -> None:
        self.runs: list[list[str]] = []
        self.numbered = numbered  # name inline classes by a count across the document
        self.by_field = by_field  # name inline classes after their field alone
        # Give each class a Fraction, imported under another name where a field has its name.
        self.fractions = fractions

    def __call__(self, part: dict[str, Any]) -> str:
        self.runs.append(sorted(part))
        lines = ["from pydantic import BaseModel"]
        fraction = "Fraction"
        if self.fractions:
            if any("Fraction" in schema.get("properties", {}) for schema in part.values()):
                fraction = "Fraction_aliased"
            lines.append(
                f"from fractions import Fraction as {fraction}".removesuffix(" as Fraction")
            )
        count = 0
        taken = set(part)
        for name in sorted(part):
            schema = part[name]
            fields = [
                f"    {field}: {value['$ref'].rsplit('/', 1)[1]}"
                for field, value in schema.get("properties", {}).items()
                if "$ref" in value
            ]
            for field, value in schema.get("properties", {}).items():
                if "properties" in value:
                    count += 1
                    inner = f"Inline{count}" if self.numbered else f"{name}{field.title()}"
                    if self.by_field:  # numbered where a name is taken, as the tool does
                        inner = next(
                            f"{field.title()}{n or ''}"
                            for n in range(len(part) + 2)
                            if f"{field.title()}{n or ''}" not in taken
                        )
                    taken.add(inner)
                    lines.append(f"class {inner}(BaseModel):\n    pass")
                    fields.append(f"    {field}: {inner}")
            words = json.dumps(schema.get("description", ""))
            if self.fractions:
                fields.append(f"    share: {fraction}")
            lines.append(f"class {name}(BaseModel):\n    x: str = {words}\n" + "\n".join(fields))
        return "\n\n\n".join(lines) + "\n"


TREE: dict[str, Any] = {
    "A": {"properties": {"b": ref("B"), "box": {"properties": {"z": {}}}}},
    "B": {"description": "b"},
    "C": {"properties": {"inner": {"properties": {"z": {}}}}, "description": "c"},
    "D": {"description": "d"},
}


def tree(**descriptions: str) -> dict[str, Any]:
    schemas = json.loads(json.dumps(TREE))
    for name, words in descriptions.items():
        schemas[name]["description"] = words
    return schemas


def again(cache: ModelCache) -> ModelCache:
    """What the next run reads: the record this one left, through its file's text."""
    assert cache.current is not None
    return ModelCache(Record.from_json(cache.current.to_json()))


def test_an_edit_runs_the_tool_on_the_changed_classes_and_what_they_refer_to() -> None:
    tool = FakeTool()
    cache = ModelCache()
    first = tool_output(tree(), "ctx", tool, cache)
    assert tool.runs == [["A", "B", "C", "D"]]
    assert cache.whole  # the pipeline makes the package where the tool ran (generator/pipeline.py)

    cache = again(cache)
    assert tool_output(tree(), "ctx", tool, cache) == first  # nothing to run
    assert len(tool.runs) == 1
    assert not cache.whole

    # C's class and the one the tool named inside it are made again, alone.
    cache = again(cache)
    edited = tool_output(tree(C="c, reworded", D="d, reworded"), "ctx", tool, cache)
    assert tool.runs[1:] == [["C", "D"]]
    assert not cache.whole
    assert edited == tool_output(tree(C="c, reworded", D="d, reworded"), "ctx", FakeTool(), None)

    # A refers to B, so a run for A holds B; B's text is kept.
    cache = again(cache)
    tool_output(tree(C="c, reworded", D="d, reworded", A="a"), "ctx", tool, cache)
    assert tool.runs[2:] == [["A", "B"]]


@pytest.mark.parametrize(
    "text",
    ["{not json", json.dumps({"format": 0}), json.dumps({"format": 1, "context": 3}), "[]"],
    ids=["not-json", "other-format", "wrong-fields", "not-a-record"],
)
def test_a_record_that_cannot_be_read_means_a_full_run(text: str) -> None:
    assert Record.from_json(text) is None
    tool = FakeTool()
    tool_output(tree(C="x"), "ctx", tool, ModelCache(Record.from_json(text)))
    assert tool.runs == [["A", "B", "C", "D"]]


def test_new_names_or_other_context_mean_a_full_run() -> None:
    tool = FakeTool()
    cache = ModelCache()
    tool_output(tree(), "ctx", tool, cache)
    cache = again(cache)
    tool_output({**tree(), "E": {}}, "ctx", tool, cache)
    assert tool.runs[1] == ["A", "B", "C", "D", "E"]
    tool_output({**tree(), "E": {}}, "other generator", tool, again(cache))
    assert tool.runs[2] == ["A", "B", "C", "D", "E"]


def test_a_class_the_tool_names_otherwise_in_a_part_means_a_full_run() -> None:
    # Numbered across the document, C's inline class is Inline2 in the whole and Inline1 in a
    # run over C alone: the part does not fit, and the whole is run again.
    tool = FakeTool(numbered=True)
    cache = ModelCache()
    tool_output(tree(), "ctx", tool, cache)
    result = tool_output(tree(C="c, reworded"), "ctx", tool, again(cache))
    assert tool.runs[1:] == [["C"], ["A", "B", "C", "D"]]
    assert result == tool_output(tree(C="c, reworded"), "ctx", FakeTool(numbered=True), None)
    assert "class Inline2" in result and "class Inline1" in result


def test_make_generate_after_an_edit_runs_the_model_tool_on_the_edited_schemas_part(
    tmp_path: Path, model_tool_runs: ModelToolRuns
) -> None:
    """Through the command line, as a user regenerates: the cache is beside the output (and
    ignored by git), and the client is the one a first generation of the edited spec gives."""
    from generator.cli import main
    from generator.output.write import read_tree

    runs = model_tool_runs
    spec = tmp_path / "specs" / "capillary" / "openapi.yaml"
    spec.parent.mkdir(parents=True)
    shutil.copy(ROOT / "specs" / "capillary" / "openapi.yaml", spec)
    out = tmp_path / "generated"

    def generate(into: Path) -> None:
        assert main(["generate", "--specs", str(tmp_path / "specs"), "--out", str(into)]) == 0

    generate(out)
    kept = tmp_path / ".generated.cache"
    assert Record.from_json((kept / "capillary.json").read_text()) is not None
    assert (kept / ".gitignore").read_text().splitlines()[-1] == "*"
    everything = runs()[0]
    text = spec.read_text(encoding="utf-8")
    words = "Customer details to update; send only what changes."
    assert text.count(words) == 1
    spec.write_text(text.replace(words, "What to change of the customer."), encoding="utf-8")
    generate(out)
    # CustomerUpdate, and what it refers to (for the tool to read; their texts are kept).
    assert runs()[1] == [
        "CommChannel",
        "CommChannelMeta",
        "CommChannelType",
        "CustomerUpdate",
        "ExtendedFields",
        "LoyaltyInfo",
        "LoyaltyInfoLoyaltyType",
        "LoyaltyProgramEnrollment",
        "Profile",
    ]
    assert len(everything) == 18
    generate(tmp_path / "scratch")
    assert runs()[2] == everything  # another output, another cache
    assert read_tree(out / "capillary") == read_tree(tmp_path / "scratch" / "capillary")


def test_a_part_imports_as_the_whole_does_or_is_run_whole() -> None:
    from generator.render.model_cache.pieces import compatible

    # The whole document has a field named `date`: the tool imports the type under an alias.
    whole = ["from datetime import date as date_aliased", "from pydantic import Field"]
    assert compatible(whole, ["from datetime import date as date_aliased"], ["Order"])
    assert compatible(whole, ["from uuid import UUID", "from pydantic import Field"], ["Order"])
    # A part without that field imports it plainly: its text says `date`, the whole's does not.
    assert not compatible(whole, ["from datetime import date"], ["Order"])
    # A new import may not take a name a class or another import has.
    assert not compatible(whole, ["from typing import Order"], ["Order"])
    assert not compatible(whole, ["from uuid import UUID as Field"], ["Order"])


def whole(schemas: dict[str, Any], tool: FakeTool) -> str:
    """What one run of ``tool`` over ``schemas`` gives, put together as tool_output does."""
    output = take_apart(tool(schemas))
    assert output is not None
    return output.source()


def test_a_large_document_is_run_in_parts_that_give_what_one_run_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each part holds a group of schemas and what they need (A refers to B): the tool's
    memory grows with what it is given (issue 29)."""
    monkeypatch.setattr(model_cache, "PART_SIZE", 2)
    tool = FakeTool()
    cache = ModelCache()
    parts = tool_output(tree(), "ctx", tool, cache)
    assert tool.runs == [["A", "B"], ["C", "D"]]
    assert not cache.whole
    assert parts == whole(tree(), FakeTool())
    # What parts leave is read as what a whole run leaves: an edit re-runs its part.
    cache = again(cache)
    assert tool_output(tree(D="d, reworded"), "ctx", tool, cache) == whole(
        tree(D="d, reworded"), FakeTool()
    )
    assert tool.runs[2:] == [["D"]]
    # A reference to what is no schema here (PeerTube's discriminator mapping names a schema
    # as its spec does, `OAuthToken-password`) is no part's.
    schemas = tree()
    schemas["D"]["properties"] = {"e": ref("Nowhere")}
    assert tool_output(schemas, "ctx", FakeTool(), None) == whole(schemas, FakeTool())


@pytest.mark.parametrize(
    "case",
    [
        "numbered across the document",
        "named alike in two parts",
        "a field named like an import",
        "a field named like an import the tool renames",
    ],
)
def test_parts_that_may_not_give_what_one_run_gives_are_not_used(
    case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tool names a class it meets inline with a count across the document, or after
    its field alone, numbered where another has the name (the second `Box` is `Box1`); it
    imports a type under another name where a field has its name. A part sees none of the
    rest of the document."""
    monkeypatch.setattr(model_cache, "PART_SIZE", 2)
    schemas = tree()
    renames = case.endswith("renames")
    tool = FakeTool(case.startswith("numbered"), case.startswith("named"), renames)
    if case.startswith("named"):
        schemas["C"]["properties"] = {"box": {"properties": {"z": {}}}}
    if case.startswith("a field"):
        schemas["D"]["properties"] = {"Fraction" if renames else "date": {}}
    cache = ModelCache()
    assert tool_output(schemas, "ctx", tool, cache) == whole(schemas, FakeTool(*tool_flags(tool)))
    assert cache.whole and tool.runs[-1] == ["A", "B", "C", "D"]
    # Parts are run until one is found wanting: the first names Inline1, the second Box as
    # the first does, or imports Fraction under another name. Where a field has the name of
    # a type the tool is known to import, none is run.
    expected = {"numbered": 2, "named": 3, "a": 1}[case.split()[0]]
    assert len(tool.runs) == (2 if renames else expected)


def tool_flags(tool: FakeTool) -> tuple[bool, bool, bool]:
    return tool.numbered, tool.by_field, tool.fractions

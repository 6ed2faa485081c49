"""What the fuzzer found, each as the smallest document that showed it: the exit code and
the diagnostic it gives now, where it once was an internal error (exit 3)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main

INFO = {"title": "Found", "version": "1"}
SERVERS = [{"url": "https://api.example.test"}]


def _api(version: str, schemas: dict[str, Any], parameter: dict[str, Any]) -> dict[str, Any]:
    """One GET operation with one query parameter of ``parameter``'s schema."""
    return {
        "openapi": version,
        "info": INFO,
        "servers": SERVERS,
        "paths": {
            "/things": {
                "get": {
                    "operationId": "listThings",
                    "parameters": [{"name": "shape", "in": "query", "schema": parameter}],
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
        "components": {"schemas": schemas},
    }


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


# Case -> (document, exit code, a line the output holds). An internal error was each one's.
FOUND: dict[str, tuple[dict[str, Any], int, str]] = {
    # openapi-spec-validator followed an allOf that holds its owner until the stack ran out
    # (its issue 400).
    "allof-member-holds-its-owner": (
        _api(
            "3.1.0",
            {
                "Constraint": {
                    "type": "object",
                    "oneOf": [_ref("Equality")],
                    "properties": {"type": {"type": "string"}},
                    "required": ["type"],
                },
                "Equality": {
                    "allOf": [
                        _ref("Constraint"),
                        {"type": "object", "properties": {"value": {}}, "required": ["value"]},
                    ]
                },
            },
            _ref("Constraint"),
        ),
        0,
        "1 operation(s)",
    ),
    "allof-of-an-array-of-itself": (
        _api(
            "3.0.3",
            {
                "Nested": {"allOf": [_ref("Lists")]},
                "Lists": {"type": "array", "items": _ref("Lists")},
            },
            {"type": "string"},
        ),
        0,
        "1 operation(s)",
    ),
    # The builder spelled a parameter's type out through its references without end.
    "parameter-a-list-of-lists-of-itself": (
        _api(
            "3.0.3",
            {"Nested": {"type": "array", "items": {"type": "array", "items": _ref("Nested")}}},
            _ref("Nested"),
        ),
        0,
        "1 operation(s)",
    ),
    # jsonschema raised checking the default against the schema (UnknownType, re.error).
    "null-type-in-3.0-with-a-default": (
        _api("3.0.3", {}, {"type": "null", "default": "x"}),
        1,
        "error[invalid-openapi]: 'null' is not one of",
    ),
    "pattern-only-pydantic-reads-with-a-default": (
        _api("3.1.0", {}, {"type": "string", "pattern": r"\p{L}+", "default": "a"}),
        0,
        "warning[pattern-dialect]",
    ),
}

# Found by the fuzzer and fixed on another branch (issue 26): never an internal error, with
# whatever diagnostic that fix gives.
FIXED_ELSEWHERE: dict[str, dict[str, Any]] = {
    "enum-of-null-only": _api("3.1.0", {}, {"enum": [None]}),
    "limit-and-default-disagree-in-type": _api(
        "3.0.3", {}, {"type": "integer", "maximum": "10", "default": 3}
    ),
    "multiple-of-and-default-disagree-in-type": _api(
        "3.1.0", {}, {"type": "integer", "multipleOf": "3", "default": 4}
    ),
}


def _run(document: dict[str, Any], root: Path) -> int:
    spec = root / "specs" / "found" / "openapi.yaml"
    spec.parent.mkdir(parents=True)
    spec.write_text(yaml.safe_dump(document, sort_keys=False))
    return main(["generate", "-q", "--specs", str(root / "specs"), "--out", str(root / "out")])


def _run_client(root: Path, script: str) -> subprocess.CompletedProcess[str]:
    """``script`` run beside the generated client, in a process of its own."""
    return subprocess.run(
        [sys.executable, "-c", script], cwd=root / "out", capture_output=True, text=True
    )


@pytest.mark.parametrize("case", sorted(FOUND))
def test_found_case_is_read_or_refused(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document, code, line = FOUND[case]
    assert _run(document, tmp_path) == code
    output = capsys.readouterr()
    assert line in output.out + output.err


def test_a_parameter_of_a_list_of_lists_of_itself_is_typed_any_where_it_recurs(
    tmp_path: Path,
) -> None:
    document, _, _ = FOUND["parameter-a-list-of-lists-of-itself"]
    assert _run(document, tmp_path) == 0
    resource = (tmp_path / "out" / "found" / "resources" / "things.py").read_text()
    assert "shape: Sequence[Sequence[Any]] | Omit = omit," in resource


@pytest.mark.parametrize("case", sorted(FIXED_ELSEWHERE))
def test_found_case_is_no_internal_error(case: str, tmp_path: Path) -> None:
    assert _run(FIXED_ELSEWHERE[case], tmp_path) in (0, 1)


def test_a_parameter_of_a_number_enum_is_typed_float(tmp_path: Path) -> None:
    """A float cannot be a Literal's value: `Literal[1.5]` failed mypy --strict."""
    document = _api("3.0.3", {}, {"type": "number", "enum": [1.5, 2, 1e300]})
    assert _run(document, tmp_path) == 0
    resource = (tmp_path / "out" / "found" / "resources" / "things.py").read_text()
    assert "shape: float | Omit = omit," in resource


def test_a_const_beside_an_enum_with_null_is_not_nullable(tmp_path: Path) -> None:
    """`const: fixed` beside `enum: [0, null]` (no value fits both) was written
    `root: Literal["fixed"] = None`, which mypy --strict refuses: null is not a value."""
    schemas = {"Odd": {"type": "number", "enum": [1.5, 0, None], "const": "fixed"}}
    assert _run(_api("3.1.0", schemas, {"type": "string"}), tmp_path) == 0
    model = (tmp_path / "out" / "found" / "models" / "odd.py").read_text()
    assert 'class Odd(RootModel[Literal["fixed"]]):\n    root: Literal["fixed"]\n' in model


def test_a_list_of_itself_is_a_list_of_the_model(tmp_path: Path) -> None:
    """The model tool typed it as a bare `list`, which mypy --strict refuses."""
    lists = {"type": "array", "items": _ref("Lists")}
    assert _run(_api("3.0.3", {"Lists": lists}, {"type": "string"}), tmp_path) == 0
    model = (tmp_path / "out" / "found" / "models" / "lists.py").read_text()
    assert 'class Lists(RootModel[list["Lists"]]):\n    root: list[Lists]\n' in model


def test_a_parameter_named_content_type_beside_a_body_of_several_media_types(
    tmp_path: Path,
) -> None:
    """Its argument and the body's `content_type=` were one name twice: a SyntaxError."""
    document = _api("3.0.3", {}, {"type": "string"})
    operation = document["paths"]["/things"].pop("get")
    operation["parameters"][0]["name"] = "Content-Type"
    operation["requestBody"] = {"content": {"text/csv": {}, "multipart/form-data": {}}}
    document["paths"]["/things"]["patch"] = operation
    assert _run(document, tmp_path) == 0
    resource = (tmp_path / "out" / "found" / "resources" / "things.py").read_text()
    compile(resource, "things.py", "exec")
    assert "content_type_: str | Omit = omit," in resource


def test_models_a_quoted_reference_names_are_defined_with_it(tmp_path: Path) -> None:
    """The tool quotes a model it defines later where the type is evaluated at once (a
    RootModel's base): `Body(RootModel[list["BodyItem"]])`. The split did not read the
    quoted name, and put each model in a module of its own, where that name was undefined."""
    inner = {"type": "array", "items": _ref("body"), "minItems": 1}
    body = {"type": "array", "items": inner}
    assert _run(_api("3.1.0", {"body": body}, {"type": "string"}), tmp_path) == 0
    model = (tmp_path / "out" / "found" / "models" / "body_.py").read_text()
    assert 'class Body(RootModel[list["BodyItem"]]):' in model
    assert "class BodyItem(RootModel[list[Body]]):" in model
    script = "from found.models import Body; print(Body.model_validate([[[]]]).model_dump())"
    done = _run_client(tmp_path, script)
    assert (done.returncode, done.stdout) == (0, "[[[]]]\n"), done.stderr


def test_a_constrained_list_of_itself_is_a_list_of_the_model(tmp_path: Path) -> None:
    """With `minItems` the tool typed it `Annotated[list, Field(...)]`: a bare `list` too."""
    lists = {"type": "array", "items": _ref("Lists"), "minItems": 1}
    assert _run(_api("3.1.0", {"Lists": lists}, {"type": "string"}), tmp_path) == 0
    model = (tmp_path / "out" / "found" / "models" / "lists.py").read_text()
    assert 'class Lists(RootModel[list["Lists"]]):\n' in model
    assert "    root: Annotated[list[Lists], Field(min_length=1)]\n" in model


def test_a_server_variable_default_its_enum_does_not_list_is_one_of_its_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`Literal['v1'] = 'v3'` failed mypy --strict: the default is read as one of the values."""
    document = _api("3.0.3", {}, {"type": "string"})
    variables = {"v": {"default": "v3", "enum": ["v1"]}}
    document["servers"] = [{"url": "https://example.test/{v}", "variables": variables}]
    assert _run(document, tmp_path) == 0
    client = (tmp_path / "out" / "found" / "_client.py").read_text()
    assert 'v: Literal["v1", "v3"] = "v3",' in client
    assert "warning[server-default-not-in-enum]" in capsys.readouterr().err


def test_a_required_field_named_missing_does_not_hide_the_sentinel(tmp_path: Path) -> None:
    """The model tool imports its MISSING under another name only where the field named so is
    itself optional: a required `MISSING` hid the sentinel the other fields default to."""
    thing = {
        "type": "object",
        "properties": {"MISSING": {"type": "number"}, "other": {"type": "string"}},
        "required": ["MISSING"],
    }
    assert _run(_api("3.1.0", {"Thing": thing}, {"type": "string"}), tmp_path) == 0
    model = (tmp_path / "out" / "found" / "models" / "thing.py").read_text()
    assert 'MISSING_: Annotated[float, Field(alias="MISSING")]\n' in model
    assert "    other: str | MISSING = MISSING\n" in model


def test_a_model_named_like_a_runtime_name_takes_it_and_the_runtime_is_aliased(
    tmp_path: Path,
) -> None:
    """An object `content` of a model `File` is the model `FileContent`, the name of the
    runtime's type of a file part, which the module imported too: mypy --strict failed."""
    file = {
        "type": "object",
        "properties": {
            "name": {"type": "string", "format": "binary"},
            "content": {"type": "object", "properties": {"data": {"type": "string"}}},
        },
    }
    assert _run(_api("3.1.0", {"File": file}, {"type": "string"}), tmp_path) == 0
    model = (tmp_path / "out" / "found" / "models" / "file.py").read_text()
    assert "from .._runtime.content import FileContent as FileContent_aliased\n" in model
    assert "    content: FileContent | MISSING = MISSING\n" in model
    assert "    name: FileContent_aliased | MISSING = MISSING\n" in model


def test_a_body_model_named_like_a_typing_name_is_the_class_its_method_names(
    tmp_path: Path,
) -> None:
    """The model tool renamed a model `Literal` to `LiteralModel` where its module imports
    Literal; the method's body was still typed `models.Literal`, which named nothing."""
    literal = {
        "type": "object",
        "properties": {"kind": {"type": "string", "enum": ["a"]}, "other": _ref("Literal")},
    }
    document = _api("3.1.0", {"Literal": literal}, {"type": "string"})
    document["paths"]["/things"]["post"] = {
        "operationId": "createThing",
        "requestBody": {"content": {"application/json": {"schema": _ref("Literal")}}},
        "responses": {"204": {"description": "done"}},
    }
    assert _run(document, tmp_path) == 0
    model = (tmp_path / "out" / "found" / "models" / "literal_model.py").read_text()
    assert "class LiteralModel(BaseModel):" in model
    resource = (tmp_path / "out" / "found" / "resources" / "things.py").read_text()
    assert "body: models.LiteralModel | Mapping[str, Any] | Omit = omit," in resource


def test_a_model_nested_a_hundred_levels_deep_has_a_module_name_a_file_system_takes(
    tmp_path: Path,
) -> None:
    """Named after every level (`a_item_inner_item_inner_...`), its module's file name was
    longer than a file system takes: OSError, an internal error."""
    schema: dict[str, Any] = {"type": "boolean", "enum": [False], "const": "fixed"}
    for _ in range(40):
        schema = {"type": "array", "items": {"type": "object", "properties": {"inner": schema}}}
    schemas = {"a": schema, "a0": {"type": "array"}}
    assert _run(_api("3.1.0", schemas, {"type": "string"}), tmp_path) == 0
    names = [p.name for p in (tmp_path / "out" / "found" / "models").iterdir()]
    assert max(map(len, names)) == 80 + len(".py")  # cut short, to 80 characters
    script = "from found.models import A; print(A.model_validate([{'inner': []}]).model_dump())"
    done = _run_client(tmp_path, script)
    assert (done.returncode, done.stdout) == (0, "[{'inner': []}]\n"), done.stderr


# A list whose item class names the list: the list's base (`RootModel[list[Item]]`, read at
# once) needs the item defined first, whatever order the model tool wrote them in. Put in name
# order, `List` came first: a NameError on import. The item, and a value of the list.
LIST_ITEMS: dict[str, tuple[dict[str, Any], str]] = {
    # The item holds the list (a cycle); with a `const` beside its fields, the tool names it.
    "item-holds-the-list": (
        {
            "properties": {"import": {"type": "array", "items": _ref("list")}},
            "required": [],
            "const": "fixed",
        },
        "[{'import': []}]",
    ),
    # The item names the list only in its quoted extras type, which pydantic reads later.
    "extras-are-the-list": (
        {"properties": {"a": {"type": "string"}}, "additionalProperties": _ref("list")},
        "[{'a': 'b', 'c': []}]",
    ),
}


@pytest.mark.parametrize("case", sorted(LIST_ITEMS))
def test_a_list_whose_item_names_it_defines_the_item_first(case: str, tmp_path: Path) -> None:
    item, value = LIST_ITEMS[case]
    document = _api("3.1.0", {"list": {"type": "array", "items": item}}, {"type": "string"})
    assert _run(document, tmp_path) == 0
    model = (tmp_path / "out" / "found" / "models" / "list_.py").read_text()
    base = re.search(r"^class List\(RootModel\[list\[(\w+)\]\]\):", model, re.MULTILINE)
    assert base is not None
    assert model.index(f"class {base[1]}(") < base.start()
    done = _run_client(
        tmp_path, f"from found.models import List; print(List.model_validate({value}))"
    )
    assert done.returncode == 0, done.stderr


def test_a_cycle_through_constrained_fields_defines_each_base_first(tmp_path: Path) -> None:
    """`True` (the model `TrueModel`) holds a constrained list of `extra_headers`, whose item
    is a RootModel of `TrueModel`: annotations are read later, a base at once, so `TrueModel`
    comes first (when ordered by what each definition reads at all, the cycle had no first)."""
    union = {"oneOf": [_ref("True")], "discriminator": {"propertyName": "d"}}
    schemas = {
        "True": {
            "type": "object",
            "properties": {
                "d": {"type": "string"},
                "j": {"type": "array", "minItems": 1, "items": _ref("extra_headers")},
            },
        },
        "extra_headers": {"type": "array", "items": union},
    }
    assert _run(_api("3.1.0", schemas, {"type": "string"}), tmp_path) == 0
    script = (
        "from found.models import TrueModel; "
        "print(TrueModel.model_validate({'d': 'True', 'j': [[{'d': 'True'}]]}).j)"
    )
    done = _run_client(tmp_path, script)
    assert done.returncode == 0, done.stderr

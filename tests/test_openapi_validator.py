"""openapi-spec-validator's record: the documents it vouches for, and what means asking the
validator again."""

from __future__ import annotations

import copy
import datetime
import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema_specifications
import openapi_schema_validator
import openapi_spec_validator
import pytest

from generator.output.write import read_tree
from generator.spec import openapi_validator
from generator.spec.openapi_validator import VALIDATED_NAME, Record, find_problems
from tests.conftest import SPECS
from tests.test_validate import BAD

SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Pets", "version": "1", "description": "The pets."},
    "paths": {
        "/pets/{id}": {
            "get": {
                "operationId": "getPet",
                "summary": "A pet",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"200": {"description": "The pet"}},
            }
        }
    },
    "components": {
        "schemas": {
            "Pet": {
                "type": "object",
                "description": "A pet.",
                "properties": {
                    "name": {"type": "string", "maxLength": 5, "description": "Its name."},
                    "tag": {
                        "type": "object",
                        "properties": {"description": {"type": "string", "maxLength": 5}},
                        "default": {"description": "short"},
                    },
                },
            }
        }
    },
}


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The documents the validator was run on."""
    documents: list[object] = []
    real = openapi_validator.iter_problems

    def counting(data: dict[str, Any]) -> Any:
        documents.append(data)
        return real(data)

    monkeypatch.setattr(openapi_validator, "iter_problems", counting)
    return documents


def _edited(*path: str | int, to: Any, spec: dict[str, Any] = SPEC) -> dict[str, Any]:
    edited = copy.deepcopy(spec)
    node = edited
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = to
    return edited


def _recorded(spec: dict[str, Any]) -> str:
    record = Record()
    find_problems(spec, record)
    return record.current


def test_a_clean_document_is_recorded_and_not_validated_again(asked: list[object]) -> None:
    committed = _recorded(SPEC)
    assert len(asked) == 1 and len(committed.splitlines()) == 3
    record = Record(committed)
    assert find_problems(SPEC, record) == []
    assert len(asked) == 1 and record.current == committed


@pytest.mark.parametrize(
    "path",
    [
        ("info", "description"),
        ("paths", "/pets/{id}", "get", "summary"),
        ("paths", "/pets/{id}", "get", "responses", "200", "description"),
        ("components", "schemas", "Pet", "description"),
        ("components", "schemas", "Pet", "properties", "name", "description"),
    ],
)
def test_new_wording_of_a_description_or_summary_is_not_validated_again(
    path: tuple[str, ...], asked: list[object]
) -> None:
    edited = _edited(*path, to="Reworded, at much greater length than before.")
    committed = _recorded(SPEC)
    record = Record(committed)
    assert find_problems(edited, record) == []
    assert len(asked) == 1  # the first document's only
    assert record.current == _recorded(edited)  # as if it had been validated


@pytest.mark.parametrize(
    "path, value",
    [
        (("components", "schemas", "Pet", "properties", "name", "maxLength"), 3),
        (("paths", "/pets/{id}", "get", "operationId"), "getAPet"),
        # Data, not prose: a default is validated against its schema (here it breaks it).
        (("components", "schemas", "Pet", "properties", "tag", "default", "description"), "long!!"),
        (("info", "x-description"), "extensions are left whole"),
        (("info", "description"), None),  # no longer a string
    ],
)
def test_any_other_change_is_validated_again(
    path: tuple[str, ...], value: Any, asked: list[object]
) -> None:
    edited = _edited(*path, to=value)
    record = Record(_recorded(SPEC))
    problems = find_problems(edited, record)
    assert asked == [SPEC, edited]
    assert record.current == _recorded(edited)
    if path[-2:] == ("default", "description"):
        assert [p.pointer for p in problems] == [
            "/components/schemas/Pet/properties/tag/default/description"
        ]


def test_a_document_with_problems_vouches_for_nothing(asked: list[object]) -> None:
    broken = _edited("components", "schemas", "Pet", "properties", "name", "maxLength", to="5")
    record = Record()
    assert find_problems(broken, record) != []
    assert record.current.count("\n") == 1  # the header alone
    assert find_problems(broken, Record(record.current)) != []
    assert len(asked) == 2


def test_a_reference_into_prose_makes_its_wording_count(asked: list[object]) -> None:
    referring = _edited("info", "x-note", to={"$ref": "#/info/descr%69ption"})
    record = Record(_recorded(referring))
    assert len(record.committed.splitlines()) == 2  # the document's digest alone
    find_problems(_edited("info", "description", to="Other.", spec=referring), record)
    assert len(asked) == 2


def test_another_validator_or_data_that_is_not_json_means_validating_again(
    asked: list[object],
) -> None:
    header, *marks = _recorded(SPEC).splitlines()
    find_problems(SPEC, Record("\n".join([header + "0", *marks]) + "\n"))
    dated = _edited("info", "x-date", to=datetime.date(2026, 11, 27))
    record = Record(_recorded(dated))
    find_problems(dated, record)
    assert len(asked) == 4 and record.current.count("\n") == 1


def test_the_validators_schemas_ask_only_that_prose_be_a_string() -> None:
    """What ``_PROSE`` rests on, for the versions installed: in every schema the validator
    checks an OpenAPI 3 document with, a description or summary is a string of any content,
    required or not (Swagger 2 is converted to OpenAPI 3.0 before the validator runs)."""
    roots = [
        Path(openapi_spec_validator.__file__).parent / "resources",
        Path(openapi_schema_validator.__file__).parent / "schemas",
        Path(jsonschema_specifications.__file__).parent / "schemas",
    ]
    files = [p for root in roots for p in root.rglob("*") if p.is_file() and "v2.0" not in p.parts]
    prose = {"description", "summary"}
    found: list[str] = []

    def walk(node: Any, where: str, parent: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in prose and parent == "properties":
                    found.append(f"{where}/{key}: {value}")
                elif key in prose:
                    assert isinstance(value, str), where  # the schema's own annotation
                walk(value, f"{where}/{key}", key)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}", parent)
        elif node in prose:
            assert parent == "required", where  # required to be present, whatever it says

    for file in files:
        walk(json.loads(file.read_text(encoding="utf-8")), file.name, "")
    assert found and all(entry.endswith(": {'type': 'string'}") for entry in found), found


def test_a_regeneration_after_a_description_changed_does_not_run_the_validator(
    tmp_path: Path, asked: list[object]
) -> None:
    from generator.cli import main

    specs, out = tmp_path / "specs", tmp_path / "generated"
    shutil.copytree(SPECS / "imprint", specs / "imprint")
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 0
    assert len(asked) == 1 and (out / "imprint" / VALIDATED_NAME).is_file()
    spec = specs / "imprint" / "openapi.yaml"
    text = spec.read_text(encoding="utf-8")
    assert "description: Customer's email address" in text
    spec.write_text(text.replace("description: Customer's email address", "description: Email"))
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 0
    assert len(asked) == 1
    cold = tmp_path / "cold"
    assert main(["generate", "--specs", str(specs), "--out", str(cold)]) == 0
    assert len(asked) == 2 and read_tree(out) == read_tree(cold)


def test_the_validator_is_asked_once_when_the_validation_is_first_settled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The command goes on with the document as our checks read it (building and rendering
    # the client) and asks the validator when it wants the answer.
    from generator.core.errors import SpecError
    from generator.spec.load import load_document
    from generator.spec.validate import start_validation

    asked: list[dict[str, Any]] = []

    def counting(data: dict[str, Any], record: Record | None = None) -> list[Any]:
        asked.append(data)
        return find_problems(data, record)

    monkeypatch.setattr(openapi_validator, "find_problems", counting)
    validation = start_validation(load_document(BAD / "invalid_against_schema.yaml"))
    assert asked == []
    with pytest.raises(SpecError) as first:
        validation.settle()
    with pytest.raises(SpecError) as again:
        validation.settle()
    assert len(asked) == 1 and first.value.diagnostics == again.value.diagnostics
    assert [d.code for d in first.value.diagnostics] == ["invalid-openapi"]

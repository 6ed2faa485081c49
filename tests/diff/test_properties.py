"""Random changes whose level is certain, on tests/diff/base.yaml: whatever the name, type or
place, adding an optional request property or a new operation never breaks, and removing a
required response property or adding a required request property always does."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.diff import assess
from generator.diff.findings import Level
from generator.spec.load import Document
from tests.diff.test_rules import BASE, POLICY

NAMES = st.from_regex(r"[a-z][a-zA-Z0-9_]{0,12}", fullmatch=True)
SCHEMAS = st.sampled_from(
    [
        {"type": "string"},
        {"type": "integer", "minimum": 0},
        {"type": "boolean"},
        {"type": "array", "items": {"type": "string"}},
        {"type": "object", "properties": {"x": {"type": "number"}}},
        {"$ref": "#/components/schemas/Address"},
    ]
)
# Schemas the PUT request body reaches (some of them responses reach too).
REQUEST_SCHEMAS = st.sampled_from(["CustomerUpdate", "Address", "EmailContact", "PhoneContact"])
METHODS = st.sampled_from(["get", "post", "put", "patch", "delete"])


def _levels(change: Any) -> set[Level]:
    revision = copy.deepcopy(BASE.data)
    change(revision)
    _, findings = assess(BASE, Document(revision, "revision.yaml"), "v", policy=POLICY)
    assert findings, "the change was not seen at all"
    return {f.level for f in findings}


@settings(max_examples=40, deadline=None)
@given(schema_name=REQUEST_SCHEMAS, name=NAMES, schema=SCHEMAS)
def test_an_optional_request_property_never_breaks(
    schema_name: str, name: str, schema: dict[str, Any]
) -> None:
    properties = BASE.data["components"]["schemas"][schema_name]["properties"]
    if name in properties:
        return

    def add(data: dict[str, Any]) -> None:
        data["components"]["schemas"][schema_name]["properties"][name] = schema

    assert Level.BREAKING not in _levels(add)


@settings(max_examples=40, deadline=None)
@given(segment=NAMES, method=METHODS, optional_body=st.booleans())
def test_a_new_operation_never_breaks(segment: str, method: str, optional_body: bool) -> None:
    path = f"/{segment}/{{id}}"
    if segment in ("customers", "orders"):
        return  # an operation the base has: not a new one

    def add(data: dict[str, Any]) -> None:
        operation: dict[str, Any] = {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {}}],
            "responses": {"200": {"description": "ok"}},
        }
        if optional_body and method != "get":
            operation["requestBody"] = {
                "content": {"application/json": {"schema": {"type": "object"}}}
            }
        data["paths"][path] = {method: operation}

    assert Level.BREAKING not in _levels(add)


@settings(max_examples=20, deadline=None)
@given(name=st.sampled_from(["id", "name", "status"]))
def test_removing_a_required_response_property_always_breaks(name: str) -> None:
    def remove(data: dict[str, Any]) -> None:
        customer = data["components"]["schemas"]["Customer"]
        del customer["properties"][name]
        customer["required"].remove(name)

    assert Level.BREAKING in _levels(remove)


@settings(max_examples=40, deadline=None)
@given(name=NAMES, schema=SCHEMAS)
def test_a_required_request_property_always_breaks(name: str, schema: dict[str, Any]) -> None:
    update = BASE.data["components"]["schemas"]["CustomerUpdate"]
    if name in update["properties"]:
        return

    def add(data: dict[str, Any]) -> None:
        target = data["components"]["schemas"]["CustomerUpdate"]
        target["properties"][name] = schema
        target["required"] = [*target["required"], name]

    assert Level.BREAKING in _levels(add)

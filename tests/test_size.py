"""Large inputs are generated (bounded by the size of what they describe), never crash or recurse."""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.ir import build_ir
from generator.pipeline import render_vendor
from generator.spec.load import Document
from generator.spec.validate import validate_document

# Generating and type-checking real specs: slow (`pytest -m "not slow"` leaves them out).
pytestmark = pytest.mark.slow


def _nested(depth: int) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "string"}
    for level in range(depth):
        node = {"type": "object", "properties": {f"level{level}": node}}
    return node


def test_huge_enum_deep_nesting_recursion_and_megabyte_text(tmp_path: Path) -> None:
    schemas = {
        "Status": {"type": "string", "enum": [f"value_{i}" for i in range(10_000)]},
        "Deep": _nested(60),
        "Node": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "status": {"$ref": "#/components/schemas/Status"},
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
            },
        },
        "Doc": {
            "type": "object",
            "description": "long " * 600_000,
            "properties": {"a": {"type": "string"}},
        },
    }
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Size", "version": "1"},
        "paths": {
            "/nodes": {
                "get": {
                    "operationId": "getNode",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Node"}
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {"schemas": schemas},
    }
    document = Document(spec, "specs/big/openapi.yaml")
    document, _ = validate_document(document)
    files = render_vendor(build_ir(document, "big", document.file))
    for path, text in files.items():
        target = tmp_path / "big" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        if path.suffix == ".py":
            ast.parse(text)
    sys.path.insert(0, str(tmp_path))
    try:
        models = importlib.import_module("big.models")
        assert len(models.Status) == 10_000
        tree = models.Node.model_validate(
            {"name": "root", "children": [{"name": "leaf", "status": "value_9999", "children": []}]}
        )
        assert tree.children[0].status == models.Status.VALUE_9999
        assert len(models.Doc.__doc__ or "") > 2_900_000
    finally:
        sys.path.remove(str(tmp_path))

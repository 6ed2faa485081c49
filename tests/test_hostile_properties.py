"""Property tests: any text in a spec's names and strings gives a client that compiles, imports,
type-checks and keeps every string exactly, on the wire and in docstrings."""

from __future__ import annotations

import ast
import importlib
import itertools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.ir import build_ir
from generator.pipeline import render_vendor
from generator.spec.load import Document
from generator.spec.validate import validate_document

# Generating and type-checking real specs: slow (`pytest -m "not slow"` leaves them out).
pytestmark = pytest.mark.slow

# Any text but lone surrogates, which no YAML or JSON file can hold.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=24)
_counter = itertools.count()


def _spec(names: dict[str, str]) -> dict[str, Any]:
    text = names["description"]
    return {
        "openapi": "3.1.0",
        "info": {"title": names["summary"], "version": "1", "description": text},
        "tags": [{"name": names["tag"], "description": text}],
        "servers": [{"url": "https://api.test"}],
        "paths": {
            "/things/{id}": {
                "put": {
                    "operationId": names["operation"],
                    "tags": [names["tag"]],
                    "summary": names["summary"],
                    "description": text,
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": names["parameter"],
                            "in": "query",
                            "description": text,
                            "schema": {"type": "string", "enum": [names["value"]]},
                        },
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "description": text,
                                    "properties": {
                                        names["property"]: {
                                            "type": "string",
                                            "description": text,
                                            "default": names["value"],
                                            "example": names["value"],
                                        }
                                    },
                                }
                            }
                        },
                    },
                    "responses": {"200": {"description": text}},
                }
            }
        },
    }


def _generate(names: dict[str, str], root: Path) -> tuple[Any, Any]:
    vendor = f"hostile_{next(_counter)}"
    document = Document(_spec(names), f"specs/{vendor}/openapi.yaml")
    document, _ = validate_document(document)
    api = build_ir(document, vendor, document.file)
    for path, text in render_vendor(api).items():
        target = root / vendor / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        if path.suffix == ".py":
            compile(ast.parse(text), str(target), "exec")
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    return api, importlib.import_module(vendor)


NAMES = st.fixed_dictionaries(
    {
        k: TEXT
        for k in ("operation", "parameter", "property", "value", "summary", "description", "tag")
    }
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=NAMES, path_value=TEXT)
# Found by this test: a line break in a wire name (or an operationId) must not dedent the
# docstring's other lines; nor must an operationId that is a keyword break model names.
@example(
    names={
        "operation": "True",
        "parameter": "0\n0",
        "property": "0",
        "value": "0",
        "summary": "0\n0",
        "description": "a\nb\rc\x85d\x0be\x0cf\u2028g\u2029h\r\ni",
        "tag": "0",
    },
    path_value="0",
)
# And a tag that looks like a path: a label as any other (only an operation's own path is not).
@example(
    names={
        "operation": "0",
        "parameter": "0",
        "property": "0",
        "value": "0",
        "summary": "0",
        "description": "0",
        "tag": "/",
    },
    path_value="0",
)
# And a summary that begins with a quote, to which black added a space.
@example(
    names={
        "operation": "0",
        "parameter": "0",
        "property": "0",
        "value": "0",
        "summary": '"0',
        "description": "0",
        "tag": "0",
    },
    path_value="0",
)
def test_any_text_compiles_imports_and_round_trips(
    names: dict[str, str], path_value: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    api, package = _generate(names, tmp_path_factory.mktemp("hostile"))
    (operation,) = api.operations
    (parameter,) = operation.keyword_parameters
    seen: list[httpx.Request] = []
    http = httpx.Client(
        transport=httpx.MockTransport(lambda r: (seen.append(r), httpx.Response(200))[1])
    )
    client = getattr(package, f"{api.client_name}Client")(http_client=http)
    body_model = getattr(
        package.models, operation.request_body.annotation.split(" | ")[0].removeprefix("models.")
    )
    body = body_model.model_validate({names["property"]: names["value"]})
    (resource,) = api.resources
    method = getattr(getattr(client, resource.py_name), operation.py_name)
    method(path_value, body=body, **{parameter.py_name: names["value"]})

    (request,) = seen
    # A segment of dots only goes as %2E each: a server would read `.` or `..` as a step.
    segment = quote(path_value, safe="") if path_value.strip(".") else "%2E" * len(path_value)
    assert request.url.raw_path.split(b"?")[0].decode("ascii") == "/things/" + segment
    assert request.url.params.multi_items() == [(names["parameter"], names["value"])]
    assert json.loads(request.content) == {names["property"]: names["value"]}
    doc = (method.__doc__ or "").replace("\n        ", "\n")
    assert doc.startswith(names["summary"].strip())
    assert names["description"].strip() in doc
    resource_doc = (type(method.__self__).__doc__ or "").replace("\n    ", "\n")
    assert resource_doc == resource.doc.strip()
    if names["tag"].strip():
        assert resource.label == names["tag"]
        assert resource.description == names["description"]


@settings(
    max_examples=3, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(names=NAMES)
def test_any_text_passes_mypy_strict(
    names: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp("typed")
    api, _ = _generate(names, root)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(root / ".cache"), api.vendor],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout

"""Inputs that once ended in an internal error (exit 3), and the safety nets that place any
exception of a library, or code that is not Python, at the node it came from (exit 1).

The bad specs among them (`empty_enum`, `number_limit_not_a_number`, `pattern_not_a_string`)
are cases of tests/fixtures/bad, checked with their exact diagnostics by test_validate.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from tests.test_model_shapes import _passes_mypy_and_ruff, _run

NULL_ONLY = """
openapi: 3.1.0
info: {title: Nulls, version: '1'}
servers: [{url: 'https://nulls.test'}]
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - {name: gone, in: query, schema: {enum: [null]}}
        - {name: nothing, in: query, schema: {$ref: '#/components/schemas/Nothing'}}
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}
components:
  schemas:
    Nothing: {enum: [null]}
    Thing:
      type: object
      properties:
        gone: {type: string, nullable: true, enum: [null]}
        nothing: {$ref: '#/components/schemas/Nothing'}
"""


def _write(tmp_path: Path, vendor: str, spec: str) -> list[str]:
    path = tmp_path / "specs" / vendor / "openapi.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(spec, encoding="utf-8")
    return ["generate", "--specs", str(tmp_path / "specs"), "--out", str(tmp_path / "generated")]


def test_an_enum_of_only_null_is_none(tmp_path: Path) -> None:
    # It gave `Literal[]`, which black refused: an internal error.
    assert main(_write(tmp_path, "nulls", NULL_ONLY)) == 0
    out = tmp_path / "generated"
    resource = (out / "nulls" / "resources" / "things.py").read_text(encoding="utf-8")
    assert "        gone: None | Omit = omit,\n" in resource
    assert "        nothing: models.Nothing | None | Omit = omit,\n" in resource
    _passes_mypy_and_ruff(out, "nulls")
    script = """
import httpx
from nulls import NullsClient, models

sent = []
def reply(request):
    sent.append(str(request.url))
    return httpx.Response(200, json={"gone": None, "nothing": None})

client = NullsClient(http_client=httpx.Client(transport=httpx.MockTransport(reply)))
thing = client.things.list_things(gone=None)
print(sent, thing.gone, thing.nothing, models.Nothing(None).root)
"""
    done = _run(out, script)
    assert done.stdout == "['https://nulls.test/things'] None None None\n", done.stderr


def test_code_that_is_not_python_is_an_error_at_its_operation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # As `Literal[]` was: the IR given an annotation that is not Python.
    from generator.core.names import PyCode
    from generator.ir import builder

    monkeypatch.setattr(builder._Builder, "_literal", lambda self, values: PyCode("Literal[]"))
    assert main(_write(tmp_path, "nulls", NULL_ONLY)) == 1
    assert capsys.readouterr().err == (
        "specs/nulls/openapi.yaml:8:7: error[unparsable-code]: the code generated for operation "
        "listThings (GET /things) is not Python (invalid syntax. Perhaps you forgot a comma?): "
        "line 20 of resources/things.py, 'gone: Literal[] | Omit = omit,'\n"
        "  at: /paths/~1things/get\n"
        "  hint: a bug in the generator: tell us; meanwhile an overlay can simplify what is "
        "named here\n"
        "1 error(s); nothing was written.\n"
    )


def test_code_the_formatter_fails_on_is_an_error_at_its_operation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Python, but ruff's formatter refuses it (as it would code its own parser does not take),
    # saying so as ruff does.
    from generator.output import format as formatting

    refusing = tmp_path / "ruff"
    refusing.write_text(
        "#!/bin/sh\n"
        "for last; do :; done\n"
        'file=$(grep -rl "def list_things(" "$last")\n'
        'echo "error: Failed to parse $file:20:19: Expected an identifier" >&2\n'
        "exit 2\n",
        encoding="utf-8",
    )
    refusing.chmod(0o755)
    monkeypatch.setattr(formatting, "_ruff", lambda: str(refusing))
    assert main(_write(tmp_path, "nulls", NULL_ONLY)) == 1
    assert capsys.readouterr().err.startswith(
        "specs/nulls/openapi.yaml:8:7: error[unparsable-code]: the code generated for operation "
        "listThings (GET /things) cannot be formatted (ruff: Expected an identifier): line 20 "
        "of resources/things.py, 'gone: None | Omit = omit,'\n"
    )


def test_model_code_that_is_not_python_is_an_error_at_its_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.render import models

    real = models.generate

    def broken(*args: Any, **kwargs: Any) -> str:
        source = real(*args, **kwargs)
        assert isinstance(source, str)
        return source.replace("class Thing(BaseModel):\n", "class Thing(BaseModel):\n    x: [\n")

    monkeypatch.setattr(models, "generate", broken)
    assert main(_write(tmp_path, "nulls", NULL_ONLY)) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "specs/nulls/openapi.yaml:20:7: error[unparsable-code]: the code generated for the "
        "schema of model Thing is not Python ("
    )
    assert "  at: /components/schemas/Thing\n" in err


def test_an_exception_of_the_validator_is_an_error_at_the_node_it_was_checking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # As openapi-spec-validator might meet a value of a type it does not expect.
    from openapi_spec_validator import OpenAPIV31SpecValidator

    checker = OpenAPIV31SpecValidator.keyword_validators["schema"]
    real = checker.__call__

    def tripping(self: Any, schema: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        if tuple(schema.parts)[-1:] == ("Thing",):
            raise TypeError("'>' not supported between instances of 'int' and 'str'")
        return real(self, schema, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(checker, "__call__", tripping)
    assert main(_write(tmp_path, "nulls", NULL_ONLY)) == 1
    assert capsys.readouterr().err == (
        "specs/nulls/openapi.yaml:20:7: error[validator-failed]: openapi-spec-validator failed "
        "checking this node (TypeError: '>' not supported between instances of 'int' and "
        "'str'), and checked no further\n"
        "  at: /components/schemas/Thing\n"
        "  hint: look for a value of an unexpected type here, and correct it in "
        "specs/nulls/overlay.yaml; and tell us: the generator should say which\n"
        "1 error(s); nothing was written.\n"
    )

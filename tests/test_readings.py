"""Readings (generator/spec/readings.py), one test each: the located warning, and the client the
spec as read gives, driven as a caller would."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.test_model_shapes import _passes_mypy_and_ruff

BAD = Path(__file__).parent / "fixtures" / "bad"


def _generate(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The case's spec generated as vendor ``case`` into tmp_path/generated; the first line
    of each warning."""
    (tmp_path / "specs" / case).mkdir(parents=True)
    shutil.copy(BAD / f"{case}.yaml", tmp_path / "specs" / case / "openapi.yaml")
    arguments = ["generate", "--verbose", "--specs", str(tmp_path / "specs")]
    assert main([*arguments, "--out", str(tmp_path / "generated")]) == 0
    return [line for line in capsys.readouterr().err.splitlines() if not line.startswith("  ")]


def _run(tmp_path: Path, script: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path / "generated",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_3_0_exclusive_bound_in_a_3_1_document_bounds_as_3_0_meant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = "openapi31_with_30_exclusive_bounds"
    spec = f"specs/{case}/openapi.yaml"
    assert _generate(case, tmp_path, capsys) == [
        f"{spec}:9:62: warning[openapi-3.0-keyword]: `exclusiveMinimum: true` beside "
        "`minimum: 0` is OpenAPI 3.0 in a 3.1 document; read as `exclusiveMinimum: 0`",
        f"{spec}:10:62: warning[openapi-3.0-keyword]: `exclusiveMaximum: false` is OpenAPI 3.0 "
        "in a 3.1 document; read as `maximum: 10` alone",
        f"{spec}:11:50: warning[openapi-3.0-keyword]: `exclusiveMaximum: true` is OpenAPI 3.0 "
        "in a 3.1 document; read as no constraint",
    ]
    script = f"""
import pydantic
from {case}.models import Range

def fits(**fields):
    try:
        Range.model_validate(fields)
    except pydantic.ValidationError:
        return False
    return True

print(fits(above=0), fits(above=1), fits(upto=10), fits(upto=11), fits(alone=10**9))
"""
    assert _run(tmp_path, script) == "False True True False True\n"


def test_an_unknown_field_of_an_operation_parameter_body_or_response_is_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = "unknown_fields_31"
    said = "warning[unknown-field]: 'title' is not a field OpenAPI defines here (nor an x- extension); ignored"
    assert _generate(case, tmp_path, capsys)[:4] == [
        f"specs/{case}/openapi.yaml:{place}: {said}"
        for place in ("7:14", "11:18", "16:20", "20:18")
    ]
    script = f"""
import httpx
from {case} import UnknownFields31Client

sent = []

def reply(request):
    sent.append((request.method, str(request.url), request.content))
    return httpx.Response(200)

client = UnknownFields31Client(
    base_url="https://api.test", http_client=httpx.Client(transport=httpx.MockTransport(reply))
)
client.a.create(n="x", body={{"k": 1}})
print(sent)
"""
    assert _run(tmp_path, script) == "[('POST', 'https://api.test/a?n=x', b'{\"k\":1}')]\n"


def test_a_misspelt_field_stays_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = "misspelt_fields_31"
    (tmp_path / "specs" / case).mkdir(parents=True)
    shutil.copy(BAD / f"{case}.yaml", tmp_path / "specs" / case / "openapi.yaml")
    assert main(["validate", "--specs", str(tmp_path / "specs")]) == 1
    err = capsys.readouterr().err
    assert f"specs/{case}/openapi.yaml:7:19: error[invalid-openapi]: 'descripton' is not a " in err
    assert "did you mean 'requestBody'?" in err and "did you mean 'required'?" in err


def test_a_server_placeholder_is_a_required_argument_the_client_sends_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = "server_placeholder"
    assert _generate(case, tmp_path, capsys)[0] == (
        f"specs/{case}/openapi.yaml:4:10: warning[server-placeholder]: the server URL "
        "'https://read-api.<environment>.example.com/{version}' holds <environment>, {version}, "
        "which no server variable declares; read as server variables without a default, which "
        "every client must be given"
    )
    script = f"""
import httpx
from {case} import ServerPlaceholderClient

sent = []
http = httpx.Client(transport=httpx.MockTransport(lambda r: sent.append(str(r.url)) or httpx.Response(200)))
try:
    ServerPlaceholderClient(environment="prod", http_client=http)
except TypeError as error:
    print("without version:", "version" in str(error))
client = ServerPlaceholderClient(environment="prod", version="v2", http_client=http)
client.a.get()
print(sent)
"""
    assert _run(tmp_path, script) == (
        "without version: True\n['https://read-api.prod.example.com/v2/a']\n"
    )
    _passes_mypy_and_ruff(tmp_path / "generated", case)


def test_a_number_written_as_a_string_is_the_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `maximum: "10"` beside `default: 5` ended in an internal error (the default was
    # compared with the string).
    case = "number_as_string"
    assert _generate(case, tmp_path, capsys)[:2] == [
        f"specs/{case}/openapi.yaml:9:41: warning[number-as-string]: `maximum` is the string "
        "'10'; read as the number 10",
        f"specs/{case}/openapi.yaml:10:41: warning[number-as-string]: `minLength` is the string "
        "'2'; read as the number 2",
    ]
    script = f"""
import pydantic
from {case}.models import Limited

def fits(**fields):
    try:
        Limited.model_validate(fields)
    except pydantic.ValidationError:
        return False
    return True

print(fits(count=10), fits(count=11), fits(code="ab"), fits(code="a"))
"""
    assert _run(tmp_path, script) == "True False True False\n"


def test_a_placeholder_another_server_declares_is_that_variable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = """openapi: 3.0.3
info: {title: t, version: '1'}
servers:
  - url: https://{environment}.example.com
    variables:
      environment: {default: sandbox}
paths:
  /a:
    get:
      operationId: getA
      servers:
        - url: https://upload.<environment>.example.com/{region}
      responses:
        '200': {description: ok}
"""
    (tmp_path / "specs" / "shared").mkdir(parents=True)
    (tmp_path / "specs" / "shared" / "openapi.yaml").write_text(spec, encoding="utf-8")
    arguments = ["generate", "--specs", str(tmp_path / "specs")]
    assert main([*arguments, "--out", str(tmp_path / "generated")]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if "warning[" in line]
    url = "'https://upload.<environment>.example.com/{region}'"
    assert warnings == [
        f"specs/shared/openapi.yaml:12:16: warning[server-placeholder]: the server URL {url} "
        "holds {region}, which no server variable declares; read as a server variable without "
        "a default, which every client must be given",
        f"specs/shared/openapi.yaml:12:16: warning[server-placeholder]: the server URL {url} "
        "holds <environment>; read as the server variable(s) of that name",
    ]
    script = """
import httpx
from shared import SharedClient

sent = []
http = httpx.Client(transport=httpx.MockTransport(lambda r: sent.append(str(r.url)) or httpx.Response(200)))
SharedClient(region="eu", http_client=http).a.get()
SharedClient(region="us", environment="prod", http_client=http).a.get()
print(sent)
"""
    assert _run(tmp_path, script) == (
        "['https://upload.sandbox.example.com/eu/a', 'https://upload.prod.example.com/us/a']\n"
    )


def test_a_server_default_its_enum_does_not_list_is_one_of_its_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = """openapi: 3.0.3
info: {title: t, version: '1'}
servers:
  - url: https://example.test/{version}
    variables:
      version: {default: v3, enum: [v1, v2]}
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200': {description: ok}
"""
    (tmp_path / "specs" / "versions").mkdir(parents=True)
    (tmp_path / "specs" / "versions" / "openapi.yaml").write_text(spec, encoding="utf-8")
    arguments = ["generate", "--specs", str(tmp_path / "specs")]
    assert main([*arguments, "--out", str(tmp_path / "generated")]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if "warning[" in line]
    assert warnings == [
        "specs/versions/openapi.yaml:6:26: warning[server-default-not-in-enum]: the server "
        "variable 'version' defaults to 'v3', which its enum ['v1', 'v2'] does not list; read "
        "as one of its values"
    ]
    script = """
import httpx
from versions import VersionsClient

sent = []
http = httpx.Client(transport=httpx.MockTransport(lambda r: sent.append(str(r.url)) or httpx.Response(200)))
VersionsClient(http_client=http).a.get()
VersionsClient(version="v1", http_client=http).a.get()
print(sent)
"""
    assert _run(tmp_path, script) == (
        "['https://example.test/v3/a', 'https://example.test/v1/a']\n"
    )
    _passes_mypy_and_ruff(tmp_path / "generated", "versions")

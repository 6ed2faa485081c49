"""The committed clients read like careful code: they parse, type-check strictly and lint clean."""

from __future__ import annotations

import ast
import importlib
import os
import re
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest

from generator.spec.load import read_runtime_sources
from tests.conftest import GENERATED, ROOT, VENDORS

PY_FILES = sorted(GENERATED.rglob("*.py"))


@pytest.mark.parametrize("path", PY_FILES, ids=lambda p: str(p.relative_to(GENERATED)))
def test_every_file_parses(path: Path) -> None:
    ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def test_mypy_strict(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path), *VENDORS],
        cwd=GENERATED,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_check() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "generated"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("vendor", VENDORS)
def test_runtime_is_copied_verbatim(vendor: str) -> None:
    copied = {
        p.name: p.read_text(encoding="utf-8")
        for p in (GENERATED / vendor / "_runtime").glob("*.py")
    }
    assert copied == read_runtime_sources()


@pytest.mark.parametrize("vendor", VENDORS)
def test_all_is_exactly_the_public_names(vendor: str) -> None:
    package = importlib.import_module(vendor)
    # dir(), not vars(): `models` is a name of the package before its first use loads it.
    public = {
        n
        for n in dir(package)
        if not n.startswith("_") and getattr(getattr(package, n), "__module__", "") != "builtins"
    }
    # `resources` is there once a client has loaded one; it is reached through the client.
    public -= {"annotations", "resources"}
    assert set(package.__all__) == public


@pytest.mark.parametrize("vendor", VENDORS)
def test_importing_a_client_loads_no_model_pydantic_asyncio_or_hook_record(vendor: str) -> None:
    """The runtime's parts load on first use (issue 29): a call loads pydantic to validate
    what it sends and reads, an async call runs where asyncio is loaded already, a hook's
    first call its record's dataclass; the index of every model, `models/__init__`, loads at
    the first use of `<vendor>.models`."""
    heavy = ("pydantic", "pydantic_core", "asyncio")
    ours = (f"{vendor}._runtime.models", f"{vendor}._runtime.hooks", f"{vendor}.models")
    code = (
        f"import sys, {vendor}\n"
        f"print([m for m in sys.modules if m.partition('.')[0] in {heavy} or m.startswith({ours})])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=GENERATED, capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"


@pytest.mark.parametrize(
    "reach",
    [
        "import {v}\nmodels = {v}.models",
        "from {v} import models",
        "import {v}.models\nmodels = {v}.models",
        "from {v} import *",
    ],
)
@pytest.mark.parametrize("vendor", VENDORS)
def test_models_load_on_first_use_however_they_are_reached(vendor: str, reach: str) -> None:
    code = (
        f"import sys\n{reach.format(v=vendor)}\n"
        f"print(models is sys.modules['{vendor}.models'], models.__all__[0] in dir(models))\n"
        f"print(getattr(models, models.__all__[0]).__name__ == models.__all__[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=GENERATED, capture_output=True, text=True, check=True
    )
    assert result.stdout == "True True\nTrue\n"


def test_type_checkers_see_models_and_refuse_a_misspelt_name(tmp_path: Path) -> None:
    """The package hides its `__getattr__` from type checkers: with it, mypy would read
    `loyaltydog.nope` as an `object` rather than an error."""
    user = tmp_path / "user.py"
    user.write_text(
        "import loyaltydog\n"
        "payload = loyaltydog.models.UpdateCustomerPayload(firstName='Ann')\n"
        "reveal_type(payload)\n"
        "print(loyaltydog.nope)\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path), str(user)],
        cwd=GENERATED,
        env={**os.environ, "MYPYPATH": str(GENERATED)},
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line.split(" ", 1)[1] for line in result.stdout.splitlines() if "user.py:" in line]
    assert lines == [
        'note: Revealed type is "loyaltydog.models.update_customer_payload.UpdateCustomerPayload"',
        'error: Module has no attribute "nope"  [attr-defined]',
    ], result.stdout


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_file_carries_the_generated_header(vendor: str) -> None:
    files = [p for p in (GENERATED / vendor).rglob("*.py") if "_runtime" not in p.parts]
    assert len(files) > 5
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert (
            first
            == f"# Generated from specs/{vendor}/openapi.yaml. Do not edit; run make generate."
        )


def test_docstrings_do_not_repeat_a_status() -> None:
    """`AuthenticationError: 401 401;` where a response's description is its status."""
    repeated = re.compile(r": (\d{3}) \1\b")
    found = [
        f"{path}:{n}"
        for path in sorted(GENERATED.glob("*/resources/*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if repeated.search(line)
    ]
    assert found == []


def test_black_changes_no_generated_file(tmp_path: Path) -> None:
    """Formatting is ruff's alone; black is the standard it meets (issue 29), on every
    vendor's client."""
    assert_black_changes_nothing(GENERATED, tmp_path)


def assert_black_changes_nothing(root: Path, cache: Path) -> None:
    """black, set as the project sets it, would change no Python file under ``root``: one
    run over all of them (``cache``: black's, empty, so that each file is read)."""
    files = sorted(str(path) for path in root.rglob("*.py"))
    assert len(files) > 1
    black = [sys.executable, "-m", "black", "--check", "--config", str(ROOT / "pyproject.toml")]
    checked = subprocess.run(
        [*black, "--", *files],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "BLACK_CACHE_DIR": str(cache)},
    )
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize("vendor", VENDORS)
def test_formatting_leaves_every_generated_file_as_it_is(vendor: str) -> None:
    """What is committed is what formatting gives: it is its own fixed point."""
    from generator.output.format import _format_all

    files = {
        PurePosixPath(p.relative_to(GENERATED / vendor).as_posix()): p.read_text(encoding="utf-8")
        for p in sorted((GENERATED / vendor).rglob("*.py"))
        if "_runtime" not in p.parts
    }
    assert _format_all(files) == files


def test_formatting_is_ruffs_set_as_black_is() -> None:
    from generator.output.format import _format_all

    files = {PurePosixPath("m.py"): "import os\nimport sys\nx   =  {'a':1}\n"}
    assert _format_all(files) == {PurePosixPath("m.py"): 'import os\nimport sys\n\nx = {"a": 1}\n'}


def test_not_black_names_what_black_would_change() -> None:
    """The construct ruff lays out otherwise than black, as ruff lays it out (issue 29)."""
    from generator.output.format import _format_all, not_black

    name = "models." + "A" * 90
    source = (
        f"class C:\n    def f(\n        self,\n        *,\n        x: int,\n    ) -> {name}: ...\n"
    )
    files = _format_all({PurePosixPath("a/long.py"): source, PurePosixPath("b.py"): "x = 1\n"})
    unparsable = {PurePosixPath("c.py"): "print 1\n"}  # which black says otherwise
    assert not_black({**files, **unparsable}) == [PurePosixPath("a/long.py"), PurePosixPath("c.py")]


# Too long for a signature's last line even in parentheses, as `models.` + this name.
_LONG = (
    "TheResultOfAnOperationWhoseVendorNamedItsSchemaAtSuchGreatLengthThatItFillsALineOfCodeAlone"
)
_LONG_SPEC = f"""
openapi: 3.0.3
info: {{title: Long, version: '1'}}
servers: [{{url: 'https://long.test'}}]
paths:
  /things:
    get:
      operationId: getThing
      responses:
        '200':
          description: the thing
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/{_LONG}'}}
components:
  schemas:
    {_LONG}:
      type: object
      properties:
        name: {{type: string}}
"""


def test_a_model_too_long_to_return_in_parentheses_is_returned_by_its_bare_name(
    tmp_path: Path,
) -> None:
    """As `models.<name>`, black puts it in parentheses on a line of its own, too long all
    the same, and ruff's formatter does not (issue 29: 3 of 31,619 corpus files)."""
    from generator.cli import main
    from tests.test_model_shapes import _passes_mypy_and_ruff

    spec = tmp_path / "specs" / "long" / "openapi.yaml"
    spec.parent.mkdir(parents=True)
    spec.write_text(_LONG_SPEC, encoding="utf-8")
    out = tmp_path / "generated"
    assert main(["generate", "--specs", str(tmp_path / "specs"), "--out", str(out)]) == 0
    resource = (out / "long" / "resources" / "things.py").read_text(encoding="utf-8")
    # In parentheses, as both lay out a name that fits in them.
    assert re.search(rf"\) -> \(\n +{_LONG}\n +\):", resource)
    assert_black_changes_nothing(out, tmp_path / "black-cache")
    _passes_mypy_and_ruff(out, "long")


_MODEL = "models.TheRequestBodySchemaOfAnOperationWhoseVendorNamedItAtGreatLength"


@pytest.mark.parametrize(
    ("name", "annotation", "optional"),
    [
        ("status", "Literal[" + ", ".join(f'"state_{n}"' for n in range(12)) + "]", True),
        ("body", f"{_MODEL} | Mapping[str, Any]", False),
        ("body", f"{_MODEL} | Mapping[str, Any]", True),
        # Long, but its "|" is in strings: black splits the brackets, with no parentheses.
        ("sort", "Literal[" + ", ".join(f'"a|{n}"' for n in range(14)) + "]", False),
        ("page", "int", True),
    ],
    ids=["enum", "required-union", "optional-union", "bars-in-strings", "short"],
)
def test_a_parameter_is_laid_out_as_black_lays_it_out(
    name: str, annotation: str, optional: bool
) -> None:
    """A long union goes in parentheses, as black lays it out, which ruff's formatter keeps
    (issue 17; without them, half of GitHub's client was laid out otherwise)."""
    from generator.core.names import PyCode
    from generator.render.client import parameter

    laid_out = parameter(name, PyCode(annotation), optional)
    source = f"class C:\n    def f(\n        self,\n        *,\n        {laid_out},\n    ) -> None: ...\n"
    assert_black_agrees({PurePosixPath("m.py"): source})


def assert_black_agrees(files: dict[PurePosixPath, str]) -> None:
    """black leaves ``files``, formatted as the generator formats them, as they are."""
    import black

    from generator.core.names import LINE_LENGTH
    from generator.output.format import _format_all

    mode = black.Mode(line_length=LINE_LENGTH, target_versions={black.TargetVersion.PY311})
    formatted = _format_all(files)
    assert {p: black.format_str(t, mode=mode) for p, t in formatted.items()} == formatted

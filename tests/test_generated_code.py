"""The committed clients read like careful code: they parse, type-check strictly and lint clean."""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest

from generator.spec.load import read_runtime_sources
from tests.conftest import GENERATED, ROOT, SPECS, VENDORS

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
    public = {
        n
        for n, v in vars(package).items()
        if not n.startswith("_") and getattr(v, "__module__", "") != "builtins"
    }
    # `resources` is there once a client has loaded one; it is reached through the client.
    public -= {"annotations", "resources"}
    assert set(package.__all__) == public


@pytest.mark.parametrize("vendor", VENDORS)
def test_importing_a_client_loads_no_model_pydantic_or_asyncio(vendor: str) -> None:
    """The runtime's parts load on first use (issue 29): a call loads pydantic to validate
    what it sends and reads, an async call runs where asyncio is loaded already."""
    heavy = ("pydantic", "pydantic_core", "asyncio")
    ours = (f"{vendor}._runtime.models", f"{vendor}.models.")
    code = (
        f"import sys, {vendor}\n"
        f"print([m for m in sys.modules if m.partition('.')[0] in {heavy} or m.startswith({ours})])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=GENERATED, capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"


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


@pytest.mark.parametrize("vendor", VENDORS)
def test_black_and_isort_leave_every_generated_file_as_it_is(vendor: str) -> None:
    """What is committed is exactly what black produces (issue 17: one pass, or a kept file)."""
    from generator.output.format import _format_all

    files = {
        PurePosixPath(p.relative_to(GENERATED / vendor).as_posix()): p.read_text(encoding="utf-8")
        for p in sorted((GENERATED / vendor).rglob("*.py"))
        if "_runtime" not in p.parts
    }
    assert _format_all(files) == files


@pytest.mark.parametrize("vendor", VENDORS)
def test_black_changes_nothing_ruff_shaped_so_formats_each_file_once(vendor: str) -> None:
    """black formats a second time whatever its first pass changed (issue 17): the templates
    lay code out so that, shaped by ruff, black's first pass changes nothing."""
    from generator.pipeline import build_vendor, discover_vendors
    from generator.render import render_client, render_models

    (found,) = [v for v in discover_vendors(SPECS) if v.name == vendor]
    api, _ = build_vendor(found)
    rendered = {**render_client(api), **render_models(api)}
    _assert_one_black_pass({p: t for p, t in rendered.items() if p.suffix == ".py"})


def test_ruff_shapes_the_code_before_black_sees_it() -> None:
    """Without ruff's shape black formats most files twice (issue 17). A ruff that cannot run
    falls back to black alone without a word: only the time would show it."""
    from generator.output.format import _shaped_by_ruff

    files = {PurePosixPath("m.py"): "x   =  {'a':1}\n"}
    assert _shaped_by_ruff(files) == {PurePosixPath("m.py"): 'x = {"a": 1}\n'}


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
    """A long union goes in parentheses: laid out otherwise, black would change the file and
    format it a second time (issue 17; half of GitHub's client was formatted twice)."""
    from generator.core.names import PyCode
    from generator.render.client import parameter

    laid_out = parameter(name, PyCode(annotation), optional)
    source = f"class C:\n    def f(\n        self,\n        *,\n        {laid_out},\n    ) -> None: ...\n"
    _assert_one_black_pass({PurePosixPath("m.py"): source})


def _assert_one_black_pass(files: dict[PurePosixPath, str]) -> None:
    """black leaves ``files``, shaped by isort and ruff as the generator shapes them, as
    they are."""
    import black
    import isort

    from generator.output.format import _BLACK, _ISORT, _shaped_by_ruff

    shaped = _shaped_by_ruff({p: isort.code(t, config=_ISORT) for p, t in files.items()})
    assert {p: black.format_str(t, mode=_BLACK) for p, t in shaped.items()} == shaped

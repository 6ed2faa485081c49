"""A sample of the public Swagger 2.0 specs in ../shared/corpus/swagger2, chosen for the 2.0
constructs they use (the full run is `make corpus-check CORPUS_DIR=../shared/corpus/swagger2`).
Each is read as OpenAPI 3.0 and generates a client that imports, passes mypy --strict and
ruff, and sends the request its spec describes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import ROOT
from tests.corpus_call import vendor_name
from tests.test_generated_code import assert_black_changes_nothing

# Generating and type-checking real specs: slow (`pytest -m "not slow"` leaves them out).
pytestmark = pytest.mark.slow

SWAGGER2 = ROOT.parent / "shared" / "corpus" / "swagger2"

# Spec file -> what it exercises.
SAMPLE = {
    "evemarketer.com__-__1.0.1.yaml": "formData fields (url-encoded)",
    "handwrytten.com__-__1.0.0.yaml": "a type: file form field (multipart); body parameters",
    "inpe.br__dados-abertos__1.0.yaml": "collectionFormat; shared responses",
    "npr.org__listening__2.yaml": "shared parameters and responses; OAuth 2; a body",
    "weber-gesamtausgabe.de__-__1.0.0.yaml": "shared parameters; collectionFormat",
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert SWAGGER2.is_dir(), f"{SWAGGER2} holds the sample: this test needs ../shared"
    root = tmp_path_factory.mktemp("swagger2")
    for spec in SAMPLE:
        (root / "specs" / vendor_name(spec)).mkdir(parents=True)
        shutil.copy(SWAGGER2 / spec, root / "specs" / vendor_name(spec) / "openapi.yaml")
    assert main(["generate", "--specs", str(root / "specs"), "--out", str(root / "generated")]) == 0
    shutil.copy(ROOT / "pyproject.toml", root)
    return root / "generated"


def test_black_changes_no_sample_file(generated: Path, tmp_path: Path) -> None:
    """Formatted by ruff alone, every file is as black lays it out (issue 29)."""
    assert_black_changes_nothing(generated, tmp_path)


def test_sample_clients_pass_mypy_strict_and_ruff(generated: Path) -> None:
    for command, cwd in (
        (["mypy", "--strict", *(vendor_name(s) for s in SAMPLE)], generated),
        (
            ["ruff", "check", "--no-cache", "--output-format", "concise", "generated"],
            generated.parent,
        ),
    ):
        result = subprocess.run(
            [sys.executable, "-m", *command], cwd=cwd, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


@pytest.mark.parametrize("spec", sorted(SAMPLE))
def test_sample_client_imports_and_sends_what_its_spec_says(generated: Path, spec: str) -> None:
    environment = {**os.environ, "PYTHONPATH": f"{generated}{os.pathsep}{ROOT}"}
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests" / "corpus_call.py"),
            vendor_name(spec),
            str(generated.parent / "specs"),
        ],
        capture_output=True,
        text=True,
        check=False,
        env=environment,
    )
    lines = result.stdout.splitlines()
    assert lines[:1] == ["IMPORTED"], result.stderr[-3000:]
    sent = [line[5:] for line in lines if line.startswith("SENT ")]
    wanted = [line[5:] for line in lines if line.startswith("WANT ")]
    assert sent and sent == wanted, result.stdout + result.stderr[-3000:]

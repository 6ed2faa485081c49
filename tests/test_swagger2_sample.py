"""A sample of the public Swagger 2.0 specs in ../shared/corpus/swagger2, chosen for the 2.0
constructs they use (the full run is `make corpus-check CORPUS_DIR=../shared/corpus/swagger2`).
Each is read as OpenAPI 3.0 and generates a client that imports, passes mypy --strict and
ruff, and sends the request its spec describes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.corpus_sample import (
    assert_mypy_strict_and_ruff_pass,
    assert_sends_what_its_spec_says,
    call,
    generate_sample,
)
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
    return generate_sample(tmp_path_factory.mktemp("swagger2"), SWAGGER2, SAMPLE)


def test_black_changes_no_sample_file(generated: Path, tmp_path: Path) -> None:
    """Formatted by ruff alone, every file is as black lays it out (issue 29)."""
    assert_black_changes_nothing(generated, tmp_path)


def test_sample_clients_pass_mypy_strict_and_ruff(generated: Path) -> None:
    assert_mypy_strict_and_ruff_pass(generated, SAMPLE)


@pytest.mark.parametrize("spec", sorted(SAMPLE))
def test_sample_client_imports_and_sends_what_its_spec_says(generated: Path, spec: str) -> None:
    assert_sends_what_its_spec_says(*call(generated, spec))

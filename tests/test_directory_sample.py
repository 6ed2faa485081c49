"""A sample of the public specs in ../shared/corpus/directory, chosen for the quirks and shapes
that once refused them or broke their clients (the full run is `make corpus-check
CORPUS_DIR=../shared/corpus/directory`). Each generates a client that imports, passes
mypy --strict and ruff, and sends the request its spec describes."""

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

DIRECTORY = ROOT.parent / "shared" / "corpus" / "directory"

# Spec file -> what it exercises.
SAMPLE = {
    "1password.com__events__1.0.0.yaml": "a field named like a model (UUID)",
    "abstractapi.com__geolocation__1.0.0.yaml": "path-level servers",
    "ably.io__platform__1.1.0.yaml": "a default of the wrong type ('100' for an integer)",
    "adyen.com__MarketPayNotificationService__6.yaml": "OpenAPI 3.1, webhooks, no operations",
    "airbyte.local__config__1.0.0.yaml": "a null default on a field that is not nullable",
    "art19.com__-__1.0.0.yaml": "a string default on an array",
    "axesso.de__-__1.0.0.yaml": "a string default on an integer parameter",
    "bhagavadgita.io__-__1.0.yaml": "a numeric default on a string",
    "conjur.local__-__5.1.1.yaml": "a percent-encoded reference to a path's parameter",
    "cpy.re__peertube__3.3.0.yaml": "references into a schema's properties; callbacks",
    "crediwatch.com__covid19__1.3.0.yaml": "a list default on a string; relative server URL",
    "fire.com__-__1.0.yaml": "a percent-encoded reference to a path's response",
    "googleapis.com__firebaseappcheck__v1.yaml": "an unknown field at the top level",
    "openpolicy.local__-__0.28.0.yaml": "a default that fits none of its oneOf branches",
    "opensuse.org__obs__2.10.50.yaml": "an example where OpenAPI has none; XML media types",
    "remove.bg__-__1.0.0.yaml": "a string 'false' default on a boolean",
    "shipengine.com__-__1.1.202006302006.yaml": "required names a property no schema defines",
    "staging-ecotaco.com__-__1.0.0.yaml": "a query string in a path key",
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_sample(tmp_path_factory.mktemp("directory"), DIRECTORY, SAMPLE)


def test_black_changes_no_sample_file(generated: Path, tmp_path: Path) -> None:
    """Formatted by ruff alone, every file is as black lays it out (issue 29)."""
    assert_black_changes_nothing(generated, tmp_path)


def test_sample_clients_pass_mypy_strict_and_ruff(generated: Path) -> None:
    assert_mypy_strict_and_ruff_pass(generated, SAMPLE)


@pytest.mark.parametrize("spec", sorted(SAMPLE))
def test_sample_client_imports_and_sends_what_its_spec_says(generated: Path, spec: str) -> None:
    lines, output = call(generated, spec)
    if any(line.startswith("NOCALL") for line in lines):
        assert spec.startswith("adyen.com__MarketPay")  # webhooks only: nothing to call
        return
    assert_sends_what_its_spec_says(lines, output)

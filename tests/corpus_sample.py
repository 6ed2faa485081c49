"""What the corpus samples (tests/test_directory_sample.py, tests/test_swagger2_sample.py)
share: their specs generated as vendors in one run, the clients checked by mypy --strict and
ruff, and one client's call made by tests/corpus_call.py."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from tests.clients import generate_clients
from tests.conftest import ROOT
from tests.corpus_call import vendor_name


def generate_sample(root: Path, corpus: Path, specs: Iterable[str]) -> Path:
    """Each spec of ``corpus`` as the vendor named after its file, generated under root."""
    assert corpus.is_dir(), f"{corpus} holds the sample: this test needs ../shared"
    return generate_clients(root, {vendor_name(spec): corpus / spec for spec in specs})[0]


def assert_mypy_strict_and_ruff_pass(generated: Path, specs: Iterable[str]) -> None:
    for command, cwd in (
        (["mypy", "--strict", *(vendor_name(s) for s in specs)], generated),
        (
            ["ruff", "check", "--no-cache", "--output-format", "concise", "generated"],
            generated.parent,
        ),
    ):
        result = subprocess.run(
            [sys.executable, "-m", *command], cwd=cwd, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def call(generated: Path, spec: str) -> tuple[list[str], str]:
    """What tests/corpus_call.py printed for the spec's client (after asserting that it
    imported), and its output in full for a failure's message."""
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
    return lines, result.stdout + result.stderr[-3000:]


def assert_sends_what_its_spec_says(lines: list[str], output: str) -> None:
    """The request's method, URL and body are the spec's and the call's (tests/corpus_call.py
    prints them as SENT and WANT lines)."""
    sent = [line[5:] for line in lines if line.startswith("SENT ")]
    wanted = [line[5:] for line in lines if line.startswith("WANT ")]
    assert sent and sent == wanted, output

"""The fuzzer: generated OpenAPI documents (strategies.py) through the whole pipeline. A
document may be refused (a SpecError: exit 1), never crash the generator (exit 3); a client
it generates compiles, imports, and passes mypy --strict.

FUZZ_EXAMPLES (default 200) documents per run, from the seed FUZZ_SEED (default fixed, so
that `make test` runs the same documents each time; the nightly `make fuzz` runs more, from
a new seed each night). A run prints its seed; a failing document is shrunk by hypothesis
and printed as the mapping to reproduce it with."""

from __future__ import annotations

import ast
import itertools
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, seed, settings

from generator.cli import RECURSION_LIMIT
from generator.core.errors import SpecError
from generator.pipeline import generate
from tests.conftest import ROOT
from tests.fuzz.strategies import documents

# Generating and type-checking many specs: `make test` runs these last, named one by one.
# Not in make test yet: it still finds clients that fail mypy --strict (issue 26); make fuzz
# runs it, nightly.
pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
SEED = int(os.environ.get("FUZZ_SEED", "20261203"))

# Imports every module of each package named on the command line, and builds each model's
# validator (models defer it to first use); prints one line per package that fails.
IMPORT_ALL = """
import importlib, pkgutil, sys, traceback
import pydantic
failed = False
for vendor in sys.argv[1:]:
    try:
        package = importlib.import_module(vendor)
        for found in pkgutil.walk_packages(package.__path__, vendor + "."):
            module = importlib.import_module(found.name)
            for value in vars(module).values():
                if (
                    isinstance(value, type)
                    and issubclass(value, pydantic.BaseModel)
                    and value.__module__ == module.__name__
                ):
                    value.model_rebuild(force=True)
    except Exception:
        print(vendor, traceback.format_exc(limit=-3).replace("\\n", " | "))
        failed = True
sys.exit(failed)
"""


@contextmanager
def _recursion_limit() -> Iterator[None]:
    """What the command line sets for a run, for the deep documents."""
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(max(before, RECURSION_LIMIT))
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


def _generate_client(document: dict[str, Any], root: Path, vendor: str) -> int:
    """The pipeline `python -m generator generate` runs, on one document: 0 when it wrote a
    client, 1 when it refused the document. Anything else it raises is an internal error
    (exit 3), raised here as itself so that hypothesis tells different crashes apart."""
    spec = root / "specs" / vendor / "openapi.json"
    spec.parent.mkdir(parents=True)
    # Both file formats: YAML for half the documents, as most vendors publish.
    if len(vendor) % 2:
        spec.with_suffix(".yaml").write_text(yaml.safe_dump(document, allow_unicode=True))
    else:
        spec.write_text(json.dumps(document, ensure_ascii=False, indent=1))
    try:
        with _recursion_limit():
            built, _ = generate(root / "specs", root / "generated", [vendor])
    except SpecError as exc:
        assert exc.diagnostics, "a refusal names its reasons"
        for diagnostic in exc.diagnostics:
            diagnostic.format()  # as the command line prints them
        return 1
    for item in built:
        for warning in item.warnings:
            warning.format()
    for path in (root / "generated" / vendor).rglob("*.py"):
        compile(ast.parse(path.read_text(encoding="utf-8")), str(path), "exec")
    return 0


def _check_all(clients: list[str], generated: Path) -> dict[str, str]:
    """The clients imported, and type-checked by mypy in two halves, side by side (on two
    cores, in half the time); what each check printed, where it failed."""
    cache = generated.parent / ".mypy_cache"
    commands = {
        "import": ["-c", IMPORT_ALL, *clients],
        **{
            f"mypy --strict ({half + 1} of 2)": [
                *("-m", "mypy", "--strict", "--cache-dir", f"{cache}{half}"),
                *clients[half::2],
            ]
            for half in (0, 1)
            if clients[half::2]
        },
    }
    running = {
        check: subprocess.Popen(
            [sys.executable, *command],
            cwd=generated,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for check, command in commands.items()
    }
    failed = {}
    for check, process in running.items():
        output, _ = process.communicate()
        if process.returncode != 0:
            failed[check] = output[-6000:]
    return failed


def test_no_document_crashes_the_generator_and_every_client_passes_mypy(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    print(f"fuzz: seed {SEED} (FUZZ_SEED), {EXAMPLES} documents (FUZZ_EXAMPLES)")
    root = tmp_path_factory.mktemp("fuzz")
    outcomes: Counter[int] = Counter()
    clients: list[str] = []
    numbers = itertools.count()

    @seed(SEED)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=(Phase.explicit, Phase.generate, Phase.shrink),
        suppress_health_check=list(HealthCheck),
    )
    @given(document=documents())
    def run(document: dict[str, Any]) -> None:
        vendor = f"fuzz_{next(numbers):05d}"
        code = _generate_client(document, root, vendor)
        outcomes[code] += 1
        if code == 0:
            clients.append(vendor)

    run()
    print(f"fuzz: {outcomes[0]} generated a client, {outcomes[1]} refused")
    assert sum(outcomes.values()) >= EXAMPLES
    # Most documents are meant to be usable: a fuzzer whose documents are all refused tests
    # only validation.
    assert len(clients) >= EXAMPLES // 3, outcomes
    shutil.copy(ROOT / "pyproject.toml", root)  # mypy's settings, as for the vendors
    failed = _check_all(clients, root / "generated")
    assert not failed, f"seed {SEED}; the specs are in {root / 'specs'}:\n" + "\n".join(
        f"{check}: {output}" for check, output in failed.items()
    )

"""The fuzzer: generated OpenAPI documents (strategies.py) through the whole pipeline. A
document may be refused (a SpecError: exit 1), never crash the generator (exit 3); a client
it generates compiles, imports, and passes mypy --strict.

FUZZ_EXAMPLES (default 200) documents per run, from the seed FUZZ_SEED (default fixed, so
that `make test` runs the same documents each time; the nightly `make fuzz` runs more, from
a new seed each night). A run prints its seed, in the test's name too, and how long it
took; a crash is shrunk by hypothesis and printed as the mapping to reproduce it with.

The runtime, the same in every client, is most of each client's code: it is formatted,
compiled and type-checked once a run, not once a client, so that 200 documents cost about
a minute of one core's time (generated in-process, then one mypy over all the clients)."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import time
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
from generator.output.format import FORMATTED_NAME
from generator.pipeline import generate
from tests.conftest import ROOT
from tests.fuzz.strategies import documents, from_the_seed_alone

# Generating and type-checking many specs: `make test` runs it last, in its slow group (200
# documents from the fixed seed); `make fuzz` runs it nightly, longer, from a new seed.
pytestmark = [pytest.mark.slow, pytest.mark.fuzz]

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


def _generate_client(document: dict[str, Any], root: Path, vendor: str, runtime: Path) -> int:
    """The pipeline `python -m generator generate` runs, on one document: 0 when it wrote a
    client (to ``root/clients/vendor``), 1 when it refused the document. Anything else it
    raises is an internal error (exit 3), raised here as itself so that hypothesis tells
    different crashes apart.

    Each document has a directory of its own: the writer relinks every client beside the one
    it writes, which over one directory of hundreds would cost as much as generating them.
    ``runtime``: where the first client's runtime (the same in every client, and most of
    each client's code) is kept with its record of formatting; each later client is given it
    as its committed runtime, so that the pipeline keeps its formatted text as it does on a
    regeneration."""
    work = root / vendor
    spec = work / "specs" / vendor / "openapi.json"
    spec.parent.mkdir(parents=True)
    # Both file formats: YAML for half the documents, as most vendors publish.
    if len(vendor) % 2:
        spec.with_suffix(".yaml").write_text(yaml.safe_dump(document, allow_unicode=True))
    else:
        spec.write_text(json.dumps(document, ensure_ascii=False, indent=1))
    if (runtime / FORMATTED_NAME).is_file():
        shutil.copytree(runtime / "_runtime", work / "generated" / vendor / "_runtime")
        shutil.copy(runtime / FORMATTED_NAME, work / "generated" / vendor)
    try:
        with _recursion_limit():
            built, _ = generate(work / "specs", work / "generated", [vendor])
    except SpecError as exc:
        assert exc.diagnostics, "a refusal names its reasons"
        for diagnostic in exc.diagnostics:
            diagnostic.format()  # as the command line prints them
        return 1
    for item in built:
        for warning in item.warnings:
            warning.format()
    client = work / "generated" / vendor
    for path in client.rglob("*.py"):
        if "_runtime" not in path.parts:  # the same text in every client, compiled once below
            compile(path.read_text(encoding="utf-8"), str(path), "exec")
    if not (runtime / FORMATTED_NAME).is_file():
        for path in (client / "_runtime").rglob("*.py"):
            compile(path.read_text(encoding="utf-8"), str(path), "exec")
        shutil.copytree(client / "_runtime", runtime / "_runtime")
        shutil.copy(client / FORMATTED_NAME, runtime)
    client.rename(root / "clients" / vendor)
    return 0


RUNTIME = "fuzz_runtime"


def _one_runtime(clients: list[str], generated: Path, runtime: Path) -> None:
    """The clients with one runtime between them. Each client's runtime is the same text
    (asserted here) and most of its code: as ``fuzz_runtime``, which each client imports in
    place of its own, mypy and the imports take it once, not once per client. Only an import
    of the client's own runtime changes (``from .._runtime.models`` in ``models/``); any
    other would stay, and fail as it would have."""
    shutil.copytree(runtime / "_runtime", generated / RUNTIME)
    expected = _texts(runtime / "_runtime")
    for client in clients:
        own = generated / client / "_runtime"
        assert _texts(own) == expected, f"{client}: its runtime is not the one of the others"
        shutil.rmtree(own)
        for path in (generated / client).rglob("*.py"):
            dots = re.escape("." * len(path.relative_to(generated / client).parts))
            text = path.read_text(encoding="utf-8")
            shared = re.sub(rf"^(\s*from ){dots}_runtime\b", rf"\1{RUNTIME}", text, flags=re.M)
            path.write_text(shared, encoding="utf-8")


def _texts(directory: Path) -> dict[Path, bytes]:
    return {p.relative_to(directory): p.read_bytes() for p in directory.rglob("*.py")}


def _check_all(clients: list[str], generated: Path) -> dict[str, str]:
    """The clients imported, and type-checked by one mypy, side by side (on two cores);
    what each check printed, where it failed."""
    commands = {
        "import": ["-c", IMPORT_ALL, *clients],
        "mypy --strict": [
            *("-m", "mypy", "--strict", "--cache-dir", str(generated.parent / ".mypy_cache")),
            *clients,
        ],
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


# The seed in the test's name, which `pytest -v` prints as the test starts.
@pytest.mark.parametrize("fuzz_seed", [SEED], ids=lambda s: f"seed {s}, {EXAMPLES} documents")
def test_no_document_crashes_the_generator_and_every_client_passes_mypy(
    fuzz_seed: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    print(f"fuzz: seed {fuzz_seed} (FUZZ_SEED), {EXAMPLES} documents (FUZZ_EXAMPLES)")
    root = tmp_path_factory.mktemp("fuzz")
    (root / "clients").mkdir()
    started = time.monotonic()
    outcomes: Counter[int] = Counter()
    clients: list[str] = []
    numbers = itertools.count()

    @seed(fuzz_seed)
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
        code = _generate_client(document, root, vendor, root / "runtime")
        outcomes[code] += 1
        if code == 0:
            clients.append(vendor)

    with from_the_seed_alone():
        run()
    generated = time.monotonic()
    print(
        f"fuzz: {outcomes[0]} generated a client, {outcomes[1]} refused, "
        f"in {generated - started:.0f} s"
    )
    assert sum(outcomes.values()) >= EXAMPLES
    # Most documents are meant to be usable: a fuzzer whose documents are all refused tests
    # only validation.
    assert len(clients) >= EXAMPLES // 3, outcomes
    shutil.copy(ROOT / "pyproject.toml", root)  # mypy's settings, as for the vendors
    _one_runtime(clients, root / "clients", root / "runtime")
    failed = _check_all(clients, root / "clients")
    print(f"fuzz: the clients imported and type-checked in {time.monotonic() - generated:.0f} s")
    assert not failed, f"seed {fuzz_seed}; the specs are in {root}/<client>/specs:\n" + "\n".join(
        f"{check}: {output}" for check, output in failed.items()
    )

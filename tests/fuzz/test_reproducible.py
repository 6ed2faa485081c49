"""A fuzz run is reproducible from its seed: the documents a seed gives do not depend on the
process (its hash seed, which orders sets of strings; the project's modules it has loaded,
whose constants Hypothesis draws from)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

# The first documents of one seed, as one digest; with the generator's modules loaded first,
# or not.
DIGEST = """
import hashlib, json, sys
from hypothesis import HealthCheck, Phase, given, seed, settings
from tests.fuzz.strategies import documents, from_the_seed_alone
if "loaded" in sys.argv:
    import generator.cli, generator.pipeline, generator.render.models, generator.diff

found = []

@seed(20261203)
@settings(max_examples=30, database=None, phases=[Phase.generate], suppress_health_check=list(HealthCheck))
@given(documents())
def run(document):
    found.append(json.dumps(document))

with from_the_seed_alone():
    run()
print(len(found), hashlib.sha256("\\n".join(found).encode()).hexdigest())
"""


def _digest(hash_seed: str, *argv: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", DIGEST, *argv],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": hash_seed},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_a_seed_gives_the_same_documents_whatever_the_hash_seed() -> None:
    # Hash seeds 1 and 3 ordered {"minimum", "maximum"} apart: the draws after it differed.
    first = _digest("1")
    assert first.startswith("30 ")
    assert _digest("3") == first


def test_a_seed_gives_the_same_documents_whatever_modules_are_loaded() -> None:
    # In `make test`, the tests that ran before the fuzzer's in its process decided which.
    assert _digest("1", "loaded") == _digest("1")

"""A client generated from a test's own spec, as a user's `make generate` would make it, and
imported for the test: what the wire tests (media, pagination, parameters, OAuth, webhooks,
Swagger 2.0) share."""

from __future__ import annotations

import importlib
import io
import shutil
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import pytest

from generator.cli import main
from tests.conftest import ROOT


def generate_clients(
    root: Path, specs: Mapping[str, Path | str], overlays: Mapping[str, Path] | None = None
) -> tuple[Path, str]:
    """Each vendor's spec (a file, or the text of one) with its overlay, if any, laid out as
    `specs/<vendor>/` under root and generated into `root/generated`, with the project's
    pyproject.toml in root (mypy and ruff read generated code by its settings for generated/).
    Returns that folder and what the generator printed on stderr."""
    for vendor, spec in specs.items():
        folder = root / "specs" / vendor
        folder.mkdir(parents=True)
        if isinstance(spec, Path):
            shutil.copy(spec, folder / "openapi.yaml")
        else:
            (folder / "openapi.yaml").write_text(spec, encoding="utf-8")
        if overlays and vendor in overlays:
            shutil.copy(overlays[vendor], folder / "overlay.yaml")
    out = root / "generated"
    with pytest.MonkeyPatch.context() as patch:
        stderr = io.StringIO()
        patch.setattr(sys, "stderr", stderr)
        assert main(["generate", "--specs", str(root / "specs"), "--out", str(out)]) == 0
    shutil.copy(ROOT / "pyproject.toml", root)
    return out, stderr.getvalue()


@contextmanager
def imported(out: Path, *packages: str) -> Iterator[list[ModuleType]]:
    """The generated packages imported from out; on leaving, forgotten again, so that another
    test's client of the same name is imported afresh."""
    sys.path.insert(0, str(out))
    try:
        yield [importlib.import_module(package) for package in packages]
    finally:
        sys.path.remove(str(out))
        for name in [name for name in sys.modules if name.split(".")[0] in packages]:
            del sys.modules[name]

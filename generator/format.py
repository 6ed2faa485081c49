"""isort and black on in-memory sources, with pinned settings."""

from __future__ import annotations

import multiprocessing
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import PurePosixPath

import black
import isort

_BLACK = black.Mode(line_length=100, target_versions={black.mode.TargetVersion.PY311})
_ISORT = isort.Config(profile="black", line_length=100)
# Below this much code, starting processes costs more than it saves.
_WORTH_SHARING = 200_000
# Workers start as copies of this process, with the formatters already imported.
_FORK = multiprocessing.get_context("fork")


def format_files(
    files: Mapping[PurePosixPath, str], *, workers: int = 1
) -> dict[PurePosixPath, str]:
    """Python files formatted, on ``workers`` processes when there is enough to share; other
    files unchanged. A file that does not parse is our bug."""
    python = {p: t for p, t in files.items() if p.suffix == ".py"}
    if workers > 1 and sum(map(len, python.values())) > _WORTH_SHARING:
        # Longest first, each to the least loaded worker: shares are about equal.
        shares: list[dict[PurePosixPath, str]] = [{} for _ in range(workers)]
        loads = [0] * workers
        for path in sorted(python, key=lambda p: -len(python[p])):
            least = loads.index(min(loads))
            shares[least][path] = python[path]
            loads[least] += len(python[path])
        with ProcessPoolExecutor(workers, mp_context=_FORK) as pool:
            formatted = {p: t for share in pool.map(_format_all, shares) for p, t in share.items()}
    else:
        formatted = _format_all(python)
    return {path: formatted.get(path, text) for path, text in files.items()}


def _format_all(files: Mapping[PurePosixPath, str]) -> dict[PurePosixPath, str]:
    return {
        path: black.format_str(isort.code(text, config=_ISORT), mode=_BLACK)
        for path, text in files.items()
    }

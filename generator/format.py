"""isort and black on in-memory sources, with pinned settings; and the record that lets a
regeneration keep a file's committed text when its unformatted text did not change.

The formatted text is a function of the unformatted text and of the formatters' versions
and settings. ``FORMATTED.sha256`` beside a client records, per Python file, the digest of
its unformatted text and of its formatted text, under a header naming the formatters. A
file whose unformatted text has that digest, whose committed text has the recorded one, and
whose formatters are the same, is kept as committed; anything else is formatted again.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.metadata
import multiprocessing
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path, PurePosixPath

import black
import isort

from .workers import die_with_parent

_BLACK = black.Mode(line_length=100, target_versions={black.mode.TargetVersion.PY311})
_ISORT = isort.Config(profile="black", line_length=100)
FORMATTED_NAME = "FORMATTED.sha256"
# A change of formatter or setting formats every file again.
_FORMATTERS = (
    f"# black {importlib.metadata.version('black')} isort {importlib.metadata.version('isort')}"
    " line-length 100 py311"
)
# Below this much code, starting processes costs more than it saves.
_WORTH_SHARING = 200_000
# Shares per worker when progress is shown: each reports as it finishes.
_PIECES = 8
# Workers start as copies of this process, with the formatters already imported.
_FORK = multiprocessing.get_context("fork")


def format_files(
    files: Mapping[PurePosixPath, str],
    *,
    workers: int = 1,
    on_progress: Callable[[int, int], None] | None = None,
) -> dict[PurePosixPath, str]:
    """Python files formatted, on ``workers`` processes when there is enough to share; other
    files unchanged. A file that does not parse is our bug. ``on_progress(done, total)`` is
    told as shares of the files finish (more, smaller shares when it is given)."""
    python = {p: t for p, t in files.items() if p.suffix == ".py"}
    pieces = _PIECES if on_progress is not None else 1
    formatted: dict[PurePosixPath, str] = {}

    def finished(done: Mapping[PurePosixPath, str]) -> None:
        formatted.update(done)
        if on_progress is not None:
            on_progress(len(formatted), len(python))

    if workers > 1 and sum(map(len, python.values())) > _WORTH_SHARING:
        shares = _shares(python, workers * pieces)
        # This process formats a share in turn with workers - 1 copies of itself. Frozen,
        # its objects are never visited by a copy's garbage collector, which would copy
        # every page it touched: the copies share this process's memory instead.
        gc.freeze()
        try:
            with ProcessPoolExecutor(
                workers - 1, mp_context=_FORK, initializer=die_with_parent, initargs=(os.getpid(),)
            ) as pool:
                theirs = [
                    pool.submit(_format_all, share)
                    for index, share in enumerate(shares)
                    if index % workers
                ]
                for share in shares[::workers]:
                    finished(_format_all(share))
                    for future in [f for f in theirs if f.done()]:
                        theirs.remove(future)
                        finished(future.result())
                for future in as_completed(theirs):
                    finished(future.result())
        finally:
            gc.unfreeze()
    else:
        for share in _shares(python, pieces):
            finished(_format_all(share))
    return {path: formatted.get(path, text) for path, text in files.items()}


def _shares(files: Mapping[PurePosixPath, str], count: int) -> list[dict[PurePosixPath, str]]:
    """``files`` in ``count`` shares of about equal size: longest first, each to the least
    loaded share."""
    shares: list[dict[PurePosixPath, str]] = [{} for _ in range(max(count, 1))]
    loads = [0] * len(shares)
    for path in sorted(files, key=lambda p: -len(files[p])):
        least = loads.index(min(loads))
        shares[least][path] = files[path]
        loads[least] += len(files[path])
    return [share for share in shares if share]


def _format_all(files: Mapping[PurePosixPath, str]) -> dict[PurePosixPath, str]:
    sorted_imports = {path: isort.code(text, config=_ISORT) for path, text in files.items()}
    # black formats a second time whenever its first pass changed something, which on the
    # model tool's output is almost every file. ruff's formatter gives black's shape on
    # nearly all of them in a fraction of the time, so black's first pass changes nothing
    # and no second pass runs; black still decides every byte that is committed.
    shaped = _shaped_by_ruff(sorted_imports)
    return {path: black.format_str(text, mode=_BLACK) for path, text in shaped.items()}


def _shaped_by_ruff(files: Mapping[PurePosixPath, str]) -> dict[PurePosixPath, str]:
    """``files`` through ``ruff format`` (one run for all), or as they are if it fails."""
    if not files:
        return {}
    with tempfile.TemporaryDirectory(prefix="ruff-format-") as scratch:
        root = Path(scratch)
        for path, text in files.items():
            target = root.joinpath(*path.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        done = subprocess.run(
            [
                sys.executable,
                *("-m", "ruff", "format", "--isolated", "--no-cache", "--quiet"),
                *("--line-length", "100", "--target-version", "py311", str(root)),
            ],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            return dict(files)  # black alone gives the same result, only slower
        return {path: root.joinpath(*path.parts).read_text(encoding="utf-8") for path in files}


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def read_formatted_record(committed: Path | None) -> dict[PurePosixPath, tuple[str, str]]:
    """``FORMATTED.sha256`` of a committed client (``None``: no client yet): each Python
    file's digests before and after formatting; nothing if other formatters made it."""
    record = committed / FORMATTED_NAME if committed is not None else None
    if record is None or not record.is_file() or record.is_symlink():
        return {}
    header, *lines = record.read_text(encoding="utf-8").splitlines() or [""]
    if header != _FORMATTERS:
        return {}
    known: dict[PurePosixPath, tuple[str, str]] = {}
    for line in lines:
        source, formatted, name = line.split(" ", 2)
        known[PurePosixPath(name)] = (source, formatted)
    return known


def committed_as_formatted(committed: Path, path: PurePosixPath, formatted: str) -> str | None:
    """The committed text of a file, if it is what its record says formatting gave (it was
    not edited by hand since)."""
    file = committed.joinpath(*path.parts)
    if not file.is_file() or file.is_symlink():
        return None
    current = file.read_text(encoding="utf-8")
    return current if digest(current) == formatted else None


def kept_formatted(
    unformatted: Mapping[PurePosixPath, str],
    committed: Path | None,
    known: Mapping[PurePosixPath, tuple[str, str]],
) -> dict[PurePosixPath, str]:
    """The committed text of each Python file whose record (``known``) says it is what
    formatting the same unformatted text gives (``committed``: the client's directory)."""
    kept: dict[PurePosixPath, str] = {}
    if committed is None:
        return kept
    for path, text in unformatted.items():
        if path.suffix != ".py" or path not in known or known[path][0] != digest(text):
            continue
        current = committed_as_formatted(committed, path, known[path][1])
        if current is not None:
            kept[path] = current
    return kept


def formatted_record(
    unformatted: Mapping[PurePosixPath, str], formatted: Mapping[PurePosixPath, str]
) -> str:
    """``FORMATTED.sha256`` for a client: the formatters, then one line per Python file
    (``unformatted``: each file's unformatted text's digest)."""
    lines = [
        f"{unformatted[path]} {digest(formatted[path])} {path}"
        for path in sorted(unformatted)
        if path.suffix == ".py"
    ]
    return "\n".join([_FORMATTERS, *lines]) + "\n"

"""Atomic, deterministic writes of generated/<vendor>/, and comparison with what is there."""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

Tree = Mapping[PurePosixPath, str]


def write_tree(target: Path, files: Tree) -> None:
    """Replace ``target`` with exactly ``files``: fill a sibling temp dir, then swap it in.

    A run that fails or is killed before the swap leaves ``target`` as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        for path in sorted(files):
            destination = staging.joinpath(*path.parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            with open(destination, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(files[path])
                handle.flush()
                os.fsync(handle.fileno())
        backup = target.parent / f".{target.name}.old-{os.getpid()}"
        if target.exists():
            os.rename(target, backup)
        os.rename(staging, target)
        shutil.rmtree(backup, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def read_tree(root: Path) -> dict[PurePosixPath, str]:
    """Every file under ``root`` as text, except tool caches (``__pycache__``, ``.mypy_cache``...)."""
    if not root.is_dir():
        return {}
    files = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not any(
            p == "__pycache__" or p.startswith(".") for p in relative.parts
        ):
            files[PurePosixPath(relative.as_posix())] = path.read_text(encoding="utf-8")
    return files


@dataclass(frozen=True, slots=True)
class TreeDiff:
    missing: tuple[PurePosixPath, ...]
    unexpected: tuple[PurePosixPath, ...]
    changed: tuple[PurePosixPath, ...]
    first_diff: str

    def __bool__(self) -> bool:
        return bool(self.missing or self.unexpected or self.changed)


def compare_tree(expected: Tree, actual: Tree, label: str, max_lines: int = 30) -> TreeDiff:
    changed = tuple(p for p in sorted(expected) if p in actual and actual[p] != expected[p])
    first = ""
    if changed:
        path = changed[0]
        lines = difflib.unified_diff(
            actual[path].splitlines(keepends=True),
            expected[path].splitlines(keepends=True),
            f"{label}/{path} (committed)",
            f"{label}/{path} (regenerated)",
        )
        first = "".join(list(lines)[:max_lines])
    return TreeDiff(
        missing=tuple(p for p in sorted(expected) if p not in actual),
        unexpected=tuple(p for p in sorted(actual) if p not in expected),
        changed=changed,
        first_diff=first,
    )


def write_text(path: Path, text: str) -> None:
    """One small file, atomically (surface snapshots)."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    os.replace(temp, path)

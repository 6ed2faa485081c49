"""Atomic, deterministic writes of generated/<vendor>/, and comparison with what is there."""

from __future__ import annotations

import ctypes
import difflib
import os
import shutil
import tempfile
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..core.errors import Diagnostic, Severity, SourceRef, SpecError

Tree = Mapping[PurePosixPath, str]
# Files synced at once.
_SYNCING = 16


def write_trees(out: Path, trees: Mapping[str, Tree]) -> None:
    """Replace ``out/<name>`` with exactly ``trees[name]`` for each name, all at once.

    The complete new ``out`` is built in a sibling directory, then exchanged with the old
    one in a single atomic rename; a run that fails or is killed at any moment leaves ``out``
    exactly as it was. Other entries (vendors not regenerated), and the files of a vendor
    that come out the same as before, join the new tree as hard links: they are not copied,
    rewritten or synced again.
    """
    out = out.absolute()
    _refuse_links(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(out)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    staging.chmod(0o777 & ~_umask())  # mkdtemp's 0700 would become the new out's mode
    try:
        if out.is_dir():
            for entry in sorted(out.iterdir()):
                if entry.name not in trees and not entry.name.startswith("."):
                    if entry.is_dir() and not entry.is_symlink():
                        shutil.copytree(entry, staging / entry.name, copy_function=_link)
                    else:
                        _link(entry, staging / entry.name)
        written = []
        for name in sorted(trees):
            for path in sorted(trees[name]):
                destination = staging.joinpath(name, *path.parts)
                destination.parent.mkdir(parents=True, exist_ok=True)
                data = trees[name][path].encode("utf-8")
                if not _link_if_same(out.joinpath(name, *path.parts), data, destination):
                    destination.write_bytes(data)
                    written.append(destination)
        _sync(written)
        if out.exists() and _exchange(staging, out):
            return  # staging now holds the old tree, removed below
        if out.exists():
            # No atomic exchange here: two renames, with a backup a later run restores.
            os.rename(out, out.parent / f".{out.name}.old-{os.getpid()}")
        os.rename(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _refuse_links(out: Path) -> None:
    """Nothing is written through a symbolic link: it could lead outside the output directory."""
    entries = [out, *sorted(out.rglob("*"))] if out.is_dir() and not out.is_symlink() else [out]
    link = next((entry for entry in entries if entry.is_symlink()), None)
    if link is not None:
        raise SpecError(
            [
                Diagnostic(
                    "symlink-refused",
                    Severity.ERROR,
                    f"{link} is a symbolic link; the generator writes only real files under {out}",
                    SourceRef(str(link)),
                    "remove the link; generated files are regenerated, never edited",
                )
            ]
        )


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return bool(result == 0)


def _link(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """A hard link, where the file system has them; else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _sync(paths: list[Path]) -> None:
    # Several at once: each waits on the disk, not on this process (Box's 500 files: 0.18 s
    # against 0.35 s one by one).
    with ThreadPoolExecutor(_SYNCING) as pool:
        list(pool.map(_sync_one, paths))  # each raises here, if it failed


def _sync_one(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _link_if_same(current: Path, data: bytes, destination: Path) -> bool:
    """Link the file already there into the new tree when it holds exactly ``data``: a
    regeneration that changes two files of five hundred writes and syncs two."""
    try:
        if current.is_symlink() or current.stat().st_size != len(data):
            return False
        if current.read_bytes() != data:
            return False
        os.link(current, destination)
    except OSError:
        return False
    return True


def _remove_leftovers(out: Path) -> None:
    """Staging directories of killed runs; a backup is restored if ``out`` itself went missing."""
    for leftover in sorted(out.parent.glob(f".{out.name}.old-*")):
        if not out.exists():
            os.rename(leftover, out)
        else:
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in out.parent.glob(f".{out.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)


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
    diffs: tuple[str, ...]  # of each changed file, capped

    def __bool__(self) -> bool:
        return bool(self.missing or self.unexpected or self.changed)


def compare_tree(expected: Tree, actual: Tree, label: str, max_lines: int = 40) -> TreeDiff:
    changed = tuple(p for p in sorted(expected) if p in actual and actual[p] != expected[p])
    diffs = []
    for path in changed:
        lines = list(
            difflib.unified_diff(
                actual[path].splitlines(keepends=True),
                expected[path].splitlines(keepends=True),
                f"{label}/{path} (committed)",
                f"{label}/{path} (regenerated)",
            )
        )
        shown = "".join(lines[:max_lines])
        if len(lines) > max_lines:
            shown += f"... {len(lines) - max_lines} more diff lines of {label}/{path} not shown\n"
        diffs.append(shown)
    return TreeDiff(
        missing=tuple(p for p in sorted(expected) if p not in actual),
        unexpected=tuple(p for p in sorted(actual) if p not in expected),
        changed=changed,
        diffs=tuple(diffs),
    )


def write_text(path: Path, text: str) -> None:
    """One small file, atomically (surface snapshots, reports)."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    """One file, atomically: a spec exactly as published."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

"""Reading a folder of the repository as it was at a git revision."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..core.errors import Diagnostic, Severity, SourceRef, SpecError


def _git(args: list[str], cwd: Path) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise SpecError([_error("git not found on PATH", str(cwd))]) from None
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip().splitlines()
        raise SpecError(
            [_error(f"git {' '.join(args)}: {message[-1] if message else 'failed'}", str(cwd))]
        )
    return result.stdout


def repository_root(path: Path) -> Path:
    return Path(_git(["rev-parse", "--show-toplevel"], path).decode().strip())


def default_base(root: Path) -> str:
    """The merge-base with main (origin/main when there is one)."""
    for ref in ("origin/main", "main"):
        try:
            return _git(["merge-base", ref, "HEAD"], root).decode().strip()
        except SpecError:
            continue
    raise SpecError([_error("no merge-base with main; pass --base", str(root))])


def export_tree(root: Path, revision: str, folder: str, destination: Path) -> Path:
    """Write ``folder`` as it was at ``revision`` under ``destination``; returns its copy."""
    _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], root)
    names = (
        _git(["ls-tree", "-r", "--name-only", revision, "--", folder], root).decode().splitlines()
    )
    for name in names:
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_git(["show", f"{revision}:{name}"], root))
    return destination / folder


def changed_files(root: Path, revision: str, paths: list[str]) -> list[str]:
    """Files under ``paths`` that differ between ``revision`` and the working tree (new ones too)."""
    changed = _git(["diff", "--name-only", revision, "--", *paths], root).decode().splitlines()
    untracked = (
        _git(["ls-files", "--others", "--exclude-standard", "--", *paths], root)
        .decode()
        .splitlines()
    )
    return sorted({line for line in [*changed, *untracked] if line})


def _error(message: str, where: str) -> Diagnostic:
    return Diagnostic("git", Severity.ERROR, message, SourceRef(where))

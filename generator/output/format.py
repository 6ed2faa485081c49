"""ruff's import sorting and formatter, set as black is, on in-memory sources, with pinned
settings; black's verdict on what they give; and the record that lets a regeneration keep a file's
committed text when its unformatted text did not change.

Formatting is done once, by ruff's formatter: black is the standard its output meets (the
templates and the models' shaping keep out what the two lay out differently), not a second
pass. ``not_black`` asks black, in one run over many files, which of them it would change.

The formatted text is a function of the unformatted text and of the formatters' versions
and settings. ``FORMATTED.sha256`` beside a client records, per Python file, the digest of
its unformatted text and of its formatted text, under a header naming the formatters. A
file whose unformatted text has that digest, whose committed text has the recorded one, and
whose formatters are the same, is kept as committed; anything else is formatted again.
"""

from __future__ import annotations

import ast
import functools
import gc
import hashlib
import importlib.metadata
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path, PurePosixPath

from ..core.names import LINE_LENGTH
from ..core.workers import die_with_parent

# black's settings, for ruff's formatter (whose defaults are black's style) and for black.
_TARGET = "py311"
FORMATTED_NAME = "FORMATTED.sha256"
# A change of formatter or setting formats every file again.
_FORMATTERS = (
    f"# ruff {importlib.metadata.version('ruff')} sorting imports and formatting"
    f" line-length {LINE_LENGTH} {_TARGET}"
)
# Below this much code, starting processes costs more than it saves.
_WORTH_SHARING = 200_000
# Shares per process when several format, or when progress is shown: each reports as it
# finishes, and the last to finish is small. A share costs two ruff runs of about 30 ms
# whatever its size, and ruff formats a megabyte in less: shares are at least that large.
_PIECES = 8
_SHARE_SIZE = 1_000_000
# Workers start as copies of this process, with the formatters already imported.
_FORK = multiprocessing.get_context("fork")


class Formatting:
    """Files formatted on this process and ``workers - 1`` forked copies of it, started
    when there is enough code to share. Files ``send`` hands over early are formatted by
    the copies while this process does other work (renders the models); ``finish`` formats
    the rest, and what no copy has started yet, with this process's help, and returns every
    file, Python files formatted."""

    def __init__(
        self,
        *,
        workers: int = 1,
        on_progress: Callable[[int, int], None] | None = None,
        helped_from_finish: bool = False,
    ) -> None:
        self._copies = workers - 1
        # Another process is busy until ``finish`` (rendering the models): what is sent
        # before it is formatted at once, here.
        self._helped_from_finish = helped_from_finish
        self._on_progress = on_progress
        self._pool: ProcessPoolExecutor | None = None
        # Each share handed to the copies, by its future.
        self._running: dict[Future[dict[PurePosixPath, str]], dict[PurePosixPath, str]] = {}
        self._waiting: dict[PurePosixPath, str] = {}  # sent, but not shared with copies
        self._files: dict[PurePosixPath, str] = {}
        self._formatted: dict[PurePosixPath, str] = {}

    def __enter__(self) -> Formatting:
        return self

    def __exit__(self, *_: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            gc.unfreeze()

    def send(self, files: Mapping[PurePosixPath, str]) -> None:
        """Start formatting ``files`` on the copies, if there is enough code to share; with
        no copies, or none until ``finish``, format them now (this process may have nothing
        else to do until then: the models are rendered on another)."""
        python = self._take(files)
        if not self._helped_from_finish and self._share(python):
            for share in self._split(python):
                self._submit(share)
        elif self._copies == 0 or self._helped_from_finish:
            self._report({}, shown=True)
            for share in self._split(python):
                self._report(_format_all(share))
        else:
            self._waiting.update(python)

    def finish(self, files: Mapping[PurePosixPath, str]) -> dict[PurePosixPath, str]:
        """``files`` formatted, and all those sent before."""
        python = {**self._waiting, **self._take(files)}
        self._waiting = {}
        self._share(python)
        self._report(self._collect(), shown=True)
        # Shares sent earlier that no copy has started yet come back, so that this process
        # helps with them too (GitHub's client alone is four times its models).
        returned = [self._running.pop(f) for f in list(self._running) if f.cancel()]
        shares = [*returned, *self._split(python)]
        pending = deque(sorted(shares, key=lambda share: -sum(map(len, share.values()))))
        while pending:
            # Each copy busy, with one share queued ahead; this process takes from the
            # other end, so that the last shares to finish are the small ones.
            while len(pending) > 1 and len(self._running) <= self._copies and self._pool:
                self._submit(pending.popleft())
            self._report(_format_all(pending.pop()))
            self._report(self._collect())
        for future in as_completed(self._running):
            self._report(future.result())
        self._running = {}
        unformatted = [p for p in self._files if p.suffix == ".py" and p not in self._formatted]
        if unformatted:
            raise RuntimeError(f"not formatted: {', '.join(map(str, unformatted[:5]))}")
        return {path: self._formatted.get(path, text) for path, text in self._files.items()}

    def _take(self, files: Mapping[PurePosixPath, str]) -> dict[PurePosixPath, str]:
        self._files.update(files)
        return {path: text for path, text in files.items() if path.suffix == ".py"}

    def _share(self, python: Mapping[PurePosixPath, str]) -> bool:
        """Whether the copies take part, starting them if this is the first to share."""
        if self._pool is None and self._copies > 0:
            if sum(map(len, python.values())) <= _WORTH_SHARING:
                return False
            # Frozen, this process's objects are never visited by a copy's garbage
            # collector, which would copy every page it touched: the copies share them.
            gc.freeze()
            self._pool = ProcessPoolExecutor(
                self._copies, mp_context=_FORK, initializer=die_with_parent, initargs=(os.getpid(),)
            )
        return self._pool is not None

    def _split(self, python: Mapping[PurePosixPath, str]) -> list[dict[PurePosixPath, str]]:
        pieces = min(_PIECES, sum(map(len, python.values())) // _SHARE_SIZE) or 1
        if self._pool is not None:
            return _shares(python, (self._copies + 1) * pieces)
        return _shares(python, pieces if self._on_progress is not None else 1)

    def _submit(self, share: dict[PurePosixPath, str]) -> None:
        assert self._pool is not None
        self._running[self._pool.submit(_format_all, share)] = share

    def _collect(self) -> dict[PurePosixPath, str]:
        # Each future asked once: it may finish meanwhile.
        done = [future for future in self._running if future.done()]
        for future in done:
            del self._running[future]
        return {path: text for future in done for path, text in future.result().items()}

    def _report(self, done: Mapping[PurePosixPath, str], *, shown: bool = False) -> None:
        self._formatted.update(done)
        if self._on_progress is not None and (done or shown):
            total = sum(path.suffix == ".py" for path in self._files)
            self._on_progress(len(self._formatted), total)


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


class Unformattable(Exception):
    """A file the formatters cannot take: where, and what is wrong (``parsed``: Python's
    parser refused it, so it is not Python)."""

    def __init__(self, path: PurePosixPath, line: int, message: str, parsed: bool) -> None:
        super().__init__(path, line, message, parsed)
        self.path, self.line, self.message, self.parsed = path, line, message, parsed


def _format_all(files: Mapping[PurePosixPath, str]) -> dict[PurePosixPath, str]:
    # Parsed first (here, on the copies too): a file that is not Python is our bug, said as
    # such with what it came from (render/syntax.py), not as a formatter's parse error.
    for path, text in files.items():
        try:
            ast.parse(text)
        except SyntaxError as exc:
            raise Unformattable(path, exc.lineno or 1, exc.msg, parsed=True) from None
    return _ruff_format(files)


# How ruff says which file it cannot format: "error: Failed to parse PATH:LINE:COLUMN: ...".
_RUFF_ERROR = re.compile(r"^error: Failed to parse (.+?):(\d+):\d+: (.*)$", re.MULTILINE)


# Imports sorted, then the code formatted (ruff's own settings never read).
_RUFF_COMMANDS = (
    ("check", "--isolated", "--no-cache", "--select", "I", "--fix", "--exit-zero"),
    ("format", "--isolated", "--no-cache"),
)


def _ruff_format(files: Mapping[PurePosixPath, str]) -> dict[PurePosixPath, str]:
    """``files`` with their imports sorted (ruff's isort rules, whose defaults are isort's
    black profile) and through ruff's formatter, set as black is: one run of each for all."""
    if not files:
        return {}
    with tempfile.TemporaryDirectory(prefix="ruff-format-") as scratch:
        root = Path(scratch)
        _write(root, files)
        for command in _RUFF_COMMANDS:
            done = subprocess.run(
                [
                    _ruff(),
                    *command,
                    *("--line-length", str(LINE_LENGTH), "--target-version", _TARGET, str(root)),
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                raise _refused(root, files, done.stderr)
        return {path: root.joinpath(*path.parts).read_text(encoding="utf-8") for path in files}


def _refused(root: Path, files: Mapping[PurePosixPath, str], said: str) -> Unformattable:
    """What ruff's formatter refused, as Unformattable: the file it names, else the first."""
    for found in _RUFF_ERROR.finditer(said):
        path = PurePosixPath(Path(found[1]).relative_to(root).as_posix())
        if path in files:
            return Unformattable(path, int(found[2]), f"ruff: {found[3]}", False)
    message = said.strip().splitlines()[0] if said.strip() else "failed"
    return Unformattable(next(iter(files)), 1, f"ruff: {message}", False)


def _write(root: Path, files: Mapping[PurePosixPath, str]) -> None:
    for path, text in files.items():
        target = root.joinpath(*path.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


class NotBlack(Exception):
    """Files black would change: a bug in the templates or in how the models are shaped,
    which lay out something as ruff's formatter does and black does not."""

    def __init__(self, paths: list[PurePosixPath]) -> None:
        super().__init__(
            f"black would change {len(paths)} generated file(s), which ruff's formatter laid "
            f"out otherwise: {', '.join(map(str, paths[:10]))}"
            + (f" and {len(paths) - 10} more" if len(paths) > 10 else "")
        )
        self.paths = paths


# Each file black would change, and each it cannot take, as black says it ("error: cannot
# parse for target version Python 3.11: PATH:1:6"); the scratch directory's paths have no colon.
_BLACK_SAYS = re.compile(r"(?:would reformat|error: cannot (?:format|parse[^:]*:)) ([^:]+)")


def not_black(files: Mapping[PurePosixPath, str]) -> list[PurePosixPath]:
    """Those of ``files`` (their Python files) that black, set as the generator's formatting
    is, would change or cannot format: one black run over all of them."""
    python = {path: text for path, text in files.items() if path.suffix == ".py"}
    if not python:
        return []
    with tempfile.TemporaryDirectory(prefix="black-check-") as scratch:
        root = Path(scratch)
        _write(root / "files", python)
        # Set on the command line alone: an empty configuration file stands for any the
        # user has; the cache, of paths that are gone after this run, stays in here.
        (root / "black.toml").write_text("", encoding="utf-8")
        done = subprocess.run(
            [
                *(sys.executable, "-m", "black", "--check", "--config", str(root / "black.toml")),
                *("--line-length", str(LINE_LENGTH), "--target-version", _TARGET, "--"),
                # Named one by one: black skips directories such as build/ it is only led to.
                *(str(root.joinpath("files", *path.parts)) for path in sorted(python)),
            ],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "BLACK_CACHE_DIR": str(root / "cache")},
        )
    named = set()
    for line in done.stderr.splitlines():
        found = _BLACK_SAYS.match(line)
        if found:
            named.add(PurePosixPath(Path(found[1]).relative_to(root / "files").as_posix()))
        elif line.startswith("error:"):  # about no file we can name: not to be passed over
            raise RuntimeError(f"black --check: {line}")
    if done.returncode not in (0, 1, 123) or (done.returncode != 0 and not named):
        raise RuntimeError(f"black --check exited {done.returncode}: {done.stderr.strip()}")
    return sorted(named)


@functools.cache
def _ruff() -> str:
    """ruff's own executable: ``python -m ruff`` would start an interpreter for every share."""
    from ruff import find_ruff_bin  # type: ignore[import-untyped]

    return os.fsdecode(find_ruff_bin())


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

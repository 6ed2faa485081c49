"""A standby copy of the command: readied while the command goes on, given one job or none."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generator.core.errors import Diagnostic, Severity, SourceRef, SpecError
from generator.core.workers import Standby

_ERROR = Diagnostic(
    "bad-schema",
    Severity.ERROR,
    "no",
    SourceRef("specs/v/openapi.yaml", "/components/schemas/A", 3, 5),
)


def _pid_and_size(data: bytes) -> tuple[int, int]:
    return os.getpid(), len(data)


def _raising(kind: str) -> None:
    if kind == "spec":
        raise SpecError([_ERROR])
    if kind == "unpicklable":

        class Local(Exception):
            pass

        raise Local("made in a function: pickle cannot find its class")
    raise KeyError(kind)


def _wait_for(path: Path) -> bool:
    """Whether ``path`` appeared within a minute (the time a failing test waits, at most)."""
    deadline = time.monotonic() + 60
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    return path.exists()


def test_a_job_larger_than_the_pipe_is_sent_while_the_copy_readies(tmp_path: Path) -> None:
    # The copy readies itself only once this process has gone on past start(): were a job
    # larger than the pipe written by start() itself, it would wait for the copy to read it.
    returned, saw = tmp_path / "start-returned", tmp_path / "ready-saw-it"

    def ready() -> None:
        if _wait_for(returned):
            saw.touch()

    standby = Standby(ready)
    pending = standby.start(_pid_and_size, b"x" * 4_000_000)
    returned.touch()
    pid, size = pending()
    assert pid != os.getpid() and size == 4_000_000
    assert saw.exists()


def test_what_the_job_raises_is_raised_here_with_the_copys_traceback() -> None:
    with pytest.raises(KeyError) as raised:
        Standby(lambda: None).start(_raising, "other")()
    assert any("in _raising" in note for note in raised.value.__notes__)
    with pytest.raises(SpecError) as spec_error:
        Standby(lambda: None).start(_raising, "spec")()
    assert spec_error.value.diagnostics == (_ERROR,)
    with pytest.raises(RuntimeError, match="in a worker process: Local"):
        Standby(lambda: None).start(_raising, "unpicklable")()


def test_a_copy_that_fails_to_ready_itself_still_does_its_job() -> None:
    def ready() -> None:
        raise ImportError("a warm-up only saves time")

    pid, size = Standby(ready).start(_pid_and_size, b"abc")()
    assert pid != os.getpid() and size == 3


def test_a_copy_given_no_job_ends_when_closed_whatever_it_is_doing(tmp_path: Path) -> None:
    started = tmp_path / "started"

    def ready() -> None:
        started.touch()
        _wait_for(tmp_path / "never")

    standby = Standby(ready)
    assert _wait_for(started)
    standby.close()
    standby.close()  # twice: as a command's cleanup does after a job
    assert not standby._process.is_alive()


def test_a_spec_error_crosses_processes_with_its_diagnostics() -> None:
    import pickle

    error = pickle.loads(pickle.dumps(SpecError([_ERROR])))
    assert isinstance(error, SpecError) and error.diagnostics == (_ERROR,)

"""Worker processes that do not outlive the command that started them."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar, cast

_PR_SET_PDEATHSIG = 1
T = TypeVar("T")


def die_with_parent(parent: int) -> None:
    """A process pool's initializer (initargs: the parent's pid). On Linux the kernel kills
    the worker when its parent dies: a forked worker holds its own queue's pipe open, so a
    killed `make generate` would otherwise leave its workers waiting on it forever."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return  # not Linux: nothing to ask for
    prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request was in place
        os._exit(1)


def in_a_fork(work: Callable[[], T]) -> Callable[[], T]:
    """``work`` done on a forked copy of this process that starts now (what it needs is its
    already, not sent to it); calling what is returned waits for its result, or raises what
    it raised. The copy ignores Ctrl-C (the command reports the interruption) and dies with
    this process."""
    fork = multiprocessing.get_context("fork")
    receiving, sending = fork.Pipe(duplex=False)
    process = fork.Process(target=_do, args=(work, sending, os.getpid()), daemon=True)
    process.start()
    sending.close()

    def result() -> T:
        outcome: tuple[bool, Any]
        try:
            outcome = receiving.recv()
        except EOFError:
            outcome = False, RuntimeError(f"a worker process ended ({process.exitcode})")
        finally:
            receiving.close()
            process.join()
        done, value = outcome
        if not done:
            raise value
        return cast(T, value)

    return result


def _do(work: Callable[[], Any], sending: Connection, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
    try:
        outcome: tuple[bool, Any] = True, work()
    except Exception as exc:
        outcome = False, exc
    try:
        sending.send(outcome)
    except Exception as exc:  # what it gave or raised cannot be pickled
        sending.send((False, RuntimeError(f"a worker's outcome could not be sent: {exc!r}")))
    finally:
        sending.close()

"""Worker processes that do not outlive the command that started them."""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import pickle
import signal
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import ParamSpec, TypeVar, cast

_PR_SET_PDEATHSIG = 1
T = TypeVar("T")
P = ParamSpec("P")


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


class Standby:
    """A forked copy of this process that starts now and readies itself (``ready``: imports
    a stage will need, say) while this one goes on, then does one job it is sent, or none.
    It ignores Ctrl-C (the command reports the interruption) and dies with this process."""

    def __init__(self, ready: Callable[[], None]) -> None:
        fork = multiprocessing.get_context("fork")
        self._connection, theirs = fork.Pipe()
        self._process = fork.Process(
            target=_stand_by, args=(ready, theirs, os.getpid()), daemon=True
        )
        self._process.start()
        theirs.close()
        self._sending: threading.Thread | None = None

    def start(self, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> Callable[[], T]:
        """``work(*args, **kwargs)`` sent to the copy (``work`` a module's function, and what
        it is given and gives back picklable); calling what is returned waits for its result,
        or raises what it raised."""
        job = pickle.dumps((work, args, kwargs))
        # Written by a thread: a job larger than the pipe holds waits for the copy to be
        # ready to read it, and this process goes on meanwhile.
        self._sending = threading.Thread(target=self._send, args=(job,), daemon=True)
        self._sending.start()

        def result() -> T:
            try:
                done, value = pickle.loads(self._connection.recv_bytes())
            except (EOFError, OSError):
                done, value = False, RuntimeError(
                    f"a worker process ended ({self._process.exitcode})"
                )
            finally:
                self.close()
            if not done:
                raise value
            return cast(T, value)

        return result

    def _send(self, job: bytes) -> None:
        with contextlib.suppress(OSError):  # it ended: receiving says so
            self._connection.send_bytes(job)

    def close(self) -> None:
        """Ends the copy, whatever it is doing: its job, if any, is done or not wanted."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        if self._sending is not None:
            self._sending.join()  # its write fails, if the copy had not read the job
        self._connection.close()


def _stand_by(ready: Callable[[], None], connection: Connection, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
    with contextlib.suppress(Exception):
        ready()  # only to save time: the job meets what went wrong, if it matters
    try:
        work, args, kwargs = pickle.loads(connection.recv_bytes())
    except EOFError:
        return
    try:
        outcome = pickle.dumps((True, work(*args, **kwargs)))
    except Exception as exc:
        outcome = _raised(exc)
    with contextlib.suppress(OSError):  # the command ended without waiting for it
        connection.send_bytes(outcome)
    connection.close()


def _raised(exc: Exception) -> bytes:
    """What ``exc`` raises where it is received: itself, with this process's traceback as a
    note (``--debug`` prints it), or an error that names it if it does not unpickle."""
    exc.add_note("".join(traceback.format_exception(exc)).rstrip())
    try:
        sent = pickle.dumps((False, exc))
        pickle.loads(sent)
        return sent
    except Exception:
        return pickle.dumps((False, RuntimeError(f"in a worker process: {exc!r}")))

"""Worker processes that do not outlive the command that started them."""

from __future__ import annotations

import ctypes
import os
import signal

_PR_SET_PDEATHSIG = 1


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

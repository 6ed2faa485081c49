"""What a long build is doing, on one line of a terminal: `stripe: formatting 1210 files`.

Shown only when standard error is a terminal and the command was not given ``-q``; in CI,
in tests and in pipes nothing is written. Forked build workers inherit the setting.
"""

from __future__ import annotations

import sys

_enabled = False


def enable(on: bool) -> None:
    global _enabled
    _enabled = on


def enabled() -> bool:
    return _enabled


def bar(done: int, total: int, width: int = 20) -> str:
    """``[########            ] 40%``"""
    filled = width * done // max(total, 1)
    return f"[{'#' * filled}{' ' * (width - filled)}] {100 * done // max(total, 1)}%"


def stage(vendor: str, doing: str) -> None:
    """Replace the progress line with what ``vendor``'s build is doing now."""
    if _enabled:
        sys.stderr.write(f"\r\x1b[K{vendor}: {doing}")
        sys.stderr.flush()


def clear() -> None:
    """Remove the progress line before a result is printed."""
    if _enabled:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()

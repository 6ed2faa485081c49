"""Checks of arguments a type checker cannot enforce at run time: a ``Literal`` or ``bool``
argument is checked before anything is sent (enum values the vendor adds later are
tolerated in what we read, never invented in what we send)."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from .sentinels import Omit


def check_allowed(argument: str, value: object, allowed: Sequence[object]) -> None:
    """``ValueError`` naming ``argument`` unless ``value`` (each item of a list) is one of
    ``allowed``; an omitted value or None passes (it is not sent)."""
    items = value if isinstance(value, list | tuple) else [value]
    for item in items:
        if isinstance(item, Omit) or item is None:
            continue
        plain = item.value if isinstance(item, enum.Enum) else item
        # True == 1 in Python: a bool matches only a bool.
        if not any(plain == a and isinstance(plain, bool) == isinstance(a, bool) for a in allowed):
            choices = ", ".join(repr(a) for a in allowed)
            raise ValueError(f"{argument}={plain!r} is not one of the values allowed: {choices}")

"""Sentinels for "the caller said nothing", defined once."""

from __future__ import annotations

from typing import Final, Literal


class NotGiven:
    """An option the caller did not give, where ``None`` means something (``timeout=None``: no timeout)."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


class Omit:
    """The default of every optional request parameter: omitted values never reach the wire."""

    _instance: Omit | None = None

    def __new__(cls) -> Omit:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "omit"


NOT_GIVEN: Final = NotGiven()
omit: Final = Omit()

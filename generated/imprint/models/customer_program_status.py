# Generated from specs/imprint/openapi.yaml. Do not edit; run make generate.
"""The CustomerProgramStatus model."""

from __future__ import annotations

from enum import StrEnum


class CustomerProgramStatus(StrEnum):
    """
    Status of a customer within a card program.
    """

    OPEN = "OPEN"
    CLOSED = "CLOSED"

    @classmethod
    def _missing_(cls, value: object) -> CustomerProgramStatus | None:
        # A value the vendor adds after this client was generated is kept, not rejected.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

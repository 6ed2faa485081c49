# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""The LookupProfile model."""

from __future__ import annotations

from pydantic import MISSING

from .._runtime.models import BaseModel
from .comm_channel import CommChannel
from .identifier import Identifier


class LookupProfile(BaseModel):
    """
    Profile information, with identifiers to add to the customer.
    """

    commChannels: list[CommChannel] | MISSING = MISSING
    fields: dict[str, str] | MISSING = MISSING
    """
    Custom field values configured for the organization, as name:value pairs.
    """
    firstName: str | MISSING = MISSING
    """
    First name of the customer.
    """
    identifiers: list[Identifier] | MISSING = MISSING
    """
    Identifiers to add to the customer.
    """
    lastName: str | MISSING = MISSING
    """
    Last name of the customer.
    """

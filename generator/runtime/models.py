"""Bases of the generated models: each builds its validator on first use, not at import.

A client of a large API defines thousands of models; building every validator when the
package is imported would take seconds, most of them for models the program never uses.
"""

from __future__ import annotations

from typing import Generic, TypeVar

import pydantic

RootModelRootType = TypeVar("RootModelRootType")


class BaseModel(pydantic.BaseModel):
    # A field whose wire name is not a Python name (`first-name`, `class`) is set by its
    # Python name; by default pydantic would drop `first_name=...` without a word.
    model_config = pydantic.ConfigDict(defer_build=True, validate_by_name=True)


class RootModel(pydantic.RootModel[RootModelRootType], Generic[RootModelRootType]):
    model_config = pydantic.ConfigDict(defer_build=True)

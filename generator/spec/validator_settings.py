"""The settings of openapi-spec-validator and openapi-schema-validator, fixed here.

Each library reads a few settings from the environment with pydantic-settings, which imports
pydantic, asyncio and python-dotenv: 11 MiB and 0.1 s in the command, which has no other use
for them (the model tool, which uses pydantic, runs in a process of its own). Each library's
settings module is replaced, before the library is first imported, by one that gives its
defaults, so the command's peak memory is less by as much. A variable in the user's
environment no longer changes what the validator checks or how, which the record of its
verdict (openapi_validator._header) could not see.

tests/test_validator_settings.py checks these modules against the libraries' own: the same
names, the same values as their defaults.
"""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass


@dataclass(frozen=True)
class OpenAPISpecValidatorSettings:
    resolved_cache_maxsize: int = 128
    # Its default, "auto", is this unless jsonschema-rs is installed; openapi_validator
    # locates the errors of this backend's validators.
    schema_validator_backend: str = "jsonschema"


@dataclass(frozen=True)
class OpenAPISchemaValidatorSettings:
    compiled_validator_cache_max_size: int = 128


def _spec_validator_settings() -> types.ModuleType:
    module = types.ModuleType("openapi_spec_validator.settings", __doc__)
    defaults = OpenAPISpecValidatorSettings()
    module.__dict__.update(
        OpenAPISpecValidatorSettings=OpenAPISpecValidatorSettings,
        get_resolved_cache_maxsize=lambda: defaults.resolved_cache_maxsize,
        get_schema_validator_backend=lambda: defaults.schema_validator_backend,
    )
    return module


def _schema_validator_settings() -> types.ModuleType:
    module = types.ModuleType("openapi_schema_validator.settings", __doc__)
    defaults = OpenAPISchemaValidatorSettings()
    module.__dict__.update(
        OpenAPISchemaValidatorSettings=OpenAPISchemaValidatorSettings,
        get_settings=lambda: defaults,
        reset_settings_cache=lambda: None,
    )
    return module


def fix_validator_settings() -> None:
    """Put the fixed settings modules in place of the libraries' own, unless a library was
    imported already (then its own settings are read, as before)."""
    for package, settings in (
        ("openapi_spec_validator", _spec_validator_settings),
        ("openapi_schema_validator", _schema_validator_settings),
    ):
        if package not in sys.modules and f"{package}.settings" not in sys.modules:
            sys.modules[f"{package}.settings"] = settings()

"""Bases of the generated models, and what lets a model module load without its neighbours.

A client of a large API defines thousands of models. Each builds its validator on first use,
not at import. And a field whose type is a model of another module (Stripe's Customer reaches
760 models through such fields) loads that module only when a value for it is first
validated: the first call of an operation loads what its response holds, not everything its
response could hold.
"""

from __future__ import annotations

import functools
import importlib
import operator
import threading
import types
import typing
from typing import Any, Generic, TypeVar

import pydantic
from pydantic_core import CoreSchema, core_schema

RootModelRootType = TypeVar("RootModelRootType")


class BaseModel(pydantic.BaseModel):
    # A field whose wire name is not a Python name (`first-name`, `class`) is set by its
    # Python name; by default pydantic would drop `first_name=...` without a word.
    model_config = pydantic.ConfigDict(defer_build=True, validate_by_name=True)


class RootModel(pydantic.RootModel[RootModelRootType], Generic[RootModelRootType]):
    model_config = pydantic.ConfigDict(defer_build=True)


class _Later(type):
    """A stand-in for a model of another module, in annotations only (type checkers see the
    model itself): ``Customer = lazy_model(".account", "Customer", __package__)``."""

    _module: str
    _package: str | None

    def __repr__(cls) -> str:
        return f"<stand-in for {cls._package}{cls._module}.{cls.__name__}>"

    def load(cls) -> Any:
        return getattr(importlib.import_module(cls._module, cls._package), cls.__name__)


def lazy_model(module: str, name: str, package: str | None) -> Any:
    return _Later(name, (), {"_module": module, "_package": package})


def _loaded(tp: Any) -> Any:
    """``tp`` with each stand-in replaced by its model."""
    if isinstance(tp, _Later):
        return tp.load()
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if not args or origin is typing.Literal:
        return tp
    if origin is typing.Annotated:
        return typing.Annotated[(_loaded(args[0]), *args[1:])]
    loaded = tuple(_loaded(a) for a in args)
    if origin in (typing.Union, types.UnionType):
        return functools.reduce(operator.or_, loaded)
    return origin[loaded]


@functools.cache
def _adapter(tp: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(_loaded(tp))


class _Lazy:
    """Marks a field type that refers to stand-ins (``Annotated[str | Customer, LAZY]``): its
    validator is built, and the models it names loaded, when it first validates a value.
    Serialising a value needs no schema: each model serialises itself."""

    def __repr__(self) -> str:
        return "LAZY"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: pydantic.GetCoreSchemaHandler
    ) -> CoreSchema:
        adapter: pydantic.TypeAdapter[Any] | None = None

        def validate(value: Any) -> Any:
            nonlocal adapter
            if adapter is None:
                adapter = _adapter(source)
            return adapter.validate_python(value)

        def json_schema(_: CoreSchema, handler: pydantic.GetJsonSchemaHandler) -> Any:
            schema = _adapter(source).core_schema
            if source in _writing.types:
                # Met again inside itself: refer to the definition being written.
                return handler(_referring(schema))
            _writing.types.add(source)
            try:
                return handler(schema)
            finally:
                _writing.types.discard(source)

        return core_schema.no_info_plain_validator_function(
            validate, metadata={"pydantic_js_functions": [json_schema]}
        )


LAZY = _Lazy()


class _Writing(threading.local):
    def __init__(self) -> None:
        # The lazy types whose JSON Schema this thread is writing: models that hold each
        # other recur.
        self.types: set[Any] = set()


_writing = _Writing()


def _referring(schema: CoreSchema) -> CoreSchema:
    """``schema`` with each model in it replaced by a reference to its definition."""
    if "ref" in schema:
        return core_schema.definition_reference_schema(schema["ref"])
    if schema["type"] == "definitions":
        return _referring(schema["schema"])
    replaced: dict[str, Any] = dict(schema)
    for key in ("schema", "items_schema", "values_schema"):
        if key in schema:
            replaced[key] = _referring(schema[key])
    if schema["type"] == "union":
        replaced["choices"] = [
            (_referring(c[0]), c[1]) if isinstance(c, tuple) else _referring(c)
            for c in schema["choices"]
        ]
    return replaced

"""Bases of the generated models, and what lets a model module load without its neighbours.

One model serves both directions, liberal in what it reads and strict in what it is given:

- Reading (a response, ``model_validate``): fields the vendor added later are kept as extras
  (``model.model_extra``), even where the spec says ``additionalProperties: false``.
- Building in code: an unknown keyword raises ``TypeError`` naming the closest fields, as a
  dataclass would, unless the schema itself allows other properties.
- Writing: extras are sent as they came, except where the schema forbids them: then
  serialising raises before anything is sent.

A client of a large API defines thousands of models. Each builds its validator on first use,
not at import. And a field whose type is a model of another module (Stripe's Customer reaches
760 models through such fields) loads that module only when a value for it is first
validated: the first call of an operation loads what its response holds, not everything its
response could hold.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import importlib
import operator
import sys
import threading
import types
import typing
from collections.abc import Mapping
from typing import Annotated, Any, Generic, Self, TypeVar

import pydantic
import pydantic_core
from pydantic_core import CoreSchema, core_schema

RootModelRootType = TypeVar("RootModelRootType")
VariantT = TypeVar("VariantT")

# A discriminated oneOf as read: a variant this client does not know (a discriminator value
# the vendor added later) is kept as its raw data instead of failing the whole response.
OpenUnion = Annotated[VariantT | dict[str, Any], pydantic.Field(union_mode="left_to_right")]


class _BuildsHeldFirst(pydantic.BaseModel):
    """Builds, at first use, the models a model holds before the model itself (see
    ``build_held_first``)."""

    model_config = pydantic.ConfigDict(defer_build=True)

    @classmethod
    def model_rebuild(
        cls,
        *,
        force: bool = False,
        raise_errors: bool = True,
        _parent_namespace_depth: int = 2,
        _types_namespace: Any = None,
    ) -> bool | None:
        build_held_first(cls)
        if _types_namespace is None and (inherited := _inherited_names(cls)):
            # pydantic reads a field it could not resolve when a base defined it in this
            # model's module, not the base's (pydantic#12000): the base's names are given
            # too, beside those of the caller's frame, which pydantic would have taken.
            caller: dict[str, Any] = {}
            if _parent_namespace_depth > 0:
                # No such frame: pydantic would take none either.
                with contextlib.suppress(ValueError):
                    caller = sys._getframe(_parent_namespace_depth - 1).f_locals
            _types_namespace = {**inherited, **caller}
        return super().model_rebuild(
            force=force,
            raise_errors=raise_errors,
            # The caller's frame is one further out, past this one.
            _parent_namespace_depth=_parent_namespace_depth + (_parent_namespace_depth > 0),
            _types_namespace=_types_namespace,
        )


class BaseModel(_BuildsHeldFirst):
    # A field whose wire name is not a Python name (`first-name`, `class`) is set by its
    # Python name; by default pydantic would drop `first_name=...` without a word. The
    # `extra` setting of a generated model says what its schema says about other properties:
    # "allow" (additionalProperties given), "forbid" (false), or unset (silent).
    model_config = pydantic.ConfigDict(defer_build=True, validate_by_name=True)

    def __init__(self, /, **data: Any) -> None:
        refuse_unknown_fields(type(self), data)
        # Nested mappings are data, read as a response is: their extras are kept and sent.
        self.__pydantic_validator__.validate_python(data, self_instance=self, extra="allow")

    # Reading a response does not pass through here (pydantic calls a model's own __init__
    # while validating, unless told it is the base one): only building in code is checked.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(
        cls,
        obj: Any,
        *,
        strict: bool | None = None,
        extra: pydantic.config.ExtraValues | None = None,
        from_attributes: bool | None = None,
        context: Any | None = None,
        by_alias: bool | None = None,
        by_name: bool | None = None,
    ) -> Self:
        """Read ``obj`` as a response is read: other fields are kept as extras."""
        return super().model_validate(
            obj,
            strict=strict,
            extra="allow" if extra is None else extra,
            from_attributes=from_attributes,
            context=context,
            by_alias=by_alias,
            by_name=by_name,
        )

    # Without a return annotation: pydantic would take it for the schema of what is written,
    # and model_json_schema(mode="serialization") would describe anything (`{}`).
    @pydantic.model_serializer(mode="wrap")
    def _serialise_extras(  # type: ignore[no-untyped-def]
        self, handler: pydantic.SerializerFunctionWrapHandler, info: pydantic.SerializationInfo
    ):
        data = handler(self)
        extra = self.__pydantic_extra__
        stance = self.model_config.get("extra")
        if not extra or stance == "allow" or not isinstance(data, dict):
            return data  # pydantic writes the extras of a model that allows them
        if stance == "forbid":
            raise ValueError(_forbidden(type(self).__name__, extra))
        if info.mode_is_json():
            extra = pydantic_core.to_jsonable_python(extra)
        return {**data, **{k: v for k, v in extra.items() if k not in data}}


def refuse_unknown_fields(model: type[pydantic.BaseModel], data: Mapping[str, Any]) -> None:
    """``TypeError`` for a keyword that names no field of ``model`` (by Python or wire name),
    unless its schema allows other properties."""
    if model.model_config.get("extra") == "allow":
        return
    fields = model.model_fields
    known = set(fields) | {f.alias for f in fields.values() if f.alias}
    unknown = [name for name in data if name not in known]
    if not unknown:
        return
    name = unknown[0]
    close = difflib.get_close_matches(name, sorted(known), n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    fields_text = ", ".join(sorted(fields)) or "none"
    raise TypeError(
        f"{model.__name__}() got an unexpected keyword argument {name!r}{hint} "
        f"(its fields: {fields_text})"
    )


def refuse_forbidden_fields(value: object, where: str = "body") -> None:
    """``ValueError`` naming the first model in ``value`` that holds fields its schema forbids
    (read from a response, or given in a nested mapping), before any of it is sent."""
    if isinstance(value, pydantic.BaseModel):
        extra = value.__pydantic_extra__
        if extra and value.model_config.get("extra") == "forbid":
            raise ValueError(_forbidden(f"{where} ({type(value).__name__})", extra))
        for name in value.model_fields_set & set(type(value).model_fields):
            refuse_forbidden_fields(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            refuse_forbidden_fields(item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            refuse_forbidden_fields(item, f"{where}[{index}]")


def _forbidden(where: str, extra: Mapping[str, Any]) -> str:
    names = sorted(extra)
    shown = ", ".join(repr(n) for n in names[:5])
    more = f" and {len(names) - 5} more" if len(names) > 5 else ""
    return (
        f"{where} has field{'s' if len(names) > 1 else ''} {shown}{more}, which its schema "
        f"forbids (additionalProperties: false); remove {'them' if len(names) > 1 else 'it'} "
        "before sending"
    )


class RootModel(
    pydantic.RootModel[RootModelRootType], _BuildsHeldFirst, Generic[RootModelRootType]
):
    model_config = pydantic.ConfigDict(defer_build=True)


class _Readying(threading.local):
    def __init__(self) -> None:
        self.held = False


_readying = _Readying()


def _inherited_names(model: type[pydantic.BaseModel]) -> dict[str, Any]:
    """What the modules of ``model``'s bases define that its own does not (a model with a
    base from another module: `Child(Parent)`, where Parent's fields name `Annotated` or a
    model of Parent's module)."""
    own = model.__module__
    names: dict[str, Any] = {}
    for base in reversed(model.__mro__[1:]):
        # The generated models' bases, not this module's nor pydantic's.
        if issubclass(base, _BuildsHeldFirst) and base.__module__ not in (own, __name__):
            names.update(vars(sys.modules[base.__module__]))
    defined = vars(sys.modules[own])
    return {name: value for name, value in names.items() if name not in defined}


def build_held_first(model: type[pydantic.BaseModel]) -> None:
    """Builds the unbuilt models that ``model``'s fields hold before ``model`` itself, those
    deepest in first. pydantic builds a deferred model's models within its own build, a level
    of recursion per level of nesting, and 60 levels of inline arrays of objects exceed
    Python's recursion limit; a model already built is reused, not rebuilt."""
    if model.__pydantic_complete__ or _readying.held:
        return
    _readying.held = True
    try:
        for held in _in_building_order(model)[:-1]:
            held.model_rebuild(raise_errors=False, _parent_namespace_depth=0)
    finally:
        _readying.held = False


def _in_building_order(model: type[pydantic.BaseModel]) -> list[type[pydantic.BaseModel]]:
    """The unbuilt models reachable from ``model``, each after those it holds; models that
    hold each other together, after all that any of them holds (Tarjan's algorithm, without
    recursion, since the point is depth)."""
    index: dict[type[pydantic.BaseModel], int] = {model: 0}
    low = dict(index)
    path, on_path = [model], {model}
    order: list[type[pydantic.BaseModel]] = []
    work = [(model, iter(_held(model)))]
    while work:
        node, held = work[-1]
        for found in held:
            if found not in index:
                index[found] = low[found] = len(index)
                path.append(found)
                on_path.add(found)
                work.append((found, iter(_held(found))))
                break
            if found in on_path:
                low[node] = min(low[node], index[found])
        else:
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                while True:
                    member = path.pop()
                    on_path.discard(member)
                    order.append(member)
                    if member is node:
                        break
    return order


def _held(model: type[pydantic.BaseModel]) -> list[type[pydantic.BaseModel]]:
    """The unbuilt models named by ``model``'s fields' types (a model of another module is
    a stand-in, loaded when a value first needs it)."""
    held = []
    for field in model.__pydantic_fields__.values():
        tp = field.annotation
        if isinstance(tp, typing.ForwardRef):
            # Named before it was defined: by now its module has run to the end.
            try:
                tp = eval(tp.__forward_arg__, vars(sys.modules[model.__module__]))
            except Exception:
                continue
        held.extend(_unbuilt_models(tp))
    return held


def _unbuilt_models(tp: Any) -> list[type[pydantic.BaseModel]]:
    found, types_ = [], [tp]
    while types_:
        tp = types_.pop()
        if typing.get_origin(tp) is None and isinstance(tp, type):
            if issubclass(tp, pydantic.BaseModel) and not tp.__pydantic_complete__:
                found.append(tp)
        else:
            types_.extend(typing.get_args(tp))
    return found


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
    loaded = _loaded(tp)
    for model in _unbuilt_models(loaded):
        build_held_first(model)  # an adapter, like a model, builds the models it holds
    return pydantic.TypeAdapter(loaded)


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
            # The models the type holds are referred to, and written as definitions by the
            # outermost of these calls, one after the other: written each inside the one that
            # holds it, a chain of Stripe's models exceeds Python's recursion limit.
            for defined in _defined(schema):
                if defined["ref"] not in _writing.met:
                    _writing.met.add(defined["ref"])
                    _writing.pending.append(defined)
            written = handler(_referring(schema))
            if not _writing.draining:
                _writing.draining = True
                try:
                    while _writing.pending:
                        held = [_writing.pending.pop()]
                        handler(core_schema.definitions_schema(core_schema.any_schema(), held))
                finally:
                    _writing.draining = False
                    _writing.pending.clear()
                    _writing.met.clear()
            return written

        # An annotation's function: its reference to a definition still being written is
        # left as it is (pydantic would look the definition up, and find none yet).
        return core_schema.no_info_plain_validator_function(
            validate, metadata={"pydantic_js_annotation_functions": [json_schema]}
        )


LAZY = _Lazy()


class _Writing(threading.local):
    """The JSON Schema definitions this thread has still to write, of the models met."""

    def __init__(self) -> None:
        self.pending: list[Any] = []
        self.met: set[str] = set()
        self.draining = False


_writing = _Writing()


def _defined(schema: CoreSchema) -> list[Any]:
    """What ``_referring`` replaces in ``schema`` by references, and its definitions."""
    if "ref" in schema:
        return [schema]
    if schema["type"] == "definitions":
        return [*schema["definitions"], *_defined(schema["schema"])]
    found = [
        d
        for k in ("schema", "items_schema", "values_schema")
        if k in schema
        for d in _defined(schema[k])
    ]
    if schema["type"] == "union":
        for choice in schema["choices"]:
            found += _defined(choice[0] if isinstance(choice, tuple) else choice)
    return found


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

"""Resources: which operations each one groups, what it and its methods are called, and
what its module imports; and the names a vendor package exports."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..core.names import Identifier, dedupe, export_order, pascal_case, snake_case
from ..spec.operation_names import Named
from ..spec.validate import iter_operations
from .types import Operation, Resource

# How generated annotations refer to a model (_Builder._model in builder.py).
_MODEL_REFERENCE = re.compile(r"\bmodels\.")

# Path segments that name a version (`v2`, `1.0`) or prefix rather than a resource.
_NOT_A_RESOURCE = re.compile(r"v?\d+([._-]\d+)*|\d{4}-\d{2}-\d{2}|api|rest", re.IGNORECASE)


def resource_names(data: dict[str, Any], names: dict[tuple[str, str], Named]) -> tuple[
    dict[Identifier, Identifier],
    dict[Identifier, tuple[str, Identifier]],
    dict[Identifier, Identifier],
]:
    """Each operation's resource, each resource's label and class name, and each operation's
    method name in its resource (all keyed by the operation's full name).

    An operation's resource is its ``x-python-resource``, else its first tag, else the first
    path segment that is neither a version nor a parameter. A tag that every operation
    shares groups nothing (Plaid tags all 329 operations ``plaid``), and neither does a tag
    that is the operation's own path (setlist.fm's): then paths decide.
    """
    operations = list(iter_operations(data))
    tags = [
        next(iter(raw.get("tags") or []), None) if isinstance(raw.get("tags"), list) else None
        for _, _, raw, _ in operations
    ]
    shared = len(operations) > 1 and len(set(tags)) == 1
    resource_of: dict[Identifier, Identifier] = {}
    labels: dict[Identifier, str] = {}
    raws: dict[Identifier, dict[str, Any]] = {}
    for (path, method, raw, _), tag in zip(operations, tags, strict=True):
        override = raw.get("x-python-resource")
        if isinstance(override, str) and override.strip():
            label = override
        elif isinstance(tag, str) and tag.strip() and not shared and tag != path:
            label = tag
        else:
            label = _path_label(path)
        py_name = snake_case(label)
        labels.setdefault(py_name, label)
        name = names[(path, method)].name
        resource_of[name] = py_name
        raws[name] = raw
    short = _without_common_prefix(list(labels))
    resource_of = {op: short[name] for op, name in resource_of.items()}
    labels = {short[name]: label for name, label in labels.items()}
    members: dict[Identifier, list[tuple[Identifier, dict[str, Any]]]] = {}
    for name, resource in resource_of.items():
        members.setdefault(resource, []).append((name, raws[name]))
    method_of = {
        name: short_name
        for resource, ops in members.items()
        for name, short_name in _method_names(resource, ops).items()
    }
    ordered = sorted(labels)
    class_names = dedupe([Identifier(f"{pascal_case(n)}Resource") for n in ordered])
    return (
        resource_of,
        {n: (labels[n], class_name) for n, class_name in zip(ordered, class_names, strict=True)},
        method_of,
    )


def group_resources(
    data: dict[str, Any],
    operations: list[Operation],
    uses: dict[Identifier, frozenset[str]],
    resource_of: dict[Identifier, Identifier],
    named: dict[Identifier, tuple[str, Identifier]],
) -> tuple[Resource, ...]:
    """The operations grouped as ``resource_of`` says, each resource named as ``named``
    says (its label and class name); ``uses`` holds the typing names each operation's
    code needs, so that a resource's module imports exactly those."""
    grouped: dict[Identifier, list[Operation]] = {}
    for op in operations:
        grouped.setdefault(resource_of[op.full_name], []).append(op)
    descriptions = {
        str(t.get("name")): str(t.get("description", ""))
        for t in data.get("tags") or []
        if isinstance(t, dict)
    }
    resources = []
    for py_name in sorted(grouped):
        ops = grouped[py_name]
        used = frozenset().union(*(uses[op.full_name] for op in ops))
        label, class_name = named[py_name]
        resources.append(
            Resource(
                py_name=py_name,
                class_name=class_name,
                label=label,
                description=descriptions.get(label, ""),
                operations=tuple(ops),
                uses_models=any(
                    _MODEL_REFERENCE.search(annotation)
                    for op in ops
                    for annotation in op.code_annotations
                ),
                typing_imports=tuple(
                    Identifier(n)
                    for n in sorted(
                        used & {"Any", "Literal", "Sequence"}
                        # A paginated method returns its page uncast (pagination.py).
                        | ({"cast"} if any(op.pagination is None for op in ops) else set())
                    )
                ),
                omit_imports=_omit_imports(ops),
                content_imports=tuple(
                    Identifier(n) for n in sorted(used & {"BinaryContent", "Encoding"})
                ),
            )
        )
    return tuple(resources)


def _without_common_prefix(names: list[Identifier]) -> dict[Identifier, Identifier]:
    """Twilio tags every resource Api20100401...: the words all names share say nothing."""
    words = [n.split("_") for n in names]
    common = 0
    while len(names) > 1 and all(
        len(w) > common + 1 and w[common] == words[0][common] for w in words
    ):
        common += 1
    stripped = [snake_case("_".join(w[common:])) for w in words]
    if len(set(stripped)) < len(names):
        return {n: n for n in names}
    return dict(zip(names, stripped, strict=True))


def _method_names(
    resource: Identifier, operations: list[tuple[Identifier, dict[str, Any]]]
) -> dict[Identifier, Identifier]:
    """Method names without the resource's own words: ``client.repos.get`` for GitHub's
    ``repos/get``, ``client.customers.get_customer`` for Stripe's ``GetCustomersCustomer``.
    A name given with x-python-name, or one that shortened would collide or be reserved,
    stays whole."""
    words = resource.split("_")
    short: dict[Identifier, Identifier] = {}
    for name, raw in operations:
        parts = name.split("_")
        short[name] = name
        if isinstance(raw.get("x-python-name"), str):
            continue
        for at in (0, 1):
            if parts[at : at + len(words)] == words and len(parts) > len(words):
                short[name] = Identifier("_".join(parts[:at] + parts[at + len(words) :]))
                break
    taken = Counter(short.values())
    return {name: s if taken[s] == 1 and snake_case(s) == s else name for name, s in short.items()}


def _omit_imports(operations: list[Operation]) -> tuple[Identifier, ...]:
    """`Omit` types an optional argument; `omit` is its default, and the body of a call without one."""
    optional = any(not p.required for op in operations for p in op.parameters) or any(
        op.request_body is not None
        and (not op.request_body.required or op.request_body.content_types)
        for op in operations
    )
    bodiless = any(op.request_body is None for op in operations)
    return tuple(
        Identifier(n) for n, used in (("Omit", optional), ("omit", optional or bodiless)) if used
    )


def _path_label(path: str) -> str:
    for segment in path.split("/"):
        segment = segment.split(".")[0]  # Twilio's /Accounts/{Sid}/Calls.json
        if segment and "{" not in segment and not _NOT_A_RESOURCE.fullmatch(segment):
            return segment
    return "root"


# The runtime names a vendor package re-exports (beside its clients and `models`).
RUNTIME_EXPORTS = (
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "MissingCredentialsError",
    "NotFoundError",
    "NotGiven",
    "OAuthTokenError",
    "Omit",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "omit",
)


def package_exports(client: str, extra: tuple[str, ...] = ()) -> tuple[Identifier, ...]:
    names = [*RUNTIME_EXPORTS, *extra, "models", f"{client}Client", f"Async{client}Client"]
    return tuple(Identifier(n) for n in export_order(names))

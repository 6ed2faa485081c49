"""What a vendor sends: the events of its webhooks (3.1) and callbacks, each request body a
model, and the signature its x-webhook-signature extension declares.

How unwrap tells events apart, decided here once:
- a payload that is a oneOf with a discriminator stands for its variants, each an event
  whose tag is the discriminator's value for it (its mapping, else its schema's name);
- a property every event's payload fixes to a value of its own (`type: {const:
  points.earned}`, or a one-value enum) is the tag: the event is the one its value names,
  and a value no event has is an event the client does not know (raw data);
- otherwise the first event, in the spec's order, whose model reads the body (a document
  with one payload schema: that one), and raw data if none does.
"""

from __future__ import annotations

from typing import Any, Protocol

from ..core.errors import Diagnostic, Severity, SourceRef
from ..core.names import Identifier, PyCode, pascal_case
from ..spec.load import Document, escape_pointer_token, follow_refs, ref_pointer
from ..spec.media import body_kind, is_media_type
from ..spec.operation_names import Named
from ..spec.validate import iter_operations
from ..spec.webhook_signature import EXTENSION
from .schemas import component_name, is_model_shape
from .types import WebhookEvent, Webhooks, WebhookSignature


class _Builder(Protocol):
    """What building the webhooks takes of the IR's builder (builder.py), which calls it."""

    data: dict[str, Any]
    doc: Document
    at: SourceRef
    names: dict[tuple[str, str], Named]
    class_names: dict[str, Identifier]
    warnings: list[Diagnostic]

    def _resolve(self, schema: Any) -> Any: ...

    def _model_or_annotation(self, schema: Any, hoist_name: str) -> PyCode: ...


# What a client with webhooks exports besides RUNTIME_EXPORTS.
WEBHOOK_EXPORTS = ("WebhookPayloadError", "WebhookVerificationError")
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def build_webhooks(builder: _Builder) -> Webhooks | None:
    """The events and signature, when the spec has webhooks, callbacks or the extension."""
    data = builder.data
    hooks = _hooks(builder)
    if not hooks and EXTENSION not in data:
        return None
    events: list[tuple[WebhookEvent, dict[str, Any]]] = []
    for label, name, schema, pointer in hooks:
        builder.at = builder.doc.where(pointer)
        events += _events(builder, label, name, schema)
    unique: dict[str, tuple[WebhookEvent, dict[str, Any]]] = {}
    for event, tags in events:
        unique.setdefault(event.model, (event, tags))  # one payload schema, one event
    tag = _tag([tags for _, tags in unique.values()])
    if not tag and len(unique) > 1:
        builder.warnings.append(_by_trial([e for e, _ in unique.values()]))
    # Without a tag, the key only names the event; the spec's order decides.
    chosen = [
        WebhookEvent(e.label, str(tags[tag]) if tag else e.model, e.model, e.where)
        for e, tags in unique.values()
    ]
    return Webhooks(_signature(data.get(EXTENSION)), tag, tuple(chosen))


def _by_trial(events: list[WebhookEvent]) -> Diagnostic:
    """Events that only their models tell apart: a body that an earlier event's model reads
    (one with no required property reads any object) is taken for that event."""
    names = ", ".join(f"{e.model} ({e.label})" for e in events[:4])
    more = f" and {len(events) - 4} more" if len(events) > 4 else ""
    return Diagnostic(
        "webhooks-told-by-trial",
        Severity.WARNING,
        f"the payloads {names}{more} share no property fixed to a value of its own: "
        "unwrap returns the first of them, in the spec's order, whose model reads a "
        "delivery, so a delivery that also reads as an earlier one is taken for it",
        events[0].where,
        "give every payload a property that names its event (`type: {const: points.earned}` "
        "or a one-value enum), or make it a oneOf with a discriminator, in an overlay",
    )


def free_accessor(
    resource_of: dict[Identifier, Identifier],
    resources: dict[Identifier, tuple[str, Identifier]],
    at: SourceRef,
) -> Diagnostic | None:
    """``client.webhooks`` is the webhooks' helper: a resource of that name (Telnyx's webhook
    deliveries) becomes ``client.webhooks_api``, with a warning. Changes the mappings given."""
    taken = Identifier("webhooks")
    if taken not in resources:
        return None
    moved = Identifier("webhooks_api")
    resources[moved] = resources.pop(taken)
    for operation, resource in resource_of.items():
        if resource == taken:
            resource_of[operation] = moved
    return Diagnostic(
        "webhooks-name-taken",
        Severity.WARNING,
        "a resource is named webhooks, which the client's webhooks take: "
        "its operations are client.webhooks_api",
        at,
        "name the resource with x-python-resource on its operations in an overlay",
    )


def _hooks(builder: _Builder) -> list[tuple[str, str, Any, str]]:
    """Each webhook and callback operation's label, name, JSON body schema and pointer."""
    data = builder.data
    webhooks = data.get("webhooks")
    found: list[tuple[str, str, Any, str]] = []
    for name, item in (webhooks if isinstance(webhooks, dict) else {}).items():
        pointer = f"/webhooks/{escape_pointer_token(str(name))}"
        hoist = f"{pascal_case(str(name))}Webhook"
        found += _operations(builder, f"webhook {name}", hoist, item, pointer)
    for path, method, operation, pointer in iter_operations(data):
        callbacks = operation.get("callbacks")
        for name, raw in (callbacks if isinstance(callbacks, dict) else {}).items():
            at = f"{pointer}/callbacks/{escape_pointer_token(str(name))}"
            callback, at = follow_refs(data, raw, at)
            stem = pascal_case(f"{builder.names[(path, method)].name}_{name}")
            for expression, item in (callback if isinstance(callback, dict) else {}).items():
                label = f"callback {name} of {method.upper()} {path}"
                found += _operations(
                    builder,
                    label,
                    f"{stem}Callback",
                    item,
                    f"{at}/{escape_pointer_token(expression)}",
                )
    return found


def _operations(
    builder: _Builder, label: str, name: str, item: Any, pointer: str
) -> list[tuple[str, str, Any, str]]:
    item, pointer = follow_refs(builder.data, item, pointer)
    found = []
    for method in _METHODS:
        operation = item.get(method) if isinstance(item, dict) else None
        if not isinstance(operation, dict) or "requestBody" not in operation:
            continue
        body, _ = follow_refs(builder.data, operation["requestBody"], "")
        content = body.get("content") if isinstance(body, dict) else None
        schemas = [
            media.get("schema")
            for media_type, media in (content if isinstance(content, dict) else {}).items()
            if is_media_type(media_type)
            and isinstance(media, dict)
            and body_kind(media_type, media.get("schema"), builder._resolve) == "json"
        ]
        if schemas:
            found.append((label, name, schemas[0], f"{pointer}/{method}"))
    return found


def _events(
    builder: _Builder, label: str, name: str, schema: Any
) -> list[tuple[WebhookEvent, dict[str, Any]]]:
    """The payload's events (its variants, for a discriminated oneOf of schemas), each with
    the values its schema fixes; none for a payload that is not an object (raw data)."""
    resolved, _ = follow_refs(builder.data, schema, "")
    where = builder.at
    if not isinstance(resolved, dict):
        return []
    discriminator = resolved.get("discriminator")
    variants = resolved.get("oneOf") or resolved.get("anyOf")
    if isinstance(discriminator, dict) and isinstance(variants, list):
        prop = str(discriminator.get("propertyName", ""))
        mapping = discriminator.get("mapping")
        by_ref = {str(v): str(k) for k, v in (mapping if isinstance(mapping, dict) else {}).items()}
        found = []
        for variant in variants:
            ref = variant.get("$ref") if isinstance(variant, dict) else None
            pointer = ref_pointer(ref) if isinstance(ref, str) else None
            target = component_name(pointer) if pointer is not None else None
            if target is None or target not in builder.class_names:
                builder.warnings.append(
                    Diagnostic(
                        "webhooks-inline-variant",
                        Severity.WARNING,
                        f"a variant of the {label} payload is written inline, so the "
                        f"discriminator {prop!r} has no schema name to tell it by: unwrap "
                        "returns its deliveries as raw data",
                        where,
                        "move the variant to components.schemas and $ref it",
                    )
                )
                continue
            model = builder.class_names[target]
            value = by_ref.get(str(ref), target)
            event = WebhookEvent(label, str(model), model, where)
            found.append((event, {**_fixed(builder, variant), prop: value}))
        return found
    if not is_model_shape(resolved):
        return []
    annotation = builder._model_or_annotation(schema, name)
    model = Identifier(annotation.removeprefix("models."))
    return [(WebhookEvent(label, model, model, where), _fixed(builder, schema))]


def _fixed(builder: _Builder, schema: Any) -> dict[str, Any]:
    """The properties a schema fixes to one value: `const`, or an enum of one."""
    resolved, _ = follow_refs(builder.data, schema, "")
    properties = resolved.get("properties") if isinstance(resolved, dict) else None
    fixed = {}
    for prop, raw in (properties if isinstance(properties, dict) else {}).items():
        value, _ = follow_refs(builder.data, raw, "")
        if not isinstance(value, dict):
            continue
        if isinstance(value.get("const"), str):
            fixed[str(prop)] = value["const"]
        elif value.get("enum") and value["enum"] == [str(value["enum"][0])]:
            fixed[str(prop)] = value["enum"][0]
    return fixed


def _tag(fixed: list[dict[str, Any]]) -> str:
    """The first property (by name) that every event fixes, to a value of its own."""
    if not fixed:
        return ""
    for prop in sorted(set.intersection(*(set(f) for f in fixed))):
        values = [f[prop] for f in fixed]
        if len(set(values)) == len(values):
            return prop
    return ""


def _signature(raw: Any) -> WebhookSignature | None:
    """The extension as validated (validate.py checked its shape), defaults filled in."""
    if not isinstance(raw, dict):
        return None
    tolerance = int(raw.get("tolerance", 300))
    if raw.get("scheme") == "standard-webhooks":
        return WebhookSignature("standard-webhooks", tolerance)
    return WebhookSignature(
        "hmac",
        tolerance,
        header=str(raw["header"]),
        algorithm=str(raw.get("algorithm", "sha256")),
        encoding=str(raw.get("encoding", "hex")),
        prefix=str(raw.get("prefix", "")),
        signed=str(raw.get("signed", "{body}")),
        timestamp_header=str(raw.get("timestampHeader", "")),
    )

from collections.abc import Iterator
from typing import Any

from ...spec.load import follow_refs
from ..findings import Change, Direction, Level, Rule
from ..lifecycle import sunset_text
from ..structure import EndpointDiff, OperationDiff
from .registry import change, check

RULES = (
    Rule("endpoint-added", Level.INFO, Direction.NONE, "the endpoint was added"),
    Rule("endpoint-removed", Level.BREAKING, Direction.NONE, "the endpoint was removed"),
    # oasdiff says info; a warning here: the client's method is deprecated with it, and
    # callers have until the sunset to move.
    Rule(
        "endpoint-deprecated",
        Level.WARNING,
        Direction.NONE,
        "the endpoint is now deprecated ({sunset}); callers have until then to move",
    ),
    Rule("webhook-added", Level.INFO, Direction.RESPONSE, "the webhook was added"),
    Rule(
        "webhook-removed",
        Level.BREAKING,
        Direction.RESPONSE,
        "the webhook was removed: its events no longer arrive",
    ),
    Rule("callback-added", Level.INFO, Direction.RESPONSE, "the callback was added"),
    Rule(
        "callback-removed",
        Level.BREAKING,
        Direction.RESPONSE,
        "the callback was removed: its requests no longer arrive",
    ),
    # A webhook's or callback's body is what the vendor sends us: one that became required
    # always arrives now (oasdiff, reading it as a request we send: error); one that became
    # optional may now arrive without a body.
    *(
        rule
        for kind in ("webhook", "callback")
        for rule in (
            Rule(
                f"{kind}-payload-became-required",
                Level.INFO,
                Direction.RESPONSE,
                f"the {kind}'s request body became required: it now always arrives",
            ),
            Rule(
                f"{kind}-payload-became-optional",
                Level.BREAKING,
                Direction.RESPONSE,
                f"the {kind}'s request body became optional: it may now arrive without one",
            ),
        )
    ),
    Rule(
        "operation-id-changed",
        Level.WARNING,
        Direction.NONE,
        "the operationId changed from {old} to {new}, which renames the client method unless an overlay names it",
    ),
)


@check(EndpointDiff)
def endpoint_added_or_removed(diff: EndpointDiff) -> Iterator[Change]:
    """An endpoint, webhook or callback on one side only."""
    if diff.new is None:
        yield change(f"{diff.kind}-removed", diff.endpoint, diff.kind, old=diff.old)
    elif diff.old is None:
        yield change(f"{diff.kind}-added", diff.endpoint, diff.kind, new=diff.new)


@check(EndpointDiff)
def payload_required(diff: EndpointDiff) -> Iterator[Change]:
    if diff.kind == "endpoint" or diff.old is None or diff.new is None:
        return
    was, now = (_body_required(side.doc.data, side.value) for side in (diff.old, diff.new))
    if was is not None and now is not None and was != now:
        rule = f"{diff.kind}-payload-became-{'required' if now else 'optional'}"
        yield change(rule, diff.endpoint, "payload", (), diff.old, diff.new)


def _body_required(data: dict[str, Any], operation: dict[str, Any]) -> bool | None:
    """Whether a hook's request body is required; None where it has none."""
    raw = operation.get("requestBody")
    if raw is None:
        return None
    body, _ = follow_refs(data, raw, "")
    return bool(body.get("required")) if isinstance(body, dict) else None


@check(OperationDiff)
def operation_id_changed(diff: OperationDiff) -> Iterator[Change]:
    old, new = diff.old.value.get("operationId"), diff.new.value.get("operationId")
    if old != new:
        args = (("old", str(old)), ("new", str(new)))
        yield change("operation-id-changed", diff.endpoint, "operationId", args, diff.old, diff.new)


@check(OperationDiff)
def endpoint_deprecated(diff: OperationDiff) -> Iterator[Change]:
    if not diff.old.value.get("deprecated") and diff.new.value.get("deprecated"):
        args = (("sunset", sunset_text(diff.new.value)),)
        yield change("endpoint-deprecated", diff.endpoint, "endpoint", args, diff.old, diff.new)

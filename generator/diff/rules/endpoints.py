from collections.abc import Iterator

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

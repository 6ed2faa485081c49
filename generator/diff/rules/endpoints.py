from ..findings import Direction, Level, Rule

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

"""Changes inside a schema, judged by direction: tightening a request breaks callers,
widening a response breaks clients."""

from ..findings import Direction, Level, Rule

B, W, N = Level.BREAKING, Level.WARNING, Level.INFO  # N: iNfo (I reads as 1)

# kind: (level in a request, level in a response, message)
_KINDS = {
    "type-narrowed": (B, N, "the type narrowed from {old} to {new}"),
    "type-widened": (N, B, "the type widened from {old} to {new}"),
    "type-changed": (B, B, "the type changed from {old} to {new}"),
    "format-changed": (W, W, "the format changed from {old} to {new}"),
    "enum-value-removed": (B, N, "the enum value {value} was removed"),
    "enum-value-added": (N, W, "the enum value {value} was added"),
    "constraint-tightened": (B, N, "{constraint} tightened from {old} to {new}"),
    "constraint-loosened": (N, W, "{constraint} loosened from {old} to {new}"),
    # Neither tighter nor looser (multipleOf 5 to 3): some values leave, others arrive.
    "constraint-changed": (B, W, "{constraint} changed from {old} to {new}"),
    # oasdiff says info; a warning in a request: the client never sends a default the
    # caller did not set, so callers who leave it out now get the new one.
    "default-changed": (
        W,
        N,
        "the default changed from {old} to {new}; a call that leaves it out gets the new one",
    ),
    "became-nullable": (N, B, "it became nullable"),
    "became-not-nullable": (B, N, "it is no longer nullable"),
    "one-of-branch-added": (N, B, "the alternative {branch} was added"),
    "one-of-branch-removed": (B, N, "the alternative {branch} was removed"),
    "discriminator-property-changed": (
        B,
        B,
        "the discriminator property changed from {old} to {new}",
    ),
    "discriminator-mapping-changed": (B, B, "the discriminator values changed from {old} to {new}"),
    "additional-properties-disallowed": (B, N, "other properties are no longer allowed"),
    # Whether a new `if` narrows or widens cannot be told in general: a reviewer decides.
    "conditional-changed": (W, W, "the if/then/else condition changed from {old} to {new}"),
}
# Parameters are scalars: only these kinds apply to them.
_PARAMETER_KINDS = (
    "became-nullable",
    "became-not-nullable",
    "type-narrowed",
    "type-widened",
    "type-changed",
    "format-changed",
    "enum-value-removed",
    "enum-value-added",
    "constraint-tightened",
    "constraint-loosened",
    "constraint-changed",
    "default-changed",
)

RULES = (
    *(
        Rule(
            f"request-parameter-{kind}",
            _KINDS[kind][0],
            Direction.REQUEST,
            _KINDS[kind][2],
        )
        for kind in _PARAMETER_KINDS
    ),
    *(Rule(f"request-property-{k}", v[0], Direction.REQUEST, v[2]) for k, v in _KINDS.items()),
    *(Rule(f"response-property-{k}", v[1], Direction.RESPONSE, v[2]) for k, v in _KINDS.items()),
)

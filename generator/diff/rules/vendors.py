from ..findings import Direction, Level, Rule

RULES = (
    Rule("vendor-added", Level.INFO, Direction.NONE, "the vendor was added"),
    Rule(
        "vendor-removed", Level.BREAKING, Direction.NONE, "the vendor and its client were removed"
    ),
)

from ..findings import Direction, Level, Rule

RULES = (
    Rule("server-added", Level.INFO, Direction.NONE, "the server {url} was added"),
    Rule("server-removed", Level.WARNING, Direction.NONE, "the server {url} was removed"),
    Rule(
        "default-server-changed",
        Level.WARNING,
        Direction.NONE,
        "the default server changed from {old} to {new}, and with it the client's default base_url",
    ),
)

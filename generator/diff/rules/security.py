from ..findings import Direction, Level, Rule

RULES = (
    Rule(
        "security-scheme-added",
        Level.INFO,
        Direction.NONE,
        "the security scheme {scheme} was added",
    ),
    Rule(
        "security-scheme-removed",
        Level.BREAKING,
        Direction.NONE,
        "the security scheme {scheme} was removed",
    ),
    Rule(
        "security-scheme-changed",
        Level.BREAKING,
        Direction.NONE,
        "the security scheme {scheme} changed from {old} to {new}",
    ),
    Rule(
        "security-now-required",
        Level.BREAKING,
        Direction.REQUEST,
        "the operation now requires credentials",
    ),
    Rule(
        "security-requirement-removed",
        Level.BREAKING,
        Direction.REQUEST,
        "credentials {requirement} are no longer accepted",
    ),
    Rule(
        "security-requirement-added",
        Level.INFO,
        Direction.REQUEST,
        "credentials {requirement} are now accepted too",
    ),
    Rule(
        "security-scope-added",
        Level.BREAKING,
        Direction.REQUEST,
        "the {scheme} credentials now need the scope {scope}: a token without it is refused",
    ),
    Rule(
        "security-scope-removed",
        Level.INFO,
        Direction.REQUEST,
        "the {scheme} credentials no longer need the scope {scope}",
    ),
)

from ..findings import Direction, Level, Rule

RULES = (
    Rule(
        "request-parameter-added-required",
        Level.BREAKING,
        Direction.REQUEST,
        "the required parameter {name} was added",
    ),
    Rule(
        "request-parameter-added-optional",
        Level.INFO,
        Direction.REQUEST,
        "the optional parameter {name} was added",
    ),
    Rule(
        "request-parameter-removed",
        Level.BREAKING,
        Direction.REQUEST,
        "the parameter {name} was removed",
    ),
    Rule(
        "request-parameter-location-changed",
        Level.BREAKING,
        Direction.REQUEST,
        "the parameter {name} moved from {old} to {new}",
    ),
    Rule(
        "request-parameter-became-required",
        Level.BREAKING,
        Direction.REQUEST,
        "the parameter {name} became required",
    ),
    Rule(
        "request-parameter-became-optional",
        Level.INFO,
        Direction.REQUEST,
        "the parameter {name} became optional",
    ),
    Rule(
        "request-path-parameter-renamed",
        Level.WARNING,
        Direction.REQUEST,
        "the path parameter {old} was renamed {new}: same URL, but the client argument is renamed",
    ),
)

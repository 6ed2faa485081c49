from ..findings import Direction, Level, Rule

RULES = (
    Rule(
        "request-body-added-required",
        Level.BREAKING,
        Direction.REQUEST,
        "a required request body was added",
    ),
    Rule(
        "request-body-added-optional",
        Level.INFO,
        Direction.REQUEST,
        "an optional request body was added",
    ),
    Rule("request-body-removed", Level.BREAKING, Direction.REQUEST, "the request body was removed"),
    Rule(
        "request-body-became-required",
        Level.BREAKING,
        Direction.REQUEST,
        "the request body became required",
    ),
    Rule(
        "request-body-became-optional",
        Level.INFO,
        Direction.REQUEST,
        "the request body became optional",
    ),
    Rule(
        "request-media-type-added",
        Level.INFO,
        Direction.REQUEST,
        "the request media type {media_type} was added",
    ),
    Rule(
        "request-media-type-removed",
        Level.BREAKING,
        Direction.REQUEST,
        "the request media type {media_type} was removed",
    ),
    Rule(
        "request-property-added-required",
        Level.BREAKING,
        Direction.REQUEST,
        "the required request property {name} was added",
    ),
    Rule(
        "request-property-added-optional",
        Level.INFO,
        Direction.REQUEST,
        "the optional request property {name} was added",
    ),
    Rule(
        "request-property-removed",
        Level.BREAKING,
        Direction.REQUEST,
        "the request property {name} was removed from a schema that allows no other properties",
    ),
    Rule(
        "request-property-removed-silently",
        Level.WARNING,
        Direction.REQUEST,
        "the request property {name} was removed; the server may now ignore it",
    ),
    Rule(
        "request-property-became-required",
        Level.BREAKING,
        Direction.REQUEST,
        "the request property {name} became required",
    ),
    Rule(
        "request-property-became-optional",
        Level.INFO,
        Direction.REQUEST,
        "the request property {name} became optional",
    ),
)

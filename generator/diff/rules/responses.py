from ..findings import Direction, Level, Rule

RULES = (
    Rule(
        "response-status-added",
        Level.INFO,
        Direction.RESPONSE,
        "the response status {status} was added",
    ),
    Rule(
        "response-success-status-removed",
        Level.BREAKING,
        Direction.RESPONSE,
        "the success status {status} was removed",
    ),
    Rule(
        "response-status-removed",
        Level.INFO,
        Direction.RESPONSE,
        "the error status {status} is no longer documented",
    ),
    Rule(
        "response-media-type-added",
        Level.INFO,
        Direction.RESPONSE,
        "the response media type {media_type} was added",
    ),
    Rule(
        "response-media-type-removed",
        Level.BREAKING,
        Direction.RESPONSE,
        "the response media type {media_type} was removed",
    ),
    Rule(
        "response-property-added",
        Level.INFO,
        Direction.RESPONSE,
        "the response property {name} was added",
    ),
    Rule(
        "response-required-property-removed",
        Level.BREAKING,
        Direction.RESPONSE,
        "the required response property {name} was removed",
    ),
    Rule(
        "response-optional-property-removed",
        Level.WARNING,
        Direction.RESPONSE,
        "the optional response property {name} was removed",
    ),
    Rule(
        "response-property-became-optional",
        Level.BREAKING,
        Direction.RESPONSE,
        "the response property {name} is no longer always present",
    ),
    Rule(
        "response-property-became-required",
        Level.INFO,
        Direction.RESPONSE,
        "the response property {name} is now always present",
    ),
)

"""Deprecation, sunset and stability (x-stability-level); diff/lifecycle.py decides which applies.

A removal is judged by what the base revision promised about the thing removed: removing
what was deprecated with a sunset date that has passed is expected; removing it earlier, or
removing what was never deprecated, is the removal rule itself.
"""

from __future__ import annotations

from ..findings import Direction, Level, Rule
from ..lifecycle import REMOVALS
from . import endpoints, parameters, request_body, responses

_REMOVED = {
    rule.id: rule
    for family in (endpoints, parameters, request_body, responses)
    for rule in family.RULES
}


def _after_sunset(rule: Rule) -> Rule:
    return Rule(
        f"{rule.id}-after-sunset",
        Level.INFO,
        rule.direction,
        f"{rule.summary}; it was deprecated and its sunset date ({{sunset}}) has passed",
    )


def _before_sunset(rule: Rule) -> Rule:
    return Rule(
        f"{rule.id}-before-sunset",
        rule.level,
        rule.direction,
        f"{rule.summary}; it was deprecated, but its sunset date ({{sunset}}) had not passed",
    )


RULES = (
    *(_after_sunset(_REMOVED[r]) for r in REMOVALS),
    *(_before_sunset(_REMOVED[r]) for r in REMOVALS),
    Rule(
        "request-parameter-deprecated",
        Level.WARNING,
        Direction.REQUEST,
        "the parameter {name} is now deprecated ({sunset})",
    ),
    Rule(
        "request-property-deprecated",
        Level.WARNING,
        Direction.REQUEST,
        "the request property {name} is now deprecated ({sunset})",
    ),
    Rule(
        "response-property-deprecated",
        Level.WARNING,
        Direction.RESPONSE,
        "the response property {name} is now deprecated ({sunset})",
    ),
    Rule(
        "sunset-too-soon",
        Level.BREAKING,
        Direction.NONE,
        "the {subject} was deprecated with a sunset date ({sunset}) {days} days away; a "
        "{stability} operation gives callers at least {minimum} days",
    ),
    Rule(
        "sunset-moved-earlier",
        Level.BREAKING,
        Direction.NONE,
        "the deprecated {subject}'s sunset moved from {old} to {new}, earlier than callers planned",
    ),
    # oasdiff says error; a warning here: the endpoint lives on, but callers lose the date
    # they were given.
    Rule(
        "sunset-deleted",
        Level.WARNING,
        Direction.NONE,
        "the deprecated {subject}'s sunset date ({old}) was removed",
    ),
    Rule(
        "stability-level-decreased",
        Level.BREAKING,
        Direction.NONE,
        "the stability level went down from {old} to {new}",
    ),
    Rule(
        "stability-level-invalid",
        Level.WARNING,
        Direction.NONE,
        "x-stability-level {value} is not one of draft, alpha, beta, stable; read as stable",
    ),
)

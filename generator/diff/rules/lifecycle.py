"""Deprecation, sunset and stability (x-stability-level); diff/lifecycle.py decides which applies.

A removal is judged by what the base revision promised about the thing removed: removing
what was deprecated with a sunset date that has passed is expected; removing it earlier, or
removing what was never deprecated, is the removal rule itself.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Change, Direction, Level, Rule
from ..lifecycle import (
    REMOVALS,
    SIDES,
    STABILITY,
    stability,
    sunset_of,
    sunset_text,
    unreadable_sunset,
    unreadable_sunsets,
)
from ..structure import Endpoint, ParameterDiff, PropertyDiff, Side
from . import endpoints, parameters, request_body, responses
from .registry import change, check

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
        "x-stability-level {value} in the {side} is not one of draft, alpha, beta, stable; "
        "read as stable",
    ),
    # oasdiff: *-sunset-parse, error. A warning here, as a missing sunset is: the vendor's spec
    # says it, and no client breaks by it.
    Rule(
        "sunset-invalid",
        Level.WARNING,
        Direction.NONE,
        "the deprecated {subject}'s x-sunset {value} in the {side} is not a date; read as no "
        "sunset date",
    ),
)


# Operations' deprecation is endpoints.endpoint_deprecated; their sunsets and stability levels
# are judged with the policy, in diff/lifecycle.py.


@check(ParameterDiff)
def parameter_deprecated(diff: ParameterDiff) -> Iterator[Change]:
    if diff.paired is None:
        return
    old, new = diff.paired
    if old.value.get("deprecated") is not True and new.value.get("deprecated") is True:
        args = (("name", str(new.value.get("name"))), ("sunset", sunset_text(new.value)))
        yield change("request-parameter-deprecated", diff.endpoint, diff.location, args, old, new)


@check(ParameterDiff)
def parameter_sunset_moved(diff: ParameterDiff) -> Iterator[Change]:
    if diff.paired is not None:
        old, new = diff.paired
        subject = f"parameter {new.value.get('name')}"
        yield from _sunset_moved(subject, diff.endpoint, diff.location, old, new)


@check(PropertyDiff)
def property_sunset_moved(diff: PropertyDiff) -> Iterator[Change]:
    if diff.old is not None and diff.new is not None:
        subject = f"property {diff.name}"
        yield from _sunset_moved(subject, diff.endpoint, diff.location, diff.old, diff.new)


def _sunset_moved(
    subject: str, at: Endpoint, location: str, old: Side, new: Side
) -> Iterator[Change]:
    """The sunset of something deprecated on both sides: not a date on either side, or
    removed or moved earlier."""
    for side, value in unreadable_sunsets(old.value, new.value):
        args = (("subject", subject), ("value", value), ("side", side))
        on_base = side == SIDES[0]
        yield change(
            "sunset-invalid",
            at,
            location,
            args,
            old if on_base else None,
            new=new if not on_base else None,
        )
    if not (isinstance(old.value, dict) and isinstance(new.value, dict)):
        return
    if old.value.get("deprecated") is not True or new.value.get("deprecated") is not True:
        return
    before, after = sunset_of(old.value), sunset_of(new.value)
    # An unreadable new sunset is sunset-invalid, above.
    if (
        before is not None
        and unreadable_sunset(new.value) is None
        and (after is None or after < before)
    ):
        args = (
            ("subject", subject),
            ("old", before.isoformat()),
            ("new", after.isoformat() if after else "none"),
        )
        rule = "sunset-deleted" if after is None else "sunset-moved-earlier"
        yield change(rule, at, location, args, old, new)


@check(PropertyDiff)
def property_stability_invalid(diff: PropertyDiff) -> Iterator[Change]:
    """A property's x-stability-level outside the four, on either side (the same value on
    both is named once, on the revision's)."""
    old, new = (
        side.value.get("x-stability-level") if side and isinstance(side.value, dict) else None
        for side in (diff.old, diff.new)
    )
    if old is not None and old not in STABILITY and old != new:
        args = (("value", str(old)), ("side", SIDES[0]))
        yield change("stability-level-invalid", diff.endpoint, diff.location, args, diff.old)
    if new is not None and new not in STABILITY:
        args = (("value", str(new)), ("side", SIDES[1]))
        yield change("stability-level-invalid", diff.endpoint, diff.location, args, new=diff.new)


@check(PropertyDiff)
def property_stability_decreased(diff: PropertyDiff) -> Iterator[Change]:
    if diff.old is None or diff.new is None:
        return
    if isinstance(diff.old.value, dict) and isinstance(diff.new.value, dict):
        was, now = stability(diff.old.value), stability(diff.new.value)
        if STABILITY.index(now) < STABILITY.index(was):
            args = (("old", was), ("new", now))
            yield change(
                "stability-level-decreased", diff.endpoint, diff.location, args, diff.old, diff.new
            )


@check(PropertyDiff)
def property_deprecated(diff: PropertyDiff) -> Iterator[Change]:
    if diff.old is None or diff.new is None:
        return
    old, new = diff.old.value, diff.new.value
    if (
        isinstance(new, dict)
        and new.get("deprecated") is True
        and not (isinstance(old, dict) and old.get("deprecated") is True)
    ):
        args = (("name", diff.name), ("sunset", sunset_text(new)))
        rule = f"{diff.direction.value}-property-deprecated"
        yield change(rule, diff.endpoint, diff.location, args, diff.old, diff.new)

from collections.abc import Iterator

from ..findings import Change, Direction, Level, Rule
from ..structure import ParameterDiff
from .registry import change, check

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


@check(ParameterDiff)
def parameter_added(diff: ParameterDiff) -> Iterator[Change]:
    if diff.old is None and diff.new is not None:
        required = "required" if diff.new.value.get("required") else "optional"
        rule = f"request-parameter-added-{required}"
        args = (("name", str(diff.new.value.get("name"))),)
        yield change(rule, diff.endpoint, diff.location, args, new=diff.new)


@check(ParameterDiff)
def parameter_removed(diff: ParameterDiff) -> Iterator[Change]:
    if diff.old is not None and diff.new is None:
        args = (("name", str(diff.old.value.get("name"))),)
        yield change("request-parameter-removed", diff.endpoint, diff.location, args, diff.old)


@check(ParameterDiff)
def parameter_moved(diff: ParameterDiff) -> Iterator[Change]:
    if diff.old is None or diff.new is None or diff.old_in == diff.new_in:
        return
    name = str(diff.old.value.get("name"))
    args = (("name", name), ("old", diff.old_in), ("new", diff.new_in))
    rule = "request-parameter-location-changed"
    yield change(rule, diff.endpoint, diff.location, args, diff.old, diff.new)


@check(ParameterDiff)
def path_parameter_renamed(diff: ParameterDiff) -> Iterator[Change]:
    if diff.paired is None:
        return
    old, new = diff.paired
    old_name, new_name = str(old.value.get("name")), str(new.value.get("name"))
    if old_name != new_name:
        args = (("old", old_name), ("new", new_name))
        yield change("request-path-parameter-renamed", diff.endpoint, diff.location, args, old, new)


@check(ParameterDiff)
def parameter_required(diff: ParameterDiff) -> Iterator[Change]:
    if diff.paired is None:
        return
    old, new = diff.paired
    was, now = bool(old.value.get("required")), bool(new.value.get("required"))
    if was != now:
        rule = f"request-parameter-became-{'required' if now else 'optional'}"
        args = (("name", str(new.value.get("name"))),)
        yield change(rule, diff.endpoint, diff.location, args, old, new)

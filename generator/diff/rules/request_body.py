from collections.abc import Iterator

from ..findings import Change, Direction, Level, Rule
from ..structure import ContentDiff, PropertyDiff, RequestBodyDiff
from .registry import change, check, media_type_changes, replaced

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
    # A server may refuse the type old clients send.
    Rule(
        "request-media-type-changed",
        Level.BREAKING,
        Direction.REQUEST,
        "the request media type {old} is now {new}",
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


@check(RequestBodyDiff)
def body_added_or_removed(diff: RequestBodyDiff) -> Iterator[Change]:
    if diff.old is None and diff.new is not None:
        required = "required" if diff.new.value.get("required") else "optional"
        yield change(f"request-body-added-{required}", diff.endpoint, "request body", new=diff.new)
    elif diff.new is None and diff.old is not None:
        yield change("request-body-removed", diff.endpoint, "request body", old=diff.old)


@check(RequestBodyDiff)
def body_required(diff: RequestBodyDiff) -> Iterator[Change]:
    if diff.old is None or diff.new is None:
        return
    was, now = bool(diff.old.value.get("required")), bool(diff.new.value.get("required"))
    if was != now:
        rule = f"request-body-became-{'required' if now else 'optional'}"
        yield change(rule, diff.endpoint, "request body", (), diff.old, diff.new)


@check(ContentDiff)
def request_media_types(diff: ContentDiff) -> Iterator[Change]:
    if diff.direction is not Direction.REQUEST:
        return
    yield from media_type_changes(diff)


@check(PropertyDiff)
def request_property_removed(diff: PropertyDiff) -> Iterator[Change]:
    if diff.direction is not Direction.REQUEST or diff.old is None or diff.new is not None:
        return
    # A server that refuses unknown properties refuses callers still sending it; others
    # may ignore it without a word.
    closed = diff.old_holder.value.get("additionalProperties") is False
    rule = "request-property-removed" if closed else "request-property-removed-silently"
    args = (("name", diff.name),)
    yield change(
        rule, diff.endpoint, diff.location, args, diff.old, diff.new_holder, replaced(diff)
    )


@check(PropertyDiff)
def request_property_added(diff: PropertyDiff) -> Iterator[Change]:
    if diff.direction is not Direction.REQUEST or diff.old is not None or diff.new is None:
        return
    rule = f"request-property-added-{'required' if diff.new_required else 'optional'}"
    args = (("name", diff.name),)
    yield change(
        rule, diff.endpoint, diff.location, args, diff.old_holder, diff.new, replaced(diff)
    )


@check(PropertyDiff)
def request_property_required(diff: PropertyDiff) -> Iterator[Change]:
    if diff.direction is not Direction.REQUEST or diff.old is None or diff.new is None:
        return
    if diff.old_required != diff.new_required:
        rule = f"request-property-became-{'required' if diff.new_required else 'optional'}"
        args = (("name", diff.name),)
        yield change(rule, diff.endpoint, diff.location, args, diff.old, diff.new, replaced(diff))

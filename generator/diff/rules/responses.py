from collections.abc import Iterator

from ..findings import Change, Direction, Level, Rule
from ..structure import ContentDiff, PropertyDiff, ResponseDiff
from .registry import change, check, media_type_changes, replaced

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
    # A client reading JSON by its Content-Type reads either; one matching names exactly may not.
    Rule(
        "response-media-type-changed",
        Level.WARNING,
        Direction.RESPONSE,
        "the response media type {old} is now {new}",
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


@check(ResponseDiff)
def status_added_or_removed(diff: ResponseDiff) -> Iterator[Change]:
    location, args = f"response {diff.status}", (("status", diff.status),)
    if diff.new is None and diff.old is not None:
        # An error status no longer documented still arrives as an error; a success
        # status removed leaves the client without its model.
        success = diff.status.startswith("2")
        rule = "response-success-status-removed" if success else "response-status-removed"
        yield change(rule, diff.endpoint, location, args, diff.old)
    elif diff.old is None and diff.new is not None:
        yield change("response-status-added", diff.endpoint, location, args, new=diff.new)


@check(ContentDiff)
def response_media_types(diff: ContentDiff) -> Iterator[Change]:
    if diff.direction is not Direction.RESPONSE:
        return
    yield from media_type_changes(diff)


@check(PropertyDiff)
def response_property_removed(diff: PropertyDiff) -> Iterator[Change]:
    if diff.direction is not Direction.RESPONSE or diff.old is None or diff.new is not None:
        return
    rule = f"response-{'required' if diff.old_required else 'optional'}-property-removed"
    args = (("name", diff.name),)
    yield change(
        rule, diff.endpoint, diff.location, args, diff.old, diff.new_holder, replaced(diff)
    )


@check(PropertyDiff)
def response_property_added(diff: PropertyDiff) -> Iterator[Change]:
    if diff.direction is not Direction.RESPONSE or diff.old is not None or diff.new is None:
        return
    args = (("name", diff.name),)
    yield change(
        "response-property-added",
        diff.endpoint,
        diff.location,
        args,
        diff.old_holder,
        diff.new,
        replaced(diff),
    )


@check(PropertyDiff)
def response_property_required(diff: PropertyDiff) -> Iterator[Change]:
    if diff.direction is not Direction.RESPONSE or diff.old is None or diff.new is None:
        return
    if diff.old_required != diff.new_required:
        rule = f"response-property-became-{'required' if diff.new_required else 'optional'}"
        args = (("name", diff.name),)
        yield change(rule, diff.endpoint, diff.location, args, diff.old, diff.new, replaced(diff))

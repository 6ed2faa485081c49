from collections.abc import Iterator

from ..findings import Change, Direction, Level, Rule
from ..structure import Endpoint, ServersDiff
from .registry import change, check

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
_SPEC = Endpoint()


@check(ServersDiff)
def server_removed(diff: ServersDiff) -> Iterator[Change]:
    for url in diff.old.value:
        if url not in diff.new.value:
            yield change("server-removed", _SPEC, "servers", (("url", url),), diff.old)


@check(ServersDiff)
def server_added(diff: ServersDiff) -> Iterator[Change]:
    for url in diff.new.value:
        if url not in diff.old.value:
            yield change("server-added", _SPEC, "servers", (("url", url),), new=diff.new)


@check(ServersDiff)
def default_server_changed(diff: ServersDiff) -> Iterator[Change]:
    old, new = diff.old.value, diff.new.value
    # Only when the old default is still listed: one removed is server-removed already.
    if old and new and old[0] != new[0] and old[0] in new:
        yield change(
            "default-server-changed",
            _SPEC,
            "servers",
            (("old", old[0]), ("new", new[0])),
            diff.old.where("/0"),
            diff.new.where("/0"),
        )

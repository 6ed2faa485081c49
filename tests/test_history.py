"""`make bench-history` on three consecutive pairs of the shared vendor history: what the
client loses is named by a breaking finding, and every endpoint-removed is really gone."""

from __future__ import annotations

import pytest

from benchmarks.history import HISTORY, Method, replay, surface_losses
from generator.diff import Level

VENDOR = HISTORY / "voucherify-loyalties"
# Pairs 0 to 2: an endpoint is added, then two revisions that change nothing a client sees.
FIRST = 0


@pytest.mark.slow
def test_three_pairs_of_a_real_history_agree_with_the_client() -> None:
    assert VENDOR.is_dir(), f"{VENDOR}: the shared vendor history (../shared/corpus/history)"
    pairs = list(replay(VENDOR, FIRST, 3, backwards=True))
    assert len(pairs) == 6
    for pair in pairs:
        assert not pair.surface_error, f"{pair.base} -> {pair.revision}: {pair.surface_error}"
        assert pair.unexplained == [], f"{pair.base} -> {pair.revision}: {pair.unexplained}"
        assert pair.phantoms == [], f"{pair.base} -> {pair.revision}: {pair.phantoms}"
    # The check has something to check: backwards, the added endpoint is a method lost.
    lost = [loss for pair in pairs for loss in pair.losses]
    assert [(loss.kind, loss.change) for loss in lost] == [("method", "lost")]
    (rollback,) = [p for p in pairs if p.losses]
    assert [(f.rule_id, f.level) for f in rollback.findings] == [
        ("endpoint-removed", Level.BREAKING)
    ]


def test_surface_losses_name_what_the_client_loses_or_must_now_pass() -> None:
    old = {
        ("GET", "/a"): Method(
            "a.get", "GET /a", {("query", "q"): False, ("query", "r"): False}, None
        ),
        ("POST", "/b"): Method("b.post", "POST /b", {}, False),
        ("PUT", "/c"): Method("c.put", "PUT /c", {}, True),
    }
    new = {
        ("GET", "/a"): Method(
            "a.get", "GET /a", {("query", "q"): True, ("header", "h"): True}, None
        ),
        ("POST", "/b"): Method("b.post", "POST /b", {}, True),
    }
    assert [str(loss) for loss in surface_losses(old, new)] == [
        "GET /a: parameter q became required",
        "GET /a: parameter r lost",
        "GET /a: parameter h added required",
        "POST /b: body body became required",
        "PUT /c: method c.put lost",
    ]

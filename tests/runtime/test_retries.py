"""The pure retry decisions, and the idempotency key, tested once in the runtime."""

from __future__ import annotations

import email.utils
import json

import httpx
import pytest

from generator.runtime import SyncAPIClient, omit
from generator.runtime.retries import MAX_RETRY_AFTER, retry_after, retry_delay, should_retry

NOW = 1_800_000_000.0


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_retryable_statuses_only_when_safe(status: int) -> None:
    response = httpx.Response(status)
    assert should_retry(safe=True, response=response)
    assert not should_retry(safe=False, response=response)


@pytest.mark.parametrize("status", [200, 400, 401, 404, 409, 422, 501])
def test_other_statuses_are_not_retried(status: int) -> None:
    assert not should_retry(safe=True, response=httpx.Response(status))


def test_connection_never_made_is_retried_for_any_method() -> None:
    assert should_retry(safe=False, error=httpx.ConnectError("refused"))
    assert not should_retry(safe=False, error=httpx.ReadTimeout("slow"))
    assert not should_retry(safe=False, error=httpx.RemoteProtocolError("dropped"))
    assert should_retry(safe=True, error=httpx.RemoteProtocolError("dropped"))


def test_server_can_say_whether_to_retry() -> None:
    assert not should_retry(
        safe=True, response=httpx.Response(503, headers={"x-should-retry": "false"})
    )
    assert should_retry(safe=True, response=httpx.Response(409, headers={"x-should-retry": "true"}))


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "3"}, 3.0),
        ({"Retry-After": "1.5"}, 1.5),
        ({"retry-after-ms": "250"}, 0.25),
        ({"retry-after-ms": "250", "Retry-After": "9"}, 0.25),
        ({"Retry-After": email.utils.formatdate(NOW + 7, usegmt=True)}, 7.0),
        ({"Retry-After": email.utils.formatdate(NOW - 7, usegmt=True)}, 0.0),
        ({"Retry-After": "soon"}, None),
        ({"Retry-After": "-4"}, 0.0),
        ({}, None),
    ],
)
def test_retry_after(headers: dict[str, str], expected: float | None) -> None:
    assert retry_after(headers, now=lambda: NOW) == expected


def test_backoff_doubles_with_jitter_and_a_cap() -> None:
    assert [retry_delay(n, None, rand=lambda: 0.0) for n in range(6)] == [
        0.5,
        1.0,
        2.0,
        4.0,
        8.0,
        8.0,
    ]
    assert retry_delay(0, None, rand=lambda: 1.0) == 0.375


def test_server_asked_delay_wins_up_to_the_cap() -> None:
    assert retry_delay(3, {"Retry-After": "2"}) == 2.0
    assert retry_delay(0, {"Retry-After": str(MAX_RETRY_AFTER)}) == MAX_RETRY_AFTER
    assert retry_delay(0, {"Retry-After": str(MAX_RETRY_AFTER + 1)}) is None


def test_idempotency_key_makes_post_retryable_and_is_reused() -> None:
    answers = iter([httpx.Response(503), httpx.Response(200, json={})])
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return next(answers)

    delays: list[float] = []
    client = SyncAPIClient(
        base_url="https://api.example.test",
        auth={},
        user_agent="x",
        http_client=httpx.Client(transport=httpx.MockTransport(handle)),
        sleep=delays.append,
    )
    client.request(
        "POST",
        "/orders",
        operation="create_order",
        headers={"Idempotency-Key": omit},
        body={"n": 1},
        cast_to=None,
        errors={},
        security=(),
        idempotent=False,
        idempotency_header="Idempotency-Key",
    )
    keys = [r.headers["idempotency-key"] for r in seen]
    assert len(keys) == 2 and keys[0] == keys[1] and keys[0].startswith("create_order-")
    assert [json.loads(r.content) for r in seen] == [{"n": 1}, {"n": 1}]
    assert len(delays) == 1

"""Every vendor's generated client against a misbehaving local server: retries, Retry-After,
idempotency, timeouts, dropped connections, invalid JSON, hooks, raw responses, redaction."""

from __future__ import annotations

import asyncio
import base64
import importlib
import logging
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from tests.faultserver import Answer, FaultServer
from tests.test_vendor_clients import TestLoyaltyLion

SECRET = "Sup3r-Secret-Token"


@dataclass(frozen=True)
class Vendor:
    name: str
    client: str
    credentials: dict[str, Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    ok: Any
    idempotent: bool


VENDORS = [
    Vendor(
        "loyaltydog",
        "LoyaltyDogClient",
        {"bearer_auth": SECRET},
        ("p1", "c1"),
        {"body": {"firstName": "A"}},
        {},
        True,
    ),
    Vendor(
        "loyaltylion",
        "LoyaltyLionClient",
        {"program_api_key": SECRET},
        ("m1",),
        {"body": {"customer": {"blocked": True}}},
        {"customer": TestLoyaltyLion.CUSTOMER},
        False,
    ),
    Vendor(
        "imprint",
        "ImprintClient",
        {"basic_auth": ("user", SECRET)},
        ("c1",),
        {"body": {}},
        {"id": "c1"},
        False,
    ),
    Vendor(
        "capillary",
        "CapillaryClient",
        {"o_auth_token": SECRET},
        ("171891944",),
        {"source": "INSTORE", "body": {}},
        {"createdId": 1},
        True,
    ),
]
IDS = [v.name for v in VENDORS]


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    running = FaultServer()
    yield running
    running.stop()


class Harness:
    def __init__(self, vendor: Vendor, server: FaultServer) -> None:
        self.vendor = vendor
        self.server = server
        self.package = importlib.import_module(vendor.name)
        self.delays: list[float] = []

    def client(self, base_url: str | None = None, **options: Any) -> Any:
        client = getattr(self.package, self.vendor.client)(
            base_url=base_url or self.server.base_url, **self.vendor.credentials, **options
        )
        client._sleep = self.delays.append  # the injectable sleep: record, do not wait
        return client

    def call(self, client: Any, **options: Any) -> Any:
        method = client.customers.update_customer
        return method(*self.vendor.args, **self.vendor.kwargs, **options)

    @property
    def attempts(self) -> int:
        return len(self.server.seen)


@pytest.fixture(params=VENDORS, ids=IDS)
def harness(request: pytest.FixtureRequest, server: FaultServer) -> Harness:
    vendor: Vendor = request.param
    server.reset(Answer(200, vendor.ok))
    return Harness(vendor, server)


def test_503_then_200_is_retried_only_when_safe(harness: Harness) -> None:
    harness.server.reset(Answer(200, harness.vendor.ok), Answer(503))
    with harness.client() as client:
        if harness.vendor.idempotent:
            harness.call(client)
            assert harness.attempts == 2
            assert len(harness.delays) == 1 and 0.375 <= harness.delays[0] <= 0.5
        else:
            # POST and PATCH without an idempotency key reach the server once.
            with pytest.raises(harness.package.InternalServerError):
                harness.call(client)
            assert harness.attempts == 1 and harness.delays == []


@pytest.mark.parametrize("vendor", [v for v in VENDORS if not v.idempotent], ids=lambda v: v.name)
def test_caller_can_consent_to_retrying_a_non_idempotent_call(
    vendor: Vendor, server: FaultServer
) -> None:
    harness = Harness(vendor, server)
    harness.server.reset(Answer(200, harness.vendor.ok), Answer(503))
    with harness.client() as client:
        harness.call(client, retry_non_idempotent=True)
    assert harness.attempts == 2


def test_429_retry_after_seconds_and_ms(harness: Harness) -> None:
    harness.server.reset(
        Answer(200, harness.vendor.ok),
        Answer(429, headers={"Retry-After": "2"}),
        Answer(429, headers={"retry-after-ms": "150", "Retry-After": "9"}),
    )
    with harness.client(retry_non_idempotent=True) as client:
        harness.call(client)
    assert harness.delays == [2.0, 0.15]
    assert harness.attempts == 3


def test_retry_after_beyond_the_cap_raises_with_retry_after(harness: Harness) -> None:
    harness.server.reset(
        Answer(200, harness.vendor.ok), Answer(429, {"error": "slow down"}, {"Retry-After": "120"})
    )
    with (
        harness.client(retry_non_idempotent=True) as client,
        pytest.raises(harness.package.RateLimitError) as caught,
    ):
        harness.call(client)
    assert caught.value.retry_after == 120.0
    assert harness.attempts == 1 and harness.delays == []


def test_retries_per_client_and_per_call(harness: Harness) -> None:
    failures = [Answer(503)] * 3
    harness.server.reset(Answer(200, harness.vendor.ok), *failures)
    with harness.client(max_retries=1, retry_non_idempotent=True) as client:
        with pytest.raises(harness.package.InternalServerError):
            harness.call(client)
        assert harness.attempts == 2
        harness.server.reset(Answer(200, harness.vendor.ok), *failures)
        harness.call(client, max_retries=3)
        assert harness.attempts == 4


def test_dropped_connection_mid_body(harness: Harness) -> None:
    harness.server.reset(
        Answer(200, harness.vendor.ok), Answer(200, {"padding": "x" * 200}, drop_mid_body=True)
    )
    with harness.client() as client:
        if harness.vendor.idempotent:
            harness.call(client)
            assert harness.attempts == 2
        else:
            with pytest.raises(harness.package.APIConnectionError):
                harness.call(client)
            assert harness.attempts == 1


def test_slow_answer_times_out(harness: Harness) -> None:
    harness.server.reset(Answer(200, harness.vendor.ok), Answer(200, harness.vendor.ok, delay=1.0))
    with harness.client(max_retries=1) as client:
        if harness.vendor.idempotent:
            harness.call(client, timeout=0.2)
            assert harness.attempts == 2
        else:
            with pytest.raises(harness.package.APITimeoutError):
                harness.call(client, timeout=0.2)
            assert harness.attempts == 1


def test_invalid_json_is_a_response_validation_error(harness: Harness) -> None:
    harness.server.reset(Answer(200, raw=b'{"not json'))
    with harness.client() as client, pytest.raises(harness.package.APIResponseValidationError):
        harness.call(client)
    assert harness.attempts == 1


def test_connection_refused_is_retried_for_any_method(harness: Harness) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
    with (
        harness.client(base_url=closed) as client,
        pytest.raises(harness.package.APIConnectionError),
    ):
        harness.call(client)
    assert len(harness.delays) == 2  # nothing was sent, so even POST is retried


def test_no_credential_in_logs_hooks_or_errors(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    harness.server.reset(Answer(401, {"error": "bad credentials"}), Answer(503))
    seen: list[Any] = []
    caplog.set_level(logging.DEBUG)
    with (
        harness.client(
            on_request=seen.append, on_response=seen.append, retry_non_idempotent=True
        ) as client,
        pytest.raises(harness.package.AuthenticationError) as caught,
    ):
        harness.call(client, extra_headers={"Authorization": f"Bearer {SECRET}"})
    assert len(seen) == 4  # two attempts, each with a request and a response hook
    assert seen[0].attempt == 1 and seen[3].attempt == 2 and seen[1].will_retry
    encoded = base64.b64encode(f"user:{SECRET}".encode()).decode()
    on_the_wire = " ".join(harness.server.seen[0].headers.values())
    assert SECRET in on_the_wire or encoded in on_the_wire  # so its absence below means something
    texts = [caplog.text, repr(seen), str(caught.value), repr(caught.value), repr(client)]
    for text in texts:
        assert SECRET not in text and encoded not in text
    assert "attempt 1, will retry" in caplog.text and "attempt 2" in caplog.text


def test_hooks_see_the_same_headers_on_every_attempt(harness: Harness) -> None:
    harness.server.reset(Answer(200, harness.vendor.ok), Answer(503, headers={"Retry-After": "0"}))
    seen: list[Any] = []
    with harness.client(on_request=seen.append, retry_non_idempotent=True) as client:
        harness.call(client)
    first, second = seen
    assert (first.attempt, second.attempt) == (1, 2)
    assert first.headers == second.headers
    credentials = [k for k, v in first.headers.items() if v == "<redacted>"]
    assert credentials, first.headers  # the credential is there, redacted, from the first


def test_raw_response_gives_headers_and_the_parsed_model(harness: Harness) -> None:
    harness.server.reset(Answer(200, harness.vendor.ok, {"X-RateLimit-Remaining": "41"}))
    with harness.client() as client:
        raw = client.customers.with_raw_response.update_customer(
            *harness.vendor.args, **harness.vendor.kwargs
        )
        parsed = harness.call(client)
    assert raw.status_code == 200 and raw.headers["x-ratelimit-remaining"] == "41"
    assert raw.parse() == parsed and raw.retries_taken == 0


@pytest.mark.anyio
async def test_async_backoff_does_not_block_the_event_loop(harness: Harness) -> None:
    harness.server.reset(
        Answer(200, harness.vendor.ok), Answer(503, headers={"Retry-After": "0.2"})
    )
    ticks = 0
    during: list[int] = []

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.005)

    async def sleep(seconds: float) -> None:
        harness.delays.append(seconds)
        before = ticks
        await asyncio.sleep(0.1)  # a short real wait, while the ticker must keep running
        during.append(ticks - before)

    async_client = getattr(harness.package, f"Async{harness.vendor.client}")
    task = asyncio.create_task(ticker())
    async with async_client(
        base_url=harness.server.base_url, **harness.vendor.credentials
    ) as client:
        client._sleep = sleep
        result = await client.customers.update_customer(
            *harness.vendor.args,
            **harness.vendor.kwargs,
            **({} if harness.vendor.idempotent else {"retry_non_idempotent": True}),
        )
    task.cancel()
    assert result is not None
    assert harness.delays == [0.2] and harness.attempts == 2
    assert during and during[0] >= 5

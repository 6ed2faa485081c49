"""Webhook deliveries verified (Standard Webhooks and a vendor's HMAC) and read as events."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
from typing import Any, Literal

import pydantic
import pytest

from generator.runtime.webhooks import (
    HmacSignature,
    StandardWebhooks,
    WebhookPayloadError,
    Webhooks,
    WebhookVerificationError,
    verify_hmac,
    verify_standard_webhooks,
)

# The Standard Webhooks specification's test vector (its libraries' tests use the same).
VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
VECTOR_TIMESTAMP = 1614265330
VECTOR_BODY = b'{"test": 2432232314}'
VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def vector_headers(**changes: str) -> dict[str, str]:
    headers = {
        "webhook-id": VECTOR_ID,
        "webhook-timestamp": str(VECTOR_TIMESTAMP),
        "webhook-signature": VECTOR_SIGNATURE,
    }
    return {**headers, **changes}


def standard_signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{message_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_the_specification_vector_verifies() -> None:
    found = verify_standard_webhooks(
        VECTOR_SECRET, VECTOR_BODY, vector_headers(), now=VECTOR_TIMESTAMP
    )
    assert found == (VECTOR_ID, VECTOR_TIMESTAMP)


def test_the_vector_verifies_with_the_secret_without_its_prefix_and_headers_in_any_case() -> None:
    headers = {k.title(): v for k, v in vector_headers().items()}
    secret = VECTOR_SECRET.removeprefix("whsec_")
    assert verify_standard_webhooks(secret, VECTOR_BODY, headers, now=VECTOR_TIMESTAMP)


def test_our_signature_of_the_vector_is_the_published_one() -> None:
    # The helper the other tests sign with agrees with the specification.
    assert (
        standard_signature(VECTOR_SECRET, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY)
        == VECTOR_SIGNATURE
    )


def test_one_matching_signature_among_several_passes() -> None:
    other = "v1,Ceci+nest+pas+une+signature+valide+du+tout00="
    headers = vector_headers(**{"webhook-signature": f"{other} {VECTOR_SIGNATURE}"})
    assert verify_standard_webhooks(VECTOR_SECRET, VECTOR_BODY, headers, now=VECTOR_TIMESTAMP)


@pytest.mark.parametrize(
    ("body", "headers", "secret"),
    [
        pytest.param(b'{"test": 2432232315}', vector_headers(), VECTOR_SECRET, id="altered body"),
        pytest.param(
            VECTOR_BODY,
            vector_headers(**{"webhook-id": "msg_forged"}),
            VECTOR_SECRET,
            id="forged id",
        ),
        pytest.param(
            VECTOR_BODY,
            vector_headers(
                **{"webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OF="}
            ),
            VECTOR_SECRET,
            id="bad signature",
        ),
        pytest.param(
            VECTOR_BODY,
            vector_headers(**{"webhook-signature": VECTOR_SIGNATURE.replace("v1,", "v2,")}),
            VECTOR_SECRET,
            id="unknown version",
        ),
        pytest.param(
            VECTOR_BODY,
            vector_headers(),
            "whsec_" + base64.b64encode(b"another secret entirely").decode(),
            id="other secret",
        ),
    ],
)
def test_a_delivery_not_signed_as_it_arrived_is_refused(
    body: bytes, headers: dict[str, str], secret: str
) -> None:
    with pytest.raises(WebhookVerificationError, match="no signature matches") as caught:
        verify_standard_webhooks(secret, body, headers, now=VECTOR_TIMESTAMP)
    # Neither the secret nor the signature expected is told.
    assert secret.removeprefix("whsec_") not in str(caught.value)
    assert "g0hM9SsE" not in str(caught.value)


@pytest.mark.parametrize("offset", [301, -301])
def test_a_timestamp_outside_the_window_is_refused(offset: int) -> None:
    with pytest.raises(WebhookVerificationError, match="outside the tolerated window"):
        verify_standard_webhooks(
            VECTOR_SECRET, VECTOR_BODY, vector_headers(), now=VECTOR_TIMESTAMP + offset
        )


def test_the_window_is_configurable() -> None:
    now = VECTOR_TIMESTAMP + 3600
    assert verify_standard_webhooks(
        VECTOR_SECRET, VECTOR_BODY, vector_headers(), tolerance=3600, now=now
    )


@pytest.mark.parametrize("missing", ["webhook-id", "webhook-timestamp", "webhook-signature"])
def test_a_missing_header_is_refused(missing: str) -> None:
    headers = {k: v for k, v in vector_headers().items() if k != missing}
    with pytest.raises(WebhookVerificationError, match="missing"):
        verify_standard_webhooks(VECTOR_SECRET, VECTOR_BODY, headers, now=VECTOR_TIMESTAMP)


def test_a_timestamp_that_is_not_a_number_is_refused() -> None:
    headers = vector_headers(**{"webhook-timestamp": "yesterday"})
    with pytest.raises(WebhookVerificationError, match="not a number"):
        verify_standard_webhooks(VECTOR_SECRET, VECTOR_BODY, headers, now=VECTOR_TIMESTAMP)


def test_a_secret_that_is_not_base64_is_named_without_being_repeated() -> None:
    with pytest.raises(WebhookVerificationError, match="webhook_secret") as caught:
        verify_standard_webhooks(
            "whsec_not base64!", VECTOR_BODY, vector_headers(), now=0 + VECTOR_TIMESTAMP
        )
    assert "not base64!" not in str(caught.value)


class Earned(pydantic.BaseModel):
    type: Literal["points.earned"]
    points: int


class Changed(pydantic.BaseModel):
    type: Literal["tier.changed"]
    tier: str


def standard_hooks(clock: Clock, **options: Any) -> Webhooks[Earned | Changed]:
    return Webhooks(
        VECTOR_SECRET,
        signature=StandardWebhooks(),
        events={"points.earned": Earned, "tier.changed": Changed},
        tag="type",
        clock=clock,
        **options,
    )


def delivery(
    payload: dict[str, Any], message_id: str, timestamp: int
) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(payload).encode()
    return body, {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": standard_signature(VECTOR_SECRET, message_id, timestamp, body),
    }


def test_unwrap_returns_the_event_its_tag_names() -> None:
    clock = Clock(1_700_000_000)
    hooks = standard_hooks(clock)
    body, headers = delivery({"type": "tier.changed", "tier": "gold"}, "msg_1", 1_700_000_000)
    assert hooks.unwrap(body, headers) == Changed(type="tier.changed", tier="gold")
    body, headers = delivery({"type": "points.earned", "points": 5}, "msg_2", 1_700_000_000)
    assert hooks.unwrap(body.decode(), headers) == Earned(type="points.earned", points=5)


def test_an_event_the_client_does_not_know_comes_back_as_raw_data() -> None:
    clock = Clock(1_700_000_000)
    payload = {"type": "member.merged", "into": "c_2"}
    body, headers = delivery(payload, "msg_1", 1_700_000_000)
    assert standard_hooks(clock).unwrap(body, headers) == payload


def test_a_known_event_that_does_not_match_its_model_is_an_error() -> None:
    clock = Clock(1_700_000_000)
    body, headers = delivery({"type": "points.earned", "points": "many"}, "msg_1", 1_700_000_000)
    with pytest.raises(WebhookPayloadError, match=r"points\.earned"):
        standard_hooks(clock).unwrap(body, headers)


def test_a_replayed_delivery_is_refused_and_a_senders_retry_is_not() -> None:
    clock = Clock(1_700_000_000)
    hooks = standard_hooks(clock)
    payload = {"type": "points.earned", "points": 5}
    body, headers = delivery(payload, "msg_1", 1_700_000_000)
    hooks.unwrap(body, headers)
    clock.now += 10
    with pytest.raises(WebhookVerificationError, match="already accepted"):
        hooks.unwrap(body, headers)
    # The sender's retry of the same message is signed anew, with a new timestamp.
    body, headers = delivery(payload, "msg_1", 1_700_000_010)
    assert hooks.unwrap(body, headers) == Earned(type="points.earned", points=5)


def test_a_replay_after_the_window_is_refused_by_its_timestamp() -> None:
    clock = Clock(1_700_000_000)
    hooks = standard_hooks(clock)
    body, headers = delivery({"type": "points.earned", "points": 5}, "msg_1", 1_700_000_000)
    hooks.unwrap(body, headers)
    clock.now += 301
    with pytest.raises(WebhookVerificationError, match="outside the tolerated window"):
        hooks.unwrap(body, headers)


def test_concurrent_replays_are_accepted_once() -> None:
    clock = Clock(1_700_000_000)
    hooks = standard_hooks(clock)
    body, headers = delivery({"type": "points.earned", "points": 5}, "msg_1", 1_700_000_000)
    outcomes: list[str] = []
    start = threading.Barrier(8)

    def receive() -> None:
        start.wait()
        try:
            hooks.unwrap(body, headers)
            outcomes.append("accepted")
        except WebhookVerificationError:
            outcomes.append("refused")

    threads = [threading.Thread(target=receive) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["accepted"] + ["refused"] * 7


def test_without_a_secret_or_a_declared_scheme_nothing_is_accepted() -> None:
    clock = Clock(VECTOR_TIMESTAMP)
    no_secret = Webhooks(None, signature=StandardWebhooks(), events={}, clock=clock)
    with pytest.raises(WebhookVerificationError, match="no webhook_secret"):
        no_secret.unwrap(VECTOR_BODY, vector_headers())
    undeclared = Webhooks(VECTOR_SECRET, signature=None, events={}, clock=clock)
    with pytest.raises(WebhookVerificationError, match="x-webhook-signature"):
        undeclared.unwrap(VECTOR_BODY, vector_headers())
    assert undeclared.unsafe_unwrap(VECTOR_BODY) == {"test": 2432232314}
    assert VECTOR_SECRET not in repr(undeclared)


def test_without_a_tag_the_first_model_that_reads_the_body_is_the_event() -> None:
    hooks: Webhooks[Earned | Changed] = Webhooks(
        "s", signature=None, events={"Earned": Earned, "Changed": Changed}
    )
    assert hooks.unsafe_unwrap('{"type": "tier.changed", "tier": "gold"}') == Changed(
        type="tier.changed", tier="gold"
    )
    assert hooks.unsafe_unwrap('{"type": "other"}') == {"type": "other"}
    with pytest.raises(WebhookPayloadError, match="not JSON"):
        hooks.unsafe_unwrap(b"\x00")


GITHUB_STYLE = HmacSignature(header="X-Hub-Signature-256", prefix="sha256=")
TIMESTAMPED = HmacSignature(
    header="X-Signature",
    algorithm="sha512",
    encoding="base64",
    signed="{timestamp}.{body}",
    timestamp_header="X-Timestamp",
    tolerance=60,
)


def test_a_github_style_signature_verifies() -> None:
    body = b'{"action": "opened"}'
    # GitHub's documented example: secret "It's a Secret to Everybody", body "Hello, World!".
    example = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
    verify_hmac(
        GITHUB_STYLE,
        "It's a Secret to Everybody",
        b"Hello, World!",
        {"x-hub-signature-256": f"sha256={example.upper()}"},
        now=0,
    )
    with pytest.raises(WebhookVerificationError, match="no signature matches"):
        verify_hmac(
            GITHUB_STYLE, "secret", body, {"X-Hub-Signature-256": f"sha256={example}"}, now=0
        )
    with pytest.raises(WebhookVerificationError, match="missing or malformed"):
        verify_hmac(GITHUB_STYLE, "secret", body, {"X-Hub-Signature-256": example}, now=0)


def timestamped(secret: str, timestamp: int, body: bytes) -> dict[str, str]:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha512).digest()
    return {"X-Signature": base64.b64encode(digest).decode(), "X-Timestamp": str(timestamp)}


def test_a_signed_timestamp_verifies_within_its_window_only() -> None:
    body = b'{"a": "{timestamp}"}'
    headers = timestamped("k3y", 1000, body)
    verify_hmac(TIMESTAMPED, "k3y", body, headers, now=1060)
    with pytest.raises(WebhookVerificationError, match="outside the tolerated window"):
        verify_hmac(TIMESTAMPED, "k3y", body, headers, now=1061)
    moved = {**headers, "X-Timestamp": "1001"}
    with pytest.raises(WebhookVerificationError, match="no signature matches"):
        verify_hmac(TIMESTAMPED, "k3y", body, moved, now=1001)
    with pytest.raises(WebhookVerificationError, match="X-Timestamp header is missing"):
        verify_hmac(TIMESTAMPED, "k3y", body, {"X-Signature": headers["X-Signature"]}, now=1000)

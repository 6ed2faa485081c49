"""Webhooks: a delivery's signature verified, and its body read as the event it is.

A client whose spec describes webhooks (or callbacks) gets ``client.webhooks``, a
``Webhooks`` that knows the spec's signature scheme and its events. ``unwrap(body,
headers)`` refuses a delivery it cannot verify with ``WebhookVerificationError``, then
returns the event's model, or the JSON as it arrived for an event the client does not know.

Signatures (the spec's ``x-webhook-signature``):
- ``StandardWebhooks``: https://www.standardwebhooks.com, written out here rather than taken
  from the ``standardwebhooks`` package, which would bring its own dependencies to every
  client for some forty lines. Tested against the specification's test vector.
- ``HmacSignature``: a vendor's own HMAC of the body (or of a template with a timestamp),
  hex or base64, maybe with a prefix such as ``sha256=``.

Signatures are compared in constant time. A timestamp outside the tolerated window (5
minutes unless the spec says otherwise) is refused, and so is a Standard Webhooks delivery
this object has already accepted (the same id and timestamp): a captured delivery cannot be
sent again. A sender's own retry carries a new timestamp and signature, so it passes; to
process each event once across processes, keep the ``webhook-id`` header's value.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import heapq
import hmac
import json
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from .errors import APIError

EventT = TypeVar("EventT")
Clock = Callable[[], float]

DEFAULT_TOLERANCE = 300  # seconds, as Standard Webhooks recommends
_SECRET_PREFIX = "whsec_"


class WebhookVerificationError(APIError):
    """A delivery that could not be verified. The message says only what a sender may be
    told (a header missing, a timestamp outside the window, no signature that matches); it
    never holds the secret or the signature expected."""


class WebhookPayloadError(APIError):
    """A verified delivery whose body is not JSON, or not the event its type names."""


@dataclass(frozen=True, slots=True)
class StandardWebhooks:
    """Standard Webhooks: ``webhook-id``, ``webhook-timestamp`` and ``webhook-signature``
    (``v1,<base64>`` signatures, space-separated), HMAC-SHA256 of ``{id}.{timestamp}.{body}``
    with the secret ``whsec_<base64>``."""

    tolerance: int = DEFAULT_TOLERANCE


@dataclass(frozen=True, slots=True)
class HmacSignature:
    """A vendor's HMAC: of ``signed`` (``{body}``, or a template such as
    ``{timestamp}.{body}``) keyed with the secret's UTF-8 bytes, in ``header`` after
    ``prefix``; the timestamp, if signed, from ``timestamp_header``."""

    header: str
    algorithm: Literal["sha1", "sha256", "sha512"] = "sha256"
    encoding: Literal["hex", "base64"] = "hex"
    prefix: str = ""
    signed: str = "{body}"
    timestamp_header: str = ""
    tolerance: int = DEFAULT_TOLERANCE


Signature = StandardWebhooks | HmacSignature


def verify_standard_webhooks(
    secret: str,
    body: bytes,
    headers: Mapping[str, str],
    *,
    tolerance: int = DEFAULT_TOLERANCE,
    now: float,
) -> tuple[str, int]:
    """Raise WebhookVerificationError unless the delivery is signed with ``secret``; return
    its id and timestamp."""
    found = _lower(headers)
    message_id = found.get("webhook-id", "")
    stamp = found.get("webhook-timestamp", "")
    signatures = found.get("webhook-signature", "")
    if not (message_id and stamp and signatures):
        raise WebhookVerificationError("the webhook-id, webhook-timestamp or signature is missing")
    timestamp = _timestamp(stamp, tolerance, now)
    try:
        key = base64.b64decode(secret.removeprefix(_SECRET_PREFIX), validate=True)
    except binascii.Error:
        # The caller's configuration, not the sender's fault; the secret is not repeated.
        raise WebhookVerificationError("webhook_secret is not a whsec_ base64 secret") from None
    signed = f"{message_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest())
    offered = [s.partition(",") for s in signatures.split()]
    if not _any_matches(expected, [value for version, _, value in offered if version == "v1"]):
        raise WebhookVerificationError("no signature matches")
    return message_id, timestamp


def verify_hmac(
    scheme: HmacSignature, secret: str, body: bytes, headers: Mapping[str, str], *, now: float
) -> None:
    """Raise WebhookVerificationError unless the delivery carries ``scheme``'s signature."""
    found = _lower(headers)
    offered = found.get(scheme.header.lower(), "")
    if not offered.startswith(scheme.prefix) or not offered[len(scheme.prefix) :]:
        raise WebhookVerificationError(f"the {scheme.header} header is missing or malformed")
    stamp = ""
    if scheme.timestamp_header:
        stamp = found.get(scheme.timestamp_header.lower(), "")
        if not stamp:
            raise WebhookVerificationError(f"the {scheme.timestamp_header} header is missing")
        stamp = str(_timestamp(stamp, scheme.tolerance, now))
    # {body} last, so that a body spelling "{timestamp}" stays as it is.
    parts = re.split(r"(\{body\}|\{timestamp\})", scheme.signed)
    signed = b"".join(
        body if p == "{body}" else stamp.encode() if p == "{timestamp}" else p.encode()
        for p in parts
    )
    digest = hmac.new(secret.encode(), signed, getattr(hashlib, scheme.algorithm)).digest()
    value = offered[len(scheme.prefix) :].strip()
    if scheme.encoding == "hex":
        expected, value = digest.hex().encode(), value.lower()
    else:
        expected = base64.b64encode(digest)
    if not _any_matches(expected, [value]):
        raise WebhookVerificationError("no signature matches")


def _any_matches(expected: bytes, offered: list[str]) -> bool:
    # Every candidate compared in full, in constant time for each.
    results = [hmac.compare_digest(expected, value.encode()) for value in offered]
    return any(results)


def _timestamp(stamp: str, tolerance: int, now: float) -> int:
    try:
        timestamp = int(stamp.strip())
    except ValueError:
        raise WebhookVerificationError("the timestamp is not a number of seconds") from None
    if abs(now - timestamp) > tolerance:
        raise WebhookVerificationError("the timestamp is outside the tolerated window")
    return timestamp


def _lower(headers: Mapping[str, str]) -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in headers.items()}


class _Accepted:
    """The Standard Webhooks deliveries accepted, kept until their timestamps leave the
    window (after which the timestamp check refuses them anyway)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: set[tuple[str, int]] = set()
        self._expiry: list[tuple[int, str]] = []

    def add(self, message_id: str, timestamp: int, tolerance: int, now: float) -> bool:
        """Record the delivery; False if it was accepted before."""
        with self._lock:
            while self._expiry and self._expiry[0][0] < now:
                expired, old_id = heapq.heappop(self._expiry)
                self._seen.discard((old_id, expired - tolerance))
            key = (message_id, timestamp)
            if key in self._seen:
                return False
            self._seen.add(key)
            heapq.heappush(self._expiry, (timestamp + tolerance, message_id))
            return True


class Webhooks(Generic[EventT]):
    """``client.webhooks``: ``unwrap`` verifies a delivery and returns its event.

    Events are told apart by ``tag``, a property every event's payload fixes to a value of
    its own (``events`` maps each value to its model); without one, ``events`` maps each
    webhook's name to its model and the first whose model reads the body is the event.
    """

    def __init__(
        self,
        secret: str | None,
        *,
        signature: Signature | None,
        events: Mapping[str, Any],
        tag: str = "",
        clock: Clock = time.time,
    ) -> None:
        self._secret = secret
        self._signature = signature
        self._events = events
        self._tag = tag
        self._clock = clock
        self._accepted = _Accepted()

    def __repr__(self) -> str:
        return f"<Webhooks events={sorted(self._events)!r}>"  # never the secret

    def verify(self, body: bytes | str, headers: Mapping[str, str]) -> None:
        """Raise WebhookVerificationError unless the delivery is signed with the client's
        ``webhook_secret``, recent, and not one already accepted."""
        raw = body.encode() if isinstance(body, str) else body
        if self._signature is None:
            raise WebhookVerificationError(
                "the spec declares no webhook signature (x-webhook-signature): verify the "
                "delivery yourself, then read it with unsafe_unwrap"
            )
        if not self._secret:
            raise WebhookVerificationError("the client was given no webhook_secret")
        now = self._clock()
        if isinstance(self._signature, StandardWebhooks):
            tolerance = self._signature.tolerance
            message_id, timestamp = verify_standard_webhooks(
                self._secret, raw, headers, tolerance=tolerance, now=now
            )
            if not self._accepted.add(message_id, timestamp, tolerance, now):
                raise WebhookVerificationError("this delivery was already accepted")
        else:
            verify_hmac(self._signature, self._secret, raw, headers, now=now)

    def unwrap(self, body: bytes | str, headers: Mapping[str, str]) -> EventT | dict[str, Any]:
        """The delivery's event, once verified: its model, or the JSON as it arrived for an
        event the client does not know."""
        self.verify(body, headers)
        return self.unsafe_unwrap(body)

    def unsafe_unwrap(self, body: bytes | str) -> EventT | dict[str, Any]:
        """The event, without verifying the delivery: for one verified by other means."""
        import pydantic  # here: importing a client does not load it

        try:
            data = json.loads(body)
        except ValueError:
            raise WebhookPayloadError("the webhook's body is not JSON") from None
        if not isinstance(data, dict):
            raise WebhookPayloadError("the webhook's body is not a JSON object")
        if self._tag:
            model = self._events.get(str(data.get(self._tag)))
            if model is None:
                return data
            try:
                event: EventT = model.model_validate(data)
            except pydantic.ValidationError as exc:
                raise WebhookPayloadError(
                    f"the {self._tag} {data.get(self._tag)!r} event does not match its model: "
                    f"{exc.error_count()} problem(s)"
                ) from None
            return event
        for model in self._events.values():
            try:
                found: EventT = model.model_validate(data)
            except pydantic.ValidationError:
                continue
            return found
        return data

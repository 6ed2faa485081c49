"""Clients generated from specs with webhooks and callbacks: their events as models, and
``client.webhooks.unwrap`` verifying deliveries with the scheme x-webhook-signature declares
(a vendor's HMAC set by overlay; Standard Webhooks in the spec)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import importlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.ir import build_ir
from generator.spec.load import parse_document
from tests.clients import generate_clients, imported

FIXTURES = Path(__file__).parent / "fixtures" / "webhooks"
SECRET = "loyalty-signing-key"
STANDARD_SECRET = "whsec_" + base64.b64encode(b"a thirty-two byte secret, really").decode()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out, _ = generate_clients(
        tmp_path_factory.mktemp("webhooks"),
        {vendor: FIXTURES / f"{vendor}.yaml" for vendor in ("loyaltyhooks", "unionhooks")},
        overlays={"loyaltyhooks": FIXTURES / "loyaltyhooks.overlay.yaml"},
    )
    with imported(out, "loyaltyhooks", "unionhooks"):
        yield out


def signed(
    payload: dict[str, Any], *, secret: str = SECRET, at: int | None = None
) -> tuple[bytes, dict[str, str]]:
    """A delivery as the vendor of loyaltyhooks.yaml's overlay signs it."""
    body = json.dumps(payload).encode()
    timestamp = str(int(time.time()) if at is None else at)
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return body, {"X-Loyalty-Signature": f"sha256={digest}", "X-Loyalty-Timestamp": timestamp}


def test_every_webhook_and_callback_payload_is_a_model(generated: Path) -> None:
    models = importlib.import_module("loyaltyhooks.models")
    assert {"PointsEarnedWebhook", "TierChanged", "SubscribeOnVerifiedCallback"} <= set(
        models.__all__
    )


def test_unwrap_returns_the_typed_event_of_a_delivery_signed_by_the_overlays_scheme(
    generated: Path,
) -> None:
    loyaltyhooks = importlib.import_module("loyaltyhooks")
    with loyaltyhooks.LoyaltyHooksClient(webhook_secret=SECRET) as client:
        event = client.webhooks.unwrap(
            *signed({"type": "points.earned", "customer": "c_1", "points": 40})
        )
        assert isinstance(event, loyaltyhooks.models.PointsEarnedWebhook)
        assert (event.customer, event.points) == ("c_1", 40)
        event = client.webhooks.unwrap(
            *signed({"type": "tier.changed", "customer": "c_1", "tier": "gold"})
        )
        assert isinstance(event, loyaltyhooks.models.TierChanged)
        event = client.webhooks.unwrap(
            *signed({"type": "subscription.verified", "subscription": "s_1"})
        )
        assert isinstance(event, loyaltyhooks.models.SubscribeOnVerifiedCallback)


def test_the_async_client_unwraps_alike(generated: Path) -> None:
    loyaltyhooks = importlib.import_module("loyaltyhooks")
    client = loyaltyhooks.AsyncLoyaltyHooksClient(webhook_secret=SECRET)
    event = client.webhooks.unwrap(
        *signed({"type": "tier.changed", "customer": "c", "tier": "gold"})
    )
    assert isinstance(event, loyaltyhooks.models.TierChanged)


def test_an_unknown_event_type_comes_back_as_raw_data(generated: Path) -> None:
    loyaltyhooks = importlib.import_module("loyaltyhooks")
    payload = {"type": "member.merged", "customer": "c_1", "into": "c_2"}
    with loyaltyhooks.LoyaltyHooksClient(webhook_secret=SECRET) as client:
        assert client.webhooks.unwrap(*signed(payload)) == payload


@pytest.mark.parametrize(
    "delivery",
    [
        pytest.param(
            lambda: signed({"type": "tier.changed"}, secret="not-the-secret"), id="forged"
        ),
        pytest.param(
            lambda: signed({"type": "tier.changed"}, at=int(time.time()) - 301), id="stale"
        ),
        pytest.param(lambda: (b'{"type": "tier.changed"}', {}), id="unsigned"),
    ],
)
def test_a_delivery_that_cannot_be_verified_is_refused(generated: Path, delivery: Any) -> None:
    loyaltyhooks = importlib.import_module("loyaltyhooks")
    client = loyaltyhooks.LoyaltyHooksClient(webhook_secret=SECRET)
    with pytest.raises(loyaltyhooks.WebhookVerificationError) as caught:
        client.webhooks.unwrap(*delivery())
    assert SECRET not in str(caught.value)
    assert isinstance(caught.value, loyaltyhooks.APIError)


def test_a_discriminated_union_payload_tells_its_variants_apart(generated: Path) -> None:
    unionhooks = importlib.import_module("unionhooks")
    client = unionhooks.UnionHooksClient(webhook_secret=STANDARD_SECRET)

    def deliver(payload: dict[str, Any], message_id: str) -> Any:
        body = json.dumps(payload).encode()
        timestamp = int(time.time())
        key = base64.b64decode(STANDARD_SECRET.removeprefix("whsec_"))
        digest = hmac.new(key, f"{message_id}.{timestamp}.".encode() + body, hashlib.sha256)
        headers = {
            "webhook-id": message_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": "v1," + base64.b64encode(digest.digest()).decode(),
        }
        return client.webhooks.unwrap(body, headers), (body, headers)

    earned, _ = deliver({"kind": "earned", "points": 3}, "msg_1")
    assert isinstance(earned, unionhooks.models.Earned)
    redeemed, again = deliver({"kind": "Redeemed", "reward": "mug"}, "msg_2")
    assert isinstance(redeemed, unionhooks.models.Redeemed)
    assert deliver({"kind": "expired", "points": 3}, "msg_3")[0] == {"kind": "expired", "points": 3}
    with pytest.raises(unionhooks.WebhookVerificationError, match="already accepted"):
        client.webhooks.unwrap(*again)


def test_importing_a_client_with_webhook_events_loads_no_model(generated: Path) -> None:
    """Its client.webhooks maps events to models: they load when it is first read."""
    code = "import sys, loyaltyhooks\nprint([m for m in sys.modules if '.models' in m])"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=generated, capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"


def _webhooks_of(spec: str) -> Any:
    api = build_ir(parse_document(spec, "h.yaml"), "h", "specs/h/openapi.yaml")
    return api.webhooks


PAYLOADS = """
openapi: 3.1.0
info: {title: H, version: '1'}
paths: {}
webhooks:
  a:
    post:
      requestBody:
        content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}
      responses: {'200': {description: ok}}
%s
components:
  schemas:
    A: {type: object, properties: {id: {type: string}}}
    B: {type: object, properties: {code: {type: integer}}}
"""
SECOND = """
  b:
    post:
      requestBody:
        content: {application/json: {schema: {$ref: '#/components/schemas/B'}}}
      responses: {'200': {description: ok}}
"""


def test_payloads_without_a_tag_are_told_apart_by_their_models_in_the_specs_order() -> None:
    webhooks = _webhooks_of(PAYLOADS % SECOND)
    assert webhooks.tag == ""
    assert [(e.key, e.model) for e in webhooks.events] == [("A", "A"), ("B", "B")]
    assert webhooks.signature is None


def test_payloads_told_apart_only_by_trial_are_a_located_warning() -> None:
    api = build_ir(parse_document(PAYLOADS % SECOND, "h.yaml"), "h", "specs/h/openapi.yaml")
    [warning] = [w for w in api.warnings if w.code.startswith("webhooks-")]
    assert warning.code == "webhooks-told-by-trial"
    assert (warning.where.file, warning.where.line) == ("h.yaml", 8)  # webhook a's post
    assert "A (webhook a), B (webhook b)" in warning.message
    tagged = PAYLOADS.replace("{id: {type: string}}", "{id: {type: string}, type: {const: a}}")
    tagged = tagged.replace("{code: {type: integer}}", "{code: {type: integer}, type: {enum: [b]}}")
    for told in (PAYLOADS % "", tagged % SECOND):
        api = build_ir(parse_document(told, "h.yaml"), "h", "specs/h/openapi.yaml")
        assert [w.code for w in api.warnings if w.code.startswith("webhooks-")] == []


def test_an_inline_variant_of_a_discriminated_payload_is_a_located_warning() -> None:
    spec = (PAYLOADS % "").replace(
        "{$ref: '#/components/schemas/A'}",
        "{oneOf: [{$ref: '#/components/schemas/A'}, {type: object, properties: {x: {}}}],"
        " discriminator: {propertyName: kind}}",
    )
    api = build_ir(parse_document(spec, "h.yaml"), "h", "specs/h/openapi.yaml")
    [warning] = [w for w in api.warnings if w.code.startswith("webhooks-")]
    assert (warning.code, warning.where.line) == ("webhooks-inline-variant", 8)
    assert [e.model for e in api.webhooks.events] == ["A"]


def test_a_single_payload_schema_is_the_event() -> None:
    webhooks = _webhooks_of(PAYLOADS % "")
    assert [e.model for e in webhooks.events] == ["A"]


def test_a_spec_without_webhooks_has_no_client_webhooks() -> None:
    spec = "openapi: 3.1.0\ninfo: {title: H, version: '1'}\npaths: {}\n"
    assert _webhooks_of(spec) is None
    assert _webhooks_of(spec + "x-webhook-signature: {scheme: standard-webhooks}\n") is not None


def test_the_clients_reference_lists_its_events(generated: Path) -> None:
    reference = (generated / "loyaltyhooks" / "README.md").read_text(encoding="utf-8")
    assert "| `webhook_secret` |" in reference
    assert "| `points.earned` | `PointsEarnedWebhook` | webhook pointsEarned |" in reference
    assert "`hmac` signature, timestamps within 300 s" in reference


def test_a_resource_named_webhooks_beside_webhooks_is_webhooks_api_with_a_warning() -> None:
    """Telnyx tags its webhook deliveries `Webhooks`; client.webhooks is the events' helper."""
    spec = (PAYLOADS % "").replace(
        "paths: {}",
        "paths:\n  /hooks:\n    get:\n      operationId: listHooks\n      tags: [webhooks]\n"
        "      responses: {'200': {description: ok}}",
    )
    api = build_ir(parse_document(spec, "h.yaml"), "h", "specs/h/openapi.yaml")
    assert [(r.py_name, [o.py_name for o in r.operations]) for r in api.resources] == [
        ("webhooks_api", ["list_hooks"])
    ]
    assert api.webhooks is not None
    [warning] = [w for w in api.warnings if w.code == "webhooks-name-taken"]
    assert (warning.where.file, warning.where.pointer) == ("h.yaml", "/paths/~1hooks")
    assert warning.where.line is not None
    assert "client.webhooks_api" in warning.message


def test_unwrap_is_typed_as_the_union_of_the_events(generated: Path, tmp_path: Path) -> None:
    program = tmp_path / "handler.py"
    program.write_text(
        "from loyaltyhooks import LoyaltyHooksClient\n"
        "from loyaltyhooks.models import PointsEarnedWebhook\n"
        "event = LoyaltyHooksClient(webhook_secret='s').webhooks.unwrap(b'', {})\n"
        "if isinstance(event, PointsEarnedWebhook):\n"
        "    points: int = event.points\n"
        "reveal_type(event)\n",
        encoding="utf-8",
    )
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(program)],
        capture_output=True,
        text=True,
        env={**os.environ, "MYPYPATH": str(generated)},
        check=False,
    )
    assert checked.returncode == 0, checked.stdout
    assert (
        'Revealed type is "loyaltyhooks.models.points_earned_webhook.PointsEarnedWebhook'
        " | loyaltyhooks.models.tier_changed.TierChanged"
        " | loyaltyhooks.models.subscribe_on_verified_callback.SubscribeOnVerifiedCallback"
        ' | dict[str, Any]"'
    ) in checked.stdout

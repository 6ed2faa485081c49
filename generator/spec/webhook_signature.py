"""The ``x-webhook-signature`` extension: how a vendor signs its webhooks (the runtime's
webhooks.py verifies them). Read at the document's root, where an overlay can add it:

    x-webhook-signature: {scheme: standard-webhooks, tolerance: 300}
    x-webhook-signature:
      scheme: hmac
      header: X-Signature          # required
      algorithm: sha256            # sha1, sha256 (default) or sha512
      encoding: hex                # hex (default) or base64
      prefix: 'sha256='            # before the signature in the header
      signed: '{timestamp}.{body}' # what is signed; {body} (default), {timestamp} optional
      timestampHeader: X-Timestamp # required when {timestamp} is signed
      tolerance: 300               # seconds a timestamp may be off; default 300
"""

from __future__ import annotations

import re
from typing import Any

from ..core.errors import Diagnostic, Severity, quote_value
from .load import Document, escape_pointer_token

EXTENSION = "x-webhook-signature"
SCHEMES = ("standard-webhooks", "hmac")
ALGORITHMS = ("sha1", "sha256", "sha512")
ENCODINGS = ("hex", "base64")
_KEYS = {
    "standard-webhooks": ("scheme", "tolerance"),
    "hmac": (
        "scheme",
        "header",
        "algorithm",
        "encoding",
        "prefix",
        "signed",
        "timestampHeader",
        "tolerance",
    ),
}
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_CODE = "bad-webhook-signature"
_HINT = f"see generator/spec/webhook_signature.py for the shape of {EXTENSION}"


def check_webhook_signature(document: Document) -> list[Diagnostic]:
    """A located error for each thing wrong with the extension's shape."""
    data = document.data if isinstance(document.data, dict) else {}
    if EXTENSION not in data:
        hooks = _first_hook(data)
        if hooks is None:
            return []
        message = (
            "the spec describes webhooks but not how they are signed: client.webhooks.unwrap "
            f"refuses every delivery until {EXTENSION} declares the scheme"
        )
        hint = f"add {EXTENSION} ({{scheme: standard-webhooks}} or {{scheme: hmac, ...}}) in an overlay"
        return [
            Diagnostic("webhooks-unsigned", Severity.WARNING, message, document.where(hooks), hint)
        ]
    at = f"/{EXTENSION}"
    found: list[Diagnostic] = []

    def error(message: str, pointer: str = at) -> None:
        found.append(Diagnostic(_CODE, Severity.ERROR, message, document.where(pointer), _HINT))

    value = data[EXTENSION]
    if not isinstance(value, dict):
        error(f"{EXTENSION} must be a mapping with a scheme, not {quote_value(value)}")
        return found
    scheme = value.get("scheme")
    if scheme not in SCHEMES:
        error(
            f"{EXTENSION}'s scheme is {quote_value(scheme)}; it must be one of "
            + ", ".join(SCHEMES),
            f"{at}/scheme" if "scheme" in value else at,
        )
        return found
    for key in value:
        if key not in _KEYS[scheme]:
            error(
                f"{quote_value(key)} is not a setting of the {scheme} scheme (it has "
                + ", ".join(_KEYS[scheme])
                + ")",
                f"{at}/{key}",
            )
    tolerance = value.get("tolerance", 300)
    if isinstance(tolerance, bool) or not isinstance(tolerance, int) or tolerance <= 0:
        error(
            f"tolerance must be a positive whole number of seconds, not {quote_value(tolerance)}",
            f"{at}/tolerance",
        )
    if scheme == "hmac":
        _check_hmac(value, at, error)
    return found


def _first_hook(data: dict[str, Any]) -> str | None:
    """Where the first webhook, else the first callback, is; None if there is neither."""
    if isinstance(data.get("webhooks"), dict) and data["webhooks"]:
        return "/webhooks"
    paths = data.get("paths")
    for path, item in (paths if isinstance(paths, dict) else {}).items():
        for method, operation in (item if isinstance(item, dict) else {}).items():
            if isinstance(operation, dict) and operation.get("callbacks"):
                return f"/paths/{escape_pointer_token(str(path))}/{method}/callbacks"
    return None


def _check_hmac(value: dict[str, Any], at: str, error: Any) -> None:
    for key in ("header", "prefix", "signed", "timestampHeader"):
        if key in value and not isinstance(value[key], str):
            error(f"{key} must be a string, not {quote_value(value[key])}", f"{at}/{key}")
    if not isinstance(value.get("header"), str) or not value["header"].strip():
        error("the hmac scheme needs the header that carries the signature", at)
    for key, allowed in (("algorithm", ALGORITHMS), ("encoding", ENCODINGS)):
        if key in value and value[key] not in allowed:
            error(
                f"{key} is {quote_value(value[key])}; it must be one of " + ", ".join(allowed),
                f"{at}/{key}",
            )
    signed = value.get("signed", "{body}")
    if not isinstance(signed, str):
        return
    unknown = [p for p in _PLACEHOLDER.findall(signed) if p not in ("{body}", "{timestamp}")]
    if unknown:
        error(
            f"signed may name {{body}} and {{timestamp}}, not {quote_value(unknown[0])}",
            f"{at}/signed",
        )
    if "{body}" not in signed:
        error(
            "signed must include {body}: a signature that does not cover it proves nothing",
            f"{at}/signed",
        )
    if ("{timestamp}" in signed) != bool(value.get("timestampHeader")):
        error(
            "a signed {timestamp} and timestampHeader go together: the timestamp is read from "
            "that header, and checked only if it is signed",
            f"{at}/signed" if "signed" in value else at,
        )

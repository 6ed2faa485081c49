"""An OAuth 2.0 token endpoint and an API that takes its tokens, on 127.0.0.1, for the OAuth tests.

`POST /token` grants client credentials or a refresh token and issues `tok-1`, `tok-2`...;
every other path answers 200 to a current token and 401 to anything else. A test can hold
token responses back (`hold`) until it releases them, and revoke the tokens issued so far.
"""

from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote_plus


class TokenServer:
    def __init__(self, *, client_id: str, client_secret: str, expires_in: int = 3600) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.expires_in = expires_in
        self.refresh_tokens = {"refresh-1"}
        # Each token request's form, without the client's credentials.
        self.token_forms: list[dict[str, str]] = []
        self.api_tokens: list[str] = []  # the bearer token of each API request
        self.token_requested = threading.Event()
        self.released = threading.Event()
        self.released.set()
        self._valid: set[str] = set()
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode()
                if self.path != "/token":
                    self._api()
                    return
                form = {k: v[0] for k, v in parse_qs(body).items()}
                server.token_requested.set()
                server.released.wait()
                self._answer(*server._grant(form, self.headers.get("Authorization", "")))

            def do_GET(self) -> None:
                self._api()

            def _api(self) -> None:
                token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                with server._lock:
                    server.api_tokens.append(token)
                    valid = token in server._valid
                self._answer(200 if valid else 401, {"ok": True} if valid else {"error": "token"})

            def _answer(self, status: int, body: object) -> None:
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.token_url = f"{self.base_url}/token"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def _grant(self, form: dict[str, str], authorization: str) -> tuple[int, dict[str, Any]]:
        if "client_secret" in form:  # client_secret_post
            client_id, secret = form.pop("client_id"), form.pop("client_secret")
        else:
            client_id, _, secret = (
                base64.b64decode(authorization.removeprefix("Basic ")).decode().partition(":")
            )
            client_id, secret = unquote_plus(client_id), unquote_plus(secret)
        with self._lock:
            self.token_forms.append(form)
            if (client_id, secret) != (self.client_id, self.client_secret):
                # A careless server that repeats what it was sent: the client must not.
                return 401, {
                    "error": "invalid_client",
                    "error_description": f"no client {client_id} with secret {secret}",
                }
            answer: dict[str, Any] = {"token_type": "Bearer", "expires_in": self.expires_in}
            if form.get("grant_type") == "refresh_token":
                if form.get("refresh_token") not in self.refresh_tokens:
                    return 400, {"error": "invalid_grant"}
                # Rotated: the one used is spent.
                self.refresh_tokens.discard(form["refresh_token"])
                answer["refresh_token"] = f"refresh-{len(self.token_forms) + 1}"
                self.refresh_tokens.add(answer["refresh_token"])
            elif form.get("grant_type") != "client_credentials":
                return 400, {"error": "unsupported_grant_type"}
            answer["access_token"] = f"tok-{len(self.token_forms)}"
            self._valid.add(answer["access_token"])
            return 200, answer

    def hold(self) -> None:
        """Token responses wait until ``release()``."""
        self.token_requested.clear()
        self.released.clear()

    def release(self) -> None:
        self.released.set()

    def revoke(self) -> None:
        """Every token issued so far is refused from now on."""
        with self._lock:
            self._valid.clear()

    def stop(self) -> None:
        self.released.set()
        self._server.shutdown()
        self._server.server_close()

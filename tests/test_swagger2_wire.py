"""A Swagger 2.0 spec's client on the wire: tests/fixtures/swagger2/openapi.yaml (the Petshop
API, every construct generator/spec/swagger2/ converts) generates a client that passes mypy
--strict, and each call sends what the 2.0 spec describes to a server on 127.0.0.1, which
answers as the spec documents."""

from __future__ import annotations

import base64
import email.parser
import email.policy
import inspect
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.clients import generate_clients, imported
from tests.conftest import ROOT

SPEC = ROOT / "tests" / "fixtures" / "swagger2" / "openapi.yaml"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


@dataclass
class Received:
    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes

    def parts(self) -> list[tuple[str, str | None, bytes]]:
        """A multipart/form-data body's parts: (name, file name, content)."""
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {self.headers['content-type']}\r\n\r\n".encode() + self.body
        )
        found = []
        for part in message.iter_parts():
            content = part.get_payload(decode=True)
            name = str(part.get_param("name", header="content-disposition"))
            found.append(
                (name, part.get_filename(), content if isinstance(content, bytes) else b"")
            )
        return found


class PetshopServer:
    """Answers each path of the Petshop API as its spec documents, and keeps what arrived."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                url = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                received = Received(
                    self.command,
                    url.path,
                    parse_qsl(url.query),
                    {k.lower(): v for k, v in self.headers.items()},
                    self.rfile.read(length),
                )
                owner.received.append(received)
                status, content_type, body, headers = owner.answer(received)
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = _handle

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/v2"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def answer(self, received: Received) -> tuple[int, str, bytes, dict[str, str]]:
        pet = {"id": 7, "name": "Rex", "tag": None}
        route = (received.method, received.path)
        if route == ("GET", "/v2/pets"):
            return 200, "application/json", json.dumps([pet]).encode(), {"X-Total-Count": "1"}
        if route == ("GET", "/v2/pets/404"):
            return 404, "application/json", b'{"message": "no pet 404"}', {}
        if route == ("GET", "/v2/pets/7/photo"):
            return 200, "image/png", PNG, {}
        if route == ("POST", "/v2/login"):
            return 200, "application/json", b'{"token": "t0k3n"}', {}
        if received.method in ("POST", "PUT"):
            status = 201 if route == ("POST", "/v2/pets") else 200
            return status, "application/json", json.dumps(pet).encode(), {}
        return 200, "application/json", json.dumps(pet).encode(), {}

    @property
    def last(self) -> Received:
        return self.received[-1]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    return generate_clients(tmp_path_factory.mktemp("swagger2"), {"petshop": SPEC})


@pytest.fixture(scope="module")
def petshop(generated: tuple[Path, str]) -> Iterator[Any]:
    with imported(generated[0], "petshop") as (module,):
        yield module


@pytest.fixture(scope="module")
def server() -> Iterator[PetshopServer]:
    running = PetshopServer()
    yield running
    running.close()


@pytest.fixture
def client(petshop: Any, server: PetshopServer) -> Iterator[Any]:
    with petshop.PetshopClient(
        base_url=server.url, api_key="k3y", basic_auth=("ann", "s3cret")
    ) as made:
        yield made


def test_the_client_passes_mypy_strict_and_ruff(generated: tuple[Path, str]) -> None:
    out = generated[0]
    for command, cwd in (
        (["mypy", "--strict", "petshop"], out),
        (["ruff", "check", "--no-cache", "generated"], out.parent),
    ):
        done = subprocess.run(
            [sys.executable, "-m", *command], cwd=cwd, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_warnings_name_lines_and_pointers_of_the_2_0_file(
    generated: tuple[Path, str],
) -> None:
    warnings = [line for line in generated[1].splitlines() if "warning[" in line]
    assert warnings[0] == (
        "specs/petshop/openapi.yaml:20:5: warning[unsupported-security-scheme]: security "
        "scheme 'implicitAuth' (oauth2) has no client support yet; operations can still be "
        "called with explicit headers"
    )
    assert "  at: /securityDefinitions/implicitAuth" in generated[1].splitlines()
    # The flows with a token URL are the client's (client credentials, or a refresh token).
    assert len(warnings) == 1


def test_the_oauth_2_flows_with_a_token_url_are_client_arguments(petshop: Any) -> None:
    arguments = inspect.signature(petshop.PetshopClient.__init__).parameters
    assert {
        "application_auth_client_id",
        "application_auth_client_secret",
        "access_code_auth_refresh_token",
        "password_auth_refresh_token",
    } <= set(arguments)
    assert not [name for name in arguments if name.startswith("implicit_auth")]


def test_host_base_path_and_schemes_are_the_default_server(petshop: Any) -> None:
    with petshop.PetshopClient() as made:
        assert str(made.base_url) == "https://api.petshop.test/v2/"


def test_query_header_and_response_headers(client: Any, server: PetshopServer) -> None:
    raw = client.pets.with_raw_response.list_pets(
        limit=2, tags=["a", "b"], ids=[3, 4], status="sold", x_trace_id="t-1"
    )
    pets = raw.parse()
    assert [(p.id, p.name, p.tag) for p in pets] == [(7, "Rex", None)]  # x-nullable
    assert raw.headers["x-total-count"] == "1"
    received = server.last
    # collectionFormat multi: the name repeated; csv, 2.0's default: one comma-separated value.
    assert received.query == [
        ("limit", "2"),
        ("tags", "a"),
        ("tags", "b"),
        ("ids", "3,4"),
        ("status", "sold"),
    ]
    assert (received.headers["x-trace-id"], received.headers["x-api-key"]) == ("t-1", "k3y")
    with pytest.raises(ValueError, match="sold"):
        client.pets.list_pets(status="gone")


def test_a_shared_body_parameter_is_the_json_body_with_basic_auth(
    petshop: Any, client: Any, server: PetshopServer
) -> None:
    made = client.pets.create_pet(body=petshop.models.NewPet(name="Rex"))
    assert made.id == 7
    received = server.last
    assert (received.method, received.path) == ("POST", "/v2/pets")
    assert received.headers["content-type"] == "application/json"
    assert json.loads(received.body) == {"name": "Rex"}
    assert received.headers["authorization"] == "Basic " + base64.b64encode(b"ann:s3cret").decode()


def test_an_inline_body_parameter_and_a_path_parameter(client: Any, server: PetshopServer) -> None:
    client.pets.update_pet(7, body={"name": "Max", "tag": None})
    received = server.last
    assert (received.method, received.path) == ("PUT", "/v2/pets/7")
    assert json.loads(received.body) == {"name": "Max", "tag": None}


def test_a_shared_error_response_is_typed(petshop: Any, client: Any) -> None:
    with pytest.raises(petshop.NotFoundError) as caught:
        client.pets.show_pet_by_id(404)
    error = caught.value.error_as(petshop.models.Error)
    assert error is not None and error.message == "no pet 404"


def test_form_data_with_a_file_is_multipart(client: Any, server: PetshopServer) -> None:
    client.pets.upload_photo(7, body={"file": ("rex.png", PNG, "image/png"), "caption": "Rex"})
    received = server.last
    assert received.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert received.parts() == [("caption", None, b"Rex"), ("file", "rex.png", PNG)]


def test_a_file_response_is_bytes(client: Any, server: PetshopServer) -> None:
    assert client.pets.download_photo(7) == PNG
    assert server.last.headers["accept"] == "image/png"


def test_form_data_without_a_file_is_url_encoded_and_needs_no_credentials(
    petshop: Any, server: PetshopServer
) -> None:
    with petshop.PetshopClient(base_url=server.url) as anonymous:
        session = anonymous.session.log_in(body={"username": "ann", "password": "s3cret"})
    assert session.token == "t0k3n"
    received = server.last
    assert received.headers["content-type"] == "application/x-www-form-urlencoded"
    assert parse_qsl(received.body.decode()) == [("username", "ann"), ("password", "s3cret")]
    assert "authorization" not in received.headers and "x-api-key" not in received.headers

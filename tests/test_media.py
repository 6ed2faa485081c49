"""Every media type and server shape on the wire: a client generated from
tests/fixtures/media/openapi.yaml (the Filebox API), over real HTTP to tests/fileserver.py,
which parses what arrives (multipart with the standard library's MIME parser).

The 200 MB streamed download and upload, with peak memory, are in benchmarks/media.py.
"""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.clients import generate_clients, imported
from tests.conftest import ROOT, PrismServer
from tests.fileserver import PAYLOAD, FileServer, download_bytes

SPEC = ROOT / "tests" / "fixtures" / "media" / "openapi.yaml"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    return generate_clients(tmp_path_factory.mktemp("media"), {"filebox": SPEC})


@pytest.fixture(scope="module")
def filebox(generated: tuple[Path, str]) -> Iterator[Any]:
    with imported(generated[0], "filebox") as (module,):
        yield module


@pytest.fixture(scope="module")
def server() -> Iterator[FileServer]:
    running = FileServer()
    yield running
    running.close()


@pytest.fixture
def client(filebox: Any, server: FileServer) -> Iterator[Any]:
    with filebox.FileboxClient(port=str(server.port)) as made:
        yield made


def test_the_client_passes_mypy_strict_and_ruff(generated: tuple[Path, str]) -> None:
    for command in (["mypy", "--strict", "filebox"], ["ruff", "check", "--no-cache", "filebox"]):
        done = subprocess.run(
            [sys.executable, "-m", *command], cwd=generated[0], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_what_the_client_cannot_type_is_a_located_warning(generated: tuple[Path, str]) -> None:
    warnings = [line for line in generated[1].splitlines() if "warning[" in line]
    assert warnings == [
        "specs/filebox/openapi.yaml:158:13: warning[untyped-media-type]: POST /legacy/orders: "
        "the client cannot type the request body (application/xml); it sends what it is given "
        "(bytes or str)",
        "specs/filebox/openapi.yaml:167:15: warning[untyped-media-type]: POST /legacy/orders: "
        "the client cannot type the 200 response body (application/xml); it returns its bytes",
    ]


def test_multipart_upload_parts_as_the_spec_encodes_them(
    filebox: Any, client: Any, server: FileServer
) -> None:
    data = bytes(range(256)) * 3
    body = filebox.models.UploadFileRequest(
        file=("report.bin", io.BytesIO(data), "application/x-report"),
        attributes={"name": "report.bin", "parent_id": "0"},
        tags=["q1", "final"],
        thumbnails=[b"\x89PNG-a", ("b.png", b"\x89PNG-b")],
        note="# Q1",
        link={"create": True},
    )
    uploaded = client.files.upload_file(body=body)
    assert (uploaded.name, uploaded.size) == ("report.bin", len(data))
    received = server.last
    assert received.path == "/upload/v1/files"  # the operation's own server
    by_name = [(p.name, p.filename, p.content_type, p.content) for p in received.parts]
    assert by_name == [
        ("attributes", None, "application/json", b'{"name":"report.bin","parent_id":"0"}'),
        ("link[create]", None, None, b"true"),
        ("note", None, "text/markdown", b"# Q1"),
        ("tags", None, None, b"q1"),
        ("tags", None, None, b"final"),
        # Files last, each as given.
        ("file", "report.bin", "application/x-report", data),
        ("thumbnails", "upload", "application/octet-stream", b"\x89PNG-a"),
        ("thumbnails", "b.png", "image/png", b"\x89PNG-b"),
    ]


def test_multipart_from_a_plain_mapping_and_an_open_file(
    client: Any, server: FileServer, tmp_path: Path
) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff" + bytes(1000))
    with path.open("rb") as file:
        client.files.upload_file(body={"attributes": {"name": "photo.jpg"}, "file": file})
    parts = {p.name: p for p in server.last.parts}
    assert parts["file"].filename == "photo.jpg"
    assert parts["file"].content_type == "image/jpeg"
    assert parts["file"].content == path.read_bytes()


def test_a_misspelt_upload_field_is_refused_before_sending(filebox: Any) -> None:
    with pytest.raises(TypeError, match="did you mean 'thumbnails'"):
        filebox.models.UploadFileRequest(file=b"x", attributes={"name": "x"}, thumbnail=[b"y"])


@pytest.mark.parametrize("kind", ["bytes", "file", "iterator"])
def test_octet_stream_upload_arrives_byte_for_byte(
    client: Any, server: FileServer, kind: str
) -> None:
    data = b"".join(download_bytes(300_000))
    body: Any = {
        "bytes": data,
        "file": io.BytesIO(data),
        "iterator": (data[i : i + 7000] for i in range(0, len(data), 7000)),
    }[kind]
    replaced = client.files.replace_content("f1", body=body)
    assert server.last.headers["content-type"] == "application/octet-stream"
    if kind != "iterator":  # a file object's length is known, and sent
        assert server.last.headers["content-length"] == str(len(data))
    assert (replaced.size, replaced.name) == (len(data), hashlib.sha256(data).hexdigest())


def test_download_returns_the_bytes_and_asks_for_them(client: Any, server: FileServer) -> None:
    assert client.files.download_file("f1") == PAYLOAD
    assert server.last.headers["accept"] == "application/octet-stream, application/json"


def test_a_documented_error_of_a_download_is_typed(filebox: Any, client: Any) -> None:
    with pytest.raises(filebox.NotFoundError) as caught:
        client.files.download_file("missing")
    error = caught.value.error_as(filebox.models.Error)
    assert error is not None and error.message == "no such file"


def test_streamed_download_in_chunks_and_to_a_file(client: Any, tmp_path: Path) -> None:
    size = 3_000_000
    expected = hashlib.sha256(b"".join(download_bytes(size))).hexdigest()
    with client.files.with_streaming_response.download_file(f"big-{size}") as response:
        assert response.status_code == 200
        digest = hashlib.sha256()
        for chunk in response.iter_bytes():
            digest.update(chunk)
    assert digest.hexdigest() == expected
    target = tmp_path / "big.bin"
    with client.files.with_streaming_response.download_file(f"big-{size}") as response:
        response.write_to_file(target)
    assert hashlib.sha256(target.read_bytes()).hexdigest() == expected


def test_a_streamed_download_that_fails_raises_the_typed_error(filebox: Any, client: Any) -> None:
    with (
        pytest.raises(filebox.NotFoundError) as caught,
        client.files.with_streaming_response.download_file("missing"),
    ):
        pass
    assert caught.value.body == {"message": "no such file"}


def test_a_text_response_is_a_str(client: Any) -> None:
    assert client.reports.export_report("r1") == "id,name\n1,Zoë\n"


def test_json_is_sent_unless_the_caller_chooses_another_media_type(
    filebox: Any, client: Any, server: FileServer
) -> None:
    note = client.notes.create_note(body=filebox.models.CreateNoteRequest(text="hi"))
    assert server.last.headers["content-type"] == "application/json"
    assert note.text == "hi"
    note = client.notes.create_note(body="plain", content_type="text/plain")
    assert server.last.headers["content-type"] == "text/plain"
    assert server.last.body == b"plain"
    assert note.text == "plain"
    with pytest.raises(ValueError, match="not one the operation takes"):
        client.notes.create_note(body="x", content_type="text/html")


def test_a_response_documented_as_json_or_pdf_is_read_by_what_arrives(
    filebox: Any, client: Any, server: FileServer
) -> None:
    invoice = client.invoices.get_invoice_document("i1")
    assert server.last.headers["accept"] == "application/json, application/pdf"
    assert invoice.total == 42
    pdf = client.invoices.get_invoice_document("i1", extra_headers={"Accept": "application/pdf"})
    assert pdf == b"%PDF-1.7 invoice"


def test_an_untyped_media_type_travels_raw(client: Any, server: FileServer) -> None:
    order = client.legacy.create_order(body=b"<order><sku>s1</sku></order>")
    assert server.last.headers["content-type"] == "application/xml"
    assert server.last.body == b"<order><sku>s1</sku></order>"
    assert order == b"<order><id>o1</id></order>"


def test_server_variables_are_client_arguments(filebox: Any, server: FileServer) -> None:
    with filebox.FileboxClient(port=str(server.port)) as client:
        assert client.reviews.list_reviews() == ["/reviews/eu/reviews"]  # the path's own server
    with filebox.FileboxClient(port=str(server.port), region="us") as client:
        assert client.reviews.list_reviews() == ["/reviews/us/reviews"]


def test_base_url_overrides_every_server(filebox: Any, server: FileServer) -> None:
    base = f"http://127.0.0.1:{server.port}/upload/v1"
    with filebox.FileboxClient(base_url=base) as client:
        client.files.upload_file(body={"attributes": {"name": "a"}, "file": b"a"})
        assert server.last.path == "/upload/v1/files"
        client.files.download_file("f1")
        assert server.last.path == "/upload/v1/files/f1/content"


@pytest.mark.anyio
async def test_async_upload_and_streamed_download(filebox: Any, server: FileServer) -> None:
    async def chunks() -> Any:
        for chunk in download_bytes(200_000):
            yield chunk

    async with filebox.AsyncFileboxClient(port=str(server.port)) as client:
        replaced = await client.files.replace_content("f2", body=chunks())
        assert replaced.name == hashlib.sha256(b"".join(download_bytes(200_000))).hexdigest()
        replaced = await client.files.replace_content("f3", body=io.BytesIO(b"abc"))
        assert replaced.size == 3
        uploaded = await client.files.upload_file(
            body={"attributes": {"name": "n"}, "file": ("n.txt", b"hello", "text/plain")}
        )
        assert uploaded.size == 5
        async with client.files.with_streaming_response.download_file("big-100000") as response:
            received = b"".join([chunk async for chunk in response.iter_bytes()])
        assert received == b"".join(download_bytes(100_000))


def test_a_stream_is_sent_once_not_retried(filebox: Any) -> None:
    attempts: list[bytes] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        attempts.append(request.read())
        return httpx.Response(503, json={"message": "busy"}, headers={"Retry-After": "0"})

    http = httpx.Client(transport=httpx.MockTransport(flaky))
    client = filebox.FileboxClient(base_url="https://files.test/v1", http_client=http)
    with pytest.raises(filebox.InternalServerError):
        client.files.replace_content("f1", body=iter([b"once"]))
    assert attempts == [b"once"]
    attempts.clear()
    with pytest.raises(filebox.InternalServerError):
        client.files.replace_content("f1", body=b"again", max_retries=1)
    assert attempts == [b"again", b"again"]  # bytes can be sent again


@pytest.fixture(scope="module")
def prism_files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrismServer]:
    server = PrismServer(SPEC, tmp_path_factory.mktemp("prism-media") / "prism.log")
    yield server
    server.stop()


@pytest.mark.prism
def test_prism_accepts_each_media_type_as_the_client_sends_it(
    filebox: Any, prism_files: PrismServer
) -> None:
    """Prism validates our requests against the spec independently, for the media types it
    reads: it parses multipart fields as text and files, not JSON parts or repeated parts
    (stoplightio/prism#2380), and does not parse XML, so those are covered above."""
    with filebox.FileboxClient(base_url=prism_files.base_url) as client:
        assert client.files.upload_avatar(body={"pic": b"\x89PNG", "caption": "me"}) is None
        assert isinstance(client.files.download_file("f1"), bytes)
        assert client.files.replace_content("f1", body=b"abc").size is not None
        assert client.files.replace_content("f1", body=iter([b"a", b"b"])).size is not None
        assert isinstance(client.reports.export_report("r1"), str)
        assert client.notes.create_note(body={"text": "hi"}).text is not None
        assert client.notes.create_note(body="hi", content_type="text/plain").text is not None
        assert client.invoices.get_invoice_document("i1").total is not None
        pdf = client.invoices.get_invoice_document(
            "i1", extra_headers={"Accept": "application/pdf"}
        )
        assert isinstance(pdf, bytes)
        assert isinstance(client.reviews.list_reviews(), list)
        # And what breaks the spec is refused by Prism: a required part left out.
        with pytest.raises(filebox.UnprocessableEntityError):
            client.files.upload_avatar(body={"caption": "me"})

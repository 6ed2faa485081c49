"""Every Python block of the README and of docs/ runs as written, against a stub of each
vendor's API, and prints what its comments say (``print(x)   # 400 8015``): the examples cannot
rot."""

from __future__ import annotations

import contextlib
import importlib
import io
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from markdown_it import MarkdownIt

from generator.cli import main
from tests.conftest import GENERATED, ROOT, SPECS, VENDORS

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCKS = [
    (page.relative_to(ROOT).as_posix(), token.content)
    for page in PAGES
    for token in MarkdownIt().parse(page.read_text(encoding="utf-8"))
    if token.type == "fence" and token.info.strip() == "python"
]


def _file(name: str) -> dict[str, object]:
    return {"id": name, "name": name, "size": 1}


# What each vendor's API answers to the calls the examples make: by method, host and path,
# and by query too where one path answers several calls.
ANSWERS: dict[tuple[str, ...], tuple[int, dict[str, Any]]] = {
    ("PUT", "api.loyalty.dog", "/v2/loyalty/programs/prog_123/customers/cust_456"): (
        200,
        {"json": {"id": "cust_456", "firstName": "Ann"}},
    ),
    ("GET", "127.0.0.1", "/v1/files/f1/content"): (
        200,
        {"content": b"%PDF-1.7 report", "headers": {"content-type": "application/octet-stream"}},
    ),
    # A list over two pages, told apart by their query.
    ("GET", "127.0.0.1", "/v1/folders/docs/files", "limit=2"): (
        200,
        {"json": {"data": [_file("a.txt"), _file("b.txt")], "next_cursor": "c2"}},
    ),
    ("GET", "127.0.0.1", "/v1/folders/docs/files", "cursor=c2&limit=2"): (
        200,
        {"json": {"data": [_file("c.txt")]}},
    ),
    ("PUT", "eu.api.capillarytech.com", "/v2/customers/171891944"): (
        400,
        {"json": {"warnings": [], "errors": [{"status": False, "code": 8015, "message": "no"}]}},
    ),
}


def _answer(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
    key: tuple[str, ...] = (request.method, request.url.host, request.url.path)
    if (*key, request.url.query.decode()) in ANSWERS:
        key = (*key, request.url.query.decode())
    assert key in ANSWERS, f"an example calls {key}, which the stub does not answer"
    status, parts = ANSWERS[key]
    return httpx.Response(status, **parts)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def filebox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The test API with every media type, which the streaming example uses."""
    root = tmp_path_factory.mktemp("readme")
    (root / "specs" / "filebox").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "fixtures" / "media" / "openapi.yaml", root / "specs" / "filebox")
    assert main(["generate", "--specs", str(root / "specs"), "--out", str(root / "out")]) == 0
    sys.path.insert(0, str(root / "out"))
    yield
    sys.path.remove(str(root / "out"))


def test_the_readme_and_the_client_docs_have_examples() -> None:
    pages = [page for page, _ in BLOCKS]
    assert pages.count("README.md") >= 1
    assert pages.count("docs/clients.md") >= 3


@pytest.mark.parametrize(
    ("page", "block"), BLOCKS, ids=[f"{p}: {b.splitlines()[0]}" for p, b in BLOCKS]
)
def test_an_example_runs_as_written(
    page: str, block: str, filebox: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", _answer)
    monkeypatch.chdir(tmp_path)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(block, page, "exec"), {"__name__": "readme"})
    promised = [
        line.split("#", 1)[1].strip()
        for line in block.splitlines()
        if "print(" in line and "#" in line
    ]
    lines = printed.getvalue().splitlines()
    assert bool(lines) == bool(promised)
    assert all(line in promised for line in lines), (lines, promised)


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_example_of_a_client_reference_calls_its_operation(
    vendor: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """generated/<vendor>/README.md: the client as built there, then each example call, is
    sent as the operation it documents (the stub's empty answer is not the vendor's)."""
    package = importlib.import_module(vendor)
    reference = (GENERATED / vendor / "README.md").read_text(encoding="utf-8")
    construct, *calls = [
        t.content
        for t in MarkdownIt().parse(reference)
        if t.type == "fence" and t.info.strip() == "python"
    ]
    sent: list[httpx.Request] = []

    def answer(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={})

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", answer)
    namespace: dict[str, object] = {}
    exec(compile(construct, "README.md", "exec"), namespace)
    documented = [op for resource in _api(vendor).resources for op in resource.operations]
    for call, op in zip(calls, documented, strict=True):
        with contextlib.suppress(package.APIResponseValidationError):
            exec(compile(call, "README.md", "exec"), namespace)
        assert sent[-1].method == op.method, call
        assert sent[-1].url.path.endswith(op.path.rsplit("}", 1)[-1]), (call, sent[-1].url)


def _api(vendor: str) -> Any:
    from generator.pipeline import build_vendor, discover_vendors

    (found,) = discover_vendors(SPECS, [vendor])
    return build_vendor(found)[0]

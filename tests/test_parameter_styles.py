"""Parameter styles over real HTTP: a client generated from tests/fixtures/parameters/openapi.yaml
(every style OpenAPI defines) sends to tests/fileserver.py, which records the raw query string."""

from __future__ import annotations

import datetime
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest

from tests.clients import generate_clients, imported
from tests.conftest import ROOT
from tests.fileserver import FileServer

SPEC = ROOT / "tests" / "fixtures" / "parameters" / "openapi.yaml"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_clients(tmp_path_factory.mktemp("parameters"), {"catalog": SPEC})[0]


@pytest.fixture(scope="module")
def catalog(generated: Path) -> Iterator[Any]:
    with imported(generated, "catalog") as (module,):
        yield module


@pytest.fixture(scope="module")
def server() -> Iterator[FileServer]:
    running = FileServer()
    yield running
    running.close()


@pytest.fixture
def client(catalog: Any, server: FileServer) -> Iterator[Any]:
    with catalog.CatalogClient(port=str(server.port)) as made:
        yield made


def test_the_client_passes_mypy_strict(generated: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "catalog"],
        cwd=generated,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_deep_object_and_form_not_exploded_as_the_spec_says(
    catalog: Any, client: Any, server: FileServer
) -> None:
    since = datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    client.catalog.search(
        [1, 2],
        ["a", "b"],
        ["x", "y"],
        filter_=catalog.models.Filter(
            since=since, archived=False, price=catalog.models.FilterPrice(gte=10)
        ),
        extra={"since": "2020"},
        tags=["red", "blue"],
    )
    query = server.last.query
    # As httpx percent-encodes it; a server decodes the brackets and commas back.
    assert query == (
        "filter%5Barchived%5D=false&filter%5Bprice%5D%5Bgte%5D=10.0"
        "&filter%5Bsince%5D=2020-01-02T03%3A04%3A05Z&extra%5Bsince%5D=2020&tags=red%2Cblue"
    )
    assert parse_qsl(query) == [
        ("filter[archived]", "false"),
        ("filter[price][gte]", "10.0"),
        ("filter[since]", "2020-01-02T03:04:05Z"),
        ("extra[since]", "2020"),
        ("tags", "red,blue"),
    ]
    assert server.last.path == "/v1/search/1,2/.a.b/;matrix=x,y"


def test_every_other_style_and_value_kind(client: Any, server: FileServer) -> None:
    client.catalog.search(
        [7],
        ["a"],
        ["x"],
        point={"x": 1, "y": 2},
        words=["big", "red"],
        codes=["a", "b"],
        repeated=["a", "b"],
        active=True,
        sort="-name",
        since="2020-01-02",
        x_trace_ids=["t1", "t2"],
    )
    assert parse_qsl(server.last.query) == [
        ("point", "x,1,y,2"),
        ("words", "big red"),
        ("codes", "a|b"),
        ("repeated", "a"),
        ("repeated", "b"),
        ("active", "true"),
        ("sort", "-name"),
        ("since", "2020-01-02"),
    ]
    assert server.last.headers["x-trace-ids"] == "t1,t2"


def test_what_the_caller_did_not_set_is_not_sent(client: Any, server: FileServer) -> None:
    client.catalog.search([7], ["a"], ["x"])
    assert server.last.query == ""
    assert "x-trace-ids" not in server.last.headers

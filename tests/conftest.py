"""Shared fixtures: paths, the overlaid specs, and Prism mock servers on 127.0.0.1."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.pipeline import discover_vendors
from generator.spec.load import load_document
from generator.spec.overlay import apply_overlay

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs"
GENERATED = ROOT / "generated"
PRISM = ROOT / "node_modules" / ".bin" / "prism"
VENDORS = [v.name for v in discover_vendors(SPECS)]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def overlaid_spec(vendor: str, directory: Path) -> Path:
    """The vendor's effective spec (overlay applied) as JSON, for tools that take a file."""
    (found,) = [v for v in discover_vendors(SPECS) if v.name == vendor]
    document = load_document(found.spec)
    if found.overlay:
        document = apply_overlay(document, load_document(found.overlay))
    path = directory / f"{vendor}.json"
    path.write_text(json.dumps(document.data), encoding="utf-8")
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PrismServer:
    def __init__(self, spec: Path, log: Path) -> None:
        self.port = _free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._log = log
        self._process = subprocess.Popen(
            [str(PRISM), "mock", "--host", "127.0.0.1", "--port", str(self.port), str(spec)],
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_COLOR": "1"},
        )
        deadline = time.monotonic() + 60
        while "is listening" not in log.read_text(errors="replace"):
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"Prism did not start:\n{log.read_text(errors='replace')}")
            time.sleep(0.1)

    def log_text(self) -> str:
        return self._log.read_text(errors="replace")

    def stop(self) -> None:
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()


@pytest.fixture(scope="session")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], PrismServer]]:
    """prism(vendor) -> a running Prism serving that vendor's overlaid spec (one per vendor)."""
    if not PRISM.exists():
        raise RuntimeError("Prism is not installed; run `make test`, which installs it with npm ci")
    servers: dict[str, PrismServer] = {}
    directory = tmp_path_factory.mktemp("prism")

    def start(vendor: str) -> PrismServer:
        if vendor not in servers:
            spec = overlaid_spec(vendor, directory)
            servers[vendor] = PrismServer(spec, directory / f"{vendor}.log")
        return servers[vendor]

    yield start
    for server in servers.values():
        server.stop()


class ModelToolRuns:
    """The model tool's runs during a test, whichever process makes them (on several cores
    the models are rendered by a forked copy of the command): the schemas each was given,
    and the process that ran it."""

    def __init__(self, log: Path) -> None:
        self._log = log

    def record(self, document: str) -> None:
        schemas = sorted(json.loads(document)["components"]["schemas"])
        with self._log.open("a", encoding="utf-8") as log:
            log.write(json.dumps([os.getpid(), schemas]) + "\n")

    def __call__(self) -> list[list[str]]:
        return [schemas for _, schemas in self._read()]

    def processes(self) -> list[int]:
        return [pid for pid, _ in self._read()]

    def clear(self) -> None:
        self._log.unlink(missing_ok=True)

    def _read(self) -> list[tuple[int, list[str]]]:
        if not self._log.exists():
            return []
        return [tuple(json.loads(line)) for line in self._log.read_text().splitlines()]


@pytest.fixture
def model_tool_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModelToolRuns:
    """Each run of the model tool, recorded; forked copies inherit the patched tool."""
    from generator.render import models

    runs = ModelToolRuns(tmp_path / "model-tool-runs.jsonl")
    tool = models.generate

    def recorded(document: str, **options: object) -> object:
        runs.record(document)
        return tool(document, **options)

    monkeypatch.setattr(models, "generate", recorded)
    return runs

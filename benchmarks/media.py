#!/usr/bin/env python3
"""Streamed bodies: peak memory and time of a generated client moving a large body, beside
openapi-python-client, measured in one run.

Both clients are generated from tests/fixtures/media/openapi.yaml (the Filebox API) and talk
to tests/fileserver.py, which runs in its own process so that its memory is not counted. Each
scenario runs in a fresh interpreter that makes the baseline's tiny call first, then the
transfer, and reports its peak RSS (getrusage) and the transfer's wall time; "above baseline" is
its peak minus the peak of the baseline alone (import the client, one 1 KiB download).
Every transfer is checked: the size and sha256 the server reports for an upload, those of the
written file or of the returned bytes for a download.

Goal: a streamed download or upload costs our client less than 64 MiB above its baseline,
whatever the size. Exits 1 when it is not met or when any check fails.

    make bench-media [SIZE=20MB]   # or: .venv/bin/python benchmarks/media.py [--size 20MB]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fileserver import PAYLOAD, download_bytes  # noqa: E402

SPEC = ROOT / "tests" / "fixtures" / "media" / "openapi.yaml"
GOAL_MIB = 64
STREAMED = ("streamed download to file", "streamed upload from file")

# The server, in its own process: its buffers must not count against either client. It stops
# when its stdin closes, so it cannot outlive this script.
_SERVER = """
import sys
from tests.fileserver import FileServer
server = FileServer()
print(server.port, flush=True)
sys.stdin.read()
"""

# Every child prints one JSON line: peak RSS (KiB on Linux), the transfer's seconds and what
# the checks need. Each makes the baseline's call before timing, so that what it adds above
# the baseline is the transfer alone. Hashing happens after timing, without copying the body.
_OURS = """
import hashlib, json, resource, sys, time
started = time.perf_counter()
scenario, port, size, path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
import filebox
out = {}
with filebox.FileboxClient(port=port) as client:
    tiny = client.files.download_file("f1")
    if scenario == "baseline":
        out["size"] = len(tiny)
    else:
        started = time.perf_counter()
        if scenario == "streamed download to file":
            with client.files.with_streaming_response.download_file(f"big-{size}") as response:
                response.write_to_file(path)
        elif scenario == "streamed upload from file":
            with open(path, "rb") as file:
                info = client.files.replace_content("f1", body=file)
            out.update(size=info.size, sha256=info.name)
        else:
            data = client.files.download_file(f"big-{size}")
        seconds = time.perf_counter() - started
        if scenario == "in-memory download":
            out.update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
out["seconds"] = time.perf_counter() - started if scenario == "baseline" else seconds
out["maxrss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps(out))
"""

# openapi-python-client returns a download as File(payload=BytesIO(response.content)): it
# cannot stream one, so "to file" is the whole body in memory, then copied out in 64 KiB reads.
# getvalue() returns the bytes that BytesIO shares with the response; getbuffer() would copy them.
# Its upload sends File(payload=file) as httpx content (read 64 KiB at a time). Its generated
# replace_content.sync() cannot parse the reply (the module imports two classes named File, and
# the second, types.File, has no from_dict), so the upload runs the request that sync() makes,
# from its own _get_kwargs, and reads the reply as JSON; a 1-byte sync() after the timing shows
# whether that is still needed.
_OPC = """
import hashlib, io, json, resource, shutil, sys, time
started = time.perf_counter()
scenario, port, size, path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
from filebox_opc import Client
from filebox_opc.api.files import download_file, replace_content
from filebox_opc.types import File
out = {}
with Client(base_url=f"http://127.0.0.1:{port}/v1") as client:
    tiny = download_file.sync("f1", client=client)
    assert isinstance(tiny, File), tiny
    if scenario == "baseline":
        out["size"] = len(tiny.payload.getvalue())
    else:
        started = time.perf_counter()
        if scenario == "streamed upload from file":
            with open(path, "rb") as file:
                kwargs = replace_content._get_kwargs("f1", body=File(payload=file))
                response = client.get_httpx_client().request(**kwargs)
            response.raise_for_status()
            info = response.json()
            out.update(size=info["size"], sha256=info["name"])
        else:
            got = download_file.sync(f"big-{size}", client=client)
            assert isinstance(got, File), got
            if scenario == "streamed download to file":
                with open(path, "wb") as file:
                    shutil.copyfileobj(got.payload, file)
        seconds = time.perf_counter() - started
        if scenario == "in-memory download":
            data = got.payload.getvalue()
            out.update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
        if scenario == "streamed upload from file":
            try:
                replace_content.sync("probe", client=client, body=File(payload=io.BytesIO(b"x")))
            except Exception as exc:
                out["note"] = f"its replace_content.sync() raises {type(exc).__name__}: {exc}"
out["seconds"] = time.perf_counter() - started if scenario == "baseline" else seconds
out["maxrss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps(out))
"""


@dataclass
class Tool:
    name: str
    python: str
    path: Path  # the directory to put on PYTHONPATH
    code: str


@dataclass
class Row:
    scenario: str
    tool: str
    mib: float
    seconds: float
    problem: str | None  # why the check failed, or None
    note: str | None = None
    above: float = 0.0


def parse_size(text: str) -> int:
    """``200MB`` (10^6 bytes), ``20MiB`` (2^20) or a plain number of bytes."""
    units = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9}
    units |= {"KIB": 2**10, "MIB": 2**20, "GIB": 2**30}
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*", text)
    if not match or match[2].upper() not in units:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 200MB, 20MiB, 1000000)")
    return int(float(match[1]) * units[match[2].upper()])


def generate_clients(work: Path, opc: Path) -> tuple[Path, Path | None, str]:
    """Our client under work/ours, the reference's under work/opc (None if it fails)."""
    (work / "specs" / "filebox").mkdir(parents=True)
    shutil.copy(SPEC, work / "specs" / "filebox" / "openapi.yaml")
    ours = work / "ours"
    command = [sys.executable, "-m", "generator", "generate"]
    done = subprocess.run(
        [*command, "--specs", str(work / "specs"), "--out", str(ours)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"our generator failed:\n{done.stderr[-3000:]}")
    # Its own ruff on PATH, so that it formats its client as it would for a user.
    env = {**os.environ, "PATH": f"{opc.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    theirs = work / "opc"
    done = subprocess.run(
        [
            str(opc),
            "generate",
            "--path",
            str(SPEC),
            "--output-path",
            str(theirs / "filebox_opc"),
            "--meta",
            "none",
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    version = subprocess.run([str(opc), "--version"], capture_output=True, text=True).stdout
    if done.returncode != 0 or not (theirs / "filebox_opc" / "__init__.py").exists():
        output = (done.stdout + done.stderr)[-2000:]
        print(f"openapi-python-client failed (exit {done.returncode}):\n{output}")
        return ours, None, version.strip()
    return ours, theirs, version.strip()


def prepare(work: Path, size: int) -> tuple[Path, str]:
    """The upload's source file, and the sha256 of the bytes every transfer must carry."""
    digest = hashlib.sha256()
    source = work / "upload.bin"
    with source.open("wb") as file:
        for chunk in download_bytes(size):
            digest.update(chunk)
            file.write(chunk)
    return source, digest.hexdigest()


def file_digest(path: Path) -> tuple[int, str]:
    with path.open("rb") as file:
        return path.stat().st_size, hashlib.file_digest(file, "sha256").hexdigest()


def run_scenario(
    tool: Tool, scenario: str, port: int, size: int, source: Path, work: Path, expected: str
) -> Row:
    target = work / f"download-{tool.name}.bin"
    path = source if scenario == "streamed upload from file" else target
    env = {**os.environ, "PYTHONPATH": str(tool.path)}
    done = subprocess.run(
        [tool.python, "-c", tool.code, scenario, str(port), str(size), str(path)],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        target.unlink(missing_ok=True)
        return Row(scenario, tool.name, 0.0, 0.0, "failed: " + done.stderr.strip()[-500:])
    out: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    got: tuple[int, str | None]
    want: tuple[int, str | None]
    if scenario == "baseline":
        got = (out["size"], None)
        want = (len(PAYLOAD), None)
    elif scenario == "streamed download to file":
        got = file_digest(target)
        want = (size, expected)
    else:
        got = (out["size"], out["sha256"])
        want = (size, expected)
    target.unlink(missing_ok=True)
    problem = None if got == want else f"got size/sha256 {got}, expected {want}"
    return Row(
        scenario, tool.name, out["maxrss_kib"] / 1024, out["seconds"], problem, out.get("note")
    )


def ratio(ours: float, theirs: float, floor: float) -> str:
    """ours/theirs, or '-' where the reference's value is too small to divide by. Ours below
    zero (a peak under the baseline's: noise) counts as zero."""
    return f"{max(ours, 0.0) / theirs:.2f}x" if theirs >= floor else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--size", type=parse_size, default=200 * 10**6, help="bytes per transfer (default 200MB)"
    )
    parser.add_argument(
        "--opc",
        type=Path,
        default=ROOT / ".venv-opc" / "bin" / "openapi-python-client",
        help="openapi-python-client executable (its environment's python runs its client)",
    )
    args = parser.parse_args()
    # Absolute, not resolved: its PATH entry must hold from any directory, and its python is a
    # symlink that must keep pointing into the environment.
    opc = args.opc.absolute()
    work = Path(tempfile.mkdtemp(prefix="bench-media-"))
    server = None
    try:
        ours_path, opc_path, opc_version = generate_clients(work, opc)
        tools = [Tool("ours", sys.executable, ours_path, _OURS)]
        if opc_path is not None:
            tools.append(Tool("opc", str(opc.parent / "python"), opc_path, _OPC))
        source, expected = prepare(work, args.size)
        server = subprocess.Popen(
            [sys.executable, "-c", _SERVER],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert server.stdout is not None
        port = int(server.stdout.readline())
        print(f"# Streamed bodies benchmark, {time.strftime('%Y-%m-%d %H:%M')}")
        print(
            f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()};"
            f" {opc_version}; {args.size:,} bytes per transfer ({args.size / 2**20:.1f} MiB)\n"
        )
        rows: list[Row] = []
        scenarios = ("baseline", *STREAMED, "in-memory download")
        # One after another, never two at once: each has the machine's second core to itself
        # (the server's), and ours and the reference alternate, so drift hits both alike.
        for scenario in scenarios:
            for tool in tools:
                rows.append(run_scenario(tool, scenario, port, args.size, source, work, expected))
        base = {r.tool: r.mib for r in rows if r.scenario == "baseline"}
        for row in rows:
            row.above = row.mib - base[row.tool]
        status = report(rows, scenarios)
        if opc_path is None:
            print("Check failed: openapi-python-client generated no client to compare with.")
            return 1
        return status
    finally:
        if server is not None:
            assert server.stdin is not None
            server.stdin.close()
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


def report(rows: list[Row], scenarios: tuple[str, ...]) -> int:
    print("| scenario | tool | peak RSS MiB | above baseline MiB | seconds | check |")
    print("|---|---|---:|---:|---:|---|")
    for row in rows:
        check = row.problem or "ok"
        cells = [row.scenario, row.tool, f"{row.mib:.1f}", f"{row.above:.1f}"]
        cells += [f"{row.seconds:.3f}", check + (f" ({row.note})" if row.note else "")]
        print("| " + " | ".join(cells) + " |")
    by_key = {(r.scenario, r.tool): r for r in rows}
    print("\n| scenario | above-baseline ratio ours/opc | time ratio ours/opc |")
    print("|---|---:|---:|")
    for scenario in scenarios[1:]:
        ours, theirs = by_key[(scenario, "ours")], by_key.get((scenario, "opc"))
        if theirs is None or theirs.problem or ours.problem:
            print(f"| {scenario} | - | - |")
            continue
        # Below 1 MiB above baseline, the reference's figure is noise: no ratio.
        memory = ratio(ours.above, theirs.above, 1.0)
        print(f"| {scenario} | {memory} | {ratio(ours.seconds, theirs.seconds, 1e-3)} |")
    worst = max(by_key[(s, "ours")].above for s in STREAMED)
    passed = all(
        not by_key[(s, "ours")].problem and by_key[(s, "ours")].above < GOAL_MIB for s in STREAMED
    )
    verdict = "PASS" if passed else "FAIL"
    print(
        f"\nGoal (a streamed transfer costs our client < {GOAL_MIB} MiB above its baseline):"
        f" {verdict}, at most {worst:.1f} MiB."
    )
    failed = [r for r in rows if r.problem]
    for row in failed:
        print(f"Check failed: {row.scenario}, {row.tool}: {row.problem}")
    return 0 if passed and not failed else 1


if __name__ == "__main__":
    sys.exit(main())

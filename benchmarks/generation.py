#!/usr/bin/env python3
"""Generation, import and per-call speed on the corpus specs, beside openapi-python-client,
measured in one run.

For each spec in ../shared/corpus, as separate processes: our generator, openapi-python-client
(its own virtual environment, `literal_enums: true` so that it can generate Stripe, GitHub
and Box at all) and datamodel-code-generator alone on the same spec (the floor under our
model rendering). Wall time (the median of three runs without memory sampling, ours and
openapi-python-client's alternating), and peak memory summed over each process tree (of
one more, sampled run): proportional set sizes (a page that forked
workers share with their parent counts once), and resident sets (it counts once per
process, which errs against us). For Box and Stripe, one schema's
description reworded and the client regenerated, then one operation's, against our cold
generation. Then the import time of each generated client (and, by `python -X importtime`,
what it is spent on), a no-op regeneration of all of them, one vendor regenerated beside
nine others under --out against the same vendor alone, and the per-call overhead of a
generated client against raw httpx on a local server. Prints every result as a ratio, and
issue 29's goals last.

    make bench-generation     # or: .venv/bin/python benchmarks/generation.py --opc PATH [SPEC ...]
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SPECS = ("asana", "box", "github", "plaid", "stripe", "twilio")
# What openapi-python-client needs to generate Stripe, GitHub and Box at all: without it,
# it stops at enum members whose names collide ("Duplicate key GMT0 in enum").
OPC_CONFIG = "literal_enums: true\n"
# Cold generation against openapi-python-client's wall time, on these.
COLD_GOAL_SPECS = ("box", "twilio", "github")
# Issue 29's goals against openapi-python-client in the same run: a cold generation ...
COLD_GOAL = 1.5
# ... one schema reworded and regenerated, against its full run (the specs edited) ...
EDIT_GOAL = 0.5
EDIT_SPECS = ("box", "stripe")
# ... an import, and the peak memory of Box's generation.
IMPORT_GOAL = 1.2
MEMORY_GOAL = 1.5
EDIT_PAIRS = 3
# Cold runs of each tool, alternating, whose median is the cold time.
COLD_RUNS = 3
# The small spec copied ten times to see what other vendors under --out cost a regeneration.
SMALL_VENDOR = ROOT / "specs" / "loyaltydog"


def run(
    command: list[str],
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    *,
    sample: bool = True,
) -> dict[str, Any]:
    """Wall seconds, the peak memory of the process tree (sampled every 20 ms) in MiB, exit
    code. ``mib`` sums each process's proportional set size (a page that several processes
    share counts once, split between them); ``rss_mib`` sums their resident sets (a shared
    page counts once per process: forked workers make this err against us)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    peak_pss = peak_rss = 0
    done = threading.Event()

    def sampled() -> None:
        nonlocal peak_pss, peak_rss
        while not done.is_set():
            pss, rss = _tree_memory(process.pid)
            peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
            done.wait(0.02)

    sampler = threading.Thread(target=sampled, daemon=True)
    if sample:
        sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    if sample:
        sampler.join()
    return {
        "seconds": seconds,
        "mib": peak_pss / 1024,
        "rss_mib": peak_rss / 1024,
        "exit": process.returncode,
        "stderr": stderr[-2000:],
    }


def _tree_memory(root: int) -> tuple[int, int]:
    """KiB in ``root`` and all its descendants: summed proportional and resident set sizes."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    pss = rss = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        for line in rollup.splitlines():
            if line.startswith("Pss:"):
                pss += int(line.split()[1])
            elif line.startswith("Rss:"):
                rss += int(line.split()[1])
    return pss, rss


def best_import(python: str, module: str, path: Path, repeat: int = 5) -> float:
    """Best of ``repeat`` imports in fresh interpreters, bytecode already compiled."""
    env = {**os.environ, "PYTHONPATH": str(path)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    subprocess.run([python, "-c", f"import {module}"], env=env, check=True, capture_output=True)
    times = []
    for _ in range(repeat):
        out = subprocess.run([python, "-c", code], env=env, check=True, capture_output=True)
        times.append(float(out.stdout))
    return min(times)


def import_profile(python: str, module: str, path: Path, shown: int = 6) -> str:
    """Where ``import module`` spends its time, by ``python -X importtime`` (one run, bytecode
    compiled): the self times of the modules it loads, summed by top-level package, heaviest
    first, in milliseconds."""
    env = {**os.environ, "PYTHONPATH": str(path)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [python, "-X", "importtime", "-c", f"import {module}"]
    subprocess.run(command, env=env, check=True, capture_output=True)
    report = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stderr
    packages: dict[str, int] = {}
    for line in report.splitlines():
        # import time: self [us] | cumulative | imported package
        fields = line.removeprefix("import time:").split("|")
        if len(fields) == 3 and fields[0].strip().isdigit():
            package = fields[2].strip().split(".")[0]
            packages[package] = packages.get(package, 0) + int(fields[0])
    heaviest = sorted(packages.items(), key=lambda item: -item[1])[:shown]
    return ", ".join(f"{name} {micros / 1000:.1f}" for name, micros in heaviest)


def black_alone(package: Path, work: Path) -> dict[str, Any]:
    """black, as our pipeline sets it, over a copy of a generated client: code it has already
    formatted, so one pass per file (our pipeline makes a second wherever the first changed
    anything), on both cores, with an empty cache."""
    copy = work / "black" / package.name
    shutil.copytree(package, copy)
    env = {**os.environ, "BLACK_CACHE_DIR": str(work / "black-cache")}
    command = [sys.executable, "-m", "black", "-q", "-l", "100", "-t", "py311", "--workers", "2"]
    result = run([*command, str(copy)], env=env)
    shutil.rmtree(copy)
    return result


# Run in a fresh interpreter per model: what the first call of an operation adds after
# `import <client>`, the HTTP exchange aside (loading its response model and the models
# it reaches, and building their validator).
_FIRST_CALL = """
import sys, time
import {package}
from {package}._runtime.client import _adapter
started = time.perf_counter()
adapter = _adapter(getattr({package}.models, sys.argv[1]))
adapter.rebuild()
print(time.perf_counter() - started)
"""


# Where a resource method names the model of its response: cast_to=, or, for a list over
# pages, the items of the page it returns.
_RESPONSE_MODELS = re.compile(r"cast_to=models\.\w+|-> SyncPage\[[^\]]*\]")


def first_calls(python: str, package: Path) -> dict[str, float]:
    """Seconds for each distinct response model of a generated client, bytecode compiled."""
    models = sorted(
        {
            m
            for f in (package / "resources").glob("*.py")
            for found in _RESPONSE_MODELS.findall(f.read_text(encoding="utf-8"))
            for m in re.findall(r"models\.(\w+)", found)
        }
    )
    env = {**os.environ, "PYTHONPATH": str(package.parent)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    code = _FIRST_CALL.format(package=package.name)
    subprocess.run([python, "-c", code, models[0]], env=env, check=True, capture_output=True)
    subprocess.run([python, "-m", "compileall", "-q", str(package)], check=True)
    return {
        model: float(
            subprocess.run(
                [python, "-c", code, model], env=env, check=True, capture_output=True
            ).stdout
        )
        for model in models
    }


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body leave in one write: two small writes would wait on delayed ACKs.
    wbufsize = 1 << 16
    disable_nagle_algorithm = True
    body = json.dumps(
        {"id": "c1", "email": "ann@example.com", "first_name": "Ann", "last_name": "Lee"}
    ).encode()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def per_call(rounds: int = 15, calls: int = 200) -> tuple[float, float]:
    """Median microseconds per call: generated Imprint client, raw httpx; same request,
    same response, same connection pool, the server in this process's other thread."""
    sys.path.insert(0, str(ROOT / "generated"))
    import httpx

    imprint = importlib.import_module("imprint")  # found on the path just set, not by mypy

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    body = {"email": "ann@example.com", "first_name": "Ann"}
    raw_http, client_http = httpx.Client(), httpx.Client()
    client = imprint.ImprintClient(bearer_auth="key", base_url=base, http_client=client_http)

    def raw() -> object:
        response = raw_http.post(
            f"{base}/v2/customers/c1", json=body, headers={"authorization": "Bearer key"}
        )
        response.raise_for_status()
        return response.json()

    def generated() -> object:
        return client.customers.update_customer("c1", body=body)

    def time_calls(call: Callable[[], object]) -> float:
        started = time.perf_counter()
        for _ in range(calls):
            call()
        return (time.perf_counter() - started) / calls * 1e6

    for call in (raw, generated):  # warm: connections open, validators built
        time_calls(call)
    ours, theirs = [], []
    for _ in range(rounds):  # interleaved, so drift in the machine hits both alike
        theirs.append(time_calls(raw))
        ours.append(time_calls(generated))
    server.shutdown()
    return statistics.median(ours), statistics.median(theirs)


def cold_runs(commands: list[tuple[list[str], Path, Path | None]]) -> list[dict[str, Any]]:
    """Each of ``commands`` (command, the output it writes, its working directory) run cold:
    timed COLD_RUNS times, the commands alternating (a single run is at the mercy of what
    else the machine does then: medians), then once more from scratch with its memory
    sampled: reading every process's smaps_rollup every 20 ms slows a tree of several
    processes (ours: Box 9.3 s sampled, 8.7 s not) more than a single process."""

    def from_scratch(output: Path) -> None:
        shutil.rmtree(output, ignore_errors=True)
        # The models' cache a run of ours leaves beside the output goes too.
        shutil.rmtree(output.parent.parent / f".{output.parent.name}.cache", ignore_errors=True)

    seconds: list[list[float]] = [[] for _ in commands]
    failed = [0] * len(commands)
    for index in range(COLD_RUNS):
        order = list(enumerate(commands))
        for at, (command, output, cwd) in order if index % 2 == 0 else order[::-1]:
            from_scratch(output)
            timed = run(command, cwd=cwd, sample=False)
            seconds[at].append(timed["seconds"])
            failed[at] = failed[at] or timed["exit"]
    results = []
    for at, (command, output, cwd) in enumerate(commands):
        from_scratch(output)
        sampled = run(command, cwd=cwd)
        median = statistics.median(seconds[at])
        results.append({**sampled, "seconds": median, "exit": failed[at] or sampled["exit"]})
    return results


def generate(specs: Path, out: Path, *vendors: str, bytecode: bool = False) -> dict[str, Any]:
    """Our generator, as its own process, timed (its memory is not sampled). ``bytecode``:
    its modules' bytecode is written and read, as a user's `make generate` does, even where
    PYTHONDONTWRITEBYTECODE is set."""
    command = [sys.executable, "-m", "generator", "generate", *vendors]
    env = None
    if bytecode:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return run(
        [*command, "--specs", str(specs), "--out", str(out)], cwd=ROOT, env=env, sample=False
    )


def _reword_once(spec: Path, found: Callable[[Any], list[tuple[str, dict[str, Any], str]]]) -> str:
    """Reword in place the first text ``found`` lists (name, the object holding it, its key)
    that is one line, written once, as is, in the file, as a vendor's spec update would;
    its name. Checked by reading the file again: nothing else changed."""
    text = spec.read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    read = json.loads if spec.suffix == ".json" else lambda t: yaml.load(t, Loader=loader)
    data = read(text)
    for name, holder, key in found(data):
        prose = holder.get(key)
        if (
            isinstance(prose, str)
            and "\n" not in prose
            and len(prose) > 20
            and text.count(prose) == 1
        ):
            edited = text.replace(prose, f"{prose} (reworded)")
            holder[key] = f"{prose} (reworded)"
            if read(edited) == data:
                spec.write_text(edited, encoding="utf-8")
                return name
            holder[key] = prose
    raise ValueError(f"{spec}: nothing to reword")


def reword_one_schema(spec: Path) -> str:
    """A schema's description reworded: its models change, and nothing else."""
    return _reword_once(
        spec,
        lambda data: [
            (str(name), schema, "description")
            for name, schema in sorted(data["components"]["schemas"].items())
            if isinstance(schema, dict)
        ],
    )


def reword_one_operation(spec: Path) -> str:
    """An operation's summary or description reworded: no model changes."""
    return _reword_once(
        spec,
        lambda data: [
            (f"{method.upper()} {path}", operation, key)
            for path, item in sorted(data["paths"].items())
            for method, operation in sorted(item.items())
            if method in ("get", "put", "post", "patch", "delete") and isinstance(operation, dict)
            for key in ("summary", "description")
        ],
    )


@dataclass(frozen=True)
class Edits:
    """Medians over alternating pairs: a cold generation, then regenerations after edits."""

    schema: str
    operation: str
    cold: float
    schema_seconds: float
    schema_ratio: float
    operation_seconds: float
    operation_ratio: float
    schema_mib: float  # the peak of one more schema regeneration, sampled


def edit_pairs(source: Path, work: Path, name: str) -> Edits:
    """A cold generation of ``source``, then one schema reworded and regenerated, then one
    operation reworded and regenerated, alternated EDIT_PAIRS times (a single pair is at the
    mercy of one slow run)."""
    runs = []
    for index in range(EDIT_PAIRS):
        specs, out = work / f"specs-{index}", work / f"out-{index}"
        spec = specs / name / f"openapi{source.suffix}"
        spec.parent.mkdir(parents=True)
        shutil.copy(source, spec)
        cold = generate(specs, out, name)
        schema = reword_one_schema(spec)
        schema_edit = generate(specs, out, name)
        operation = reword_one_operation(spec)
        operation_edit = generate(specs, out, name)
        for done in (cold, schema_edit, operation_edit):
            assert done["exit"] == 0, done["stderr"]
        runs.append((cold["seconds"], schema_edit["seconds"], operation_edit["seconds"]))
    # Once more with the schema regeneration's memory sampled (sampling slows it).
    specs, out = work / "specs-sampled", work / "out-sampled"
    spec = specs / name / f"openapi{source.suffix}"
    spec.parent.mkdir(parents=True)
    shutil.copy(source, spec)
    assert generate(specs, out, name)["exit"] == 0
    reword_one_schema(spec)
    command = [sys.executable, "-m", "generator", "generate", name]
    sampled = run([*command, "--specs", str(specs), "--out", str(out)], cwd=ROOT)
    assert sampled["exit"] == 0, sampled["stderr"]
    return Edits(
        schema,
        operation,
        statistics.median(c for c, _, _ in runs),
        statistics.median(s for _, s, _ in runs),
        statistics.median(s / c for c, s, _ in runs),
        statistics.median(o for _, _, o in runs),
        statistics.median(o / c for c, _, o in runs),
        sampled["mib"],
    )


def one_of_ten(work: Path, pairs: int = 3) -> tuple[float, float]:
    """Median seconds to regenerate one vendor (copies of a small spec) with nine others
    under --out, and alone; interleaved pairs. The spec's bytes change (a comment), so the
    vendor is regenerated in full; its files do not: all that differs between the two is
    the other vendors under --out."""
    layouts = []
    for count in (10, 1):
        specs, out = work / f"vendors-{count}" / "specs", work / f"vendors-{count}" / "generated"
        for index in range(count):
            shutil.copytree(SMALL_VENDOR, specs / f"vendor{index}")
        setup = generate(specs, out)
        assert setup["exit"] == 0, setup["stderr"]
        layouts.append((specs, out))
    seconds: list[list[float]] = [[], []]
    for round_ in range(pairs):
        for times, (specs, out) in zip(seconds, layouts, strict=True):
            spec = specs / "vendor0" / "openapi.yaml"
            spec.write_text(
                (SMALL_VENDOR / "openapi.yaml").read_text(encoding="utf-8")
                + f"# regeneration {round_}\n",
                encoding="utf-8",
            )
            result = generate(specs, out, "vendor0")
            assert result["exit"] == 0, result["stderr"]
            times.append(result["seconds"])
    return statistics.median(seconds[0]), statistics.median(seconds[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--opc", type=Path, required=True, help="openapi-python-client executable")
    parser.add_argument("specs", nargs="*", default=list(SPECS))
    args = parser.parse_args()
    opc_python = str(args.opc.parent / "python")
    work = Path(tempfile.mkdtemp(prefix="bench-generation-"))
    specs_dir, ours_dir, opc_dir, dmcg_dir = (work / n for n in ("specs", "ours", "opc", "dmcg"))
    for d in (opc_dir, dmcg_dir):
        d.mkdir(parents=True)
    (work / "opc.yaml").write_text(OPC_CONFIG)
    print(f"# Generation benchmark, {time.strftime('%Y-%m-%d')}")
    print(
        f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()};"
        f" {subprocess.run([str(args.opc), '--version'], capture_output=True, text=True).stdout.strip()}\n"
    )
    print(
        "| spec | ours s | opc s | time ratio | ours MiB | opc MiB | memory ratio"
        " | resident sets summed: ours MiB | opc MiB | ratio | dmcg alone s | dmcg MiB"
        " | black alone s |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    generated_by_opc = []
    cold: dict[str, tuple[dict[str, Any], dict[str, Any] | None]] = {}
    edits: dict[str, Edits] = {}
    for name in args.specs:
        source = next(CORPUS.glob(f"{name}.*"))
        (specs_dir / name).mkdir(parents=True)
        shutil.copy(source, specs_dir / name / f"openapi{source.suffix}")
        command = [sys.executable, "-m", "generator", "generate", name]
        opc_command = [
            str(args.opc),
            "generate",
            "--path",
            str(source),
            "--output-path",
            str(opc_dir / name),
            "--meta",
            "none",
            "--config",
            str(work / "opc.yaml"),
        ]
        ours, theirs = cold_runs(
            [
                (
                    [*command, "--specs", str(specs_dir), "--out", str(ours_dir)],
                    ours_dir / name,
                    ROOT,
                ),
                (opc_command, opc_dir / name, None),
            ]
        )
        dmcg = run(
            [
                sys.executable,
                "-m",
                "datamodel_code_generator",
                "--input",
                str(source),
                "--input-file-type",
                "openapi",
                "--output-model-type",
                "pydantic_v2.BaseModel",
                "--output",
                str(dmcg_dir / f"{name}.py"),
            ],
        )
        opc_ok = theirs["exit"] == 0 and (opc_dir / name / "__init__.py").exists()
        if opc_ok:
            generated_by_opc.append(name)
        assert ours["exit"] == 0, ours["stderr"]
        formatting = black_alone(ours_dir / name, work)
        assert formatting["exit"] == 0, formatting["stderr"]
        cells = [
            name,
            f"{ours['seconds']:.1f}",
            f"{theirs['seconds']:.1f}" if opc_ok else f"failed ({theirs['seconds']:.1f})",
            f"{ours['seconds'] / theirs['seconds']:.2f}x" if opc_ok else "-",
            f"{ours['mib']:.0f}",
            f"{theirs['mib']:.0f}" if opc_ok else "-",
            f"{ours['mib'] / theirs['mib']:.2f}x" if opc_ok else "-",
            f"{ours['rss_mib']:.0f}",
            f"{theirs['rss_mib']:.0f}" if opc_ok else "-",
            f"{ours['rss_mib'] / theirs['rss_mib']:.2f}x" if opc_ok else "-",
            f"{dmcg['seconds']:.1f}" if dmcg["exit"] == 0 else "failed",
            f"{dmcg['mib']:.0f}" if dmcg["exit"] == 0 else "-",
            f"{formatting['seconds']:.1f}",
        ]
        print("| " + " | ".join(cells) + " |", flush=True)
        cold[name] = (ours, theirs if opc_ok else None)
        if name in EDIT_SPECS:
            edits[name] = edit_pairs(source, work / "edits" / name, name)
    if edits:
        print(
            "\nOne schema reworded and regenerated, then one operation reworded and regenerated,"
            f" against a cold generation of the same spec: {EDIT_PAIRS} alternating runs, medians.\n"
        )
        print(
            "| spec | our cold s | schema reworded | regeneration s | ratio"
            " | operation reworded | regeneration s | ratio |"
        )
        print("|---|---:|---|---:|---:|---|---:|---:|")
        for name, edit in edits.items():
            print(
                f"| {name} | {edit.cold:.1f} | {edit.schema} | {edit.schema_seconds:.1f}"
                f" | {edit.schema_ratio:.2f}x | {edit.operation} | {edit.operation_seconds:.1f}"
                f" | {edit.operation_ratio:.2f}x |"
            )
    # Both clients imported by one interpreter with one set of packages: openapi-python-
    # client's, which holds what either client needs (httpx, pydantic, attrs) and not this
    # project's tools. httpx loads click and pygments, at import, wherever they are installed.
    print(
        "\nEach client imported by openapi-python-client's interpreter, with its packages"
        " (what either client needs, none of this project's tools).\n"
    )
    print("| spec | import ours s | import opc s | ratio |")
    print("|---|---:|---:|---:|")
    import_ratios = {}
    for name in args.specs:
        ours_import = best_import(opc_python, name, ours_dir)
        if name in generated_by_opc:
            opc_import = best_import(opc_python, name, opc_dir)
            import_ratios[name] = ours_import / opc_import
            print(
                f"| {name} | {ours_import:.3f} | {opc_import:.3f} | {ours_import / opc_import:.2f}x |"
            )
        else:
            print(f"| {name} | {ours_import:.3f} | - | - |")
    print(
        "\nWhere each import spends its time (`python -X importtime`, one run): milliseconds"
        " of self time, summed by top-level package, heaviest first.\n"
    )
    for name in args.specs:
        print(f"- {name}, ours: {import_profile(opc_python, name, ours_dir)}")
        if name in generated_by_opc:
            print(f"- {name}, openapi-python-client: {import_profile(opc_python, name, opc_dir)}")
    if "stripe" in args.specs:
        seconds = first_calls(sys.executable, ours_dir / "stripe")
        slowest = sorted(seconds, key=seconds.__getitem__, reverse=True)[:3]
        print(
            f"\nFirst call after `import stripe`, for each of its {len(seconds)} response models"
            f" (loading it and building its validator): {sum(s < 0.5 for s in seconds.values())}"
            f" under 0.5 s; median {statistics.median(seconds.values()):.3f} s; slowest "
            + ", ".join(f"{m} {seconds[m]:.3f} s" for m in slowest)
            + "."
        )
    noop = min(generate(specs_dir, ours_dir, bytecode=True)["seconds"] for _ in range(5))
    print(
        f"\nNo-op regeneration of all {len(args.specs)} specs (best of 5, bytecode compiled):"
        f" {noop:.2f} s ({noop / 0.2:.2f}x the 0.2 s budget)."
    )
    beside_nine, alone = one_of_ten(work)
    print(
        f"One vendor regenerated ({SMALL_VENDOR.name}'s spec) with nine copies beside it under"
        f" --out: {beside_nine:.2f} s; alone: {alone:.2f} s; ratio {beside_nine / alone:.2f}x"
        " (median of 3 interleaved pairs)."
    )
    ours_us, raw_us = per_call()
    print(
        f"Per call (Imprint update_customer over loopback): generated client {ours_us:.0f} us,"
        f" raw httpx {raw_us:.0f} us, ratio {ours_us / raw_us:.2f}x."
    )
    print("\n## Issue 29's goals, as measured above\n")
    print("| goal | measured | target |")
    print("|---|---:|---:|")
    for name in COLD_GOAL_SPECS:
        if name in cold:
            mine, reference = cold[name]
            ratio = f"{mine['seconds'] / reference['seconds']:.2f}x" if reference else "opc failed"
            print(
                f"| cold generation, {name}, against openapi-python-client | {ratio}"
                f" | {COLD_GOAL}x |"
            )
    for name, edit in edits.items():
        full = cold[name][1]
        shown = (
            f"{edit.schema_seconds / full['seconds']:.2f}x"
            f" ({edit.schema_seconds:.1f} s / {full['seconds']:.1f} s)"
            if full
            else "opc failed"
        )
        print(
            f"| one schema reworded, {name}: regeneration against openapi-python-client's"
            f" full run | {shown} | {EDIT_GOAL}x |"
        )
    for name, imported in import_ratios.items():
        print(
            f"| import of a generated client, {name}, against openapi-python-client"
            f" (best of 5 wall times; benchmarks/imports.py: CPU medians) | {imported:.2f}x"
            f" | {IMPORT_GOAL}x |"
        )
    box_reference = cold["box"][1] if "box" in cold else None
    if box_reference is not None:
        mine, reference = cold["box"][0], box_reference
        print(
            "| peak memory, box, cold (proportional set sizes summed), against"
            f" openapi-python-client | {mine['mib'] / reference['mib']:.2f}x | {MEMORY_GOAL}x |"
        )
        if "box" in edits:
            print(
                "| peak memory, box, one schema reworded, against openapi-python-client's"
                f" cold | {edits['box'].schema_mib / reference['mib']:.2f}x | {MEMORY_GOAL}x |"
            )
    print(
        f"| no-op `make generate` | {noop:.2f} s | 0.2 s |\n"
        f"| one vendor beside nine under --out, against alone | {beside_nine / alone:.2f}x"
        " | 1.0x |"
    )
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())

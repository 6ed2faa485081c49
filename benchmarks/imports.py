#!/usr/bin/env python3
"""Import time of generated clients beside openapi-python-client's, for a shared machine.

For each spec, both clients are generated, then imported in fresh interpreters (bytecode
compiled), ours and theirs alternating, and the medians compared: CPU time of `import
<client>` in full, as each runs in its own environment (generation.py, whose ratio issue 29
sets a goal for, imports both in openapi-python-client's),
and of `import <client>` after `import httpx` (what the generated code itself costs). Then
`import httpx` alone in each environment: it imports its command line's click and pygments
where they are installed, as they are in the generator's.

    .venv/bin/python benchmarks/imports.py --opc PATH [--runs N] [SPEC ...]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from generation import CORPUS, OPC_CONFIG, ROOT

PROBE = (
    "import time\n{before}"
    "started = time.process_time()\n"
    "import {module}\n"
    "print(time.process_time() - started)\n"
)


def cpu_seconds(python: str, path: Path, module: str, before: str = "") -> float:
    """CPU seconds of ``import module`` in a fresh interpreter, after ``before``."""
    env = {**os.environ, "PYTHONPATH": str(path)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    code = PROBE.format(before=before, module=module)
    out = subprocess.run([python, "-c", code], env=env, check=True, capture_output=True)
    return float(out.stdout)


def medians(probes: dict[str, tuple[str, Path, str, str]], runs: int) -> dict[str, float]:
    """Each probe ``runs`` times, all of them in turn each round, so that the machine's load
    weighs on each alike; the median of each, in milliseconds."""
    for probe in probes.values():
        cpu_seconds(*probe)  # compiles the bytecode
    seconds: dict[str, list[float]] = {label: [] for label in probes}
    for _ in range(runs):
        for label, probe in probes.items():
            seconds[label].append(cpu_seconds(*probe))
    return {label: statistics.median(values) * 1000 for label, values in seconds.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--opc", type=Path, required=True, help="openapi-python-client executable")
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("specs", nargs="*", default=["box", "twilio"])
    args = parser.parse_args()
    opc_python = str(args.opc.parent / "python")
    work = Path(tempfile.mkdtemp(prefix="bench-imports-"))
    ours_dir, opc_dir = work / "ours", work / "opc"
    opc_dir.mkdir(parents=True)
    (work / "opc.yaml").write_text(OPC_CONFIG)
    for name in args.specs:
        source = next(CORPUS.glob(f"{name}.*"))
        (work / "specs" / name).mkdir(parents=True)
        shutil.copy(source, work / "specs" / name / f"openapi{source.suffix}")
        ours = [sys.executable, "-m", "generator", "generate", name]
        subprocess.run(
            [*ours, "--specs", str(work / "specs"), "--out", str(ours_dir)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        theirs = [str(args.opc), "generate", "--path", str(source), "--meta", "none"]
        subprocess.run(
            [*theirs, "--output-path", str(opc_dir / name), "--config", str(work / "opc.yaml")],
            check=True,
            capture_output=True,
        )
    print(f"CPU time of an import, median of {args.runs} alternating runs, in milliseconds.\n")
    print("| spec | ours | opc | ratio | after httpx: ours | opc | ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in args.specs:
        after_httpx = "import httpx\n"
        found = medians(
            {
                "ours": (sys.executable, ours_dir, name, ""),
                "opc": (opc_python, opc_dir, name, ""),
                "ours+": (sys.executable, ours_dir, name, after_httpx),
                "opc+": (opc_python, opc_dir, name, after_httpx),
            },
            args.runs,
        )
        print(
            f"| {name} | {found['ours']:.1f} | {found['opc']:.1f}"
            f" | {found['ours'] / found['opc']:.2f}x | {found['ours+']:.1f} | {found['opc+']:.1f}"
            f" | {found['ours+'] / found['opc+']:.2f}x |",
            flush=True,
        )
    httpx = medians(
        {"ours": (sys.executable, work, "httpx", ""), "opc": (opc_python, work, "httpx", "")},
        args.runs,
    )
    print(
        f"\n`import httpx` alone: {httpx['ours']:.1f} ms in our environment,"
        f" {httpx['opc']:.1f} ms in openapi-python-client's ({httpx['ours'] / httpx['opc']:.2f}x)."
    )
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())

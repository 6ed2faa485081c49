#!/usr/bin/env python3
"""Spec-diff speed and memory on the large corpus specs, beside Optic, measured in one run.

For each spec in ../shared/corpus a revision with a handful of known changes is made.
Both tools compare base and revision as separate processes; wall time and peak memory
come from each child's rusage. Prints ratios (ours / Optic) and the operations Optic
flags that we do not.

    make bench-spec-diff            # or: .venv/bin/python benchmarks/spec_diff.py [--timeout S] [SPEC ...]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
OPTIC = ROOT / "node_modules" / ".bin" / "optic"
METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")  # OpenAPI order
sys.path.insert(0, str(ROOT))

from generator.spec.load import load_document  # noqa: E402


def mutate(spec: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A revision with five deterministic changes, and what they are."""
    revision = copy.deepcopy(spec)
    done = []
    paths = sorted(revision["paths"])
    del revision["paths"][paths[-1]]
    done.append(f"removed path {paths[-1]}")
    for path in paths[:-1]:
        item = revision["paths"][path]
        method = next((m for m in METHODS if isinstance(item.get(m), dict)), None)
        if method:
            item[method].setdefault("parameters", []).append(
                {
                    "name": "bench_required",
                    "in": "query",
                    "required": True,
                    "schema": {"type": "string"},
                }
            )
            done.append(f"required query parameter added to {method.upper()} {path}")
            break
    schemas = revision.get("components", {}).get("schemas", {})
    for name in sorted(schemas):
        props = schemas[name].get("properties") if isinstance(schemas[name], dict) else None
        if isinstance(props, dict) and len(props) > 2:
            removed = sorted(props)[0]
            del props[removed]
            done.append(f"property {name}.{removed} removed")
            break
    for name in sorted(schemas):
        props = schemas[name].get("properties") if isinstance(schemas[name], dict) else None
        enum_prop = next(
            (
                p
                for p, s in sorted((props or {}).items())
                if isinstance(s, dict) and isinstance(s.get("enum"), list)
            ),
            None,
        )
        if enum_prop:
            props[enum_prop]["enum"].append("bench_value")
            done.append(f"enum value added to {name}.{enum_prop}")
            break
    for name in sorted(schemas):
        props = schemas[name].get("properties") if isinstance(schemas[name], dict) else None
        text_prop = next(
            (
                p
                for p, s in sorted((props or {}).items())
                if isinstance(s, dict)
                and s.get("type") == "string"
                and "maxLength" not in s
                and "enum" not in s
            ),
            None,
        )
        if text_prop:
            props[text_prop]["maxLength"] = 3
            done.append(f"maxLength 3 set on {name}.{text_prop}")
            break
    return revision, done


def measure(command: list[str], timeout: float, output: Path) -> dict[str, Any]:
    """Run a command; its wall time, peak RSS (MiB) and exit status, or a timeout."""
    with output.open("wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            elapsed = time.perf_counter() - started
            if pid:
                process.returncode = os.waitstatus_to_exitcode(status)
                return {
                    "seconds": elapsed,
                    "mib": usage.ru_maxrss / 1024,
                    "exit": process.returncode,
                }
            if elapsed > timeout:
                process.kill()
                _, _, usage = os.wait4(process.pid, 0)
                return {"seconds": None, "mib": usage.ru_maxrss / 1024, "exit": "timeout"}
            time.sleep(0.02)


def our_operations(report_file: Path) -> set[str]:
    report = json.loads(report_file.read_text())
    return {
        f"{p['method']} {p['path']}"
        for v in report["vendors"]
        for f in v["findings"]
        for p in f["places"]
        if p["method"]
    }


def optic_operations(report_file: Path) -> set[str] | None:
    """Operations Optic's JSON output lists as changed; None when it produced no JSON."""
    try:
        report = json.loads(report_file.read_text())
    except ValueError:
        return None
    return {str(op["name"]) for op in report.get("operations", []) if op.get("name")}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("specs", nargs="*", help="corpus file names (default: all)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per tool and spec")
    args = parser.parse_args()
    if not OPTIC.exists():
        print(
            "Optic is not installed: run `npm ci` (package.json pins @useoptic/optic)",
            file=sys.stderr,
        )
        return 2
    names = args.specs or sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".json", ".yaml"))
    print(
        f"# spec-diff benchmark, {time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    print(
        "| spec | ours s | Optic s | time ratio | ours MiB | Optic MiB | memory ratio | our findings | "
        "Optic-only operations |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory(prefix="bench-diff-") as scratch:
        work = Path(scratch)
        for name in names:
            spec = load_document(CORPUS / name).data
            revision, changes = mutate(spec)
            base_file, rev_file = (
                work / f"{Path(name).stem}.base.json",
                work / f"{Path(name).stem}.json",
            )
            base_file.write_text(json.dumps(spec))
            rev_file.write_text(json.dumps(revision))
            ours_out, optic_out = work / "ours.json", work / "optic.json"
            ours = measure(
                [
                    sys.executable,
                    "-m",
                    "generator",
                    "diff-files",
                    str(base_file),
                    str(rev_file),
                    "--format",
                    "json",
                    "--no-fail",
                ],
                args.timeout,
                ours_out,
            )
            optic = measure(
                [
                    str(OPTIC),
                    "diff",
                    str(base_file),
                    str(rev_file),
                    "--check",
                    "--json",
                    "--validation",
                    "loose",
                ],
                args.timeout,
                optic_out,
            )
            mine = our_operations(ours_out) if ours["exit"] == 0 else set()
            theirs = optic_operations(optic_out)
            failure = ""
            if theirs is None and optic["exit"] != "timeout":
                # Optic ended without a report: a failure, not a time to compare with.
                lines = optic_out.read_text(errors="replace").strip().splitlines()
                failure = lines[0][:160] if lines else f"exit {optic['exit']} and no output"
            missed = (
                "n/a (no Optic result)"
                if theirs is None
                else (", ".join(sorted(theirs - mine)) or "none")
            )
            count = (
                sum(len(v["findings"]) for v in json.loads(ours_out.read_text())["vendors"])
                if ours["exit"] == 0
                else "error"
            )
            if failure:
                optic_time, time_ratio = "failed", "n/a"
            elif optic["seconds"] is None:
                optic_time, time_ratio = (
                    f"> {args.timeout:.0f}",
                    f"< {ours['seconds'] / args.timeout:.3f}",
                )
            else:
                optic_time, time_ratio = (
                    f"{optic['seconds']:.2f}",
                    f"{ours['seconds'] / optic['seconds']:.3f}",
                )
            print(
                f"| {name} | {ours['seconds']:.2f} | {optic_time} | {time_ratio} | {ours['mib']:.0f} | "
                f"{optic['mib']:.0f} | {ours['mib'] / optic['mib']:.2f} | {count} | {missed} |",
                flush=True,
            )
            print(f"<!-- {name}: {'; '.join(changes)} -->", flush=True)
            if failure:
                print(f"<!-- {name}: Optic failed: {failure} -->", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

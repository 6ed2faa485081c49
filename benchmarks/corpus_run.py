"""Robustness run over a directory of real specs (make corpus-check CORPUS_DIR=...directory).

Per spec: generate a client; count the files of it black would change (the goal is none:
formatting is ruff's, set as black is, and black the standard it meets); import every
generated module; `mypy --strict` and `ruff check` on it; make one call over
httpx.MockTransport (tests/corpus_call.py) and compare the request's method and URL with the
spec's, and its body with the one given (none, or a model's required fields as JSON or a form).
Results go to a TSV as each spec finishes (a long run can be read as it goes) and
to a Markdown report: per spec pass/fail with the first diagnostic, and the totals, in the
report's section for the corpus (``## directory``, ``## swagger2``), the others left as they are.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.output.format import not_black  # noqa: E402  (after the path is set)
from tests.corpus_call import vendor_name  # noqa: E402

CALL_SCRIPT = ROOT / "tests" / "corpus_call.py"


def first_diagnostic(text: str) -> str:
    for line in text.splitlines():
        if "error[" in line or "internal error" in line or "Error" in line:
            return line.strip()[:300]
    return text.strip().splitlines()[-1][:300] if text.strip() else ""


def run(cmd: list[str], cwd: Path, timeout: int) -> tuple[int, str]:
    try:
        done = subprocess.run(
            cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return 124, f"timed out after {timeout} s"
    return done.returncode, done.stdout + done.stderr


def check_spec(spec: Path, work: Path, with_types: bool) -> dict[str, str]:
    vendor = vendor_name(spec)
    specs = work / "specs"
    (specs / vendor).mkdir(parents=True)
    shutil.copy(spec, specs / vendor / f"openapi{spec.suffix}")
    out = work / "generated"
    result = {"spec": spec.name, "vendor": vendor}
    started = time.perf_counter()
    code, text = run(
        [sys.executable, "-m", "generator", "generate", "--specs", str(specs), "--out", str(out)],
        ROOT,
        900,
    )
    result["seconds"] = f"{time.perf_counter() - started:.0f}"
    result["warnings"] = str(text.count("warning["))
    if code != 0:
        result["failed"] = "generate"
        result["diagnostic"] = f"exit {code}: {first_diagnostic(text)}"
        return result
    client = out / vendor
    python = {
        PurePosixPath(path.relative_to(client).as_posix()): path.read_text(encoding="utf-8")
        for path in sorted(client.rglob("*.py"))
    }
    changed = not_black(python)
    result["python_files"] = str(len(python))
    result["not_black"] = " ".join(f"{vendor}/{path}" for path in changed)
    env_path = f"{out}:{ROOT}"
    code, text = run(
        [
            "env",
            f"PYTHONPATH={env_path}",
            sys.executable,
            str(CALL_SCRIPT),
            vendor,
            str(specs),
        ],
        work,
        600,
    )
    lines = text.splitlines()
    if "IMPORTED" not in lines:
        result["failed"] = "import"
        result["diagnostic"] = first_diagnostic(text)
        return result
    sent = next((line[5:] for line in lines if line.startswith("SENT ")), None)
    want = next((line[5:] for line in lines if line.startswith("WANT ")), None)
    nocall = next((line for line in lines if line.startswith("NOCALL")), None)
    if nocall:
        result["call"] = "none: " + nocall[7:]
    elif sent is None or sent != want:
        result["failed"] = "call"
        result["diagnostic"] = f"sent {sent!r}, spec says {want!r}; {first_diagnostic(text)}"
        return result
    else:
        result["call"] = sent
    if with_types:
        shutil.copy(ROOT / "pyproject.toml", work)
        for stage, cmd, cwd in (
            ("mypy", [sys.executable, "-m", "mypy", "--strict", vendor], out),
            (
                "ruff",
                [
                    sys.executable,
                    "-m",
                    "ruff",
                    "check",
                    "--no-cache",
                    "--output-format",
                    "concise",
                    "generated",
                ],
                work,
            ),
        ):
            code, text = run(cmd, cwd, 1800)
            if code != 0:
                result["failed"] = stage
                result["diagnostic"] = text.strip().splitlines()[0][:300]
                return result
    return result


TITLE = "# Robustness runs over real specs"


def report(rows: list[dict[str, str]], corpus: Path, with_types: bool) -> str:
    """The run's section of the report, headed by the corpus directory's name."""
    passed = [r for r in rows if "failed" not in r]
    stages = "generate, import, one call" + (", mypy --strict, ruff" if with_types else "")
    changed = not_black_files(rows)
    checked = sum(int(r.get("python_files", "0")) for r in rows)
    lines = [
        f"## {corpus.name}",
        "",
        f"`make corpus-check CORPUS_DIR={corpus}`: {len(rows)} specs; stages: {stages}.",
        f"**{len(passed)} of {len(rows)} passed ({100 * len(passed) / max(len(rows), 1):.1f}%).**",
        f"black would change {len(changed)} of the {checked} generated Python files"
        + (f": {', '.join(changed)}." if changed else "."),
        "",
        "| spec | result | seconds | warnings | first diagnostic, or the call made |",
        "|---|---|---:|---:|---|",
    ]
    for r in rows:
        status = f"failed: {r['failed']}" if "failed" in r else "pass"
        detail = (r.get("diagnostic") or r.get("call", "")).replace("|", "\\|")
        lines.append(
            f"| {r['spec']} | {status} | {r.get('seconds', '')} | {r.get('warnings', '')} | "
            f"{detail} |"
        )
    return "\n".join(lines) + "\n"


def not_black_files(rows: list[dict[str, str]]) -> list[str]:
    """The generated files black would change, of every spec (the goal is none)."""
    return [path for r in rows for path in r.get("not_black", "").split()]


def with_section(text: str, section: str) -> str:
    """The report with ``section`` in place of the one of the same heading (each corpus has
    its own: the OpenAPI directory's, the Swagger 2.0 specs'), or added at the end."""
    heading = section.split("\n", 1)[0]
    if not text.startswith(TITLE):
        text = TITLE + "\n"
    parts = re.split(r"(?m)^(?=## )", text)
    if heading + "\n" in (p.split("\n", 1)[0] + "\n" for p in parts):
        parts = [section + "\n" if p.split("\n", 1)[0] == heading else p for p in parts]
    else:
        parts[-1] = parts[-1].rstrip("\n") + "\n\n"
        parts.append(section)
    return "".join(parts).rstrip("\n") + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--tsv", type=Path, default=ROOT / "benchmarks" / "corpus-results.tsv")
    parser.add_argument("--report", type=Path, default=ROOT / "benchmarks" / "CORPUS.md")
    parser.add_argument("--no-types", action="store_true", help="skip mypy and ruff")
    parser.add_argument("--only", nargs="*", help="spec file names to run")
    parser.add_argument("--jobs", type=int, default=2, help="specs checked at once")
    args = parser.parse_args()
    specs = sorted(p for p in args.corpus.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
    if args.only:
        specs = [p for p in specs if p.name in args.only]

    def check(spec: Path) -> dict[str, str]:
        with tempfile.TemporaryDirectory() as tmp:
            return check_spec(spec, Path(tmp), not args.no_types)

    rows = []
    # Each check is a chain of subprocesses; two at once keep both cores busy through the
    # single-threaded stages (mypy, the call).
    with ThreadPoolExecutor(args.jobs) as pool:
        for index, row in enumerate(pool.map(check, specs), 1):
            rows.append(row)
            print(
                f"[{index}/{len(specs)}] {row['spec']}: "
                + (f"FAILED at {row['failed']}: {row['diagnostic']}" if "failed" in row else "pass")
                + (f"; black would change {row['not_black']}" if row.get("not_black") else ""),
                flush=True,
            )
            with args.tsv.open("a", encoding="utf-8") as tsv:
                tsv.write(json.dumps(row) + "\n")
    before = args.report.read_text(encoding="utf-8") if args.report.exists() else ""
    section = report(rows, args.corpus, not args.no_types)
    args.report.write_text(with_section(before, section), encoding="utf-8")
    changed = not_black_files(rows)
    checked = sum(int(r.get("python_files", "0")) for r in rows)
    print(f"black would change {len(changed)} of {checked} generated Python files")
    return 0 if all("failed" not in r for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Robustness run over a directory of real specs (make corpus-check CORPUS_DIR=...directory).

Per spec: generate a client; import every generated module; `mypy --strict` and `ruff check`
on it; make one call over httpx.MockTransport and compare the request's method and URL with
the spec's. Results go to a TSV as each spec finishes (a long run can be read as it goes) and
to a Markdown report: per spec pass/fail with the first diagnostic, and the totals.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STAGES = ("generate", "import", "call", "mypy", "ruff")

# Run in a fresh interpreter with the generated package on the path: builds the IR to find an
# operation to call, calls it over a MockTransport, and prints what was sent and what the
# spec says should be.
CALL_SCRIPT = r"""
import importlib, json, pkgutil, sys, urllib.parse
import httpx
from pathlib import Path
from generator.pipeline import build_vendor, discover_vendors

vendor = sys.argv[1]
spec_root = Path(sys.argv[2])
package = importlib.import_module(vendor)
for module in pkgutil.walk_packages(package.__path__, vendor + "."):
    importlib.import_module(module.name)
print("IMPORTED")
api, _ = build_vendor(discover_vendors(spec_root, [vendor])[0])

def value(annotation):
    text = str(annotation)
    literal = text.startswith("Literal[") and text.split("[", 1)[1].split(",")[0].rstrip("]")
    if literal:
        return eval(literal)
    for prefix, chosen in (("str", "a1"), ("int", 7), ("float", 1.5), ("bool", True)):
        if text == prefix or text.startswith(prefix + " |"):
            return chosen
    return None

chosen = None
for op in sorted(api.operations, key=lambda o: (o.method != "get", o.path, o.method)):
    if op.request_body is not None and op.request_body.required:
        continue
    needed = [p for p in op.parameters if p.required and p.location != "cookie"]
    if all(value(p.annotation) is not None for p in needed):
        chosen = (op, needed)
        break
if chosen is None:
    print("NOCALL no operation whose required arguments are all scalars")
    sys.exit(0)
op, needed = chosen
seen = []
def reply(request):
    seen.append(request)
    return httpx.Response(200, json={})
kwargs = {}
for scheme in api.security_schemes:
    kwargs[scheme.py_name] = ("u", "p") if scheme.kind == "basic" else "k"
if not api.base_url.startswith(("http://", "https://")):
    kwargs["base_url"] = "https://api.example.test"  # the spec names no absolute server
client_class = getattr(package, api.client_name + "Client")
client = client_class(http_client=httpx.Client(transport=httpx.MockTransport(reply)), max_retries=0, **kwargs)
args = [value(p.annotation) for p in op.path_parameters]
keywords = {p.py_name: value(p.annotation) for p in needed if p.location != "path"}
resource = next(
    getattr(client, r.py_name)
    for r in api.resources
    if any(o.full_name == op.full_name for o in r.operations)
)
try:
    getattr(resource, op.py_name)(*args, **keywords)
except Exception as exc:  # the request is what is checked; {} may not be a valid response
    print("RAISED", type(exc).__name__)
request = seen[0]
path = op.path
for p in op.path_parameters:
    path = path.replace("{" + p.wire_name + "}", urllib.parse.quote(str(value(p.annotation)).replace("True", "true"), safe=""))
print("SENT", request.method, request.url.path)
# A fragment in a path key (AWS's `/#Action=...`) names the operation; HTTP never sends it.
path = path.split("#", 1)[0]
base = api.base_url if "base_url" not in kwargs else kwargs["base_url"]
print("WANT", op.method.upper(), urllib.parse.urlsplit(base).path.rstrip("/") + path)
"""


def vendor_name(spec: Path) -> str:
    name = re.sub(r"[^a-z0-9]+", "_", spec.stem.lower()).strip("_")
    return f"v_{name}"


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
    env_path = f"{out}:{ROOT}"
    code, text = run(
        [
            "env",
            f"PYTHONPATH={env_path}",
            sys.executable,
            "-c",
            CALL_SCRIPT,
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


def report(rows: list[dict[str, str]], corpus: Path, with_types: bool) -> str:
    passed = [r for r in rows if "failed" not in r]
    stages = "generate, import, one call" + (", mypy --strict, ruff" if with_types else "")
    lines = [
        "# Robustness run over real specs",
        "",
        f"`make corpus-check CORPUS_DIR={corpus}`: {len(rows)} specs; stages: {stages}.",
        f"**{len(passed)} of {len(rows)} passed ({100 * len(passed) / max(len(rows), 1):.1f}%).**",
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--tsv", type=Path, default=ROOT / "benchmarks" / "corpus-results.tsv")
    parser.add_argument("--report", type=Path, default=ROOT / "benchmarks" / "CORPUS.md")
    parser.add_argument("--no-types", action="store_true", help="skip mypy and ruff")
    parser.add_argument("--only", nargs="*", help="spec file names to run")
    args = parser.parse_args()
    specs = sorted(p for p in args.corpus.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
    if args.only:
        specs = [p for p in specs if p.name in args.only]
    rows = []
    for index, spec in enumerate(specs, 1):
        with tempfile.TemporaryDirectory() as tmp:
            row = check_spec(spec, Path(tmp), not args.no_types)
        rows.append(row)
        print(
            f"[{index}/{len(specs)}] {spec.name}: "
            + (f"FAILED at {row['failed']}: {row['diagnostic']}" if "failed" in row else "pass"),
            flush=True,
        )
        with args.tsv.open("a", encoding="utf-8") as tsv:
            tsv.write(json.dumps(row) + "\n")
    args.report.write_text(report(rows, args.corpus, not args.no_types), encoding="utf-8")
    return 0 if all("failed" not in r for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())

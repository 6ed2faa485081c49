"""Real vendor histories replayed (make bench-history): the spec diff against the client.

For each vendor under ../shared/corpus/history/<vendor>/ (revisions sorted by file name, so in
publication order) and each consecutive pair of revisions:

- the spec diff (``generator.diff.assess``): findings (causes) and the places they reach;
- the client surface at each revision (validate -> build_ir, as ``generator/output/surface.py`` describes
  it): each operation's method, its parameters and its body, and which are required;
- a consistency check: every method, parameter or body the client loses, or that becomes
  required, is named by a ``breaking`` finding on that operation, and every ``endpoint-removed``
  names an operation that is really gone from the revision.

The report (``--out``, benchmarks/HISTORY.md) has one row per pair with the seconds each step
took, and lists every inconsistency and every finding that shares its rule and message with
another finding of the same pair (a cause that may have been split).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.core.errors import SpecError  # noqa: E402
from generator.diff import Finding, Level, Policy, assess  # noqa: E402  (after the path is set)
from generator.diff.lifecycle import stability  # noqa: E402
from generator.ir import build_ir  # noqa: E402
from generator.spec.load import Document, load_document  # noqa: E402
from generator.spec.validate import iter_operations, validate_document  # noqa: E402

HISTORY = ROOT.parent / "shared" / "corpus" / "history"
SPEC_SUFFIXES = (".json", ".yaml", ".yml")
_TEMPLATE = re.compile(r"{[^{}]*}")
# A method is named by the finding that removes or renames its operation.
_METHOD_RULES = ("endpoint-removed", "endpoint-removed-before-sunset", "operation-id-changed")
NOTES = "<!-- Notes below are written by hand; make bench-history keeps them. -->\n"
_REMOVALS = ("endpoint-removed", "endpoint-removed-before-sunset", "endpoint-removed-after-sunset")

Key = tuple[str, str]  # (METHOD, path template with its parameters' names left out)


def _key(method: str, path: str) -> Key:
    return method.upper(), _TEMPLATE.sub("{}", path)


@dataclass(frozen=True, slots=True)
class Method:
    """One operation as the client exposes it."""

    symbol: str  # resource.method
    operation: str  # METHOD /path, as the spec writes it
    parameters: dict[tuple[str, str], bool]  # (location, wire name) -> required
    body: bool | None  # None: no body; else whether it is required


def client_surface(document: Document, vendor: str) -> dict[Key, Method]:
    """The client's methods, keyed by operation (what ``describe_surface`` lists)."""
    checked, _ = validate_document(document)
    api = build_ir(checked, vendor, document.file)
    return {
        _key(op.method, op.path): Method(
            f"{resource.py_name}.{op.py_name}",
            f"{op.method.upper()} {op.path}",
            {(str(p.location), p.wire_name): p.required for p in op.parameters},
            op.request_body.required if op.request_body else None,
        )
        for resource in api.resources
        for op in resource.operations
    }


@dataclass(frozen=True, slots=True)
class Loss:
    """Something the client loses, or that becomes required, on one operation."""

    key: Key
    operation: str
    kind: str  # method, parameter, body
    name: str  # the method's symbol, the parameter's wire name, or "body"
    change: str  # lost, became required, added required

    def __str__(self) -> str:
        return f"{self.operation}: {self.kind} {self.name} {self.change}"


def surface_losses(old: dict[Key, Method], new: dict[Key, Method]) -> list[Loss]:
    losses = []
    for key, before in sorted(old.items()):
        after = new.get(key)
        if after is None or after.symbol != before.symbol:
            losses.append(Loss(key, before.operation, "method", before.symbol, "lost"))
            continue
        for (location, name), required in sorted(before.parameters.items()):
            if (location, name) not in after.parameters:
                losses.append(Loss(key, before.operation, "parameter", name, "lost"))
            elif after.parameters[(location, name)] and not required:
                losses.append(Loss(key, before.operation, "parameter", name, "became required"))
        for (location, name), required in sorted(after.parameters.items()):
            if required and (location, name) not in before.parameters:
                losses.append(Loss(key, before.operation, "parameter", name, "added required"))
        if before.body is not None and after.body is None:
            losses.append(Loss(key, before.operation, "body", "body", "lost"))
        elif after.body and not before.body:
            change = "became required" if before.body is not None else "added required"
            losses.append(Loss(key, before.operation, "body", "body", change))
    return losses


def _names(finding: Finding, loss: Loss, location: str) -> bool:
    if loss.kind == "method":
        return finding.rule_id in _METHOD_RULES
    if loss.kind == "body":
        return finding.rule_id.startswith("request-body") or location.startswith("request body")
    return loss.name in dict(finding.args).values() or location.endswith(f"parameter {loss.name}")


def unexplained(losses: list[Loss], findings: list[Finding], base: Document) -> list[Loss]:
    """Losses no ``breaking`` finding on their operation names. A removal after its sunset and
    a change to a draft or alpha operation are judged lower on purpose, and count as named."""
    levels = {_key(m, p): stability(op) for p, m, op, _ in iter_operations(base.data)}
    missing = []
    for loss in losses:
        relaxed = levels.get(loss.key) in ("draft", "alpha")
        named = any(
            _key(place.method, place.path) == loss.key
            and (
                finding.level is Level.BREAKING
                or finding.rule_id.endswith("-after-sunset")
                or (relaxed and finding.level is Level.WARNING)
            )
            and _names(finding, loss, place.location)
            for finding in findings
            for place in finding.places
        )
        if not named:
            missing.append(loss)
    return missing


def phantom_removals(findings: list[Finding], revision: Document) -> list[str]:
    """Operations an ``endpoint-removed`` finding names that the revision still has."""
    present = {_key(m, p) for p, m, _, _ in iter_operations(revision.data)}
    return [
        place.operation
        for finding in findings
        if finding.rule_id in _REMOVALS
        for place in finding.places
        if _key(place.method, place.path) in present
    ]


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


@dataclass(frozen=True, slots=True, eq=False)  # its values may be lists: hashed by identity
class Edit:
    """A node that differs between two documents as written, at its pointer on each side."""

    old_pointer: str | None  # None: the node is on the other side only
    new_pointer: str | None
    old: Any
    new: Any


_ABSENT = object()


def raw_edits(old: Any, new: Any, at: tuple[str, str] = ("", "")) -> Iterator[Edit]:
    """The smallest nodes that differ between two documents as written ($refs not followed):
    a key added or removed, a value replaced, a list whose length changed (parameters paired
    by name and location). Nothing here knows the rules, so it measures findings from outside."""
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict) and ("$ref" in old) == ("$ref" in new):
        for key in sorted(old.keys() | new.keys(), key=str):
            inner = tuple(f"{p}/{_escape(str(key))}" for p in at)
            yield from raw_edits(old.get(key, _ABSENT), new.get(key, _ABSENT), (inner[0], inner[1]))
    elif isinstance(old, list) and isinstance(new, list) and _named(old) and _named(new):
        before = {(i.get("name"), i.get("in")): n for n, i in enumerate(old)}
        after = {(i.get("name"), i.get("in")): n for n, i in enumerate(new)}
        for key in sorted(before.keys() | after.keys(), key=str):
            a, b = before.get(key), after.get(key)
            yield from raw_edits(
                old[a] if a is not None else _ABSENT,
                new[b] if b is not None else _ABSENT,
                (
                    f"{at[0]}/{a if a is not None else '-'}",
                    f"{at[1]}/{b if b is not None else '-'}",
                ),
            )
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for n, (a, b) in enumerate(zip(old, new, strict=True)):
            yield from raw_edits(a, b, (f"{at[0]}/{n}", f"{at[1]}/{n}"))
    else:
        # A node on one side only has no pointer on the other.
        yield Edit(
            at[0] if old is not _ABSENT else None,
            at[1] if new is not _ABSENT else None,
            None if old is _ABSENT else old,
            None if new is _ABSENT else new,
        )


def _named(items: list[Any]) -> bool:
    return bool(items) and all(isinstance(i, dict) and "name" in i for i in items)


_OPERATION = re.compile(r"^/(paths|webhooks)/[^/]+/[^/]+")


def _cause(edit: Edit) -> str:
    """The same edit at the same place of many operations is one cause (as it is one finding):
    an edit inside an operation is named without the operation."""
    inside = _OPERATION.sub("/<operation>", edit.new_pointer or edit.old_pointer or "")
    values = json.dumps([edit.old, edit.new], sort_keys=True, default=str)
    # Shown cut short; told apart by all of it.
    return f"{inside} {values[:100]} #{hashlib.sha256(values.encode()).hexdigest()[:8]}"


def _touches(edit: str, pointer: str) -> bool:
    return pointer == edit or pointer.startswith(edit + "/")


def split_causes(
    findings: list[Finding], base: Document, revision: Document
) -> tuple[int, list[str]]:
    """How many causes (edits) the pair has, and each that gives more than one finding. A
    finding comes from the edit at or above what a place of it points at on either side, or
    else the one edit below it."""
    edits = list(raw_edits(base.data, revision.data))
    causes = {edit: _cause(edit) for edit in edits}
    found: dict[str, set[tuple[str, str]]] = {}
    for finding in findings:
        for place in finding.places:
            for ref, side in ((place.base, 0), (place.revision, 1)):
                if ref is None:
                    continue
                at = [(e, (e.old_pointer, e.new_pointer)[side]) for e in edits]
                hits = [e for e, p in at if p is not None and _touches(p, ref.pointer)]
                below = [e for e, p in at if p is not None and _touches(ref.pointer, p)]
                # Below a pointer (an operation's), only an edit that is alone there is surely
                # the one the finding is about.
                for edit in hits or (below if len(below) == 1 else []):
                    found.setdefault(causes[edit], set()).add((finding.rule_id, finding.message))
    split = [
        f"{cause[:120]}: {len(named)} findings ("
        + ", ".join(sorted(Counter(rule for rule, _ in named).elements())[:4])
        + (", ..." if len(named) > 4 else "")
        + ")"
        for cause, named in sorted(found.items())
        if len(named) > 1
    ]
    return len(set(causes.values())), split


@dataclass(slots=True)
class Pair:
    base: str
    revision: str
    backwards: bool = False  # the later revision as the base
    findings: list[Finding] = field(default_factory=list)
    losses: list[Loss] = field(default_factory=list)
    unexplained: list[Loss] = field(default_factory=list)
    phantoms: list[str] = field(default_factory=list)
    diff_seconds: float = 0.0
    surface_seconds: float = 0.0  # the revision's: load, validate, build the IR
    surface_error: str = ""
    methods: int = 0  # the revision's client methods
    edits: int = 0  # causes: edits of the spec as written, the same edit in many operations once
    split: list[str] = field(default_factory=list)  # edits that give more than one finding

    @property
    def places(self) -> int:
        return sum(len(f.places) for f in self.findings)

    def causes(self, level: Level) -> int:
        return sum(1 for f in self.findings if f.level is level)


@dataclass(slots=True)
class _Revision:
    name: str
    document: Document
    surface: dict[Key, Method] | None
    error: str
    seconds: float


def _revision(path: Path, vendor: str) -> _Revision:
    started = time.perf_counter()
    document = load_document(path, path.name)
    try:
        surface: dict[Key, Method] | None = client_surface(document, vendor)
        error = ""
    except SpecError as caught:
        surface, error = None, caught.diagnostics[0].format().splitlines()[0]
    return _Revision(path.stem, document, surface, error, time.perf_counter() - started)


def revisions(vendor_dir: Path) -> list[Path]:
    return sorted(p for p in vendor_dir.iterdir() if p.suffix in SPEC_SUFFIXES)


def replay(
    vendor_dir: Path, first: int = 0, pairs: int | None = None, *, backwards: bool = False
) -> Iterator[Pair]:
    """Each consecutive pair of the vendor's revisions, from pair ``first`` on. ``backwards``:
    each pair also the other way round, as if the vendor rolled the revision back, which
    turns what a history adds into what a client loses."""
    files = revisions(vendor_dir)
    files = files[first : None if pairs is None else first + pairs + 1]
    vendor = vendor_dir.name.replace("-", "_")
    previous = _revision(files[0], vendor) if files else None
    for path in files[1:]:
        assert previous is not None
        current = _revision(path, vendor)
        # Sunset dates are judged on the day the later revision was published.
        policy = _policy(path)
        yield _pair(previous, current, vendor, policy, current.seconds)
        if backwards:
            yield _pair(current, previous, vendor, policy, 0.0, backwards=True)
        previous = current


def _pair(
    old: _Revision,
    new: _Revision,
    vendor: str,
    policy: Policy,
    seconds: float,
    *,
    backwards: bool = False,
) -> Pair:
    pair = Pair(old.name, new.name, backwards=backwards, surface_seconds=seconds)
    started = time.perf_counter()
    _, pair.findings = assess(old.document, new.document, vendor, policy=policy)
    pair.diff_seconds = time.perf_counter() - started
    pair.phantoms = phantom_removals(pair.findings, new.document)
    pair.edits, pair.split = split_causes(pair.findings, old.document, new.document)
    pair.methods = len(new.surface or {})
    if old.surface is not None and new.surface is not None:
        pair.losses = surface_losses(old.surface, new.surface)
        pair.unexplained = unexplained(pair.losses, pair.findings, old.document)
    else:
        pair.surface_error = old.error or new.error
    return pair


def _policy(path: Path) -> Policy:
    try:
        return Policy(today=datetime.date.fromisoformat(path.name[:10]))
    except ValueError:
        return Policy()


def render(results: dict[str, list[Pair]], commit: str) -> str:
    lines = [
        "# Real vendor histories replayed",
        "",
        f"`make bench-history` at {commit}: `benchmarks/history.py` over "
        "`../shared/corpus/history/<vendor>/` (see its MANIFEST.md), revisions in name order. "
        "Per consecutive pair: the spec diff (`generator.diff.assess` on documents already "
        "loaded; sunsets judged on the later revision's date), the client surface of the "
        "revision (load, validate, build the IR, as `generator/output/surface.py` lists it; `methods` "
        "counts its methods), and the "
        "consistency check: every method, parameter or body the client loses, or that becomes "
        "required, is named by a `breaking` finding on that operation, and every "
        "`endpoint-removed` names an operation really gone. Each pair is also replayed "
        "backwards (the later revision as the base, as if the vendor rolled it back), which "
        "turns what the history adds into what a client loses.",
        "",
        "Causes are counted from outside the diff: the smallest nodes that differ between the "
        "two files as written (`$ref`s not followed), the same edit at the same place of many "
        "operations counted once. A finding comes from the edit at or above what one of its "
        "places points at (or the one edit below it). An edit that gives more than one "
        "finding is listed.",
        "",
    ]
    for vendor, pairs in results.items():
        lines += [f"## {vendor}", ""]
        for title, chosen in (
            ("In publication order", [p for p in pairs if not p.backwards]),
            ("Backwards", [p for p in pairs if p.backwards]),
        ):
            if chosen:
                lines += _section(title, chosen)
    return "\n".join(lines)


def _section(title: str, pairs: list[Pair]) -> list[str]:
    losses = sum(len(p.losses) for p in pairs)
    missing = sum(len(p.unexplained) for p in pairs)
    phantoms = sum(len(p.phantoms) for p in pairs)
    split = [(p, s) for p in pairs for s in p.split]
    most = max((len(f.places) for p in pairs for f in p.findings), default=0)
    lines = [
        f"### {title}",
        "",
        f"{len(pairs)} pairs; {sum(p.edits for p in pairs)} edits (causes); "
        f"{sum(len(p.findings) for p in pairs)} findings reaching {sum(p.places for p in pairs)} "
        f"places (at most {most} for one finding); {len(split)} causes give more than one "
        f"finding. Consistency: {losses - missing} of {losses} client losses named by a "
        f"breaking finding ({_percent(losses - missing, losses)}); {phantoms} "
        "`endpoint-removed` naming an operation still there.",
        "",
        "| base | revision | edits | findings | breaking | warning | info | places | methods "
        "| client losses | unnamed | diff s | surface s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for p in pairs:
        surface = "n/a" if p.surface_error else None
        lines.append(
            f"| {p.base} | {p.revision} | {p.edits} | {len(p.findings)} | "
            f"{p.causes(Level.BREAKING)} | {p.causes(Level.WARNING)} | {p.causes(Level.INFO)} | "
            f"{p.places} | {surface or p.methods} | {surface or len(p.losses)} | "
            f"{surface or len(p.unexplained)} | "
            f"{p.diff_seconds:.2f} | {f'{p.surface_seconds:.2f}' if p.surface_seconds else '-'} |"
        )
    problems = [
        f"- {p.base} → {p.revision}: {what}"
        for p in pairs
        for what in (
            *(f"not named by a breaking finding: {loss}" for loss in p.unexplained),
            *(f"`endpoint-removed` names {op}, which is still there" for op in p.phantoms),
            *([f"no client surface: {p.surface_error}"] if p.surface_error else []),
        )
    ]
    lines += ["", "Inconsistencies:", "", *(problems or ["None."])]
    lines += ["", "Causes that give more than one finding:", ""]
    lines += [f"- {p.base} → {p.revision}: `{_tick(s)}`" for p, s in split] or ["None."]
    return [*lines, ""]


def _tick(text: str) -> str:
    return text.replace("`", "'").replace("|", "\\|")


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "nothing lost"


def _commit() -> str:
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return f"{head}{' (with uncommitted changes)' if dirty else ''}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--history", type=Path, default=HISTORY)
    parser.add_argument("--vendor", action="append", help="only these vendors (folder names)")
    parser.add_argument("--first", type=int, default=0, help="start at this pair")
    parser.add_argument("--pairs", type=int, help="at most this many pairs per vendor")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "HISTORY.md")
    parser.add_argument(
        "--forward-only", action="store_true", help="do not replay each pair backwards too"
    )
    args = parser.parse_args()
    vendors = sorted(p for p in args.history.iterdir() if p.is_dir())
    results: dict[str, list[Pair]] = {}
    for vendor_dir in vendors:
        if args.vendor and vendor_dir.name not in args.vendor:
            continue
        results[vendor_dir.name] = []
        for pair in replay(vendor_dir, args.first, args.pairs, backwards=not args.forward_only):
            results[vendor_dir.name].append(pair)
            print(
                f"{vendor_dir.name} {pair.base} -> {pair.revision}: {pair.edits} causes, "
                f"{len(pair.findings)} findings, "
                f"{pair.places} places, {len(pair.unexplained)} unnamed losses of "
                f"{len(pair.losses)}, diff {pair.diff_seconds:.2f} s, surface "
                f"{pair.surface_seconds:.2f} s",
                flush=True,
            )
    # What follows the notes marker is written by hand, and kept.
    kept = args.out.read_text(encoding="utf-8").partition(NOTES)[2] if args.out.exists() else ""
    args.out.write_text(f"{render(results, _commit())}{NOTES}{kept or chr(10)}", encoding="utf-8")
    print(f"wrote {args.out}")
    return 1 if any(p.unexplained or p.phantoms for ps in results.values() for p in ps) else 0


if __name__ == "__main__":
    sys.exit(main())

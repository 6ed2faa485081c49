#!/usr/bin/env python3
"""oasdiff's own before/after test pairs through our spec diff: does an error-level pair get a
``breaking`` finding, and does a pair oasdiff calls quiet get none?

Where the pairs come from: oasdiff's repository (github.com/oasdiff/oasdiff, Apache-2.0; older
files also under its former name, Tufin/oasdiff). Each Go test of ``checker/*_test.go`` loads a
base and a revision spec (``data/checker/*.yaml``, sometimes ``data/*/``), sometimes edits one
of them in Go (``s2.Spec.Paths.Value(...)...``), and asserts the rule ids it expects, with their
level (``checker.ERR``) or not (then the level is the one oasdiff's rule registry gives the id),
or that nothing is reported: by any check at warning level or above (quiet "all"), or by the one
check it runs ("single"). They are not redistributed here: fetch them into PAIRS_DIR (default
``../oasdiff-pairs``) with ``git clone https://github.com/oasdiff/oasdiff`` and copy its
``data/`` there, next to a ``manifest.json`` written from the Go tests::

    {"pairs": [{"name": "TestSchemaBecameFalse",          # the Go test
                "base": "data/checker/schema_became_false_base.yaml",
                "revision": "data/checker/schema_became_false_revision.yaml",
                "mutations": [{"side": "revision", "path": ["paths", "/x", ...], "value": 5}],
                "oasdiff": [{"id": "request-parameter-schema-became-false", "level": "error"}],
                "level": "error",                     # the most severe of them, or "quiet"
                "quiet_scope": null}]}                # quiet: "all" or "single"

``mutations`` are the test's Go edits: a value set at a path of the document (``null`` removes
the key), ``$ref``s on the way followed as kin-openapi's ``.Value`` does. Tests that compare the
same two documents are one pair. ``benchmarks/OASDIFF-PAIRS.md`` says which files and commits
the last run read.

The deprecation-policy family (a sunset date missing, unreadable, too soon or deleted; a
stability level invalid or decreased) is left out: those stay warnings by design here (issue
25). Removals judged by their deprecation stay in: the client loses what was removed.

Prints a Markdown report::

    make bench-oasdiff-pairs PAIRS_DIR=../oasdiff-pairs
    .venv/bin/python benchmarks/oasdiff_pairs.py ../oasdiff-pairs [--markdown FILE]
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.core.errors import SpecError  # noqa: E402
from generator.diff import Level, assess  # noqa: E402
from generator.spec.load import Document, follow_refs, load_document  # noqa: E402
from generator.spec.swagger2 import read_as_openapi3  # noqa: E402

POLICY_WORDS = ("sunset", "stability")
LEVELS = ("error", "warning", "info", "quiet")


@dataclass(frozen=True)
class Outcome:
    name: str
    oasdiff_level: str  # error, warning, info, quiet
    oasdiff_ids: tuple[str, ...]
    ours: str  # breaking, warning, info, none, or the error that stopped the diff
    our_rules: tuple[str, ...]
    quiet_scope: str | None

    @property
    def breaking(self) -> bool:
        return self.ours == Level.BREAKING.label


def in_policy_family(pair: dict[str, Any]) -> bool:
    """A sunset date or stability level judged against the deprecation policy; removing an
    endpoint, parameter or property (before its sunset or without deprecation) is not."""
    return any(
        any(w in e["id"] for w in POLICY_WORDS) and "removed" not in e["id"]
        for e in pair["oasdiff"]
    )


def merge_same_input(pairs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Tests that compare the same two documents (each asserting what one check reports) are
    one pair: its level is the most severe any of them asserts."""
    merged: dict[str, dict[str, Any]] = {}
    for pair in pairs:
        key = json.dumps([pair["base"], pair["revision"], pair.get("mutations", [])])
        if key not in merged:
            merged[key] = {**pair, "oasdiff": list(pair["oasdiff"])}
            continue
        into = merged[key]
        into["name"] += f" + {pair['name']}"
        into["oasdiff"] += [e for e in pair["oasdiff"] if e not in into["oasdiff"]]
        levels = {into["level"], pair["level"]} - {"quiet"}
        into["level"] = min(levels, key=LEVELS.index) if levels else "quiet"
        scopes = {into["quiet_scope"], pair["quiet_scope"]}
        into["quiet_scope"] = None if levels else ("all" if "all" in scopes else "single")
    return list(merged.values())


def mutate(data: Any, path: list[str], value: Any) -> None:
    """Set ``value`` at ``path`` (``None`` removes the key), following ``$ref``s on the way."""
    node = data
    for key in path[:-1]:
        node = follow_refs(data, node, "")[0]
        node = node[int(key)] if isinstance(node, list) else node.setdefault(key, {})
    node = follow_refs(data, node, "")[0]
    if value is None:
        node.pop(path[-1], None)
    else:
        node[path[-1]] = value


def _document(pairs_dir: Path, pair: dict[str, Any], side: str) -> Document:
    document = load_document(pairs_dir / pair[side])
    edits = [m for m in pair.get("mutations", ()) if m["side"] == side]
    if edits:
        data = copy.deepcopy(document.data)
        for edit in edits:
            mutate(data, edit["path"], edit["value"])
        document = document.with_data(data)
    return read_as_openapi3(document)


def run_pair(pairs_dir: Path, pair: dict[str, Any]) -> Outcome:
    ids = tuple(e["id"] for e in pair["oasdiff"])
    try:
        base = _document(pairs_dir, pair, "base")
        revision = _document(pairs_dir, pair, "revision")
        _, findings = assess(base, revision, "oasdiff")
    except SpecError as exc:
        first = exc.diagnostics[0] if exc.diagnostics else None
        why = f"{first.code}: {first.message}" if first else str(exc)
        return Outcome(pair["name"], pair["level"], ids, f"error ({why})", (), pair["quiet_scope"])
    worst = min((f.level for f in findings), default=None)
    rules = tuple(sorted({f"{f.rule_id} ({f.level.label})" for f in findings}))
    ours = worst.label if worst is not None else "none"
    return Outcome(pair["name"], pair["level"], ids, ours, rules, pair["quiet_scope"])


def report(outcomes: list[Outcome], tests: int, excluded: int, manifest_source: str) -> str:
    errors = [o for o in outcomes if o.oasdiff_level == "error"]
    hits = [o for o in errors if o.breaking]
    quiet = [o for o in outcomes if o.oasdiff_level == "quiet"]
    quiet_all = [o for o in quiet if o.quiet_scope == "all"]
    share = f"{100 * len(hits) / len(errors):.0f}%" if errors else "n/a"
    lines = [
        "| oasdiff level | pairs | our breaking | our warning | our info | none | diff failed |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for level in LEVELS:
        group = [o for o in outcomes if o.oasdiff_level == level]
        counts = [sum(o.ours == k for o in group) for k in ("breaking", "warning", "info", "none")]
        failed = sum(o.ours.startswith("error") for o in group)
        lines.append(
            f"| {level} | {len(group)} | " + " | ".join(map(str, counts)) + f" | {failed} |"
        )
    lines += [
        "",
        f"- Source: {manifest_source}",
        f"- {tests} Go tests, {len(outcomes)} pairs: tests that compare the same two documents "
        "are one pair, at the most severe level any of them asserts.",
        f"- Left out: {excluded} tests of the deprecation-policy family (sunset dates and "
        "stability levels judged against the policy).",
        f"- **Error-level pairs with a `breaking` finding: {len(hits)} of {len(errors)} ({share}).**",
        f"- Quiet pairs (all checks) with a `breaking` finding: "
        f"{sum(o.breaking for o in quiet_all)} of {len(quiet_all)}; quiet for one check only: "
        f"{sum(o.breaking for o in quiet) - sum(o.breaking for o in quiet_all)} of "
        f"{len(quiet) - len(quiet_all)}.",
        "",
        "| pair (oasdiff's Go test) | oasdiff | oasdiff ids | ours | our rules |",
        "|---|---|---|---|---|",
    ]
    for o in sorted(outcomes, key=lambda o: (o.oasdiff_level, o.breaking, o.name)):
        level = o.oasdiff_level + (f" ({o.quiet_scope})" if o.quiet_scope else "")
        ids = ", ".join(f"`{i}`" for i in o.oasdiff_ids) or "none"
        rules = ", ".join(f"`{r}`" for r in o.our_rules) or "none"
        lines.append(f"| {o.name} | {level} | {ids} | {o.ours} | {rules} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pairs_dir", type=Path, nargs="?", default=ROOT.parent / "oasdiff-pairs")
    parser.add_argument("--markdown", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    manifest_path = args.pairs_dir / "manifest.json"
    if not manifest_path.is_file():
        parser.error(f"{manifest_path} not found: see this script's docstring for the pairs")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    pairs = manifest["pairs"]
    tests = [p for p in pairs if not in_policy_family(p)]
    outcomes = [run_pair(args.pairs_dir, p) for p in merge_same_input(tests)]
    text = report(outcomes, len(tests), len(pairs) - len(tests), manifest.get("source", ""))
    print(text, end="")
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

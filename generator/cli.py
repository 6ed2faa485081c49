"""Command line: the only module that prints or exits.

Exit codes: 0 ok; 1 spec errors or drift; 2 usage; 3 a bug in the generator.
update-specs: 0 nothing changed; 4 a published spec changed and was brought in; 1 a fetch or
a published spec failed (that vendor's files unchanged).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .core.errors import Diagnostic, Severity, SpecError
from .pipeline import discover_vendors

if TYPE_CHECKING:
    from .pipeline import Drift
    from .upstream.fetch import FetchOptions

# update-specs: a published spec changed, and it and its client were brought in.
CHANGED = 4

# The report formats of generator/diff/report (imported only by the diff commands).
FORMATS = ("github", "json", "markdown")
# validate and generate: how diagnostics are printed.
DIAGNOSTIC_FORMATS = ("text", "json")
# More warnings than this of one rule are printed once, with a count and this many places.
FOLDED_AFTER = 3

# What else, beside specs/, decides the generated code: a change here is the generator's.
GENERATOR_INPUTS = ("generator", "templates", "requirements.lock", "pyproject.toml")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    commands = parser.add_subparsers(dest="command", required=True)
    helps = {
        "validate": "validate each vendor's spec with its overlay; write nothing",
        "generate": "regenerate clients into --out",
        "check": "fail if --out or a surface snapshot is out of date; write nothing",
        "accept-surface": "record each spec's current surface as accepted",
        "diff": "report what changed in specs/ since a git revision, and what it breaks",
    }
    files = commands.add_parser(
        "diff-files",
        help="compare two spec files directly (no git, no overlays)",
        description="compare two spec files directly (no git, no overlays)",
    )
    files.add_argument("base", type=Path)
    files.add_argument("revision", type=Path)
    files.add_argument("--format", choices=FORMATS, default="markdown")
    files.add_argument("--no-fail", action="store_true", help="exit 0 even with breaking changes")
    drift_help = "compare documentation pages with the specs converted from them"
    drift = commands.add_parser("docs-drift", help=drift_help, description=drift_help)
    drift.add_argument(
        "vendors",
        nargs="*",
        metavar="VENDOR",
        help="default: every vendor whose source.yaml says `format: documentation`",
    )
    drift.add_argument("--specs", type=Path, default=Path("specs"), help="default: specs/")
    drift.add_argument("--all", action="store_true", help="list accepted findings too")
    drift.add_argument(
        "--fetch", action="store_true", help="read each page that gives its url live"
    )
    _fetch_arguments(drift)
    update_help = (
        "fetch each vendor's published spec; bring a changed one in with its client and report "
        "the spec diff"
    )
    sources_help = "list where each vendor publishes (its source.yaml)"
    sources = commands.add_parser("sources", help=sources_help, description=sources_help)
    sources.add_argument("vendors", nargs="*", metavar="VENDOR", help="default: every vendor")
    sources.add_argument("--specs", type=Path, default=Path("specs"), help="default: specs/")
    sources.add_argument("--json", action="store_true", help="one JSON array")
    update = commands.add_parser("update-specs", help=update_help, description=update_help)
    update.add_argument("vendors", nargs="*", metavar="VENDOR", help="default: every vendor")
    update.add_argument("--specs", type=Path, default=Path("specs"), help="default: specs/")
    update.add_argument("--out", type=Path, default=Path("generated"), help="default: generated/")
    update.add_argument(
        "--reports",
        type=Path,
        default=Path("build/update-specs"),
        help="where each changed vendor's <vendor>.md and <vendor>.json go "
        "(default: build/update-specs/)",
    )
    _fetch_arguments(update)
    update.add_argument("-q", "--quiet", action="store_true", help="no progress line on a terminal")
    for name, text in helps.items():
        sub = commands.add_parser(name, help=text, description=text)
        sub.add_argument("vendors", nargs="*", metavar="VENDOR", help="default: every vendor")
        sub.add_argument("--specs", type=Path, default=Path("specs"), help="default: specs/")
        if name in ("generate", "check"):
            sub.add_argument(
                "--out", type=Path, default=Path("generated"), help="default: generated/"
            )
        if name in ("validate", "generate"):
            sub.add_argument("--strict", action="store_true", help="treat warnings as errors")
            sub.add_argument(
                "-v",
                "--verbose",
                action="store_true",
                help=f"print every warning; by default more than {FOLDED_AFTER} of one rule are "
                "printed once, with a count and the first places",
            )
            sub.add_argument(
                "--format",
                choices=DIAGNOSTIC_FORMATS,
                default="text",
                help="json: every diagnostic, as one JSON array on stdout",
            )
            sub.add_argument(
                "-q", "--quiet", action="store_true", help="no progress line on a terminal"
            )
        if name == "diff":
            sub.add_argument(
                "--base", help="git revision to compare with (default: merge-base with main)"
            )
            sub.add_argument("--format", choices=FORMATS, default="markdown", help="for stdout")
            sub.add_argument("--markdown", type=Path, help="also write the Markdown report here")
            sub.add_argument("--json", type=Path, help="also write the JSON report here")
            sub.add_argument(
                "--allowlist", type=Path, help="default: SPECS/spec-diff-allowlist.yaml"
            )
            sub.add_argument(
                "--no-fail", action="store_true", help="exit 0 even with breaking changes"
            )
    return parser


def _fetch_arguments(parser: argparse.ArgumentParser) -> None:
    from .upstream.fetch import FetchOptions, MiB

    default = FetchOptions()
    parser.add_argument(
        "--timeout", type=float, default=default.timeout, help="seconds (default: %(default)s)"
    )
    parser.add_argument("--retries", type=int, default=default.retries, help="default: %(default)s")
    parser.add_argument(
        "--backoff",
        type=float,
        default=default.backoff,
        help="seconds before the first retry, doubled for each next (default: %(default)s)",
    )
    parser.add_argument(
        "--max-mib",
        type=float,
        default=default.max_bytes / MiB,
        help="the largest body read (default: %(default)s)",
    )


def _fetch_options(args: argparse.Namespace) -> FetchOptions:
    from .upstream.fetch import FetchOptions, MiB

    return FetchOptions(args.timeout, args.retries, args.backoff, int(args.max_mib * MiB))


# Validation, the model tool and black recurse once or more per level of a spec's nesting
# (validate.MAX_NESTING): Python's default of 1000 frames runs out near 100 levels of
# inline schemas. Measured: 6000 frames carry 400 levels in 8 MiB of C stack.
RECURSION_LIMIT = 6000
# The cycle collector's youngest generation collected every 200,000 allocations, not 700, as
# mypy sets it for the same reason: a run allocates millions of objects (the model tool, the
# parsed models) and frees them by reference counting, and the collector's passes took 0.7 s
# of Box's cold generation (0.2 s so), for the same peak memory.
GC_THRESHOLD = (200_000, 30, 30)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), RECURSION_LIMIT))
    gc.set_threshold(*GC_THRESHOLD)
    try:
        code = _run(args)
        sys.stdout.flush()  # here, where a closed pipe is caught below, not at exit
        return code
    except SpecError as exc:
        _print_diagnostics(exc.diagnostics, args)
        count = sum(1 for d in exc.diagnostics if d.severity.value == "error")
        print(f"{count} error(s); nothing was written.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; nothing was half-written.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`... | head`): not our bug. Python's advice: point stdout at
        # devnull so that flushing it at exit does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # anything else is our bug, reported as such
        if args.debug:
            import traceback

            traceback.print_exc()
        else:
            print(
                f"internal error (a bug in the generator): {type(exc).__name__}: {exc}; "
                "rerun with --debug for the traceback",
                file=sys.stderr,
            )
        return 3


def _run(args: argparse.Namespace) -> int:
    from .core import progress
    from .pipeline import accept_surface, build_all, check, generate

    progress.enable(sys.stderr.isatty() and not getattr(args, "quiet", False))

    if args.command == "validate":
        from .upstream.source import load_sources

        vendors = discover_vendors(args.specs, args.vendors)
        load_sources(args.specs, [v.name for v in vendors])
        built = build_all(vendors, strict=args.strict)
        progress.clear()
        _print_diagnostics([w for item in built for w in item.warnings], args)
        for item in built:
            _say(args, f"{item.vendor.display}: valid, {len(item.api.operations)} operation(s)")
        return 0
    if args.command == "generate":
        built, unchanged = generate(args.specs, args.out, args.vendors, strict=args.strict)
        progress.clear()
        _print_diagnostics([w for item in built for w in item.warnings], args)
        for item in built:
            _say(
                args,
                f"{args.out}/{item.vendor.name}: {len(item.api.operations)} operation(s), "
                f"built in {item.seconds:.1f} s",
            )
            if item.surface_changed:
                _say(
                    args,
                    f"{args.out}/{item.vendor.name}: the spec's surface changed; review it with "
                    f"`make check`, then `make accept-surface VENDOR={item.vendor.name}`",
                )
        if unchanged:
            _say(args, f"up to date (inputs unchanged): {', '.join(unchanged)}")
        return 0
    if args.command == "check":
        drifts = check(args.specs, args.out, args.vendors)
        for drift in drifts:
            _print_drift(drift, args.out)
        if drifts:
            return 1
        print("generated clients and surface snapshots are up to date")
        return 0
    if args.command == "diff":
        return _diff(args)
    if args.command == "docs-drift":
        from .upstream.docs_drift import check_docs_drift
        from .upstream.docs_drift.report import render

        fetching = _fetch_options(args) if args.fetch else None
        documented = check_docs_drift(args.specs, args.vendors, fetching)
        for vendor in documented:
            sys.stdout.write(render(vendor, show_accepted=args.all))
        if not documented:
            print("no vendor's source.yaml declares documentation pages")
        return 1 if any(v.failed for v in documented) else 0
    if args.command == "update-specs":
        return _update_specs(args)
    if args.command == "sources":
        return _sources(args)
    if args.command == "diff-files":
        from .diff import diff_files
        from .diff.report import REPORTERS

        report = diff_files(args.base, args.revision)
        sys.stdout.write(REPORTERS[args.format](report))
        return 1 if report.blocking and not args.no_fail else 0
    accepted = accept_surface(args.specs, args.vendors)
    print("accepted: " + (", ".join(accepted) if accepted else "nothing changed"))
    return 0


def _say(args: argparse.Namespace, line: str) -> None:
    """A line of the report: on stdout, unless stdout holds the diagnostics as JSON."""
    print(line, file=sys.stderr if _json(args) else sys.stdout)


def _json(args: argparse.Namespace) -> bool:
    """Whether validate or generate was asked for its diagnostics as JSON."""
    return args.command in ("validate", "generate") and args.format == "json"


def _print_diagnostics(diagnostics: Sequence[Diagnostic], args: argparse.Namespace) -> None:
    """Each diagnostic, on stderr; or, with ``--format json``, all as one JSON array on
    stdout. Errors are printed each in full. Of the warnings of one rule, past
    ``FOLDED_AFTER`` the first is printed with a count and the first places of the others,
    unless ``--verbose``."""
    if _json(args):
        import json

        json.dump([d.as_json() for d in diagnostics], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return
    by_rule: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        if diagnostic.severity is Severity.WARNING:
            by_rule.setdefault(diagnostic.code, []).append(diagnostic)
    verbose = getattr(args, "verbose", False)
    for diagnostic in diagnostics:
        alike = by_rule.get(diagnostic.code, [])
        if verbose or diagnostic.severity is Severity.ERROR or len(alike) <= FOLDED_AFTER:
            print(diagnostic.format(), file=sys.stderr)
        elif diagnostic is alike[0]:
            others = alike[1:]
            places = ", ".join(str(d.where) for d in others[:FOLDED_AFTER])
            more = f" and {len(others) - FOLDED_AFTER} more" if len(others) > FOLDED_AFTER else ""
            print(diagnostic.format(), file=sys.stderr)
            print(
                f"  and {len(others)} more {diagnostic.code} warnings: {places}{more} "
                "(--verbose prints each)",
                file=sys.stderr,
            )


def _diff(args: argparse.Namespace) -> int:
    import tempfile

    from .diff import diff_specs
    from .diff.allowlist import ALLOWLIST_NAME, load_allowlist, load_policy
    from .diff.report import REPORTERS
    from .diff.revisions import changed_files, default_base, export_tree, repository_root

    specs = args.specs.resolve()
    root = repository_root(specs)
    base = args.base or default_base(root)
    allowlist_path = args.allowlist or specs / ALLOWLIST_NAME
    allowlist = load_allowlist(allowlist_path, str(allowlist_path))
    policy = load_policy(allowlist_path, str(allowlist_path))
    generator_inputs = tuple(changed_files(root, base, list(GENERATOR_INPUTS)))
    with tempfile.TemporaryDirectory(prefix="spec-diff-") as scratch:
        folder = specs.relative_to(root).as_posix()
        base_specs = export_tree(root, base, folder, Path(scratch))
        base_generated = None
        if generator_inputs:
            base_generated = export_tree(root, base, "generated", Path(scratch) / "_generated")
        report = diff_specs(
            base_specs,
            specs,
            base_label=base,
            revision_label="working tree",
            allowlist=allowlist,
            policy=policy,
            base_generated=base_generated,
            generator_inputs=generator_inputs,
        )
    if args.vendors:
        report = replace(report, vendors=tuple(v for v in report.vendors if v.name in args.vendors))
    for path, name in ((args.markdown, "markdown"), (args.json, "json")):
        if path is not None:
            path.write_text(REPORTERS[name](report), encoding="utf-8")
    sys.stdout.write(REPORTERS[args.format](report))
    return 1 if report.blocking and not args.no_fail else 0


def _sources(args: argparse.Namespace) -> int:
    import json

    from .upstream.source import load_sources

    names = [v.name for v in discover_vendors(args.specs, args.vendors)]
    sources = load_sources(args.specs, names)
    listed: list[dict[str, Any]] = [
        {
            "vendor": name,
            "format": sources[name].format if name in sources else None,
            "urls": list(sources[name].urls) if name in sources else [],
        }
        for name in names
    ]
    if args.json:
        print(json.dumps(listed))
        return 0
    for entry in listed:
        where = " ".join(entry["urls"]) or "declares no source.yaml"
        print(f"{entry['vendor']}: {entry['format'] or '-'} {where}")
    return 0


def _update_specs(args: argparse.Namespace) -> int:
    from .core import progress
    from .upstream.update import Status, update_specs

    updates = update_specs(
        args.specs, args.out, args.vendors, reports=args.reports, options=_fetch_options(args)
    )
    progress.clear()
    for update in updates:
        for diagnostic in (*update.problems, *update.warnings, *update.stale_overlay):
            print(diagnostic.format(), file=sys.stderr)
        if update.status is Status.CHANGED:
            was = f" (was {update.replaced})" if update.replaced else ""
            reports = " and ".join(str(p) for p in update.reports)
            print(
                f"{update.vendor}: changed at {update.url}: {update.spec}{was} replaced as "
                f"published, {args.out}/{update.vendor} regenerated, {update.breaking} breaking "
                f"change(s); report: {reports}"
            )
            if update.stale_overlay:
                print(
                    f"{update.vendor}: {len(update.stale_overlay)} overlay action(s) no longer "
                    "apply (above); review them"
                )
        elif update.status is Status.FAILED:
            print(f"{update.vendor}: failed: {update.reason}; nothing changed", file=sys.stderr)
        elif update.status is Status.UNCHANGED:
            print(f"{update.vendor}: unchanged ({update.url})")
        else:
            print(f"{update.vendor}: skipped: {update.reason}")
    statuses = {u.status for u in updates}
    if Status.FAILED in statuses:
        return 1
    return CHANGED if Status.CHANGED in statuses else 0


def _print_drift(drift: Drift, out: Path) -> None:
    tree = drift.generated
    if tree:
        print(
            f"{drift.vendor}: {out}/{drift.vendor} is out of date with its spec; run `make generate`"
        )
        for label, paths in (
            ("changed", tree.changed),
            ("missing", tree.missing),
            ("unexpected", tree.unexpected),
        ):
            for path in paths:
                print(f"  {label}: {out}/{drift.vendor}/{path}")
        for diff in tree.diffs:
            print(diff, end="" if diff.endswith("\n") else "\n")
    if drift.surface:
        print(
            f"{drift.vendor}: the spec's surface changed; review the diff, then run "
            f"`make accept-surface VENDOR={drift.vendor}`"
        )
        print(drift.surface)

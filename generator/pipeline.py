"""The generate pipeline: load -> overlay -> validate -> build_ir -> render -> format -> write."""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import keyword
import os
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from .core import progress
from .core.errors import Diagnostic, Severity, SourceRef, SpecError

if TYPE_CHECKING:
    from .core.workers import Standby
    from .ir import Api
    from .output.write import TreeDiff
    from .spec.load import Document
    from .spec.openapi_validator import Record

# The stages are imported where they are used: a run with nothing to do reads the vendors'
# digests and stops, and importing them (yaml, datamodel-code-generator,
# openapi-spec-validator) would take longer than that.

SPEC_NAMES = ("openapi.yaml", "openapi.yml", "openapi.json")
OVERLAY_NAME = "overlay.yaml"
SURFACE_NAME = "surface.txt"
# Recorded in generated/<vendor>/: a digest of everything its files are made from.
DIGEST_NAME = "INPUTS.sha256"
# Recorded beside it: a digest of what its models are made from (see render_vendor).
MODELS_NAME = "MODELS.sha256"
_PACKAGE = Path(__file__).resolve().parent
_TEMPLATES = _PACKAGE.parent / "templates"
# The modules that decide what generated files contain (not how or where they are written).
_CONTENT_MODULES = frozenset(
    {"spec", "ir", "render", "runtime", "pipeline.py", "core/names.py", "output/format.py"}
)
_VENDOR_NAME = re.compile(r"[a-z][a-z0-9_]*")
# What a client imports besides the standard library: httpx and pydantic
# (render/client.py's DEPENDENCIES) and the packages they import. A client's package of one
# of these names, or of a standard module's, would hide it or be hidden by it.
_CLIENTS_IMPORT = frozenset(
    {
        "annotated_types",
        "anyio",
        "certifi",
        "h11",
        "httpcore",
        "httpx",
        "idna",
        "pydantic",
        "pydantic_core",
        "sniffio",
        "typing_extensions",
        "typing_inspection",
    }
)


@dataclass(frozen=True, slots=True)
class Vendor:
    name: str
    spec: Path
    overlay: Path | None
    display: str  # the spec's path as generated files name it: specs/<vendor>/openapi.yaml

    @property
    def surface(self) -> Path:
        return self.spec.parent / SURFACE_NAME

    @property
    def overlay_display(self) -> str:
        return f"{self.display.rsplit('/', 1)[0]}/{OVERLAY_NAME}"


@dataclass(frozen=True, slots=True)
class Built:
    vendor: Vendor
    api: Api
    files: dict[PurePosixPath, str]
    warnings: tuple[Diagnostic, ...]
    seconds: float = 0.0  # to load, validate, build, render and format it
    surface_changed: bool = False  # than its accepted snapshot


def discover_vendors(specs: Path, only: list[str] | None = None) -> list[Vendor]:
    if not specs.is_dir():
        raise SpecError([_error("specs-not-found", "no such directory", SourceRef(str(specs)))])
    found: list[Vendor] = []
    problems: list[Diagnostic] = []
    refused: set[str] = set()  # reported once, as what they are, not as unknown too
    for directory in sorted(
        p for p in specs.iterdir() if p.is_dir() and not p.name.startswith(".")
    ):
        spec = next((directory / n for n in SPEC_NAMES if (directory / n).is_file()), None)
        if spec is None:
            continue
        links = [
            p
            for p in (directory, spec, directory / OVERLAY_NAME, directory / SURFACE_NAME)
            if p.is_symlink()
        ]
        if links:
            refused.add(directory.name)
            problems.append(
                _error(
                    "symlink-refused",
                    f"{links[0]} is a symbolic link; specs are read and surfaces written only inside {specs}",
                    SourceRef(str(links[0])),
                    "replace the link with the file or directory itself",
                )
            )
            continue
        if not _VENDOR_NAME.fullmatch(directory.name) or keyword.iskeyword(directory.name):
            refused.add(directory.name)
            suggestion = _package_name(directory.name)
            problems.append(
                _error(
                    "bad-vendor-name",
                    f"vendor directory {directory.name!r} is not a valid Python package name, "
                    "which the client's package takes",
                    SourceRef(str(directory)),
                    (
                        f"rename it {suggestion!r}"
                        if suggestion
                        else "use lower-case letters, digits and underscores, starting with a letter"
                    ),
                )
            )
            continue
        taken = _taken(directory.name)
        if taken:
            refused.add(directory.name)
            problems.append(
                _error(
                    "bad-vendor-name",
                    f"vendor directory {directory.name!r} is the name of {taken}: the client's "
                    "package, which takes the directory's name, would hide it or be hidden by it",
                    SourceRef(str(directory)),
                    f"rename it {directory.name + '_api'!r}",
                )
            )
            continue
        overlay = directory / OVERLAY_NAME
        display = f"{specs.name}/{directory.name}/{spec.name}"
        found.append(Vendor(directory.name, spec, overlay if overlay.is_file() else None, display))
    if only:
        unknown = sorted(set(only) - {v.name for v in found} - refused)
        import difflib

        for name in unknown:
            close = difflib.get_close_matches(name, [v.name for v in found], n=1)
            problems.append(
                _error(
                    "unknown-vendor",
                    f"no vendor {name!r} (no {name}/openapi.yaml)",
                    SourceRef(str(specs)),
                    (
                        f"did you mean {close[0]!r}?"
                        if close
                        else f"the vendors: {', '.join(v.name for v in found) or 'none'}"
                    ),
                )
            )
        found = [v for v in found if v.name in only]
    if problems:
        raise SpecError(problems)
    return found


def _package_name(name: str) -> str:
    """The valid package name closest to a directory name (`smile-io` -> `smile_io`), or ''."""
    candidate = re.sub(r"[^a-z0-9_]", "_", name.lower()).strip("_")
    if candidate and candidate[0].isdigit():
        candidate = f"v{candidate}"
    if _VENDOR_NAME.fullmatch(candidate) and not keyword.iskeyword(candidate):
        return candidate + "_api" if _taken(candidate) else candidate
    return ""


def _taken(name: str) -> str:
    """What else goes by ``name`` where a client is imported, or ''."""
    if name in sys.stdlib_module_names:
        return "a module of Python's standard library"
    return "a package the clients import" if name in _CLIENTS_IMPORT else ""


def build_vendor(
    vendor: Vendor,
    *,
    strict: bool = False,
    stale_overlay: bool = False,
    record: Record | None = None,
) -> tuple[Api, tuple[Diagnostic, ...]]:
    """load -> overlay -> validate -> build_ir. ``stale_overlay``: an overlay action that
    matches or changes nothing is a warning, not an error (a spec the vendor just changed).
    ``record``: openapi-spec-validator's verdict recorded beside the client."""
    from .ir import build_ir
    from .spec.validate import validate_document

    document, overlay_warnings = effective_document(vendor, stale_overlay=stale_overlay)
    document, warnings = validate_document(document, vendor.overlay_display, record=record)
    warnings = overlay_warnings + warnings
    if strict and warnings:
        raise SpecError([_as_error(w) for w in warnings])
    api = build_ir(document, vendor.name, vendor.display)
    if strict and api.warnings:
        raise SpecError([_as_error(w) for w in api.warnings])
    return api, warnings + api.warnings


def effective_document(
    vendor: Vendor, *, stale_overlay: bool = False
) -> tuple[Document, tuple[Diagnostic, ...]]:
    """The spec with its overlay applied, read as OpenAPI 3 (a Swagger 2.0 spec converted),
    and the overlay's warnings."""
    from .spec.load import load_document
    from .spec.swagger2 import read_as_openapi3

    document = load_document(vendor.spec, vendor.display)
    if vendor.overlay is None:
        return read_as_openapi3(document), ()
    # Only here: it imports a JSONPath library (50 ms), which a spec without one has no use for.
    from .spec.overlay import apply_overlay, apply_overlay_reporting

    overlay = load_document(vendor.overlay, vendor.overlay_display)
    if not stale_overlay:
        return read_as_openapi3(apply_overlay(document, overlay)), overlay.warnings
    document, stale = apply_overlay_reporting(document, overlay)
    return read_as_openapi3(document), overlay.warnings + stale


def render_vendor(
    api: Api,
    *,
    workers: int = 1,
    committed: Path | None = None,
    cache: Path | None = None,
    models_by: Standby | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> dict[PurePosixPath, str]:
    """render -> format: the complete package of one vendor, in memory. From the
    ``committed`` client, a file whose unformatted text is unchanged keeps its text
    unformatted, and the models are kept whole when what they are made from is unchanged;
    from ``cache``, the model tool's text of each class whose schema is unchanged.
    ``models_by``: a process readied to render the models (``_build_one``), which renders
    them while this one does ``meanwhile``, then renders the client."""
    from .output.format import (
        FORMATTED_NAME,
        Formatting,
        Unformattable,
        digest,
        formatted_record,
        kept_formatted,
        read_formatted_record,
    )
    from .render import models_inputs, models_package, render_client, render_pyproject
    from .render.syntax import unparsable
    from .spec.load import read_runtime_sources

    def formatting(done: int, total: int) -> None:
        progress.stage(api.vendor, f"formatting {done}/{total} files {progress.bar(done, total)}")

    known = read_formatted_record(committed)
    models = digest_inputs([], [models_inputs(api), _generator_digest()])
    reused = _reused_models(committed, known, models)
    shown = formatting if progress.enabled() else None
    if reused and models_by is not None:
        models_by.close()  # the models are kept: nothing for it to do
        models_by = None
    # With the models rendered elsewhere, this process formats the client meanwhile (a copy
    # of it to help would take the memory of one more), and the models once they come, with
    # a copy's help then: the one that rendered them has ended.
    with Formatting(
        workers=workers, on_progress=shown, helped_from_finish=models_by is not None
    ) as formatter:
        pending = models_by.start(_models_by_copy, api, cache) if models_by else None
        # The client's files are formatted while the models are rendered, and first: the
        # formatter's processes end before the model tool is at its largest.
        unformatted = render_client(api)
        kept = kept_formatted(unformatted, committed, known)
        try:
            formatter.send({p: t for p, t in unformatted.items() if p not in kept})
            if meanwhile is not None:
                meanwhile()
            if reused:
                rendered = {}
            elif pending is not None:
                made = pending()
                rendered = made if isinstance(made, dict) else models_package(api, made)
            else:
                rendered = models_package(api, _model_tool_output(api, cache)[0])
            unformatted.update(rendered)
            kept.update(kept_formatted(rendered, committed, known))
            kept.update(reused)
            files = formatter.finish({p: t for p, t in rendered.items() if p not in kept})
        except Unformattable as exc:
            text = unformatted[exc.path]
            problem = "is not Python" if exc.parsed else "cannot be formatted"
            problem = f"{problem} ({exc.message})"
            raise SpecError([unparsable(api, exc.path, text, exc.line, problem)]) from None
    files.update(kept)
    sources = {p: digest(t) for p, t in unformatted.items() if p.suffix == ".py"}
    sources.update((p, known[p][0]) for p in reused)
    files[PurePosixPath(FORMATTED_NAME)] = formatted_record(sources, files)
    files[PurePosixPath(MODELS_NAME)] = models + "\n"
    files[PurePosixPath("py.typed")] = ""
    for name, text in read_runtime_sources().items():
        files[PurePosixPath("_runtime") / name] = text
    files[PurePosixPath("pyproject.toml")] = render_pyproject(api, files)
    return files


def _models_by_copy(api: Api, cache: Path | None) -> dict[PurePosixPath, str] | str:
    """What the copy that renders the models sends back. After a run of the model tool on
    the whole document, the models' package: the copy was at its largest in the tool's run.
    After runs in parts, on part of it (a schema edit), or none, the tool's output, of which
    the command makes the package once the copy has ended: the package's syntax tree (31 MiB
    on Box) would be the larger part of the copy, beside the command at its largest."""
    from .render import models_package

    source, whole = _model_tool_output(api, cache)
    return models_package(api, source) if whole else source


def _model_tool_output(api: Api, cache: Path | None) -> tuple[str, bool]:
    """The model tool's output, from that of the last run kept at ``cache`` where it still
    fits (render/model_cache/), which is then replaced; and whether the tool ran on the
    whole document. A cache that cannot be read or written only costs time."""
    from .output.write import write_text
    from .render.model_cache import ModelCache, Record
    from .render.models import model_tool_output

    kept = ModelCache()
    if cache is not None:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            kept.previous = Record.from_json(cache.read_text(encoding="utf-8"))
    source = model_tool_output(api, cache=kept, salt=_generator_digest())
    if cache is not None and kept.current is not None:
        with contextlib.suppress(OSError):
            cache.parent.mkdir(parents=True, exist_ok=True)
            ignored = cache.parent / ".gitignore"
            if not ignored.exists():
                write_text(ignored, "# The generator's cache of model tool output.\n*\n")
            write_text(cache, kept.current.to_json())
    return source, kept.whole


def _ready_model_tool() -> None:
    from .render.models import ready_model_tool

    ready_model_tool()
    # What the copy holds now (the tool, imported and run once) lives as long as it does:
    # frozen, it is left out of the collections the tool's runs are followed by (models.py),
    # which take a fifth of the time so (Box: 0.5 s less in all).
    gc.collect()
    gc.freeze()


def _reused_models(
    committed: Path | None, known: dict[PurePosixPath, tuple[str, str]], models: str
) -> dict[PurePosixPath, str]:
    """The committed ``models`` package, if ``MODELS.sha256`` says it was made from the same
    inputs by the same generator and none of its files was edited since; else nothing."""
    from .output.format import committed_as_formatted

    if committed is None:
        return {}
    record = committed / MODELS_NAME
    if (
        not record.is_file()
        or record.is_symlink()
        or record.read_text(encoding="utf-8").strip() != models
    ):
        return {}
    reused = {}
    for path, (_, formatted) in known.items():
        if path.parts[0] == "models":
            text = committed_as_formatted(committed, path, formatted)
            if text is None:
                return {}
            reused[path] = text
    return reused


def inputs_digest(vendor: Vendor) -> str:
    """What a vendor's generated files are made from: its spec and overlay, the generator
    modules that shape their content, the templates, and the pinned tools' versions."""
    files = [
        ("spec", vendor.spec),
        ("overlay", vendor.overlay or vendor.spec.parent / OVERLAY_NAME),
    ]
    return digest_inputs(files, [_generator_digest(), vendor.name, vendor.display])


def digest_inputs(files: Iterable[tuple[str, Path]], extra: Iterable[str] = ()) -> str:
    """A sha256 over named files' bytes (missing files count as empty) and extra strings."""
    digest = hashlib.sha256()
    for name, path in files:
        digest.update(f"{name}\0".encode())
        digest.update(path.read_bytes() if path.is_file() else b"")
        digest.update(b"\0")
    for item in extra:
        digest.update(f"{item}\0".encode())
    return digest.hexdigest()


@functools.cache
def _generator_digest() -> str:
    return digest_inputs(_generator_inputs())


@functools.cache
def _generator_inputs() -> tuple[tuple[str, Path], ...]:
    """The same for every vendor. The tools' versions are those requirements.lock pins (and
    make installs): asking importlib.metadata would cost more than the rest of a no-op run."""
    # Only the content modules are walked, not the whole package: a no-op run lists fewer files.
    sources = sorted(
        p
        for path in (_PACKAGE / name for name in _CONTENT_MODULES)
        for p in (path.rglob("*.py") if path.is_dir() else [path])
    )
    templates = sorted(p for p in _TEMPLATES.rglob("*") if p.is_file())
    root = _PACKAGE.parent
    files = [*sources, *templates, root / "requirements.lock"]
    return tuple((p.relative_to(root).as_posix(), p) for p in files)


def build_all(
    vendors: list[Vendor], *, strict: bool = False, out: Path | None = None
) -> list[Built]:
    """Every vendor built and rendered in memory, several at once when there are several
    cores (one vendor formats its files on all of them); all vendors' errors are reported
    together."""
    cores = os.cpu_count() or 1
    if len(vendors) > 1 and cores > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # Workers start as copies of this process, with the generator already imported.
        fork = multiprocessing.get_context("fork")
        from .core.workers import die_with_parent

        with ProcessPoolExecutor(
            min(len(vendors), cores),
            mp_context=fork,
            initializer=die_with_parent,
            initargs=(os.getpid(),),
        ) as pool:
            build = functools.partial(_build_one, strict=strict, out=out)
            outcomes = list(pool.map(build, vendors))
    else:
        outcomes = [_build_one(v, strict=strict, workers=cores, out=out) for v in vendors]
    problems = [d for o in outcomes if not isinstance(o, Built) for d in o]
    if problems:
        raise SpecError(problems)
    return [o for o in outcomes if isinstance(o, Built)]


def _build_one(
    vendor: Vendor, *, strict: bool, workers: int = 1, out: Path | None = None
) -> Built | tuple[Diagnostic, ...]:
    from .core.workers import Standby
    from .ir import build_ir
    from .spec.openapi_validator import VALIDATED_NAME, read_record
    from .spec.validate import start_validation

    # Diagnostics are returned, not raised, so that they cross process boundaries as data.
    started = time.monotonic()
    committed = out / vendor.name if out is not None else None
    # Beside the output, not in it: what is in it is committed.
    cache = out.parent / f".{out.name}.cache" / f"{vendor.name}.json" if out is not None else None
    record = read_record(committed)
    # On several cores the models are rendered by a copy of this process, which imports the
    # model tool (about a second) while this one reads the spec.
    models_by = Standby(_ready_model_tool) if workers > 1 else None
    try:
        progress.stage(vendor.name, "loading and validating the spec")
        document, overlay_warnings = effective_document(vendor)
        validation = start_validation(document, vendor.overlay_display, record=record)
        if models_by is None:
            validation.settle()  # its errors stop the run before anything is built
        try:
            api = build_ir(validation.document, vendor.name, vendor.display)
            progress.stage(
                vendor.name,
                f"rendering {len(api.operations)} operations and {len(api.models)} models",
            )
            # openapi-spec-validator answers while the models are rendered (on a large spec,
            # in as much time); nothing is written before its answer.
            files = render_vendor(
                api,
                workers=workers,
                committed=committed,
                cache=cache,
                models_by=models_by,
                meanwhile=validation.settle,
            )
        except Exception:
            validation.settle()  # an error it finds is the reason, not our failure
            raise
        warnings = overlay_warnings + validation.settle() + api.warnings
        if strict and warnings:
            raise SpecError([_as_error(w) for w in warnings])
    except SpecError as exc:
        return exc.diagnostics
    finally:
        if models_by is not None:
            models_by.close()
    files[PurePosixPath(VALIDATED_NAME)] = record.current
    files[PurePosixPath(DIGEST_NAME)] = inputs_digest(vendor) + "\n"
    return Built(vendor, api, files, warnings, time.monotonic() - started)


def _up_to_date(vendor: Vendor, out: Path) -> bool:
    recorded = out / vendor.name / DIGEST_NAME
    return (
        recorded.is_file()
        and vendor.surface.exists()
        and recorded.read_text(encoding="utf-8").strip() == inputs_digest(vendor)
    )


def generate(
    specs: Path, out: Path, only: list[str] | None = None, *, strict: bool = False
) -> tuple[list[Built], list[str]]:
    """Regenerate the vendors whose inputs changed; returns them, and the names of the others.

    Nothing is written unless every vendor that needs it builds. ``strict`` rebuilds all,
    so that their warnings are seen.
    """
    vendors = discover_vendors(specs, only)
    stale = vendors if strict else [v for v in vendors if not _up_to_date(v, out)]
    if not stale:
        return [], [v.name for v in vendors]
    from .output.surface import describe_surface
    from .output.write import write_text, write_trees

    built = build_all(stale, strict=strict, out=out)
    if built:
        progress.stage(", ".join(item.vendor.name for item in built), f"writing {out}")
        write_trees(out, {item.vendor.name: item.files for item in built})
    noticed = []
    for item in built:
        surface = describe_surface(item.api)
        if not item.vendor.surface.exists():
            # The first generation of a vendor accepts its surface; later changes are accepted on purpose.
            write_text(item.vendor.surface, surface)
        elif item.vendor.surface.read_text(encoding="utf-8") != surface:
            item = replace(item, surface_changed=True)
        noticed.append(item)
    return noticed, [v.name for v in vendors if v not in stale]


@dataclass(frozen=True, slots=True)
class Drift:
    vendor: str
    generated: TreeDiff
    surface: str  # a unified diff of the surface snapshot, or ""


def check(specs: Path, out: Path, only: list[str] | None = None) -> list[Drift]:
    """Compare regenerated output and surfaces with what is committed, touching nothing.
    Raises NotBlack if black would change a regenerated file: the generator's bug."""
    import difflib

    from .output.format import NotBlack, not_black
    from .output.surface import describe_surface
    from .output.write import compare_tree, read_tree

    drifts = []
    built = build_all(discover_vendors(specs, only), out=out)
    regenerated = {
        PurePosixPath(out.name, item.vendor.name, path): text
        for item in built
        for path, text in item.files.items()
    }
    changed = not_black(regenerated)
    if changed:
        raise NotBlack(changed)
    for item in built:
        tree = compare_tree(
            item.files, read_tree(out / item.vendor.name), f"{out.name}/{item.vendor.name}"
        )
        current = describe_surface(item.api)
        accepted = (
            item.vendor.surface.read_text(encoding="utf-8") if item.vendor.surface.exists() else ""
        )
        surface = ""
        if current != accepted:
            surface = "".join(
                difflib.unified_diff(
                    accepted.splitlines(keepends=True),
                    current.splitlines(keepends=True),
                    f"{item.vendor.name}/{SURFACE_NAME} (accepted)",
                    f"{item.vendor.name}/{SURFACE_NAME} (spec now)",
                )
            )
        if tree or surface:
            drifts.append(Drift(item.vendor.name, tree, surface))
    return drifts


def accept_surface(specs: Path, only: list[str] | None = None) -> list[str]:
    from .output.surface import describe_surface
    from .output.write import write_text

    accepted = []
    for item in build_all(discover_vendors(specs, only)):
        text = describe_surface(item.api)
        if (
            not item.vendor.surface.exists()
            or item.vendor.surface.read_text(encoding="utf-8") != text
        ):
            write_text(item.vendor.surface, text)
            accepted.append(item.vendor.name)
    return accepted


def _error(code: str, message: str, where: SourceRef, hint: str = "") -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, where, hint)


def _as_error(warning: Diagnostic) -> Diagnostic:
    return Diagnostic(warning.code, Severity.ERROR, warning.message, warning.where, warning.hint)

"""Changed vendors are built on several cores, and a large vendor's files are formatted on
several; either way the output is what one process would have made."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from generator import pipeline
from generator.output import format as formatting
from tests.conftest import SPECS, ModelToolRuns


def test_several_vendors_are_built_in_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)  # as on CI, whatever runs this
    render = pipeline.render_vendor

    def render_recording_process(api: object, **kwargs: object) -> dict[PurePosixPath, str]:
        files = render(api, **kwargs)  # type: ignore[arg-type]
        files[PurePosixPath("pid")] = str(os.getpid())
        return files

    # Workers are forked, so they inherit the patched function.
    monkeypatch.setattr(pipeline, "render_vendor", render_recording_process)
    vendors = pipeline.discover_vendors(SPECS)
    parallel = pipeline.build_all(vendors)
    pids = {item.files.pop(PurePosixPath("pid")) for item in parallel}
    assert str(os.getpid()) not in pids and len(pids) >= 2
    serial = [pipeline.build_all([v])[0] for v in vendors]
    for a, b in zip(parallel, serial, strict=True):
        b.files.pop(PurePosixPath("pid"))
        assert (a.vendor, a.files) == (b.vendor, b.files)


def test_one_vendor_on_two_cores_has_its_models_rendered_by_a_copy_readied_meanwhile(
    monkeypatch: pytest.MonkeyPatch, model_tool_runs: ModelToolRuns
) -> None:
    (vendor,) = [v for v in pipeline.discover_vendors(SPECS) if v.name == "capillary"]
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    (elsewhere,) = pipeline.build_all([vendor])
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 1)
    (here,) = pipeline.build_all([vendor])
    # The copy's warm-up is not a run of the tool as the command uses it: one run each.
    copy, this = model_tool_runs.processes()
    assert copy != os.getpid() and this == os.getpid()
    assert elsewhere.files == here.files


def test_after_a_schema_edit_the_command_makes_the_models_package_of_the_copys_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model_tool_runs: ModelToolRuns
) -> None:
    """After a run of the tool on the whole document the copy makes the models' package (it
    was at its largest in the run); after a run on part of it (an edit) it sends the tool's
    output, and the command makes the package once the copy has ended: the package's syntax
    tree would be most of the copy's memory. The files are the same either way."""
    import generator.render as render

    made_by = tmp_path / "made-by"
    package = render.models_package

    def recording(api: Any, source: str) -> dict[PurePosixPath, str]:
        with made_by.open("a", encoding="utf-8") as log:
            log.write(f"{os.getpid()}\n")
        return package(api, source)

    # The copy is forked, so it inherits the patched function and where it writes.
    monkeypatch.setattr(render, "models_package", recording)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    specs = tmp_path / "specs"
    shutil.copytree(SPECS / "capillary", specs / "capillary")

    def build(out: Path) -> tuple[dict[PurePosixPath, str], list[int]]:
        made_by.unlink(missing_ok=True)
        (built,) = pipeline.build_all(pipeline.discover_vendors(specs), out=out)
        return built.files, [int(pid) for pid in made_by.read_text().split()]

    _, (first,) = build(tmp_path / "generated")
    spec = specs / "capillary" / "openapi.yaml"
    words = "Customer details to update; send only what changes."
    spec.write_text(spec.read_text().replace(words, "What to change."), encoding="utf-8")
    edited, (then,) = build(tmp_path / "generated")
    scratch, (fresh,) = build(tmp_path / "scratch")
    assert model_tool_runs()[1] != model_tool_runs()[2]  # a part, then the whole
    assert first != os.getpid() and then == os.getpid() and fresh != os.getpid()
    assert edited == scratch


def _formatted(
    files: dict[PurePosixPath, str],
    *,
    workers: int,
    on_progress: Callable[[int, int], None] | None = None,
) -> dict[PurePosixPath, str]:
    """``files`` formatted at once, none sent early."""
    with formatting.Formatting(workers=workers, on_progress=on_progress) as formatter:
        return formatter.finish(files)


def _module(name: str, lines: int) -> tuple[PurePosixPath, str]:
    return PurePosixPath(name), "import sys, os\nx   =  1\n" + f"# {'-' * 5000}\n" * lines


_FORMAT_ALL = formatting._format_all


def _marking_its_process(share: dict[PurePosixPath, str]) -> dict[PurePosixPath, str]:
    """_format_all, leaving a file named after the process in $FORMATTED_BY."""
    first = str(min(share)).replace("/", ":")
    (Path(os.environ["FORMATTED_BY"]) / f"{os.getpid()}-{first}").touch()
    return _FORMAT_ALL(share)


@pytest.fixture
def marks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where each process that formats a share marks it. Workers are forked, so they inherit
    the patched function and where it marks."""
    monkeypatch.setattr(formatting, "_format_all", _marking_its_process)
    monkeypatch.setenv("FORMATTED_BY", str(tmp_path))
    return tmp_path


def test_formatting_shared_between_processes_gives_the_same_files(marks: Path) -> None:
    files = dict(_module(f"m{i}.py", 2 + i) for i in range(30))
    files[PurePosixPath("py.typed")] = ""
    assert sum(map(len, files.values())) > 200_000
    shared = _formatted(files, workers=2)
    # This process formats a share, and a copy of it the other.
    pids = {p.name.split("-")[0] for p in marks.iterdir()}
    assert len(pids) == 2 and str(os.getpid()) in pids
    assert shared == _formatted(files, workers=1)
    assert list(shared) == list(files)
    assert shared[PurePosixPath("m0.py")].startswith("import os\nimport sys\n\nx = 1\n")


@pytest.mark.parametrize("workers", [1, 2])
def test_formatting_reports_its_progress_and_gives_the_same_files(workers: int) -> None:
    files = dict(_module(f"m{i}.py", 2 + i) for i in range(60))
    seen: list[tuple[int, int]] = []
    shown = _formatted(files, workers=workers, on_progress=lambda d, t: seen.append((d, t)))
    assert shown == _formatted(files, workers=workers)
    assert len(seen) > 1 and seen[-1] == (60, 60)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def _marks(where: Path) -> dict[str, str]:
    """Each share's first file, and the process that formatted it."""
    return {m.name.split("-", 1)[1]: m.name.split("-")[0] for m in where.iterdir()}


def _until(seen: Callable[[], bool]) -> None:
    """Wait for ``seen``; past a minute, go on and let the test's assertions fail."""
    deadline = time.monotonic() + 60
    while not seen() and time.monotonic() < deadline:
        time.sleep(0.01)


def test_files_sent_early_are_formatted_by_a_copy_while_this_process_works(marks: Path) -> None:
    early = dict(_module(f"client/m{i}.py", 2 + i) for i in range(30))
    late = dict(_module(f"models/m{i}.py", 2 + i) for i in range(30))
    late[PurePosixPath("py.typed")] = ""
    with formatting.Formatting(workers=2) as formatter:
        formatter.send(early)
        # This process renders the models meanwhile: here, it waits for the copy to format.
        _until(lambda: any(marks.iterdir()))
        done = formatter.finish(late)
    by = _marks(marks)
    assert any(p != str(os.getpid()) for n, p in by.items() if n.startswith("client"))
    assert str(os.getpid()) in {p for n, p in by.items() if n.startswith("models")}
    assert done == _formatted({**early, **late}, workers=1)
    assert list(done) == [*early, *late]


_held: list[int] = []  # in a copy: that it has been held


def _copy_waiting_for_this_process(share: dict[PurePosixPath, str]) -> dict[PurePosixPath, str]:
    """_marking_its_process; a copy's first share only once the first process formatted one."""
    first = os.environ["FIRST_PROCESS"]
    if str(os.getpid()) != first and not _held:
        _held.append(os.getpid())
        _until(lambda: first in _marks(Path(os.environ["FORMATTED_BY"])).values())
    return _marking_its_process(share)


def test_files_sent_early_that_no_copy_has_started_are_formatted_here_too(
    marks: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The copy is held on its first share until this process has formatted one: that can only
    # be one it took back, as nothing is left to format but what was sent.
    monkeypatch.setattr(formatting, "_format_all", _copy_waiting_for_this_process)
    monkeypatch.setenv("FIRST_PROCESS", str(os.getpid()))
    early = dict(_module(f"client/m{i}.py", 2 + i) for i in range(30))
    with formatting.Formatting(workers=2) as formatter:
        formatter.send(early)
        done = formatter.finish({})
    assert str(os.getpid()) in _marks(marks).values()
    assert done == _formatted(early, workers=1)


def test_helped_from_finish_formats_what_is_sent_here_at_once_and_shares_the_rest(
    marks: Path,
) -> None:
    # While the models are rendered by a copy of the command, the client's files are formatted
    # by the command alone; the models, once that copy has ended, with a new one's help.
    early = dict(_module(f"client/m{i}.py", 2 + i) for i in range(30))
    late = dict(_module(f"models/m{i}.py", 2 + i) for i in range(30))
    with formatting.Formatting(workers=2, helped_from_finish=True) as formatter:
        formatter.send(early)
        assert set(_marks(marks).values()) == {str(os.getpid())}
        assert len(multiprocessing.active_children()) == 0
        done = formatter.finish(late)
    by = _marks(marks)
    assert {p for n, p in by.items() if n.startswith("client")} == {str(os.getpid())}
    assert len({p for n, p in by.items() if n.startswith("models")}) == 2
    assert done == _formatted({**early, **late}, workers=1)

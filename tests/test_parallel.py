"""Changed vendors are built on several cores, and a large vendor's files are formatted on
several; either way the output is what one process would have made."""

from __future__ import annotations

import os
from pathlib import PurePosixPath

import pytest

from generator import pipeline
from generator.format import format_files
from tests.conftest import SPECS


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


def test_formatting_shared_between_processes_gives_the_same_files() -> None:
    files = {
        PurePosixPath(f"m{i}.py"): "import sys, os\nx   =  1\n" + f"# {'-' * 5000}\n" * (2 + i)
        for i in range(30)
    }
    files[PurePosixPath("py.typed")] = ""
    assert sum(map(len, files.values())) > 200_000
    shared = format_files(files, workers=2)
    assert shared == format_files(files, workers=1)
    assert list(shared) == list(files)
    assert shared[PurePosixPath("m0.py")].startswith("import os\nimport sys\n\nx = 1\n")


@pytest.mark.parametrize("workers", [1, 2])
def test_formatting_reports_its_progress_and_gives_the_same_files(workers: int) -> None:
    files = {
        PurePosixPath(f"m{i}.py"): "import sys, os\nx   =  1\n" + f"# {'-' * 5000}\n" * (2 + i)
        for i in range(60)
    }
    seen: list[tuple[int, int]] = []
    shown = format_files(files, workers=workers, on_progress=lambda d, t: seen.append((d, t)))
    assert shown == format_files(files, workers=workers)
    assert len(seen) > 1 and seen[-1] == (60, 60)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

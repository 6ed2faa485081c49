"""Writing generated/: exactly the files asked for, all at once, and nothing half-written."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path, PurePosixPath

import pytest

from generator.output.write import read_tree, write_trees
from tests.conftest import GENERATED, ROOT, SPECS, ModelToolRuns


def test_replaces_named_trees_exactly_and_keeps_the_rest(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    (out / "a" / "old").mkdir(parents=True)
    (out / "a" / "old" / "stale.py").write_text("x")
    (out / "b").mkdir()
    (out / "b" / "keep.py").write_text("kept")
    write_trees(out, {"a": {PurePosixPath("pkg/new.py"): "y\n"}})
    assert read_tree(out) == {
        PurePosixPath("a/pkg/new.py"): "y\n",
        PurePosixPath("b/keep.py"): "kept",
    }
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~umask  # not mkdtemp's 0700
    assert [p.name for p in tmp_path.iterdir()] == ["generated"]  # no staging left behind


def test_vendors_not_regenerated_keep_their_files_untouched(tmp_path: Path) -> None:
    """Not copied, rewritten or synced: the same files (inodes), not copies of them."""
    out = tmp_path / "generated"
    write_trees(out, {"a": {PurePosixPath("x.py"): "1\n"}, "b": {PurePosixPath("y.py"): "2\n"}})
    kept = (out / "b" / "y.py").stat()
    write_trees(out, {"a": {PurePosixPath("x.py"): "3\n"}})
    now = (out / "b" / "y.py").stat()
    assert (now.st_ino, now.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)
    assert read_tree(out) == {PurePosixPath("a/x.py"): "3\n", PurePosixPath("b/y.py"): "2\n"}


def test_files_that_come_out_the_same_are_linked_not_rewritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = {PurePosixPath("same.py"): "1\n", PurePosixPath("pkg/edited.py"): "2\n"}
    write_trees(out, {"a": first})
    before = {p: (out / "a" / p).stat().st_ino for p in first}
    write_trees(out, {"a": {**first, PurePosixPath("pkg/edited.py"): "3\n"}})
    after = {p: (out / "a" / p).stat().st_ino for p in first}
    assert after[PurePosixPath("same.py")] == before[PurePosixPath("same.py")]
    assert after[PurePosixPath("pkg/edited.py")] != before[PurePosixPath("pkg/edited.py")]
    assert read_tree(out / "a") == {**first, PurePosixPath("pkg/edited.py"): "3\n"}


def test_backup_of_a_run_killed_between_renames_is_restored(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    backup = tmp_path / ".generated.old-4242"
    (backup / "a").mkdir(parents=True)
    (backup / "a" / "file.py").write_text("old")
    (tmp_path / ".generated.new-abc").mkdir()
    write_trees(out, {"b": {PurePosixPath("f.py"): "new"}})
    assert read_tree(out) == {PurePosixPath("a/file.py"): "old", PurePosixPath("b/f.py"): "new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]


@pytest.fixture
def changed_workspace(
    tmp_path: Path,
) -> tuple[Path, Path, dict[PurePosixPath, str], dict[PurePosixPath, str]]:
    """specs/ with a changed Imprint spec, generated/ as committed, and both expected trees."""
    specs, out = tmp_path / "specs", tmp_path / "generated"
    shutil.copytree(SPECS, specs)
    shutil.copytree(GENERATED, out, ignore=shutil.ignore_patterns("__pycache__"))
    spec = specs / "imprint" / "openapi.yaml"
    spec.write_text(
        spec.read_text().replace("title: Public Imprint API", "title: Public Imprint API v2")
    )
    before = read_tree(out)
    expected = tmp_path / "expected"
    shutil.copytree(out, expected)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            "--specs",
            str(specs),
            "--out",
            str(expected),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    after = read_tree(expected)
    assert after != before
    return specs, out, before, after


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.3, 1.8, 2.5])
def test_killed_run_leaves_the_previous_tree_or_the_complete_new_one(
    changed_workspace: tuple[Path, Path, dict[PurePosixPath, str], dict[PurePosixPath, str]],
    delay: float,
) -> None:
    specs, out, before, after = changed_workspace
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "generate", "--specs", str(specs), "--out", str(out)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the workers it forks are found by it
    )
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    tree = read_tree(out)
    assert tree in (before, after)
    # Its workers die with it (they are not left waiting on their queue forever).
    deadline = time.monotonic() + 30
    while _group_alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _group_alive(process.pid)


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


# Runs the generator, but holds it once the new tree is staged (files written, not yet
# swapped in) until the test has sent SIGINT: the interrupt lands there, every time.
_HELD_AT_STAGING = """
import signal
import sys
import generator.output.write as write

# Ctrl-C as a terminal's shell gives it. A child inherits an ignored or blocked SIGINT from
# the process that starts it, and Python leaves it so: one xdist worker of `make test` ran
# this test so once (the generator finished, exit 0).
signal.signal(signal.SIGINT, signal.default_int_handler)
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})

staged = write._sync

def hold(paths):
    print("staged", flush=True)
    sys.stdin.readline()
    staged(paths)

write._sync = hold
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_interrupted_run_says_so_and_writes_nothing(
    changed_workspace: tuple[Path, Path, dict[PurePosixPath, str], dict[PurePosixPath, str]],
) -> None:
    specs, out, before, _ = changed_workspace
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _HELD_AT_STAGING,
            "generate",
            "--specs",
            str(specs),
            "--out",
            str(out),
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "staged\n"  # the event: files are being written
    process.send_signal(signal.SIGINT)
    _, err = process.communicate()
    assert process.returncode == 130, err
    assert "interrupted; nothing was half-written." in err
    assert read_tree(out) == before
    # No staging tree is left beside it (the model tool's caches are: they are not output).
    hidden = [p.name for p in out.parent.iterdir() if p.name.startswith(".")]
    assert [name for name in hidden if not name.endswith(".cache")] == []


def test_a_symlink_in_the_output_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    from generator.core.errors import SpecError

    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "generated"
    out.mkdir()
    (out / "vendor").symlink_to(outside)
    with pytest.raises(SpecError) as caught:
        write_trees(out, {"other": {PurePosixPath("f.py"): "x"}})
    assert caught.value.diagnostics[0].code == "symlink-refused"
    assert list(outside.iterdir()) == [] and sorted(p.name for p in out.iterdir()) == ["vendor"]


def test_a_symlinked_vendor_directory_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.cli import main

    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(SPECS / "imprint", elsewhere)
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "imprint").symlink_to(elsewhere)
    assert (
        main(["generate", "--specs", str(tmp_path / "specs"), "--out", str(tmp_path / "out")]) == 1
    )
    assert "error[symlink-refused]" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_regeneration_formats_only_the_files_whose_unformatted_text_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.cli import main
    from generator.output import format as formatting

    formatted: list[PurePosixPath] = []
    real = formatting._format_all

    def counting(files: dict[PurePosixPath, str]) -> dict[PurePosixPath, str]:
        formatted.extend(files)
        return real(files)

    monkeypatch.setattr(formatting, "_format_all", counting)
    specs, out = tmp_path / "specs", tmp_path / "generated"
    shutil.copytree(SPECS / "imprint", specs / "imprint")
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 0
    everything = len(formatted)
    spec = specs / "imprint" / "openapi.yaml"
    spec.write_text(spec.read_text().replace("title: Public Imprint API", "title: Imprint API"))
    formatted.clear()
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 0
    # The title is in the package's, the client's and the models' docstrings: nothing else.
    assert 0 < len(formatted) < everything / 2, formatted
    cold = tmp_path / "cold"
    assert main(["generate", "--specs", str(specs), "--out", str(cold)]) == 0
    assert read_tree(out) == read_tree(cold)  # kept text is what formatting gives
    # A generated file edited by hand is formatted again, not kept.
    edited = out / "imprint" / "resources" / "customers.py"
    edited.write_text(edited.read_text() + "# edited\n")
    (out / "imprint" / "INPUTS.sha256").write_text("stale\n")
    formatted.clear()
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 0
    assert formatted == [PurePosixPath("resources/customers.py")]
    assert read_tree(out) == read_tree(cold)


def test_models_made_from_the_same_inputs_are_kept_and_not_rendered_again(
    tmp_path: Path, model_tool_runs: ModelToolRuns
) -> None:
    from generator.cli import main

    rendered = model_tool_runs
    specs, out, cold = tmp_path / "specs", tmp_path / "generated", tmp_path / "cold"
    shutil.copytree(SPECS / "imprint", specs / "imprint")
    spec = specs / "imprint" / "openapi.yaml"
    generate = ["generate", "--specs", str(specs)]
    assert main([*generate, "--out", str(out)]) == 0
    assert len(rendered()) == 1

    def regenerated_as_cold() -> None:
        shutil.rmtree(cold, ignore_errors=True)
        assert main([*generate, "--out", str(cold)]) == 0
        assert read_tree(out) == read_tree(cold)

    # An operation's summary is not in any model: the models are kept as committed.
    text = spec.read_text()
    assert text.count("summary: Update a customer") == 1
    spec.write_text(text.replace("summary: Update a customer", "summary: Update one customer"))
    rendered.clear()
    assert main([*generate, "--out", str(out)]) == 0
    assert rendered() == []
    regenerated_as_cold()
    # A model file edited by hand is not kept: the models are rendered again.
    model = next((out / "imprint" / "models").glob("[!_]*.py"))
    model.write_text(model.read_text() + "# edited\n")
    (out / "imprint" / "INPUTS.sha256").write_text("stale\n")
    rendered.clear()
    assert main([*generate, "--out", str(out)]) == 0
    # ... from the model tool's text of each class, kept beside the output: no run of it.
    assert rendered() == []
    assert (tmp_path / ".generated.cache" / "imprint.json").is_file()
    regenerated_as_cold()
    # Nor are they when a schema changes: the tool runs on the part that changed.
    text = spec.read_text()
    assert "description: Customer's email address" in text
    spec.write_text(text.replace("description: Customer's email address", "description: Email"))
    rendered.clear()
    assert main([*generate, "--out", str(out)]) == 0
    assert len(rendered()) == 1
    regenerated_as_cold()

"""Exit codes and messages of `python -m generator`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cli
from tests.conftest import ROOT, SPECS


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["frobnicate"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_unknown_vendor_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["validate", "--specs", str(SPECS), "nosuch"]) == 1
    assert "error[unknown-vendor]: no vendor 'nosuch'" in capsys.readouterr().err


def test_a_mistyped_vendor_gets_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["validate", "--specs", str(SPECS), "loyaltydgo"]) == 1
    err = capsys.readouterr().err
    assert "error[unknown-vendor]: no vendor 'loyaltydgo'" in err
    assert "hint: did you mean 'loyaltydog'?" in err


def test_a_bad_vendor_name_is_one_error_with_the_name_to_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "specs" / "smile-io").mkdir(parents=True)
    (tmp_path / "specs" / "smile-io" / "openapi.yaml").write_text("openapi: 3.1.0\n")
    assert cli.main(["validate", "--specs", str(tmp_path / "specs"), "smile-io"]) == 1
    err = capsys.readouterr().err
    assert err.count("error[") == 1, err
    assert "error[bad-vendor-name]: vendor directory 'smile-io'" in err
    assert "hint: rename it 'smile_io'" in err


def test_missing_specs_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        cli.main(["generate", "--specs", str(tmp_path / "none"), "--out", str(tmp_path / "g")]) == 1
    )
    assert "error[specs-not-found]" in capsys.readouterr().err


def test_bad_vendor_directory_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "specs" / "Bad-Name").mkdir(parents=True)
    (tmp_path / "specs" / "Bad-Name" / "openapi.yaml").write_text("openapi: 3.1.0\n")
    assert cli.main(["validate", "--specs", str(tmp_path / "specs")]) == 1
    assert "'Bad-Name' is not a valid Python package name" in capsys.readouterr().err


def test_internal_error_is_one_line_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    from generator import pipeline

    monkeypatch.setattr(pipeline, "build_all", broken)
    assert cli.main(["validate"]) == 3
    err = capsys.readouterr().err
    assert err == (
        "internal error (a bug in the generator): RuntimeError: boom; "
        "rerun with --debug for the traceback\n"
    )
    assert cli.main(["--debug", "validate"]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_strict_turns_warnings_into_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["validate", "--strict", "--specs", str(SPECS), "loyaltydog"]) == 1
    assert "error[unknown-format]" in capsys.readouterr().err


def test_runs_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "imprint"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "specs/imprint/openapi.yaml: valid, 1 operation(s)\n"


def test_diff_files_compares_two_specs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = SPECS / "imprint" / "openapi.yaml"
    revision = tmp_path / "imprint.yaml"
    revision.write_text(base.read_text().replace("      required:\n        - id\n", ""))
    assert cli.main(["diff-files", str(base), str(revision), "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"::error file={revision},line=")
    assert (
        "title=response-property-became-optional::imprint POST /v2/customers/{customer_id} response 200: id"
        in out
    )


def test_format_names_match_the_reporters() -> None:
    from generator.diff.report import REPORTERS

    assert sorted(cli.FORMATS) == sorted(REPORTERS)


def _on_a_terminal(*arguments: str) -> str:
    """What `python -m generator ...` writes to a terminal (a pseudo-terminal), to the end."""
    import os
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # the child: stdin, stdout and stderr are the terminal
        os.chdir(ROOT)
        os.execv(sys.executable, [sys.executable, "-m", "generator", *arguments])
    output = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal: it has exited
            break
        if not chunk:
            break
        output += chunk
    os.waitpid(pid, 0)
    os.close(fd)
    return output.decode()


def test_a_terminal_sees_what_a_build_is_doing_unless_quiet(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(SPECS / "imprint", tmp_path / "specs" / "imprint")
    arguments = ["generate", "--specs", str(tmp_path / "specs"), "--out", str(tmp_path / "a")]
    shown = _on_a_terminal(*arguments)
    assert "imprint: loading and validating the spec" in shown
    assert "imprint: rendering 1 operations and" in shown
    assert "imprint: formatting 0/" in shown and "files [####################] 100%" in shown
    assert f"{tmp_path / 'a'}/imprint: 1 operation(s), built in" in shown
    arguments[-1] = str(tmp_path / "b")
    quiet = _on_a_terminal(*arguments, "-q")
    assert "loading and validating" not in quiet and "1 operation(s)" in quiet


def test_a_reader_that_goes_away_is_not_an_internal_error() -> None:
    """`python -m generator sources | head -0`: the pipe is closed before anything is read."""
    read, write = os.pipe()
    os.close(read)
    done = subprocess.run(
        [sys.executable, "-m", "generator", "sources"],
        cwd=ROOT,
        stdout=write,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(write)
    assert (done.returncode, done.stderr) == (1, "")

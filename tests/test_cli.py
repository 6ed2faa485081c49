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


@pytest.mark.parametrize(
    ("name", "taken", "instead"),
    [
        ("email", "a module of Python's standard library", "email_api"),
        ("httpx", "a package the clients import", "httpx_api"),
        ("Calendar", "", "calendar_api"),
    ],
)
def test_a_vendor_named_as_a_module_a_client_imports_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, taken: str, instead: str
) -> None:
    """`generated/email` would be hidden by the standard library's email once installed, and
    would hide it where it is imported from generated/ (httpx imports email): refused before
    anything is generated, with a name that is free."""
    (tmp_path / "specs" / name).mkdir(parents=True)
    (tmp_path / "specs" / name / "openapi.yaml").write_text("openapi: 3.1.0\n")
    out = tmp_path / "generated"
    assert cli.main(["generate", "--specs", str(tmp_path / "specs"), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("error[bad-vendor-name]") == 1, err
    assert f"vendor directory {name!r} is {'the name of ' + taken if taken else 'not'}" in err
    assert f"hint: rename it {instead!r}" in err
    assert not out.exists()


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


# Six warnings of one rule (unknown-format, lines 16 to 21) and one of another.
REPEATED = """openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      operationId: getA
      title: A
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  a: {type: string, format: f1}
                  b: {type: string, format: f2}
                  c: {type: string, format: f3}
                  d: {type: string, format: f4}
                  e: {type: string, format: f5}
                  f: {type: string, format: f6}
"""


def _repeated(tmp_path: Path, *arguments: str) -> tuple[int, str, str]:
    (tmp_path / "specs" / "rep").mkdir(parents=True)
    (tmp_path / "specs" / "rep" / "openapi.yaml").write_text(REPEATED, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--specs", "specs", *arguments],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


def test_repeated_warnings_of_one_rule_are_printed_once_with_a_count_and_the_first_places(
    tmp_path: Path,
) -> None:
    code, out, err = _repeated(tmp_path)
    assert code == 0 and out == "specs/rep/openapi.yaml: valid, 1 operation(s)\n"
    lines = err.splitlines()
    # The other rule's one warning as always; the six of unknown-format as one, in order.
    assert lines[0].startswith("specs/rep/openapi.yaml:7:14: warning[unknown-field]: 'title'")
    assert lines[3] == (
        "specs/rep/openapi.yaml:16:45: warning[unknown-format]: format 'f1' is not one OpenAPI "
        "or JSON Schema defines; the value is treated as a plain string"
    )
    assert lines[5] == (
        "  and 5 more unknown-format warnings: specs/rep/openapi.yaml:17:45, "
        "specs/rep/openapi.yaml:18:45, specs/rep/openapi.yaml:19:45 and 2 more "
        "(--verbose prints each)"
    )
    assert len(lines) == 6 and "'f2'" not in err


def test_verbose_and_json_give_every_place(tmp_path: Path) -> None:
    code, _, err = _repeated(tmp_path, "--verbose")
    assert code == 0 and "more unknown-format" not in err
    for line, name in enumerate(["f1", "f2", "f3", "f4", "f5", "f6"], start=16):
        assert f"specs/rep/openapi.yaml:{line}:45: warning[unknown-format]: format '{name}'" in err
    code, out, err = _repeated(tmp_path / "json", "--format", "json")
    import json

    found = json.loads(out)
    assert code == 0 and err == "specs/rep/openapi.yaml: valid, 1 operation(s)\n"
    assert [(d["code"], d["line"], d["column"]) for d in found] == [
        ("unknown-field", 7, 14),
        *[("unknown-format", line, 45) for line in range(16, 22)],
    ]
    assert found[1] == {
        "code": "unknown-format",
        "severity": "warning",
        "message": "format 'f1' is not one OpenAPI or JSON Schema defines; the value is "
        "treated as a plain string",
        "file": "specs/rep/openapi.yaml",
        "line": 16,
        "column": 45,
        "pointer": "/paths/~1a/get/responses/200/content/application~1json/schema/properties/a/format",
        "hint": "",
    }


def test_errors_are_never_folded(tmp_path: Path) -> None:
    # --strict: the same six are errors, each printed in full.
    code, _, err = _repeated(tmp_path, "--strict")
    assert code == 1
    for line, name in enumerate(["f1", "f2", "f3", "f4", "f5", "f6"], start=16):
        assert f"specs/rep/openapi.yaml:{line}:45: error[unknown-format]: format '{name}'" in err
    assert "more unknown-format" not in err
    assert err.endswith("7 error(s); nothing was written.\n")
    code, out, err = _repeated(tmp_path / "json", "--strict", "--format", "json")
    import json

    assert code == 1 and err == "7 error(s); nothing was written.\n"
    assert [(d["severity"], d["line"]) for d in json.loads(out)] == [
        ("error", line) for line in (7, 16, 17, 18, 19, 20, 21)
    ]

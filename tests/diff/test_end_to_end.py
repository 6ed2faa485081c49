"""`make spec-diff` on a temporary git repository with two commits of specs/."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SPECS

EXPECTED = Path(__file__).parent / "e2e"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@example.test", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("repo")
    _git(repo, "init", "-q", "-b", "main")
    shutil.copytree(SPECS, repo / "specs")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    _git(repo, "tag", "base")
    imprint = repo / "specs" / "imprint" / "openapi.yaml"
    text = imprint.read_text()
    text = text.replace(
        "                  pattern: ^\\+?[1-9]\\d{1,14}$\n",
        "                  pattern: ^\\+[1-9]\\d{1,14}$\n",
    )
    text = text.replace(
        "        - OPEN\n        - CLOSED\n", "        - OPEN\n        - CLOSED\n        - FROZEN\n"
    )
    imprint.write_text(text)
    capillary = repo / "specs" / "capillary" / "openapi.yaml"
    capillary.write_text(
        capillary.read_text().replace(
            "        - MOBILE_APP\n", "        - MOBILE_APP\n        - KIOSK\n"
        )
    )
    _git(repo, "commit", "-qam", "vendors changed")
    return repo


def _make(repo: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    args = " ".join(["--specs", str(repo / "specs"), *extra])
    return subprocess.run(
        ["make", "-s", "spec-diff", "BASE=base", f"DIFF_ARGS={args}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_markdown_report_and_failure_on_breaking(repo: Path) -> None:
    result = _make(repo)
    assert result.returncode != 0, result.stderr
    assert result.stdout == (EXPECTED / "report.md").read_text(encoding="utf-8")


def test_allowlisted_breaking_change_passes(repo: Path, tmp_path: Path) -> None:
    allowlist = tmp_path / "allow.yaml"
    allowlist.write_text(
        "allow:\n"
        "  - rule: request-property-constraint-tightened\n"
        "    vendor: imprint\n"
        "    operation: POST /v2/customers/{customer_id}\n"
        "    location: 'request body: phone'\n"
        "    reason: Imprint requires E.164 with the plus sign since 2026-11.\n"
    )
    result = _make(repo, "--allowlist", str(allowlist))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == (EXPECTED / "report_allowlisted.md").read_text(encoding="utf-8")


def test_the_entry_the_report_gives_accepts_the_change_when_pasted(
    repo: Path, tmp_path: Path
) -> None:
    report = _make(repo).stdout
    entry = report.split("```yaml\n", 1)[1].split("```", 1)[0]
    allowlist = tmp_path / "allow.yaml"
    allowlist.write_text(entry.replace("<why this break is accepted>", "E.164 with a plus"))
    result = _make(repo, "--allowlist", str(allowlist))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(allowlisted: E.164 with a plus)" in result.stdout


def test_a_mistyped_rule_id_gets_did_you_mean(repo: Path, tmp_path: Path) -> None:
    allowlist = tmp_path / "allow.yaml"
    allowlist.write_text(
        "allow:\n  - {rule: request-property-constraint-tightend, vendor: imprint, "
        "fingerprint: abc, reason: x}\n"
    )
    result = _cli(repo, "--allowlist", str(allowlist))
    assert result.returncode == 1
    assert "hint: did you mean 'request-property-constraint-tightened'?" in result.stderr


def test_allowlist_with_unknown_rule_is_refused(repo: Path, tmp_path: Path) -> None:
    allowlist = tmp_path / "allow.yaml"
    allowlist.write_text(
        "allow:\n  - {rule: no-such-rule, vendor: imprint, fingerprint: abc, reason: x}\n"
    )
    result = _cli(repo, "--allowlist", str(allowlist))
    assert result.returncode == 1
    assert "error[allowlist-unknown-rule]: unknown rule id 'no-such-rule'" in result.stderr


def _cli(repo: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "diff",
            "--base",
            "base",
            "--specs",
            str(repo / "specs"),
            *extra,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_exit_code_1_on_unaccepted_breaking_change(repo: Path) -> None:
    assert _cli(repo).returncode == 1
    assert _cli(repo, "--no-fail").returncode == 0


def test_json_and_github_formats(repo: Path, tmp_path: Path) -> None:
    result = _cli(repo, "--format", "github", "--json", str(tmp_path / "report.json"))
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["schema"] == "spec-diff/1"
    # The summary counts causes: KIOSK added to one shared parameter schema is one finding.
    assert report["summary"] == {"breaking": 1, "warning": 1, "info": 1, "blocking": 1}
    (kiosk,) = [f for v in report["vendors"] if v["name"] == "capillary" for f in v["findings"]]
    assert [p["method"] + " " + p["path"] for p in kiosk["places"]] == [
        "PUT /v2/customers/lookup",
        "PUT /v2/customers/{userId}",
    ]
    (finding,) = [
        f
        for v in report["vendors"]
        if v["name"] == "imprint"
        for f in v["findings"]
        if f["level"] == "breaking"
    ]
    assert finding["id"] == "request-property-constraint-tightened"
    assert finding["direction"] == "request"
    assert finding["revision"]["file"].endswith("specs/imprint/openapi.yaml")
    lines = result.stdout.splitlines()
    (error,) = [line for line in lines if line.startswith("::error ")]
    assert error.startswith("::error file=specs/imprint/openapi.yaml,line=41,col=19,")
    assert (
        ",title=request-property-constraint-tightened::imprint POST /v2/customers/{customer_id}"
        in error
    )
    # KIOSK added to one shared parameter schema is one finding of two places: one annotation.
    assert sorted(line.split(" ", 1)[0] for line in lines) == ["::error", "::notice", "::warning"]

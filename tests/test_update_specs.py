"""update-specs end to end: a local server on 127.0.0.1 plays the vendor, the command runs in
a temporary git repository, and after each case the exit code, the tree, the report and the
generated client are checked. A failure leaves the tree exactly as it was."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.cli import CHANGED, main
from tests.conftest import ROOT
from tests.vendorsite import Answer, Site, serve_site

SPEC_V1 = """\
openapi: 3.1.0
info: {title: Shop, version: '1'}
servers:
  - url: https://api.shop.example
paths:
  /customers/{id}:
    patch:
      operationId: updateCustomer
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/CustomerUpdate'}
      responses:
        '200':
          description: The customer
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Customer'}
components:
  schemas:
    CustomerUpdate:
      type: object
      properties:
        email: {type: string}
        name: {type: string}
    Customer:
      type: object
      properties:
        id: {type: string}
        email: {type: string}
        points: {type: integer}
"""
# One breaking change (the response's `id` becomes an integer) and one additive (the request
# takes a `phone`).
SPEC_V2 = (
    SPEC_V1.replace(
        "        name: {type: string}\n",
        "        name: {type: string}\n        phone: {type: string}\n",
    )
    .replace("        id: {type: string}\n", "        id: {type: integer}\n")
    .replace("version: '1'", "version: '2'")
)
OVERLAY = """\
overlay: 1.0.0
info: {title: Shop fixes, version: 1.0.0}
actions:
  - target: $.components.schemas.Customer.properties.points
    description: The vendor leaves the points balance undocumented; its support says so.
    update:
      description: Points balance after the update.
"""


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as state:
        yield state


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repo(tmp_path: Path, site: Site) -> Path:
    """A project with one vendor, `shop`, generated and committed; its source is the site."""
    vendor = tmp_path / "specs" / "shop"
    vendor.mkdir(parents=True)
    (vendor / "openapi.yaml").write_text(SPEC_V1)
    (vendor / "overlay.yaml").write_text(OVERLAY)
    (vendor / "source.yaml").write_text(f"format: openapi\nurl: {site.url}/openapi.yaml\n")
    assert _run(tmp_path, "generate") == 0
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    return tmp_path


def _run(repo: Path, command: str, *extra: str) -> int:
    args = [command, "--specs", str(repo / "specs"), "--out", str(repo / "generated")]
    if command == "update-specs":
        # A timeout that only a failure waits out: the local site answers as soon as it can,
        # and on a loaded machine that can take seconds (a test of timeouts sets its own).
        args += ["--reports", str(repo / "build"), "--timeout", "60", "--backoff", "0"]
    return main([*args, *extra])


def _changed(repo: Path) -> list[str]:
    return sorted(line[3:] for line in _git(repo, "status", "--porcelain", "-uall").splitlines())


def _failed(repo: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    """Run the update, which must fail and leave everything as it was; its stderr."""
    assert _run(repo, "update-specs", *extra) == 1
    assert _changed(repo) == []
    assert not (repo / "build").exists()
    return capsys.readouterr().err


def test_an_unchanged_spec_changes_nothing(
    repo: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.serve("/openapi.yaml", Answer(body=SPEC_V1.encode()))
    assert _run(repo, "update-specs") == 0
    assert _changed(repo) == []
    assert f"shop: unchanged ({site.url}/openapi.yaml)" in capsys.readouterr().out


def _check_brought_in(repo: Path, published: bytes) -> dict[str, Any]:
    """The spec is replaced byte for byte, the client and surface are what `generate` makes
    of it, and both reports are written; the JSON report."""
    assert (repo / "specs/shop/openapi.yaml").read_bytes() == published
    changed = _changed(repo)
    assert "specs/shop/openapi.yaml" in changed and "specs/shop/surface.txt" in changed
    assert "generated/shop/models/customer_update.py" in changed
    assert {p.split("/")[0] for p in changed} == {"specs", "generated", "build"}
    assert _run(repo, "check") == 0  # the committed client is exactly what generate makes
    model = (repo / "generated/shop/models/customer_update.py").read_text()
    assert "phone: str | MISSING = MISSING" in model
    return dict(json.loads((repo / "build/shop.json").read_text()))


def test_a_changed_spec_is_brought_in_with_its_client_and_report(
    repo: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.serve("/openapi.yaml", Answer(body=SPEC_V2.encode()))
    assert _run(repo, "update-specs") == CHANGED
    report = _check_brought_in(repo, SPEC_V2.encode())
    (vendor,) = report["vendors"]
    found = sorted((f["id"], f["level"]) for f in vendor["findings"])
    assert found == [
        ("request-property-added-optional", "info"),
        ("response-property-type-changed", "breaking"),
    ]
    assert report["update"]["stale_overlay_actions"] == []
    markdown = (repo / "build/shop.md").read_text()
    assert markdown.startswith("# shop: the published spec changed\n")
    assert "`response-property-type-changed`" in markdown
    assert "`request-property-added-optional`" in markdown
    out = capsys.readouterr().out
    assert f"shop: changed at {site.url}/openapi.yaml" in out and "1 breaking change(s)" in out


def test_a_500_then_a_200_is_retried(
    repo: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.serve("/openapi.yaml", Answer(500, b"oops", "text/plain"), Answer(body=SPEC_V2.encode()))
    assert _run(repo, "update-specs") == CHANGED
    assert site.requests == ["/openapi.yaml", "/openapi.yaml"]
    _check_brought_in(repo, SPEC_V2.encode())


def test_a_404_fails_and_changes_nothing(
    repo: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _failed(repo, capsys)
    assert f"shop: failed: {site.url}/openapi.yaml: HTTP 404 Not Found; nothing changed" in err
    assert site.requests == ["/openapi.yaml"]  # a 404 is not retried


def test_a_500_every_time_fails_after_the_retries(
    repo: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.serve("/openapi.yaml", Answer(503, b"down", "text/plain"))
    err = _failed(repo, capsys, "--retries", "2")
    assert "HTTP 503 Service Unavailable; nothing changed" in err
    assert len(site.requests) == 3


def test_a_server_that_never_answers_times_out(
    repo: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.serve("/openapi.yaml", Answer(hang=True))
    err = _failed(repo, capsys, "--timeout", "0.3", "--retries", "1")
    assert "no answer within the 0.3 s timeout (2 attempt(s)); nothing changed" in err


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "streamed"])
def test_an_oversized_body_is_refused(
    repo: Path, site: Site, capsys: pytest.CaptureFixture[str], chunked: bool
) -> None:
    body = (SPEC_V2 + "#" * 4096 + "\n").encode()
    site.serve("/openapi.yaml", Answer(body=body, chunked=chunked))
    err = _failed(repo, capsys, "--max-mib", str(2048 / 1024 / 1024))
    assert "over the limit of 2048 bytes" in err or "passed the limit of 2048 bytes" in err
    assert ("Content-Length" in err) is not chunked


def test_html_where_the_spec_was_expected_is_refused(
    repo: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    page = b"<!DOCTYPE html><html><body>Sign in</body></html>"
    site.serve("/openapi.yaml", Answer(body=page, content_type="text/html; charset=utf-8"))
    err = _failed(repo, capsys)
    assert "an HTML page arrived where a spec was expected" in err


def test_a_spec_labelled_html_is_read_for_what_it_is(
    repo: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.serve("/openapi.yaml", Answer(body=SPEC_V2.encode(), content_type="text/html"))
    assert _run(repo, "update-specs") == CHANGED
    _check_brought_in(repo, SPEC_V2.encode())


def test_a_body_that_is_not_utf8_is_refused(
    repo: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.serve("/openapi.yaml", Answer(body=SPEC_V2.encode().replace(b"Shop", b"Sh\xf6p")))
    err = _failed(repo, capsys)
    assert "the body is not UTF-8 (byte 31: b'\\xf6'" in err


def test_a_redirect_to_another_host_is_not_followed(
    repo: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.serve("/openapi.yaml", Answer(301, location="https://specs.elsewhere.example/o.yaml"))
    err = _failed(repo, capsys)
    assert "redirected to https://specs.elsewhere.example/o.yaml, another site" in err
    assert site.requests == ["/openapi.yaml"]


def test_a_redirect_on_the_same_site_is_followed(
    repo: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.serve("/openapi.yaml", Answer(302, location="/v2/openapi.yaml"))
    site.serve("/v2/openapi.yaml", Answer(body=SPEC_V2.encode()))
    assert _run(repo, "update-specs") == CHANGED
    assert site.requests == ["/openapi.yaml", "/v2/openapi.yaml"]
    _check_brought_in(repo, SPEC_V2.encode())


def test_an_invalid_published_spec_is_a_located_error_and_changes_nothing(
    repo: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = SPEC_V2.replace("schema: {type: string}}", "schema: {type: strin}}")
    site.serve("/openapi.yaml", Answer(body=broken.encode()))
    err = _failed(repo, capsys)
    assert err.startswith("specs/shop/openapi.yaml:10:63: error[invalid-openapi]: 'strin'")
    assert f"shop: failed: the spec published at {site.url}/openapi.yaml is invalid" in err


def test_an_overlay_action_that_no_longer_applies_is_named(
    repo: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    gone = SPEC_V2.replace("        points: {type: integer}\n", "")
    site.serve("/openapi.yaml", Answer(body=gone.encode()))
    assert _run(repo, "update-specs") == CHANGED
    report = json.loads((repo / "build/shop.json").read_text())
    (stale,) = report["update"]["stale_overlay_actions"]
    assert (stale["code"], stale["file"], stale["line"], stale["column"]) == (
        "overlay-target-unmatched",
        "specs/shop/overlay.yaml",
        4,
        13,
    )
    markdown = (repo / "build/shop.md").read_text()
    assert "## Overlay actions to review\n\n- `specs/shop/overlay.yaml:4:13`: target" in markdown
    assert "specs/shop/overlay.yaml:4:13: warning[overlay-target-unmatched]" in (
        capsys.readouterr().err
    )
    assert (repo / "specs/shop/openapi.yaml").read_text() == gone


def test_a_json_spec_replaces_the_yaml_one(
    repo: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    import yaml

    published = json.dumps(yaml.safe_load(SPEC_V2), indent=2).encode()
    (repo / "specs/shop/source.yaml").write_text(f"format: openapi\nurl: {site.url}/openapi.json\n")
    _git(repo, "commit", "-qam", "the vendor now publishes JSON")
    site.serve("/openapi.json", Answer(body=published, content_type="application/json"))
    assert _run(repo, "update-specs") == CHANGED
    assert (repo / "specs/shop/openapi.json").read_bytes() == published
    assert not (repo / "specs/shop/openapi.yaml").exists()
    assert "(was specs/shop/openapi.yaml)" in capsys.readouterr().out
    assert _run(repo, "check") == 0


def test_an_overlay_action_the_vendor_made_itself_is_named(
    repo: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    fixed = SPEC_V2.replace(
        "        points: {type: integer}\n",
        "        points: {type: integer, description: Points balance after the update.}\n",
    )
    site.serve("/openapi.yaml", Answer(body=fixed.encode()))
    assert _run(repo, "update-specs") == CHANGED
    (stale,) = json.loads((repo / "build/shop.json").read_text())["update"]["stale_overlay_actions"]
    assert (stale["code"], stale["line"], stale["pointer"]) == (
        "overlay-action-no-op",
        4,
        "/actions/0",
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "format: openapi\nurl: http://api.shop.example/openapi.yaml\n",
            "specs/shop/source.yaml:2:6: error[source-invalid]: not an https URL: "
            "'http://api.shop.example/openapi.yaml'\n  at: /url\n  hint: plain http is allowed "
            "only to this machine (127.0.0.1, localhost), for tests\n",
        ),
        (
            "format: opeanpi\nurl: https://api.shop.example/openapi.yaml\n",
            "specs/shop/source.yaml:1:9: error[source-invalid]: unknown format 'opeanpi'\n"
            "  at: /format\n  hint: did you mean 'openapi'?\n",
        ),
        (
            "format: openapi\nulr: https://api.shop.example/openapi.yaml\n",
            "specs/shop/source.yaml:2:6: error[source-invalid]: unknown key 'ulr'\n"
            "  at: /ulr\n  hint: did you mean 'url'?\n"
            "specs/shop/source.yaml:1:1: error[source-invalid]: missing 'url'\n",
        ),
    ],
    ids=["http", "unknown-format", "misspelt-key"],
)
def test_a_bad_source_yaml_is_a_located_error(
    repo: Path, source: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "specs/shop/source.yaml").write_text(source)
    _git(repo, "commit", "-qam", "a bad source")
    capsys.readouterr()
    assert main(["validate", "--specs", str(repo / "specs")]) == 1
    assert capsys.readouterr().err == expected + "1 error(s); nothing was written.\n".replace(
        "1", str(expected.count(": error["))
    )
    assert _failed(repo, capsys).startswith(expected)


def _update_script(repo: Path, outputs: Path) -> tuple[int, dict[str, str]]:
    """.ci/update-spec, as the workflow runs it: its exit code and what it tells the workflow
    (in ``outputs``, outside the tree the test checks)."""
    outputs.write_text("")
    env = {**os.environ, "GITHUB_OUTPUT": str(outputs), "REPORTS": str(repo / "build")}
    script = [str(ROOT / ".ci" / "update-spec"), "shop", "--backoff", "0", "--timeout", "60"]
    code = subprocess.run(script, cwd=repo, env=env, capture_output=True).returncode
    return code, dict(line.split("=", 1) for line in outputs.read_text().split())


@pytest.mark.parametrize(
    ("answer", "code", "status"),
    [
        (Answer(body=SPEC_V1.encode()), 0, "unchanged"),
        (Answer(body=SPEC_V2.encode()), 0, "changed"),
        (Answer(502, b"bad gateway", "text/plain"), 1, "failed"),
    ],
    ids=["unchanged", "changed", "failed"],
)
def test_the_workflow_script_tells_what_happened(
    repo: Path,
    site: Site,
    answer: Answer,
    code: int,
    status: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    site.serve("/openapi.yaml", answer)
    outputs = tmp_path_factory.mktemp("workflow") / "outputs"
    assert _update_script(repo, outputs) == (
        code,
        {"status": status, "report": f"{repo}/build/shop.md"},
    )
    if status == "changed":
        _check_brought_in(repo, SPEC_V2.encode())
    else:
        assert _changed(repo) == []

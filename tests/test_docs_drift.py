"""Documentation drift: Capillary's two seed pages read into tables and rows, compared with
the hand-converted spec; an edited page gives exactly its edits as findings."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from generator.upstream.docs_drift import VendorDrift, check_docs_drift
from generator.upstream.docs_drift.accepted import ACCEPTED_NAME
from generator.upstream.docs_drift.rows import read_field_tables
from generator.upstream.docs_drift.tables import read_tables
from generator.upstream.source import SOURCE_NAME
from tests.conftest import ROOT, SPECS
from tests.vendorsite import Answer, serve_site

SEEDS = ROOT.parent / "shared" / "seeds"
PAGE_A = "002_905bac4c99a91309.txt"  # PUT /v2/customers/lookup: one flat Markdown table
PAGE_B = "003_1d8f5e7411ae5dd8.txt"  # PUT /v2/customers/{userId}: Markdown and HTML tables
FIXTURES = ROOT / "tests" / "fixtures" / "docs"
BAD_SOURCES = sorted(p.stem for p in FIXTURES.glob("*.yaml"))


def _rows(page: str, text: str | None = None) -> list[tuple[object, ...]]:
    """(location, name, type, required, enum, row, line) of every row of a page's tables."""
    tables = read_field_tables(read_tables(text or (SEEDS / page).read_text()), page)
    return [
        (r.location, r.name, r.type, r.required, r.enum, r.ref.row, r.ref.line)
        for t in tables
        for r in t.rows
    ]


def test_the_seed_pages_hold_these_tables() -> None:
    found = {
        page: [(t.index, t.heading, [c.text for c in t.header], len(t.rows)) for t in tables]
        for page in (PAGE_A, PAGE_B)
        for tables in [read_tables((SEEDS / page).read_text())]
    }
    assert found == {
        PAGE_A: [(1, "Request Body Parameters", ["Parameter", "Datatype", "Description"], 21)],
        PAGE_B: [
            (1, "Resource information", ["", ""], 5),
            (2, "Request path parameters", ["Parameter", "Type", "Description"], 1),
            (3, "Request query parameters", ["Parameter", "Type", "Description"], 3),
            (4, "Request body parameters", ["Parameter", "Data Type", "Description"], 23),  # HTML
            (5, "Response parameters", ["Parameter", "Datatype", "Description"], 7),
            (6, "API specific error code", ["Error Code", "Description", "Reason"], 2),
        ],
    }


def test_page_b_rows_as_its_tables_give_them() -> None:
    rows = _rows(PAGE_B)
    sources = (
        "FACEBOOK",
        "WEB_ENGAGE",
        "WECHAT",
        "INSTORE",
        "MARTJACK",
        "TMALL",
        "TAOBAO",
        "JD",
        "ECOMMERCE",
        "WEBSITE",
        "LINE",
        "MOBILE_APP",
    )
    channels = ("mobile", "email", "wechat", "ios", "android", "line", "mobilePush")
    assert [r for r in rows if r[0] != "body"] == [
        ("path", "userId", "string", True, (), 1, 54),
        ("query", "source", "string", True, sources, 1, 60),
        ("query", "accountId", "string", False, (), 2, 61),
        ("query", "use_async", "boolean", False, (), 3, 62),
        ("response", "createdId", "string", False, (), 1, 350),
        ("response", "warnings", "object", False, (), 2, 351),
        ("response", "sideEffects", "object", False, (), 3, 352),
        ("response", "sideEffects.entityType", "string", False, (), 4, 353),
        ("response", "sideEffects.rawAwardedPoints", "number", False, (), 5, 354),
        ("response", "sideEffects.awardedPoints", "number", False, (), 6, 355),
        ("response", "sideEffects.type", "string", False, (), 7, 356),
    ]
    body = [r for r in rows if r[0] == "body"]
    assert len(body) == 23
    # The HTML table nests in lists (<ul><li>firstName) and behind dashes (-- city).
    assert [r[1] for r in body[:7]] == [
        "profiles",
        "profiles.firstName",
        "profiles.lastName",
        "profiles.fields",
        "profiles.fields.gender",
        "profiles.fields.city",
        "profiles.commChannels",
    ]
    assert body[7] == ("body", "profiles.commChannels.type", "string", False, channels, 8, 140)
    assert body[9] == ("body", "profiles.commChannels.primary", "string", False, (), 10, 156)
    assert body[13][1:5] == ("loyaltyInfo.loyaltyType", "string", False, ("loyalty", "non_loyalty"))
    assert body[-1][1:3] == ("loyaltyProgramEnrollments.pointsExpiryDate", "string")


def test_page_a_rows_are_flat_as_its_table_gives_them() -> None:
    rows = _rows(PAGE_A)
    assert len(rows) == 21
    assert {r[0] for r in rows} == {"body"} and not any("." in str(r[1]) for r in rows)
    assert rows[:4] == [
        ("body", "loyaltyType", "string", False, ("loyalty", "non_loyalty"), 1, 22),
        ("body", "commChannels", "object", False, (), 2, 23),
        # A code span holding two values (`line, mobilePush`) gives both.
        (
            "body",
            "type",
            "string",
            False,
            ("mobile", "email", "wechat", "ios", "android", "line", "mobilePush"),
            3,
            24,
        ),
        ("body", "value", "string", False, (), 4, 25),
    ]
    assert rows[12] == ("body", "profiles", "fields", False, (), 13, 34)  # the broken row
    assert rows[19] == ("body", "tierExpiryDate", "date-time", False, (), 20, 41)


def test_todays_pages_give_no_finding_to_review() -> None:
    (drift,) = check_docs_drift(SPECS, ["capillary"])
    assert [p.rows for p in drift.pages] == [21, 34]
    assert drift.stale == ()
    assert [f for f in drift.findings if not f.accepted] == []
    assert not drift.failed


def _specs_with(tmp_path: Path, pages: dict[str, str]) -> Path:
    """Capillary's spec, source.yaml and accepted file, the seed pages copied beside specs/
    (``pages`` replaces a page's text)."""
    vendor = tmp_path / "specs" / "capillary"
    vendor.mkdir(parents=True)
    for name in ("openapi.yaml", ACCEPTED_NAME):
        shutil.copy(SPECS / "capillary" / name, vendor)
    source = (SPECS / "capillary" / SOURCE_NAME).read_text()
    for page in (PAGE_A, PAGE_B):
        (tmp_path / page).write_text(pages.get(page) or (SEEDS / page).read_text())
        source = source.replace(f"../shared/seeds/{page}", page)
    (vendor / SOURCE_NAME).write_text(source)
    return tmp_path / "specs"


def _edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _html_row(text: str, name: str) -> str:
    """The <tr> ... </tr> lines of the HTML row whose first cell holds ``name``."""
    at = text.index(name)
    start = text.rindex("<tr>", 0, at)
    return text[start : text.index("</tr>\n", at) + len("</tr>\n")]


def _edited_a() -> str:
    text = (SEEDS / PAGE_A).read_text()
    last_name = next(line for line in text.splitlines(True) if line.startswith("| Lastname "))
    text = _edit(text, last_name, last_name + "| middleName | string | Middle name. |\n")
    tier = next(line for line in text.splitlines(True) if line.startswith("| tierNumber "))
    text = _edit(text, tier, "")
    return _edit(text, "`wechat`, `ios`", "`wechat`, `ipados`")


def _edited_b() -> str:
    text = (SEEDS / PAGE_B).read_text()
    first_name = _html_row(text, "<li>firstName</li>")
    text = _edit(text, first_name, first_name + first_name.replace("firstName", "middleName"))
    text = _edit(text, _html_row(text, "<li>tierNumber</li>"), "")
    return _edit(text, "<code>ios</code>", "<code>ipados</code>")


def _open(drift: VendorDrift) -> list[tuple[str, str, str, str, str, int | None, int | None]]:
    return [
        (
            f.kind,
            f.name,
            f.docs,
            f.spec,
            f.row.file if f.row else "",
            f.row.row if f.row else None,
            f.spec_at.line if f.spec_at else None,
        )
        for f in drift.findings
        if not f.accepted
    ]


@pytest.mark.parametrize(
    ("page", "edited", "added", "changed"),
    [
        # (row of middleName, line), (row of the channel type, line): page A is flat, so its
        # names are the last part of the spec's; page B's rows follow the inserted one.
        (PAGE_A, _edited_a, ("middleName", 12, 33), (3, 24)),
        (PAGE_B, _edited_b, ("profiles.middleName", 3, 94), (9, 150)),
    ],
)
def test_a_field_added_one_removed_and_an_enum_value_changed_are_three_findings(
    tmp_path: Path,
    page: str,
    edited: Callable[[], str],
    added: tuple[str, int, int],
    changed: tuple[int, int],
) -> None:
    specs = _specs_with(tmp_path, {page: edited()})
    (drift,) = check_docs_drift(specs, ["capillary"])
    table = 1 if page == PAGE_A else 4
    findings = sorted((f for f in drift.findings if not f.accepted), key=lambda f: f.kind)
    assert [(f.kind, f.name, f.docs, f.spec) for f in findings] == [
        ("docs-only", added[0], "", ""),
        ("enum-differs", "profiles.commChannels.type", "ipados", "ios"),
        ("spec-only", "loyaltyProgramEnrollments.tierNumber", "", ""),
    ]
    docs_only, enum, spec_only = findings
    assert docs_only.row is not None and enum.row is not None and spec_only.row is not None
    assert (docs_only.row.file, docs_only.row.table) == (page, table)
    assert (docs_only.row.row, docs_only.row.line) == added[1:]
    assert (enum.row.row, enum.row.line) == changed
    assert enum.spec_at is not None and enum.spec_at.line == 351  # CommChannel.type's enum
    # A field the page dropped has no row: the finding names the table and the spec's node.
    assert (spec_only.row.table, spec_only.row.row) == (table, 0)
    assert spec_only.spec_at is not None
    assert spec_only.spec_at.pointer.endswith("LoyaltyProgramEnrollment/properties/tierNumber")
    assert drift.stale == () and drift.failed


def test_the_command_exits_1_on_a_finding_and_names_its_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["docs-drift", "capillary"]) == 0
    assert "0 to review" in capsys.readouterr().out
    specs = _specs_with(tmp_path, {PAGE_A: _edited_a()})
    assert main(["docs-drift", "--specs", str(specs), "capillary"]) == 1
    out = capsys.readouterr().out
    assert (
        f"{PAGE_A}:33: docs-only: the docs list body field middleName; the spec lacks it\n"
        '  docs: table 1 "Request Body Parameters", row 12\n'
    ) in out
    assert out.endswith(", 29 accepted in specs/capillary/docs-drift-accepted.yaml, 3 to review\n")


def test_fetch_reads_a_page_live_from_its_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The live page has changed, its local copy has not: --fetch sees the change, names the
    page by its URL, and without --fetch the copy still agrees with the spec."""
    specs = _specs_with(tmp_path, {})
    source = specs / "capillary" / SOURCE_NAME
    with serve_site() as site:
        url = site.serve("/reference/update-customers-lookup", Answer(body=_edited_a().encode()))
        page_b = (SEEDS / PAGE_B).read_bytes()
        site.serve("/reference/update-customer-detail", Answer(body=page_b))
        source.write_text(source.read_text().replace("https://docs.capillarytech.com", site.url))
        assert main(["docs-drift", "--specs", str(specs), "capillary"]) == 0
        capsys.readouterr()
        assert main(["docs-drift", "--fetch", "--specs", str(specs), "capillary"]) == 1
        assert site.requests == [
            "/reference/update-customers-lookup",
            "/reference/update-customer-detail",
        ]
    out = capsys.readouterr().out
    assert f"{url}:33: docs-only: the docs list body field middleName; the spec lacks it\n" in out
    assert out.endswith(", 3 to review\n")


def test_fetch_names_a_page_it_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = _specs_with(tmp_path, {})
    source = specs / "capillary" / SOURCE_NAME
    with serve_site() as site:
        site.serve("/reference/update-customers-lookup", Answer(body=(SEEDS / PAGE_A).read_bytes()))
        text = source.read_text().replace("https://docs.capillarytech.com", site.url)
        source.write_text(text.replace("update-customer-detail", "gone"))
        url = f"{site.url}/reference/gone"
        assert main(["docs-drift", "--fetch", "--backoff", "0", "--specs", str(specs)]) == 1
    assert capsys.readouterr().err == (
        f"specs/capillary/source.yaml:14:10: error[docs-source-invalid]: {url}: HTTP 404 Not Found\n"
        "  at: /pages/1/url\n"
        "1 error(s); nothing was written.\n"
    )


def test_an_accepted_entry_that_matches_nothing_is_reported(tmp_path: Path) -> None:
    text = (SEEDS / PAGE_B).read_text()
    specs = _specs_with(tmp_path, {PAGE_B: _edit(text, _html_row(text, "-- primary"), "")})
    (drift,) = check_docs_drift(specs, ["capillary"])
    assert [(f.kind, f.name) for f in drift.findings if not f.accepted] == [
        ("spec-only", "profiles.commChannels.primary")
    ]
    assert [(e.finding, e.name, e.docs, e.spec) for e in drift.stale] == [
        ("type-differs", "profiles.commChannels.primary", "string", "boolean")
    ]
    assert drift.stale[0].where.line is not None and drift.failed


def test_a_table_under_a_heading_that_names_no_location_is_a_finding(tmp_path: Path) -> None:
    page = (
        "# Request body parameters\n\n| Parameter | Type |\n| - | - |\n| loyaltyInfo | object |\n"
    )
    page += "\n# Sample fields\n\n| Field | Datatype |\n| - | - |\n| extra | string |\n"
    specs = _specs_with(tmp_path, {PAGE_B: (SEEDS / PAGE_B).read_text() + "\n" + page})
    (drift,) = check_docs_drift(specs, ["capillary"])
    open_findings = [f for f in drift.findings if not f.accepted]
    assert [(f.kind, f.name) for f in open_findings] == [("table-unplaced", "Sample fields")]


@pytest.mark.parametrize("case", BAD_SOURCES)
def test_a_bad_source_yaml_is_a_located_error(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    vendor = tmp_path / "specs" / "capillary"
    vendor.mkdir(parents=True)
    shutil.copy(SPECS / "capillary" / "openapi.yaml", vendor)
    shutil.copy(FIXTURES / f"{case}.yaml", vendor / SOURCE_NAME)
    shutil.copy(SEEDS / PAGE_B, tmp_path / "page.txt")
    assert main(["docs-drift", "--specs", str(tmp_path / "specs"), "capillary"]) == 1
    expected = (FIXTURES / f"{case}.expected.txt").read_text()
    assert capsys.readouterr().err == expected


def test_a_mistyped_accepted_entry_gets_did_you_mean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = _specs_with(tmp_path, {})
    accepted = specs / "capillary" / ACCEPTED_NAME
    accepted.write_text(
        "accepted:\n"
        "  - page: 003_1d8f5e7411ae5dd8.txt\n"
        "    finding: type-differ\n"
        "    location: body\n"
        "    name: profiles\n"
        "    docs: object\n"
        "    spec: array\n"
        "    reason: D3\n"
    )
    assert main(["docs-drift", "--specs", str(specs), "capillary"]) == 1
    assert capsys.readouterr().err == (
        "specs/capillary/docs-drift-accepted.yaml:3:14: error[docs-accepted-invalid]: "
        "unknown finding 'type-differ'\n"
        "  at: /accepted/0/finding\n"
        "  hint: did you mean 'type-differs'?\n"
        "1 error(s); nothing was written.\n"
    )


@pytest.mark.parametrize("edited", [False, True], ids=["clean", "drift"])
def test_the_workflow_script_writes_the_issue_body_on_drift(tmp_path: Path, edited: bool) -> None:
    specs = _specs_with(tmp_path, {})
    source = specs / "capillary" / SOURCE_NAME
    report, outputs = tmp_path / "docs-drift.md", tmp_path / "outputs"
    env = {**os.environ, "GITHUB_OUTPUT": str(outputs)}
    with serve_site() as site:
        page_a = _edited_a() if edited else (SEEDS / PAGE_A).read_text()
        site.serve("/reference/update-customers-lookup", Answer(body=page_a.encode()))
        site.serve("/reference/update-customer-detail", Answer(body=(SEEDS / PAGE_B).read_bytes()))
        source.write_text(source.read_text().replace("https://docs.capillarytech.com", site.url))
        script = [str(ROOT / ".ci" / "docs-drift-report"), str(report)]
        result = subprocess.run(script, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert outputs.read_text() == f"status={'drift' if edited else 'clean'}\n"
    assert report.exists() is edited
    if edited:
        body = report.read_text()
        assert body.startswith("<!-- docs-drift-report -->\n")
        assert "docs-only: the docs list body field middleName; the spec lacks it" in body
        assert body.endswith(", 3 to review\n```\n")

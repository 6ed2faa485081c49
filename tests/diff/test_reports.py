"""Vendor-level findings, generator attribution, and escaping in each report format."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.core.errors import SourceRef
from generator.diff import DiffReport, VendorDiff, diff_specs
from generator.diff.findings import Finding, Level, Place
from generator.diff.report import github, markdown
from tests.conftest import GENERATED, SPECS


def _specs(tmp_path: Path, name: str, vendors: list[str]) -> Path:
    root = tmp_path / name / "specs"
    for vendor in vendors:
        shutil.copytree(SPECS / vendor, root / vendor)
    return root


def test_vendor_added_and_removed(tmp_path: Path) -> None:
    base = _specs(tmp_path, "a", ["imprint", "loyaltydog"])
    revision = _specs(tmp_path, "b", ["imprint", "capillary"])
    report = diff_specs(base, revision, base_label="a", revision_label="b", impact=False)
    found = {
        (v.name, v.status, tuple((f.rule_id, f.level) for f in v.findings)) for v in report.vendors
    }
    assert found == {
        ("capillary", "added", (("vendor-added", Level.INFO),)),
        ("imprint", "unchanged", ()),
        ("loyaltydog", "removed", (("vendor-removed", Level.BREAKING),)),
    }
    assert [f.rule_id for f in report.blocking] == ["vendor-removed"]


def test_generator_changes_are_attributed_to_the_generator(tmp_path: Path) -> None:
    specs = _specs(tmp_path, "a", ["imprint"])
    base_generated = tmp_path / "generated"
    shutil.copytree(
        GENERATED / "imprint",
        base_generated / "imprint",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    client = base_generated / "imprint" / "_client.py"
    client.write_text(
        client.read_text().replace("USER_AGENT =", "OLD_USER_AGENT = None\nUSER_AGENT =")
    )
    report = diff_specs(
        specs,
        specs,
        base_label="a",
        revision_label="b",
        base_generated=base_generated,
        generator_inputs=("templates/client.py.jinja",),
    )
    (vendor,) = report.vendors
    assert vendor.findings == () and vendor.generator_files == ("_client.py",)
    text = markdown.render(report)
    assert "Changed outside `specs/`: `templates/client.py.jinja`." in text
    assert "- imprint: the generator change alone rewrites `_client.py`" in text


def _report(message: str, location: str) -> DiffReport:
    finding = Finding(
        "request-property-removed",
        Level.BREAKING,
        "v",
        message,
        (),
        (Place("PUT", "/a|b", location, None, SourceRef("specs/v/openapi.yaml", "/x", 3, 5)),),
    )
    return DiffReport("base", "rev", (VendorDiff("v", "changed", (finding,), ()),))


def test_markdown_escapes_table_cells_and_code() -> None:
    text = markdown.render(_report("a | b <script>\nnext", "body: `x`"))
    assert "| a \\| b &lt;script> next |" in text
    assert "`` PUT /a\\|b ``" not in text and "`PUT /a\\|b`" in text
    assert "| body: \\`x\\` |" in text  # a backtick in a name does not open a code span
    assert markdown._code("a``b") == "``` a``b ```"


def test_github_annotations_escape_data_and_properties() -> None:
    text = github.render(_report("100% sure\nnew line", "body"))
    assert text == (
        "::error file=specs/v/openapi.yaml,line=3,col=5,title=request-property-removed::"
        "v PUT /a|b body: 100%25 sure%0Anew line\n"
    )

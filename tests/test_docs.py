"""The tables of docs/ that come from the code's registries are in step with them, and the
generator of those tables writes what the code says (docs/tables.py, make docs)."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest

from generator.diff.rules import RULES
from generator.spec.readings import RULES as READINGS
from tests.conftest import ROOT


def _tables() -> ModuleType:
    spec = importlib.util.spec_from_file_location("doc_tables", ROOT / "docs" / "tables.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_generated_table_is_in_step_with_the_code() -> None:
    assert _tables().main(["--check"]) == 0


@pytest.mark.parametrize(
    ("page", "ids"), [("spec-diff.md", RULES), ("readings.md", READINGS)], ids=["rules", "readings"]
)
def test_every_registered_id_has_its_row(page: str, ids: dict[str, object]) -> None:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    assert [rule for rule in ids if f"| `{rule}` |" not in text] == []


def test_a_table_out_of_step_is_rewritten_between_its_markers() -> None:
    tables = _tables()
    page = "intro\n<!-- rule table: written by make docs -->\n| stale |\n<!-- end of rule table -->\nafter\n"
    written = tables.written("rule table", page)
    assert "| stale |" not in written
    assert written.startswith("intro\n<!-- rule table: written by make docs -->\n| rule | level |")
    assert written.endswith("<!-- end of rule table -->\nafter\n")
    assert "| `endpoint-removed` | breaking | none | the endpoint was removed |" in written

"""Writes the tables of docs/ that come from the code's registries: the readings
(generator/spec/readings.py) and the spec-diff rules (generator/diff/rules/). `make docs` runs
it; tests/test_docs.py fails when a page is out of step with the code.

A generated table sits between two comment lines in its page:
``<!-- NAME: written by `make docs` ... -->`` and ``<!-- end of NAME -->``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.diff import rules  # noqa: E402
from generator.spec import readings  # noqa: E402

DOCS = ROOT / "docs"


def readings_table() -> str:
    rows = [
        "| rule | what vendors publish | how it is read |",
        "|---|---|---|",
        *(
            f"| `{code}` | {published} | {read} |"
            for code, (published, read) in readings.RULES.items()
        ),
    ]
    return "\n".join(rows)


def rule_table() -> str:
    """Every registered rule, by the family module that holds it (a rule no family holds joins
    several changes of one cause into one finding)."""
    family_of = {
        rule.id: name.replace("_", " ")
        for name, module in vars(rules).items()
        if isinstance(getattr(module, "RULES", None), tuple)
        for rule in module.RULES
    }
    families = [*sorted(set(family_of.values())), "several changes of one cause"]
    rows = ["| rule | level | direction | message |", "|---|---|---|---|"]
    for family in families:
        found = [r for r in rules.RULES.values() if family_of.get(r.id, families[-1]) == family]
        rows.append(f"| **{family}** | | | |")
        rows += [
            f"| `{r.id}` | {r.level.label} | {r.direction.value} | {_cell(r.summary)} |"
            for r in found
        ]
    return "\n".join(rows)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


TABLES: dict[str, tuple[str, Callable[[], str]]] = {
    "readings table": ("readings.md", readings_table),
    "rule table": ("spec-diff.md", rule_table),
}


def written(name: str, page: str) -> str:
    """``page`` with the table ``name`` as the code has it now."""
    begin = page.index(f"<!-- {name}: ")
    begin = page.index("\n", begin) + 1
    end = page.index(f"<!-- end of {name} -->")
    return page[:begin] + TABLES[name][1]() + "\n" + page[end:]


def main(argv: list[str]) -> int:
    check = argv == ["--check"]
    stale = []
    for name, (file, _) in TABLES.items():
        path = DOCS / file
        page = path.read_text(encoding="utf-8")
        new = written(name, page)
        if new != page:
            stale.append(file)
            if not check:
                path.write_text(new, encoding="utf-8")
    if check and stale:
        print(f"out of step with the code: {', '.join(stale)}; run make docs", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

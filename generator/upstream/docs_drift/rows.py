"""What a page's tables say about an operation: one row per parameter or field, with its
location, name, type, whether it is required, its enum values and where it was read.

Pages vary: the name column is "Parameter", the type column "Type", "Datatype" or "Data
Type"; the heading above a table says where its rows go ("Request query parameters");
`name*` marks what is mandatory; nested fields sit in HTML lists or behind dashes (`-- city`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tables import Cell, Row, Table

_NAME_COLUMNS = frozenset({"parameter", "parameters", "field", "fields", "name"})
_TYPE_COLUMNS = frozenset({"type", "datatype"})
_DESCRIPTION_COLUMNS = frozenset({"description"})
# Heading words, in order of precedence: "Request path parameters" is the path, not a body.
LOCATIONS = ("path", "query", "header", "body", "response")

# Types as the pages spell them -> the JSON Schema type (or format) they mean.
_TYPES = {
    "string": "string",
    "str": "string",
    "enum": "string",  # a string whose values the description lists
    "int": "integer",
    "integer": "integer",
    "long": "integer",
    "number": "number",
    "float": "number",
    "double": "number",
    "decimal": "number",
    "boolean": "boolean",
    "bool": "boolean",
    "obj": "object",
    "object": "object",
    "array": "array",
    "list": "array",
    "date": "date",
    "datetime": "date-time",
    "date-time": "date-time",
}
# "Value: `a`, `b`" or "Supported values: a, b".
_VALUES_LABEL = re.compile(r"\bvalues?\s*:", re.IGNORECASE)
# A list of two or more words after a dash or colon: "the source - FACEBOOK, WECHAT, JD."
_WORD_LIST = re.compile(r"(?:^|\s-+|:)\s*([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)+)")


@dataclass(frozen=True, slots=True)
class RowRef:
    """Where a row was read: the page's file, the table and the row in it (0: the table)."""

    file: str
    table: int
    heading: str
    row: int
    line: int

    def __str__(self) -> str:
        table = f'table {self.table} "{self.heading}"'
        if self.row:
            return f"{self.file}:{self.line} ({table}, row {self.row})"
        return f"{self.file}:{self.line} ({table})"


@dataclass(frozen=True, slots=True)
class DocRow:
    location: str
    name: str  # dotted where the table nests its fields (profiles.fields.city)
    type: str  # a JSON Schema type, "date", "date-time", or the page's word if unknown
    written_type: str  # as the page spells it
    required: bool
    enum: tuple[str, ...]
    ref: RowRef


@dataclass(frozen=True, slots=True)
class FieldTable:
    location: str  # "" when the heading above it names none
    nested: bool  # whether its rows nest; a flat table lists members after their object
    rows: tuple[DocRow, ...]
    ref: RowRef


def read_field_tables(tables: tuple[Table, ...], file: str) -> tuple[FieldTable, ...]:
    """The tables that list parameters or fields; others (error codes, resource facts) are
    not the operation's shape."""
    found = []
    for table in tables:
        columns = _columns(table.header)
        if "name" not in columns or "type" not in columns:
            continue
        location = next((w for w in LOCATIONS if w in _words(table.heading)), "")
        ref = RowRef(file, table.index, table.heading, 0, table.line)
        rows = _field_rows(table, columns, location, ref)
        found.append(FieldTable(location, any("." in r.name for r in rows), rows, ref))
    return tuple(found)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def _columns(header: tuple[Cell, ...]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = re.sub(r"[^a-z]", "", cell.text.lower())
        for meaning, names in (
            ("name", _NAME_COLUMNS),
            ("type", _TYPE_COLUMNS),
            ("description", _DESCRIPTION_COLUMNS),
        ):
            if key in names:
                columns.setdefault(meaning, index)
    return columns


def _field_rows(
    table: Table, columns: dict[str, int], location: str, ref: RowRef
) -> tuple[DocRow, ...]:
    rows = []
    # The names of the rows open at each nesting level above the current row.
    parents: list[str] = []
    for number, row in enumerate(table.rows, 1):
        name_cell = _cell(row, columns["name"])
        written = name_cell.text
        dashes = len(written) - len(written.lstrip("- "))
        level = name_cell.depth + written[:dashes].count("-")
        name = written[dashes:].strip()
        required = name.endswith("*")
        name = name.rstrip("* ")
        if not name:
            continue
        # A row deeper than the one above it by more than a level is taken as its member.
        del parents[min(level, len(parents)) :]
        dotted = ".".join([*parents, name])
        parents.append(name)
        written_type = _cell(row, columns["type"]).text
        doc_type = _TYPES.get(written_type.lower(), written_type.lower())
        description = _cell(row, columns.get("description", -1))
        rows.append(
            DocRow(
                location,
                dotted,
                doc_type,
                written_type,
                required,
                _enum(description, written_type.lower() == "enum"),
                RowRef(ref.file, ref.table, ref.heading, number, row.line),
            )
        )
    return tuple(rows)


def _cell(row: Row, index: int) -> Cell:
    return row.cells[index] if 0 <= index < len(row.cells) else Cell(())


def _enum(description: Cell, declared: bool) -> tuple[str, ...]:
    """The values a description lists: the code spans after "Value:", or for a row typed
    enum its code spans or, failing those, the word list in its text."""
    parts = description.parts
    for index, (text, code) in enumerate(parts):
        label = None if code else _VALUES_LABEL.search(text)
        if label:
            after = ((text[label.end() :], False), *parts[index + 1 :])
            return _values(after) or _word_list("".join(t for t, _ in after))
    if declared:
        return _values(parts) or _word_list(description.text)
    return ()


def _values(parts: tuple[tuple[str, bool], ...]) -> tuple[str, ...]:
    # A code span may hold several (`line, mobilePush`): the page's typo, its values plain.
    return tuple(
        value.strip() for text, code in parts if code for value in text.split(",") if value.strip()
    )


def _word_list(text: str) -> tuple[str, ...]:
    match = _WORD_LIST.search(text)
    return tuple(w.strip() for w in match.group(1).split(",")) if match else ()

"""A page's rows against the spec's fields of the operation it documents: one finding per
difference, each naming the table row it came from and the spec node it is about."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...core.errors import SourceRef
from ...spec.load import Document
from .rows import LOCATIONS, DocRow, FieldTable, RowRef
from .spec_fields import SpecField

DOCS_ONLY = "docs-only"
SPEC_ONLY = "spec-only"
NAME_DIFFERS = "name-differs"
TYPE_DIFFERS = "type-differs"
REQUIRED_DIFFERS = "required-differs"
ENUM_DIFFERS = "enum-differs"
TABLE_UNPLACED = "table-unplaced"

NOUNS = {
    "path": "path parameter",
    "query": "query parameter",
    "header": "header parameter",
    "cookie": "cookie parameter",
    "body": "body field",
    "response": "response field",
    "": "table",
}
MESSAGES = {
    DOCS_ONLY: "the docs list {noun} {name}; the spec lacks it",
    SPEC_ONLY: "the spec has {noun} {name}; the docs do not list it",
    NAME_DIFFERS: "the docs spell {noun} {name} as {docs}",
    TYPE_DIFFERS: "{noun} {name}: the docs say {docs}, the spec {spec}",
    REQUIRED_DIFFERS: "{noun} {name}: {docs} in the docs, {spec} in the spec",
    ENUM_DIFFERS: "{noun} {name}: values only the docs list: {docs}; only the spec: {spec}",
    TABLE_UNPLACED: (
        "a table of fields under {name!r}, which names no location "
        f"({', '.join(LOCATIONS)}): its rows are not compared"
    ),
}
KINDS = tuple(MESSAGES)


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    page: str
    location: str
    name: str  # the spec's dotted name where the row matched one, else the page's
    docs: str = ""  # what the docs say, where the kind compares values
    spec: str = ""
    row: RowRef | None = None  # for spec-only: the table that omits it, if the page has one
    spec_at: SourceRef | None = None
    accepted: str = ""  # the reason of the accepted entry that covers it

    @property
    def message(self) -> str:
        return MESSAGES[self.kind].format(
            noun=NOUNS.get(self.location, self.location),
            name=self.name,
            docs=self.docs or "none",
            spec=self.spec or "none",
        )


def compare_page(
    page: str, tables: tuple[FieldTable, ...], fields: tuple[SpecField, ...], spec: Document
) -> list[Finding]:
    findings = [
        Finding(TABLE_UNPLACED, page, "", t.ref.heading, row=t.ref)
        for t in tables
        if not t.location
    ]
    located = {f.location for f in fields} | {t.location for t in tables} - {""}
    # In the pages' order (path, query, header, body, response); cookie parameters last.
    order = {w: i for i, w in enumerate(LOCATIONS)}
    for location in sorted(located, key=lambda w: order.get(w, len(order))):
        placed = tuple(t for t in tables if t.location == location)
        by_name = {f.name: f for f in fields if f.location == location}
        findings.extend(_Location(page, location, by_name, placed, spec).compare())
    return findings


class _Location:
    """The rows of one location (every query table of a page, say) against its fields."""

    def __init__(
        self,
        page: str,
        location: str,
        fields: dict[str, SpecField],
        tables: tuple[FieldTable, ...],
        spec: Document,
    ) -> None:
        self._page = page
        self._location = location
        self._fields = fields
        self._tables = tables
        self._spec = spec
        self._matched: set[str] = set()

    def compare(self) -> Iterator[Finding]:
        for table in self._tables:
            names = (
                _nested_names(table, self._fields)
                if table.nested
                else _flat_names(table, self._fields)
            )
            unmatched: set[str] = set()
            for row, name in zip(table.rows, names, strict=True):
                if name is not None:
                    self._matched.add(name)
                    yield from self._differences(row, self._fields[name])
                elif row.name.rpartition(".")[0] in unmatched:
                    # A member of a row the spec lacks (reported), or of a map's example key.
                    unmatched.add(row.name)
                else:
                    unmatched.add(row.name)
                    yield from self._unmatched(row)
        yield from self._dropped()

    def _finding(
        self,
        kind: str,
        name: str,
        row: RowRef | None,
        spec_at: SourceRef | None = None,
        docs: str = "",
        spec: str = "",
    ) -> Finding:
        return Finding(kind, self._page, self._location, name, docs, spec, row, spec_at)

    def _differences(self, row: DocRow, field: SpecField) -> Iterator[Finding]:
        type_at = self._spec.where(f"{field.schema_where}/type")
        # A flat table's row names the last part of the field's name, a nested one all of it.
        written = ".".join(field.name.split(".")[-len(row.name.split(".")) :])
        if row.name != written:
            at = self._spec.where(field.where)
            yield self._finding(NAME_DIFFERS, field.name, row.ref, at, docs=row.name, spec=written)
        if not _compatible(row.type, field.type):
            yield self._finding(
                TYPE_DIFFERS, field.name, row.ref, type_at, docs=row.type, spec=field.type
            )
        # A page marks what a caller must send; an unmarked response field says nothing.
        if self._location != "response" and row.required != field.required:
            yield self._finding(
                REQUIRED_DIFFERS,
                field.name,
                row.ref,
                self._spec.where(field.where),
                docs=_required(row.required),
                spec=_required(field.required),
            )
        if row.enum and set(row.enum) != set(field.enum):
            yield self._finding(
                ENUM_DIFFERS,
                field.name,
                row.ref,
                self._spec.where(f"{field.schema_where}/enum"),
                docs=", ".join(v for v in row.enum if v not in field.enum),
                spec=", ".join(v for v in field.enum if v not in row.enum),
            )

    def _unmatched(self, row: DocRow) -> Iterator[Finding]:
        """A row the spec has no field for: an example key of a map, or what the spec lacks."""
        owner = _lookup(row.name.rpartition(".")[0], self._fields) if "." in row.name else None
        values = self._fields[owner].values if owner else None
        if values is None:
            yield self._finding(DOCS_ONLY, row.name, row.ref)
        elif not _compatible(row.type, values[0]):
            at = self._spec.where(values[1])
            yield self._finding(TYPE_DIFFERS, row.name, row.ref, at, docs=row.type, spec=values[0])

    def _dropped(self) -> Iterator[Finding]:
        """Fields no row matched: one finding for the outermost, and none for the members of
        an object whose members the page does not list (it documents the object only)."""
        table = self._tables[0].ref if self._tables else None
        for name, field in self._fields.items():
            if name in self._matched:
                continue
            parent = name.rpartition(".")[0]
            ancestors = [name[:i] for i, c in enumerate(name) if c == "."]
            if any(a not in self._matched for a in ancestors):
                continue
            if parent and not any(m.startswith(f"{parent}.") for m in self._matched):
                continue
            yield self._finding(SPEC_ONLY, name, table, self._spec.where(field.where))


def _nested_names(table: FieldTable, fields: dict[str, SpecField]) -> list[str | None]:
    return [_lookup(row.name, fields) for row in table.rows]


def _flat_names(table: FieldTable, fields: dict[str, SpecField]) -> list[str | None]:
    """A flat table names members without their object, listing them after it: a row is
    the field of its name under the nearest object row above that has one, else the
    shallowest field of its name."""
    found: list[str | None] = []
    for row in table.rows:
        candidates = [n for n in fields if n.rpartition(".")[2] == row.name] or [
            n for n in fields if n.rpartition(".")[2].casefold() == row.name.casefold()
        ]
        for above in reversed(found):
            inside = [n for n in candidates if above and n.startswith(f"{above}.")]
            if inside:
                candidates = inside
                break
        found.append(min(candidates, key=lambda n: (n.count("."), n)) if candidates else None)
    return found


def _lookup(name: str, fields: dict[str, SpecField]) -> str | None:
    """The field of that dotted name; or of that name but for case, which a finding notes."""
    if name in fields:
        return name
    return next((n for n in fields if n.casefold() == name.casefold()), None)


def _compatible(docs: str, spec: str) -> bool:
    # A page that says "string" for a date says less than the spec, not something else.
    return not spec or docs == spec or (docs == "string" and spec in ("date", "date-time"))


def _required(required: bool) -> str:
    return "required" if required else "optional"

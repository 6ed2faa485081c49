"""A documentation page's tables, as written: Markdown tables and the HTML tables of its raw
HTML blocks, each cell as text and code spans, each row with its line in the page.

markdown-it reads the page; a raw HTML block it finds (ReadMe pages wrap whole tables in one)
goes to Python's HTML parser. What a table means is rows.py's business.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token

# A piece of a cell's text: (text, whether it is a code span).
Part = tuple[str, bool]


@dataclass(frozen=True, slots=True)
class Cell:
    parts: tuple[Part, ...]
    # How deep in HTML lists (<ul><li>) the cell's text sits: pages nest fields that way.
    depth: int = 0

    @property
    def text(self) -> str:
        return " ".join("".join(text for text, _ in self.parts).split())


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # 1-based, in the page
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Table:
    index: int  # 1-based, in page order, Markdown and HTML tables alike
    heading: str  # the nearest heading above the table
    line: int
    header: tuple[Cell, ...]
    rows: tuple[Row, ...]


def read_tables(text: str) -> tuple[Table, ...]:
    """Every table of a page, in order."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    heading = ""
    found: list[Table] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            heading = tokens[index + 1].content.strip()
        elif token.type == "table_open" and token.map:
            header, rows = _markdown_rows(tokens, index)
            found.append(Table(len(found) + 1, heading, token.map[0] + 1, header, rows))
        elif token.type == "html_block" and token.map:
            for line, header, rows in _html_tables(token.content, token.map[0]):
                found.append(Table(len(found) + 1, heading, line, header, rows))
    return tuple(found)


def _markdown_rows(tokens: list[Token], start: int) -> tuple[tuple[Cell, ...], tuple[Row, ...]]:
    header: tuple[Cell, ...] = ()
    rows: list[Row] = []
    line = 0
    cells: list[Cell] = []
    in_head = False
    for token in tokens[start + 1 :]:
        if token.type == "table_close":
            break
        if token.type in ("thead_open", "thead_close"):
            in_head = token.type == "thead_open"
        elif token.type == "tr_open":
            line, cells = (token.map[0] + 1 if token.map else 0), []
        elif token.type == "inline":
            cells.append(Cell(tuple(_inline_parts(token))))
        elif token.type == "tr_close":
            if in_head:
                header = tuple(cells)
            else:
                rows.append(Row(line, tuple(cells)))
    return header, tuple(rows)


def _inline_parts(token: Token) -> Iterator[Part]:
    for child in token.children or ():
        if child.type == "text":
            yield child.content, False
        elif child.type == "code_inline":
            yield child.content, True
        elif child.type in ("softbreak", "hardbreak", "html_inline"):
            yield " ", False  # a line break (or <br>) between words


def _html_tables(html: str, offset: int) -> list[tuple[int, tuple[Cell, ...], tuple[Row, ...]]]:
    """(line, header, rows) of each table in an HTML block starting after line ``offset``."""
    parser = _TableParser(offset)
    parser.feed(html)
    parser.close()
    # An inner table closes before the one whose cell holds it: page order is by line.
    tables = sorted(parser.tables, key=lambda t: t.line)
    return [(t.line, t.header(), t.body()) for t in tables]


@dataclass(slots=True)
class _OpenCell:
    heading: bool  # <th>
    parts: list[Part] = field(default_factory=list)
    depth: int | None = None  # list depth of the first text

    def add(self, text: str, code: bool, depth: int) -> None:
        if self.depth is None and text.strip():
            self.depth = depth
        self.parts.append((text, code))


@dataclass(slots=True)
class _OpenTable:
    line: int
    rows: list[tuple[int, list[_OpenCell]]] = field(default_factory=list)

    def header(self) -> tuple[Cell, ...]:
        if self.rows and all(c.heading for c in self.rows[0][1]):
            return tuple(_close(c) for c in self.rows[0][1])
        return ()

    def body(self) -> tuple[Row, ...]:
        rows = self.rows[1:] if self.header() else self.rows
        return tuple(Row(line, tuple(_close(c) for c in cells)) for line, cells in rows)


def _close(cell: _OpenCell) -> Cell:
    return Cell(tuple(cell.parts), cell.depth or 0)


class _TableParser(HTMLParser):
    def __init__(self, offset: int) -> None:
        super().__init__(convert_charrefs=True)
        self._offset = offset
        self.tables: list[_OpenTable] = []
        # Open tables, innermost last, each with the outer cell it sits in (None at the top).
        self._open: list[tuple[_OpenTable, _OpenCell | None]] = []
        self._cell: _OpenCell | None = None
        self._depth = 0  # <ul>/<ol> nesting inside the current cell
        self._code = 0

    def _line(self) -> int:
        return self._offset + self.getpos()[0]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._open.append((_OpenTable(self._line()), self._cell))
            self._cell = None
        elif not self._open:
            return
        elif tag == "tr":
            self._open[-1][0].rows.append((self._line(), []))
        elif tag in ("td", "th") and self._open[-1][0].rows:
            self._cell = _OpenCell(heading=tag == "th")
            self._open[-1][0].rows[-1][1].append(self._cell)
            self._depth = 0
        elif tag in ("ul", "ol"):
            self._depth += 1
        elif tag == "code":
            self._code += 1
        elif tag in ("br", "p", "li") and self._cell:
            self._cell.add(" ", False, self._depth)  # a break between words

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._open:
            table, self._cell = self._open.pop()
            self.tables.append(table)
        elif tag in ("td", "th"):
            self._cell = None
        elif tag in ("ul", "ol"):
            self._depth = max(0, self._depth - 1)
        elif tag == "code":
            self._code = max(0, self._code - 1)

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.add(data, self._code > 0, self._depth)

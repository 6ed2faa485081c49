"""Reading a YAML or JSON file into plain data plus a map from JSON pointer to line and column."""

from __future__ import annotations

import bisect
import json
import re
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from ..core.errors import Diagnostic, Severity, SourceRef, SpecError, quote_value

# libyaml composes large specs ~10x faster than the pure-Python parser; the marks are the same.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """A safe loader without the timestamp resolver: `2025-02-13` in an example stays a string."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_STR = "tag:yaml.org,2002:str"
_CORE = "tag:yaml.org,2002:"
# YAML 1.1 types with no JSON equivalent that a plain scalar resolves to (`=` is a "value").
_YAML11_ONLY = frozenset({"tag:yaml.org,2002:value"})


def escape_pointer_token(token: str) -> str:
    if "~" in token or "/" in token:  # seldom: the test is cheaper than the replacing
        return token.replace("~", "~0").replace("/", "~1")
    return token


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


class Positions:
    """Where each value of a loaded file is written: JSON pointer -> (line, column).

    Held as the pointers' hashes beside their places, in two arrays sorted by hash on the
    first lookup: Box's 32,000 pointers took 7.5 MiB as a dict of pointer strings and
    tuples, and take 0.5 MiB so, beside the model tool at its largest. The hashes are this
    interpreter's, which a forked copy shares but another process does not, so a Positions is
    not pickled. Two pointers with one 64-bit hash (odds of about one in 10^10 in a large
    spec) would share a place; a pointer added again takes its new place.
    """

    __slots__ = ("_hashes", "_places", "_sorted")

    def __init__(self) -> None:
        self._hashes = array("q")
        self._places = array("q")
        self._sorted = True

    def add(self, pointer: str, line: int, column: int) -> None:
        self._hashes.append(hash(pointer))
        self._places.append(line << 32 | column)
        self._sorted = False

    def _sort(self) -> None:
        if not self._sorted:
            # A stable sort: of a pointer added twice, the last one added comes last.
            order = sorted(range(len(self._hashes)), key=self._hashes.__getitem__)
            self._hashes = array("q", [self._hashes[i] for i in order])
            self._places = array("q", [self._places[i] for i in order])
            self._sorted = True

    def get(self, pointer: str) -> tuple[int, int] | None:
        self._sort()
        key = hash(pointer)
        at = bisect.bisect_right(self._hashes, key) - 1
        if at < 0 or self._hashes[at] != key:
            return None
        place = self._places[at]
        return place >> 32, place & 0xFFFFFFFF

    def __len__(self) -> int:
        return len(set(self._hashes))  # a pointer added twice counted once

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Positions):
            return NotImplemented
        self._sort()
        other._sort()
        return self._hashes == other._hashes and self._places == other._places

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> Any:
        raise TypeError("Positions are keyed by this process's string hashes: not picklable")


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded file: its data (JSON types only) and where each value came from."""

    data: Any
    file: str
    positions: Positions = field(default_factory=Positions)
    # What the file says in a way its parser does not read as written, and how it was read.
    warnings: tuple[Diagnostic, ...] = ()
    # A document converted from the file (Swagger 2.0, swagger2/): the pointer in the file
    # that each moved subtree came from; what lies under one keeps its place relative to it.
    origins: Mapping[str, str] = field(default_factory=dict)

    def source_pointer(self, pointer: str) -> str:
        """Where ``pointer`` of the data is in the file (the same pointer unless converted)."""
        if self.origins:
            probe = pointer
            while True:
                if probe in self.origins:
                    return self.origins[probe] + pointer[len(probe) :]
                if not probe:
                    break
                probe = probe.rsplit("/", 1)[0]
        return pointer

    def where(self, pointer: str) -> SourceRef:
        """The nearest known position at or above ``pointer``, named in the file's terms."""
        pointer = self.source_pointer(pointer)
        probe = pointer
        while True:
            place = self.positions.get(probe)
            if place is not None:
                return SourceRef(self.file, pointer, *place)
            if not probe:
                return SourceRef(self.file, pointer)
            probe = probe.rsplit("/", 1)[0]

    def with_data(self, data: Any) -> Document:
        return Document(data, self.file, self.positions, self.warnings, self.origins)


def load_document(path: Path, display: str | None = None) -> Document:
    """Parse ``path``; any problem becomes a SpecError naming the file, line and column."""
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError([_error("file-not-found", "file not found", SourceRef(name))]) from None
    except UnicodeDecodeError as exc:
        raise SpecError(
            [
                _error(
                    "not-utf8",
                    f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                    SourceRef(name),
                )
            ]
        ) from None
    return parse_document(text, name)


def parse_document(text: str, name: str) -> Document:
    if name.endswith(".json"):
        try:
            return _parse_json(text, name)
        except json.JSONDecodeError as exc:
            where = SourceRef(name, "", exc.lineno, exc.colno)
            raise SpecError([_error("invalid-json", f"invalid JSON: {exc.msg}", where)]) from None
    if text.lstrip()[:1] in ("{", "["):
        try:
            return _parse_json(text, name)
        except ValueError:
            pass  # not JSON after all (YAML flow style?): the YAML parser says what is wrong
    return _parse_yaml(text, name)


def _parse_yaml(text: str, name: str) -> Document:
    warnings: list[Diagnostic] = []
    text, restore = _escape_yaml12_characters(text, name, warnings)
    try:
        node = _compose(text, name)
    except SpecError:
        retry = _blank_tab_lines(text, name, warnings)
        if retry is None:
            raise
        node = _compose(retry, name)
    if node is None:
        raise SpecError([_error("empty-document", "the file is empty", SourceRef(name))])
    positions = Positions()
    problems: list[Diagnostic] = []
    data = _Builder(name, positions, problems, warnings, restore).build(node, "", ())
    if problems:
        raise SpecError(problems)
    return Document(data, name, positions, tuple(warnings))


def _compose(text: str, name: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = SourceRef(name, "", mark.line + 1, mark.column + 1) if mark else SourceRef(name)
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.context_mark and exc.problem:
            start = exc.context_mark
            problem = f"{problem} ({exc.context} started at line {start.line + 1}, column {start.column + 1})"
        raise SpecError(
            [_error("invalid-yaml", f"invalid YAML or JSON: {problem}", where)]
        ) from None
    except yaml.YAMLError as exc:
        raise SpecError(
            [_error("invalid-yaml", f"invalid YAML or JSON: {exc}", SourceRef(name))]
        ) from None


# Characters YAML 1.2 reads as content that PyYAML (YAML 1.1) reads as line breaks (NEL, LS,
# PS) or refuses (other control characters). Each is parsed as a stand-in from Unicode's
# private use plane 15 and put back in the strings built from the file.
_YAML11_UNREADABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_STAND_IN = 0xF0000
_STAND_INS = re.compile("[\U000f0000-\U000fffff]")


def _escape_yaml12_characters(
    text: str, name: str, warnings: list[Diagnostic]
) -> tuple[str, dict[int, str] | None]:
    found = {m.group() for m in _YAML11_UNREADABLE.finditer(text)}
    if not found or _STAND_INS.search(text):
        return text, None  # nothing to do, or no free stand-ins: the parser says what is wrong
    for char in sorted(found):
        first = text.index(char)
        line = text.count("\n", 0, first) + 1
        column = first - (text.rfind("\n", 0, first) + 1) + 1
        count = text.count(char)
        warnings.append(
            Diagnostic(
                "yaml-character",
                Severity.WARNING,
                f"U+{ord(char):04X} appears {count} time(s) (first here); YAML 1.2 reads it as "
                "a character of the text, PyYAML as a line break or an error: read as the character",
                SourceRef(name, "", line, column),
                f"write it as an escape in a double-quoted string (\\u{ord(char):04X})",
            )
        )
    table = {ord(char): chr(_STAND_IN + ord(char)) for char in found}
    return text.translate(table), {_STAND_IN + ord(char): char for char in found}


_TAB_LINE = re.compile(r"^[ \t]*\t[ \t]*$", re.MULTILINE)


def _blank_tab_lines(text: str, name: str, warnings: list[Diagnostic]) -> str | None:
    """A line of only spaces and tabs is empty to YAML 1.2; PyYAML refuses the tab where it
    expects indentation. None if the file has no such line (the first error stands)."""
    lines = [text.count("\n", 0, m.start()) + 1 for m in _TAB_LINE.finditer(text)]
    if not lines:
        return None
    warnings.append(
        Diagnostic(
            "yaml-tab-line",
            Severity.WARNING,
            f"{len(lines)} line(s) hold only spaces and tabs (first here); PyYAML refuses a tab "
            "where it expects indentation: read as empty lines",
            SourceRef(name, "", lines[0], 1),
            "remove the tabs from lines that hold nothing else",
        )
    )
    return _TAB_LINE.sub("", text)


def _parse_json(text: str, name: str) -> Document:
    problems: list[tuple[str, str]] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                problems.append((key, ""))
            result[key] = value
        return result

    data = json.loads(text, object_pairs_hook=pairs)
    positions = _json_positions(text)
    if problems:
        # Rare: find where each duplicate is with the YAML parser, which reports it with its line.
        return _parse_yaml(text, name)
    return Document(data, name, positions)


# A string (a key, when a colon follows it), a bracket, or a number, true, false or null;
# commas and colons need no visit of their own. A string is matched as a run of plain
# characters between escapes: an alternation per character takes twice as long.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"(\s*:)?|[{}\[\]]|[^\s{}\[\]:,"]+')


def _json_positions(text: str) -> Positions:
    """JSON pointer -> (line, column) of every value, from one pass over the tokens."""
    line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
    positions = Positions()
    # Open containers: [pointer, is_object, the pointer of the current key or the next index]
    stack: list[list[Any]] = []
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first in "}]":
            stack.pop()
            continue
        if match.group(1) is not None:  # a key
            key = token[: match.start(1) - match.start()]
            key = json.loads(key) if "\\" in key else key[1:-1]
            stack[-1][2] = f"{stack[-1][0]}/{escape_pointer_token(key)}"
            continue
        if not stack:
            pointer = ""
        elif stack[-1][1]:
            pointer = stack[-1][2]
        else:
            pointer = f"{stack[-1][0]}/{stack[-1][2]}"
            stack[-1][2] += 1
        start = match.start()
        line = bisect.bisect_right(line_starts, start)
        positions.add(pointer, line, start - line_starts[line - 1] + 1)
        if first == "{":
            stack.append([pointer, True, None])
        elif first == "[":
            stack.append([pointer, False, 0])
    return positions


class _Builder:
    def __init__(
        self,
        name: str,
        positions: Positions,
        problems: list[Diagnostic],
        warnings: list[Diagnostic],
        restore: dict[int, str] | None,
    ) -> None:
        self._name = name
        self._positions = positions
        self._problems = problems
        self._warnings = warnings
        self._restore = restore
        self._constructor = yaml.SafeLoader("")

    def _text(self, value: str) -> str:
        return value.translate(self._restore) if self._restore else value

    def _scalar(self, node: yaml.Node, pointer: str) -> Any:
        if node.tag == _STR:
            return self._text(node.value)
        if node.tag.startswith(_CORE):
            if node.tag not in _YAML11_ONLY:
                try:
                    return self._constructor.construct_object(node, deep=True)
                except (yaml.YAMLError, ValueError, OverflowError):
                    pass  # an impossible date or the like: read as its spelling, below
            self._warnings.append(
                Diagnostic(
                    "yaml-1.1-scalar",
                    Severity.WARNING,
                    f"{quote_value(node.value)} is a {node.tag.rsplit(':', 1)[-1]} to YAML 1.1 "
                    "that cannot be built as one: read as the string it spells",
                    self._ref(node, pointer),
                    "quote it",
                )
            )
            return self._text(node.value)
        try:
            return self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:
            reason = str(exc).splitlines()[0]
            return self._unsupported(f"YAML tag {node.tag} cannot be read: {reason}", node, pointer)

    def _ref(self, node: yaml.Node, pointer: str) -> SourceRef:
        return SourceRef(self._name, pointer, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: yaml.Node, pointer: str, stack: tuple[int, ...]) -> Any:
        self._positions.add(pointer, node.start_mark.line + 1, node.start_mark.column + 1)
        if id(node) in stack:
            self._problems.append(
                _error(
                    "recursive-yaml-alias", "a YAML alias contains itself", self._ref(node, pointer)
                )
            )
            return None
        if isinstance(node, yaml.MappingNode):
            inner = (*stack, id(node))
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self._problems.append(
                        _error(
                            "unsupported-yaml",
                            "a key that is a mapping or a list has no JSON equivalent",
                            self._ref(key_node, pointer),
                        )
                    )
                    continue
                # A key is the text as spelt: `200:` is "200", and YAML 1.1's `yes:` "yes".
                key = self._text(key_node.value)
                child = f"{pointer}/{escape_pointer_token(key)}"
                if key in result:
                    self._problems.append(
                        _error(
                            "duplicate-key", f"duplicate key {key!r}", self._ref(key_node, child)
                        )
                    )
                    continue
                result[key] = self.build(value_node, child, inner)
            return result
        if isinstance(node, yaml.SequenceNode):
            inner = (*stack, id(node))
            return [
                self.build(item, f"{pointer}/{index}", inner)
                for index, item in enumerate(node.value)
            ]
        value = self._scalar(node, pointer)
        if isinstance(value, bytes | set):
            self._unsupported(f"YAML type {node.tag} has no JSON equivalent", node, pointer)
        return value

    def _unsupported(self, message: str, node: yaml.Node, pointer: str) -> None:
        self._problems.append(_error("unsupported-yaml", message, self._ref(node, pointer)))


def _error(code: str, message: str, where: SourceRef) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, where)


def ref_pointer(ref: str) -> str | None:
    """The JSON pointer of a local ``$ref`` (``#/a/b``), or None for a reference to another file."""
    if not ref.startswith("#"):
        return None
    # A URI fragment: `{` in a path's name is written %7B there (RFC 6901, section 6).
    return unquote(ref[1:])


def resolve_pointer(data: Any, pointer: str) -> Any:
    """The value at ``pointer``; KeyError if there is none."""
    node = data
    for raw in pointer.split("/")[1:] if pointer else []:
        token = unescape_pointer_token(raw)
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise KeyError(pointer)
    return node


def is_example_data(pointer: str, key: str, value: Any) -> bool:
    """Whether ``value``, under ``key`` of the object at ``pointer``, is an example: data, in
    which a "$ref" key is not a reference (GitHub's SCIM examples hold URLs there). An
    Example Object may itself be a reference; its `value` is data."""
    tokens = pointer.split("/")
    if tokens[-1] == "properties":  # a property named "example" is a schema
        return False
    if key == "example" or (key == "examples" and isinstance(value, list)):
        return True
    return (
        key == "value"
        and len(tokens) >= 3
        and tokens[-2] == "examples"
        and tokens[-3] != "properties"
    )


def iter_refs(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """(pointer of the object holding it, value) of every ``$ref`` in ``node``, examples skipped."""
    stack = [(node, pointer)]
    while stack:
        item, at = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str):
                yield at, ref
            # Only what can hold a reference is visited: most values are scalars.
            stack.extend(
                (value, f"{at}/{escape_pointer_token(key)}")
                for key, value in item.items()
                if isinstance(value, dict | list) and not is_example_data(at, key, value)
            )
        elif isinstance(item, list):
            stack.extend(
                (value, f"{at}/{index}")
                for index, value in enumerate(item)
                if isinstance(value, dict | list)
            )


def follow_refs(data: Any, node: Any, pointer: str) -> tuple[Any, str]:
    """Follow a chain of local ``$ref``s from ``node`` (at ``pointer``) to a concrete value.

    The validate stage reports references that go nowhere or loop; here such a
    chain simply stops where it breaks.
    """
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        target = ref_pointer(node["$ref"])
        if target is None or target in seen:
            break
        seen.add(target)
        try:
            node, pointer = resolve_pointer(data, target), target
        except KeyError:
            break  # a dangling reference, which the validate stage reports
    return node, pointer


RUNTIME_DIR = Path(__file__).resolve().parents[1] / "runtime"


def read_runtime_sources() -> dict[str, str]:
    """The shared client runtime, copied verbatim into every generated client."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(RUNTIME_DIR.glob("*.py"))}

"""Reading a YAML or JSON file into plain data plus a map from JSON pointer to line and column."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import Diagnostic, Severity, SourceRef, SpecError


class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: `2025-02-13` in an example stays a string."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded file: its data (JSON types only) and where each value came from."""

    data: Any
    file: str
    positions: Mapping[str, tuple[int, int]]

    def where(self, pointer: str) -> SourceRef:
        """The nearest known position at or above ``pointer``."""
        probe = pointer
        while True:
            if probe in self.positions:
                line, column = self.positions[probe]
                return SourceRef(self.file, pointer, line, column)
            if not probe:
                return SourceRef(self.file, pointer)
            probe = probe.rsplit("/", 1)[0]

    def with_data(self, data: Any) -> Document:
        return Document(data, self.file, self.positions)


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
    try:
        node = yaml.compose(text, Loader=_Loader)
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
    if node is None:
        raise SpecError([_error("empty-document", "the file is empty", SourceRef(name))])
    positions: dict[str, tuple[int, int]] = {}
    problems: list[Diagnostic] = []
    data = _Builder(name, positions, problems).build(node, "", ())
    if problems:
        raise SpecError(problems)
    return Document(data, name, positions)


class _Builder:
    def __init__(
        self, name: str, positions: dict[str, tuple[int, int]], problems: list[Diagnostic]
    ) -> None:
        self._name = name
        self._positions = positions
        self._problems = problems
        self._constructor = _Loader("")

    def _ref(self, node: yaml.Node, pointer: str) -> SourceRef:
        return SourceRef(self._name, pointer, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: yaml.Node, pointer: str, stack: tuple[int, ...]) -> Any:
        self._positions[pointer] = (node.start_mark.line + 1, node.start_mark.column + 1)
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
                key = str(self._constructor.construct_object(key_node, deep=True))
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
        value = self._constructor.construct_object(node, deep=True)
        if isinstance(value, bytes | set):
            self._problems.append(
                _error(
                    "unsupported-yaml",
                    f"YAML type {node.tag} has no JSON equivalent",
                    self._ref(node, pointer),
                )
            )
        return value


def _error(code: str, message: str, where: SourceRef) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, where)


def ref_pointer(ref: str) -> str | None:
    """The JSON pointer of a local ``$ref`` (``#/a/b``), or None for a reference to another file."""
    if not ref.startswith("#"):
        return None
    return ref[1:]


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


def follow_refs(data: Any, node: Any, pointer: str) -> tuple[Any, str]:
    """Follow a chain of local ``$ref``s from ``node`` (at ``pointer``) to a concrete value.

    The validate stage has already checked that every reference resolves and
    that no chain loops, so this only walks.
    """
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        target = ref_pointer(node["$ref"])
        if target is None or target in seen:
            break
        seen.add(target)
        node, pointer = resolve_pointer(data, target), target
    return node, pointer


RUNTIME_DIR = Path(__file__).resolve().parent / "runtime"


def read_runtime_sources() -> dict[str, str]:
    """The shared client runtime, copied verbatim into every generated client."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(RUNTIME_DIR.glob("*.py"))}

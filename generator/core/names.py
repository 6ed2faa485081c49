"""Turning spec strings into Python identifiers and literals.

Spec text reaches generated code only through these functions; the Jinja
environment refuses any plain ``str`` that did not pass through one of them.
"""

from __future__ import annotations

import builtins
import json
import keyword
import re
import unicodedata
from html.parser import HTMLParser

# The generated code's line length: what black and ruff are set to (format.py), and
# what templates lay code out for.
LINE_LENGTH = 100


class Identifier(str):
    """A string already made into a safe Python identifier."""

    __slots__ = ()


class PyCode(str):
    """A fragment of Python source built by the generator, never taken from a spec verbatim."""

    __slots__ = ()


class Markdown(str):
    """Text made safe for a Markdown document: spec text cannot open a link, a tag or a fence."""

    __slots__ = ()


# Names a generated module or method body needs; a spec name must not shadow them.
_RESERVED = frozenset(
    set(keyword.kwlist)
    | set(keyword.softkwlist)
    | set(dir(builtins))
    | {"self", "cls", "body", "options", "extra_headers", "timeout", "httpx", "typing", "models"}
    | {"max_retries", "retry_non_idempotent", "content_type"}
    # Methods and attributes of the runtime's client classes, which operations must not shadow.
    | {"request", "close", "base_url", "user_agent", "with_raw_response"}
)

# Words of a name: acronyms (HTTP in HTTPError), capitalised or lower words, numbers; a number
# stays with the word it ends (v2, int64).
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+[a-z]*")


_NATURAL = re.compile(r"(\D*)(\d*)")


def _words(text: str) -> list[str]:
    # NFKD + ASCII keeps names readable (é -> e) and importable on every platform.
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _WORD.findall(ascii_text)


def snake_case(text: str) -> Identifier:
    """``update_loyalty_program`` from ``updateLoyaltyProgram``, ``Update-Loyalty Program``..."""
    words = [w.lower() for w in _words(text)]
    name = "_".join(words) or "value"
    if name[0].isdigit():
        name = f"n{name}"
    if name in _RESERVED:
        name += "_"
    return Identifier(name)


def pascal_case(text: str) -> Identifier:
    """``UpdateCustomer`` from ``update_customer``; acronyms keep their capitals (``APIKey``)."""
    words = _words(text)
    name = "".join(w if w.isupper() else w[:1].upper() + w[1:] for w in words) or "Model"
    if name[0].isdigit():
        name = f"N{name}"
    if name in _RESERVED:
        name += "_"
    return Identifier(name)


def client_name(vendor: str, title: str) -> Identifier:
    """The client class's name: the vendor's name as the spec's title writes it (`SmileIo`
    for vendor `smileio` or `smile_io` and title "Smile.io API"), else the vendor in
    PascalCase."""
    wanted = vendor.replace("_", "")
    words = re.findall(r"[A-Za-z0-9]+", title)
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            if "".join(words[start:end]).lower() == wanted:
                return pascal_case(" ".join(w[:1].upper() + w[1:] for w in words[start:end]))
    return pascal_case(vendor)


def py_str(value: str) -> PyCode:
    """A Python string literal that evaluates to exactly ``value``, quoted as black quotes it
    (so that black has nothing to change in a template's output and formats it in one pass)."""
    literal = repr(value)
    if literal[0] == "'" and '"' not in value:
        # repr chose single quotes, so the text holds no quote of either kind.
        return PyCode(f'"{literal[1:-1]}"')
    return PyCode(literal)


def toml_str(value: str) -> PyCode:
    """A TOML basic string whose value is exactly ``value``: JSON's escapes are TOML's, but
    for DEL, which TOML escapes too (non-ASCII text stays as it is: surrogate escapes are not
    TOML)."""
    return PyCode(json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f"))


# Unicode's control characters (category Cc), and those but the newline.
_ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def docstring(text: str, indent: int = 0) -> PyCode:
    """Source text for inside a triple-quoted docstring whose value is ``text``, stripped.

    Backslashes and quotes are escaped so nothing closes the docstring early or reads
    as an escape; control characters become escapes (so the value keeps them exactly);
    lines after the first are indented by ``indent`` spaces to sit inside the docstring.
    """
    escaped = text.strip().replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    # Escaped as \x22, not \": black pads a docstring that begins or ends with a quote.
    if escaped.endswith('"'):
        escaped = escaped[:-1] + "\\x22"
    if escaped.startswith('"'):
        escaped = "\\x22" + escaped[1:]
    # Tabs and trailing spaces become escapes too: black would expand or strip them.
    escaped = _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", escaped)
    lines = [_escape_trailing_spaces(line) for line in escaped.split("\n")]
    pad = " " * indent
    return PyCode("\n".join([lines[0], *(pad + line if line else "" for line in lines[1:])]))


def _escape_trailing_spaces(line: str) -> str:
    kept = line.rstrip(" ")
    return kept + "\\x20" * (len(line) - len(kept))


def docstring_end(text: str, indent: int = 0) -> PyCode:
    """``docstring(text, indent)`` at the end of a docstring, and a line break before the
    closing quotes where black puts one: when the last of several lines has no room for
    them."""
    body = docstring(text, indent)
    lines = body.splitlines()
    if len(lines) > 1 and len(lines[-1]) + len('"""') > LINE_LENGTH:
        return PyCode(f"{body}\n{' ' * indent}")
    return body


def comment(text: str) -> PyCode:
    """One line of text safe after ``#``."""
    cleaned = _ANY_CONTROL.sub(" ", text)
    return PyCode(" ".join(cleaned.split()))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|!&~])")
# What makes a line a heading, a quote, a list item or a rule when it starts one.
_MARKDOWN_MARKER = re.compile(r"^([#>+=-])")
_MARKDOWN_NUMBERED = re.compile(r"^(\d+)([.)])")


def md_text(text: str) -> Markdown:
    """One line of plain text in Markdown: control characters and line breaks become spaces,
    and every character Markdown or HTML would read as markup is escaped."""
    cleaned = " ".join(_ANY_CONTROL.sub(" ", text).split())
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", cleaned)
    escaped = _MARKDOWN_MARKER.sub(r"\\\1", escaped)
    return Markdown(_MARKDOWN_NUMBERED.sub(r"\1\\\2", escaped))


class _TextOfHtml(HTMLParser):
    """The text of a description that is HTML (CommonMark allows it): tags dropped, character
    references read, and a paragraph break where a block element starts or ends."""

    _BLOCK = re.compile(r"p|div|br|hr|ul|ol|li|table|tr|h[1-6]|pre|blockquote|section")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._BLOCK.fullmatch(tag):
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if self._BLOCK.fullmatch(tag):
            self.parts.append("\n\n")


def md_prose(text: str) -> Markdown:
    """A description's first paragraph, as ``md_text`` writes it: a README shows what an API or
    resource is, and the spec keeps the rest. HTML in it is read for its text."""
    parser = _TextOfHtml()
    parser.feed(text)
    parser.close()
    paragraphs = re.split(r"\n\s*\n", "".join(parser.parts))
    return md_text(next((p for p in paragraphs if p.strip()), ""))


def md_code(text: str) -> Markdown:
    """``text`` as one inline code span, whatever backticks it holds."""
    cleaned = " ".join(_ANY_CONTROL.sub(" ", text).split())
    fence = "`" * (max((len(r) for r in re.findall(r"`+", cleaned)), default=0) + 1)
    pad = " " if cleaned.startswith("`") or cleaned.endswith("`") else ""
    return Markdown(f"{fence}{pad}{cleaned}{pad}{fence}")


def md_block(code: str, language: str = "python") -> Markdown:
    """``code`` as a fenced block, its fence longer than any run of backticks inside."""
    fence = "`" * max(3, max((len(r) for r in re.findall(r"`+", code)), default=0) + 1)
    return Markdown(f"{fence}{language}\n{code.rstrip()}\n{fence}")


def dedupe(names: list[Identifier], separator: str = "_") -> list[Identifier]:
    """Suffix ``_2``, ``_3``... to names that repeat, in order; the first keeps its name."""
    seen: set[str] = set()
    out: list[Identifier] = []
    for name in names:
        candidate, n = name, 1
        while candidate in seen:
            n += 1
            candidate = Identifier(f"{name}{separator}{n}")
        seen.add(candidate)
        out.append(candidate)
    return out


def operation_name(operation: dict[str, object], method: str, path: str) -> Identifier:
    """The method name of an operation: ``x-python-name``, else its operationId, else method and path."""
    override = operation.get("x-python-name")
    if isinstance(override, str) and override.strip():
        return snake_case(override)
    operation_id = operation.get("operationId")
    if isinstance(operation_id, str) and operation_id.strip():
        return snake_case(operation_id)
    return snake_case(f"{method} {path.replace('{', ' by ').replace('}', ' ')}")


def parameter_name(parameter: dict[str, object]) -> Identifier:
    """A parameter's argument name: ``x-python-name``, else its wire name in snake_case."""
    override = parameter.get("x-python-name")
    return snake_case(
        override if isinstance(override, str) and override.strip() else str(parameter.get("name"))
    )


def export_order(names: list[str]) -> list[str]:
    """The order ruff wants for ``__all__`` (RUF022): CONSTANTS, then Classes, then the
    rest, each in natural order (Box9 before Box10)."""

    def key(name: str) -> tuple[int, list[tuple[str, int]]]:
        group = 0 if name.isupper() else 1 if name[0].isupper() else 2
        return group, [(text, int(digits or -1)) for text, digits in _NATURAL.findall(name)]

    return sorted(names, key=key)

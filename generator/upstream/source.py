"""Where each vendor publishes: specs/<vendor>/source.yaml, read with located errors.

A vendor that publishes an OpenAPI document (``make update-specs`` fetches it)::

    format: openapi
    url: https://api.loyalty.dog/openapi.json

A vendor that publishes documentation pages only, from which its spec was hand-converted
(``make docs-drift`` compares their tables with the spec)::

    format: documentation
    pages:
      - page: 003_1d8f5e7411ae5dd8.txt           # a name for the page: its seed's file name
        url: https://docs.capillarytech.com/reference/update-customer-detail   # optional
        operation: PUT /v2/customers/{userId}    # what the page documents
        copy: ../shared/seeds/003_1d8f5e7411ae5dd8.txt   # its local copy, from the repository

URLs are https; plain http only to this machine (127.0.0.1, ::1, localhost), for tests.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from ..core.errors import Diagnostic, Severity, SourceRef, SpecError
from ..spec.load import Document, escape_pointer_token, load_document
from .fetch import is_loopback

SOURCE_NAME = "source.yaml"
OPENAPI = "openapi"
DOCUMENTATION = "documentation"
FORMATS = (OPENAPI, DOCUMENTATION)
_OPERATION = re.compile(r"(GET|PUT|POST|PATCH|DELETE|HEAD|OPTIONS|TRACE) (/\S*)")


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    method: str
    path: str
    copy: Path
    copy_display: str  # as source.yaml writes it: how findings name the page's file
    operation_at: SourceRef
    copy_at: SourceRef
    url: str = ""  # the live page, where known
    url_at: SourceRef | None = None


@dataclass(frozen=True, slots=True)
class Source:
    format: str
    format_at: SourceRef
    url: str = ""  # format openapi: where the document is published
    url_at: SourceRef | None = None
    pages: tuple[Page, ...] = ()  # format documentation

    @property
    def urls(self) -> tuple[str, ...]:
        """Where it is read live: the published spec, or the pages that give their url."""
        return (self.url,) if self.url else tuple(p.url for p in self.pages if p.url)


def source_path(specs: Path, vendor: str) -> Path:
    return specs / vendor / SOURCE_NAME


def source_display(specs: Path, vendor: str) -> str:
    return f"{specs.name}/{vendor}/{SOURCE_NAME}"


def load_source(path: Path, display: str, root: Path, *, live: bool = False) -> Source:
    """A vendor's source.yaml; page copies are relative to ``root`` (the folder of specs/).
    ``live``: pages are read from their urls, so a page with a url needs no local copy."""
    document = load_document(path, display)
    data = document.data if isinstance(document.data, dict) else {}
    kind = data.get("format")
    if kind not in FORMATS:
        # What the other keys should be depends on the format: first the format.
        if "format" not in data:
            problems = [
                _error("missing 'format'", document.where(""), f"one of: {', '.join(FORMATS)}")
            ]
        else:
            close = difflib.get_close_matches(str(kind), FORMATS, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else f"one of: {', '.join(FORMATS)}"
            problems = [_error(f"unknown format {kind!r}", document.where("/format"), hint)]
        raise SpecError(problems)
    if kind == OPENAPI:
        problems = keys_problems(document, "", {"format": True, "url": True})
        problems += _url_problems(document, "/url", data.get("url"))
        if problems:
            raise SpecError(problems)
        where = document.where("/format")
        return Source(OPENAPI, where, url=data["url"], url_at=document.where("/url"))
    problems = keys_problems(document, "", {"format": True, "pages": True}, text=False)
    pages = data.get("pages")
    if "pages" in data and (not isinstance(pages, list) or not pages):
        problems.append(_error("`pages` is a list of pages", document.where("/pages")))
        pages = []
    found: list[Page] = []
    for index, item in enumerate(pages or []):
        page, entry_problems = _page(document, f"/pages/{index}", item, root, live)
        if page is not None and page.name in {p.name for p in found}:
            where = document.where(f"/pages/{index}/page")
            entry_problems.append(_error("a second entry for this page", where))
        elif page is not None:
            found.append(page)
        problems.extend(entry_problems)
    if problems:
        raise SpecError(problems)
    return Source(DOCUMENTATION, document.where("/format"), pages=tuple(found))


def load_sources(specs: Path, vendors: list[str]) -> dict[str, Source]:
    """The source.yaml of each named vendor that has one; one SpecError names every problem."""
    found: dict[str, Source] = {}
    problems: list[Diagnostic] = []
    for vendor in vendors:
        path = source_path(specs, vendor)
        if path.is_file():
            try:
                found[vendor] = load_source(
                    path, source_display(specs, vendor), specs.resolve().parent
                )
            except SpecError as exc:
                problems.extend(exc.diagnostics)
    if problems:
        raise SpecError(problems)
    return found


def _page(
    document: Document, at: str, item: Any, root: Path, live: bool
) -> tuple[Page | None, list[Diagnostic]]:
    problems = keys_problems(
        document, at, {"page": True, "url": False, "operation": True, "copy": True}
    )
    if isinstance(item, dict) and "url" in item:
        problems += _url_problems(document, f"{at}/url", item["url"])
    if problems:
        return None, problems
    operation = _OPERATION.fullmatch(item["operation"])
    if operation is None:
        message = f"an operation is a method and a path, not {item['operation']!r}"
        where = document.where(f"{at}/operation")
        return None, [_error(message, where, "for example: PUT /v2/customers/{userId}")]
    if not (root / item["copy"]).is_file() and not (live and "url" in item):
        hint = "the page's local copy: a path relative to the folder that holds specs/"
        return None, [_error(f"no file {item['copy']!r}", document.where(f"{at}/copy"), hint)]
    method, route = operation.groups()
    url_at = document.where(f"{at}/url") if "url" in item else None
    return (
        Page(
            item["page"],
            method,
            route,
            root / item["copy"],
            item["copy"],
            document.where(f"{at}/operation"),
            document.where(f"{at}/copy"),
            item.get("url", ""),
            url_at,
        ),
        [],
    )


def _url_problems(document: Document, at: str, value: object) -> list[Diagnostic]:
    if not isinstance(value, str):
        return []  # _keys reports a value that is not text
    try:
        url = httpx.URL(value)
    except httpx.InvalidURL as exc:
        return [_error(f"not a URL: {value!r} ({exc})", document.where(at))]
    if url.scheme == "https" and url.host:
        return []
    if url.scheme == "http" and is_loopback(url.host):
        return []
    hint = "plain http is allowed only to this machine (127.0.0.1, localhost), for tests"
    return [_error(f"not an https URL: {value!r}", document.where(at), hint)]


def keys_problems(
    document: Document, at: str, allowed: dict[str, bool], *, text: bool = True, code: str = ""
) -> list[Diagnostic]:
    """Problems of the mapping at ``at``: not a mapping, a key missing or unknown (with did
    you mean), a value that is not text (with ``text``). ``allowed`` maps each key to
    whether it is needed."""
    node: Any = document.data
    for token in at.split("/")[1:]:
        node = node[int(token)] if isinstance(node, list) else node[token]

    def error(message: str, where: SourceRef, hint: str = "") -> Diagnostic:
        return _error(message, where, hint, code or "source-invalid")

    if not isinstance(node, dict):
        return [error(f"expected a mapping of {', '.join(allowed)}", document.where(at))]
    problems = []
    for key, value in node.items():
        where = document.where(f"{at}/{escape_pointer_token(key)}")
        if key not in allowed:
            close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else f"the keys: {', '.join(allowed)}"
            problems.append(error(f"unknown key {key!r}", where, hint))
        elif text and not isinstance(value, str):
            problems.append(error(f"{key} is text, not {type(value).__name__}", where))
    for key, needed in allowed.items():
        if needed and key not in node:
            problems.append(error(f"missing {key!r}", document.where(at)))
    return problems


def _error(
    message: str, where: SourceRef, hint: str = "", code: str = "source-invalid"
) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, where, hint)

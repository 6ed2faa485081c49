"""Reporters: ``render(report) -> str``; they only format, escaping for their target."""

from collections.abc import Callable

from .. import DiffReport
from . import github, json, markdown

REPORTERS: dict[str, Callable[[DiffReport], str]] = {
    "markdown": markdown.render,
    "json": json.render,
    "github": github.render,
}

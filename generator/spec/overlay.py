"""OpenAPI Overlay 1.0: apply an overlay's actions to a document, returning a new one."""

from __future__ import annotations

import copy
from typing import Any

import jsonpath

from ..core.errors import Diagnostic, Severity, SpecError
from .load import Document


def apply_overlay(document: Document, overlay: Document) -> Document:
    """Apply every action in order; an action whose target matches nothing is an error."""
    applied, _ = _apply(document, overlay, lenient=False)
    return applied


def apply_overlay_reporting(
    document: Document, overlay: Document
) -> tuple[Document, tuple[Diagnostic, ...]]:
    """For a spec the vendor has just changed: an action whose target matches nothing, or
    that changes nothing any more, is skipped with a warning naming it, for a person to
    update or drop; the rest apply."""
    return _apply(document, overlay, lenient=True)


def _apply(
    document: Document, overlay: Document, *, lenient: bool
) -> tuple[Document, tuple[Diagnostic, ...]]:
    actions = _read_actions(overlay)
    data = copy.deepcopy(document.data)
    problems: list[Diagnostic] = []
    stale: list[Diagnostic] = []
    for index, action in enumerate(actions):
        pointer = f"/actions/{index}"
        target = action["target"]
        try:
            matches = [tuple(m.parts) for m in jsonpath.finditer(target, data)]
        except jsonpath.JSONPathError as exc:
            first_line = str(exc).splitlines()[0]
            problems.append(
                _error(
                    "overlay-bad-target",
                    f"invalid JSONPath {target!r}: {first_line}",
                    overlay,
                    f"{pointer}/target",
                )
            )
            continue
        if not matches:
            unmatched = _error(
                "overlay-target-unmatched",
                f"target {target!r} matches nothing in {document.file}",
                overlay,
                f"{pointer}/target",
                hint="the spec may have changed; fix the target or drop the action",
            )
            if lenient:
                stale.append(_as_warning(unmatched))
            else:
                problems.append(unmatched)
            continue
        if action.get("remove") is True and () in matches:
            problems.append(
                _error(
                    "overlay-invalid",
                    "an action cannot remove the whole document",
                    overlay,
                    pointer,
                )
            )
        elif action.get("remove") is True:
            # Deepest and last first, so earlier removals do not shift later list indices.
            for parts in sorted(matches, key=lambda p: (len(p), p), reverse=True):
                _remove(data, parts)
        else:
            changed = False  # a removal always changes what it matched
            for parts in matches:
                current = _get(data, parts)
                merged = _merge(current, action["update"])
                changed = changed or merged != current
                if parts:
                    _get(data, parts[:-1])[parts[-1]] = merged
                else:
                    data = merged
            if lenient and not changed:
                stale.append(
                    Diagnostic(
                        "overlay-action-no-op",
                        Severity.WARNING,
                        f"the action on {target!r} changes nothing in {document.file} any more",
                        overlay.where(pointer),
                        "the vendor may have made the fix itself; drop the action if so",
                    )
                )
    if problems:
        raise SpecError(problems)
    return document.with_data(data), tuple(stale)


def _read_actions(overlay: Document) -> list[dict[str, Any]]:
    data = overlay.data
    problems: list[Diagnostic] = []
    if not isinstance(data, dict) or not str(data.get("overlay", "")).startswith("1."):
        raise SpecError(
            [
                _error(
                    "overlay-invalid",
                    "not an Overlay 1.x document (no `overlay: 1.0.0`)",
                    overlay,
                    "",
                )
            ]
        )
    actions = data.get("actions")
    if not isinstance(actions, list) or not actions:
        raise SpecError(
            [_error("overlay-invalid", "`actions` must be a non-empty list", overlay, "/actions")]
        )
    for index, action in enumerate(actions):
        pointer = f"/actions/{index}"
        if not isinstance(action, dict) or not isinstance(action.get("target"), str):
            problems.append(
                _error("overlay-invalid", "an action needs a string `target`", overlay, pointer)
            )
        elif action.get("remove") is not True and "update" not in action:
            problems.append(
                _error(
                    "overlay-invalid",
                    "an action needs `update` or `remove: true`",
                    overlay,
                    pointer,
                )
            )
        elif not isinstance(action.get("description"), str) or not action["description"].strip():
            problems.append(
                _error(
                    "overlay-undocumented",
                    "every action says why in `description`",
                    overlay,
                    pointer,
                    hint="a fix without its reason cannot be reviewed or dropped later",
                )
            )
    if problems:
        raise SpecError(problems)
    return actions


def _merge(target: Any, update: Any) -> Any:
    """Overlay 1.0 merge: objects merge recursively, arrays append, anything else replaces."""
    if isinstance(target, dict) and isinstance(update, dict):
        merged = dict(target)
        for key, value in update.items():
            merged[key] = _merge(merged[key], value) if key in merged else copy.deepcopy(value)
        return merged
    if isinstance(target, list):
        return [
            *target,
            *(copy.deepcopy(update) if isinstance(update, list) else [copy.deepcopy(update)]),
        ]
    return copy.deepcopy(update)


def _get(data: Any, parts: tuple[str | int, ...]) -> Any:
    for part in parts:
        data = data[part]
    return data


def _remove(data: Any, parts: tuple[str | int, ...]) -> None:
    parent = _get(data, parts[:-1])
    del parent[parts[-1]]


def _as_warning(error: Diagnostic) -> Diagnostic:
    return Diagnostic(error.code, Severity.WARNING, error.message, error.where, error.hint)


def _error(code: str, message: str, overlay: Document, pointer: str, hint: str = "") -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, overlay.where(pointer), hint)

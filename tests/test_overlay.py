from __future__ import annotations

import pytest

from generator.core.errors import SpecError
from generator.spec.load import parse_document
from generator.spec.overlay import apply_overlay

SPEC = parse_document(
    "paths:\n  /a:\n    put:\n      parameters:\n        - {name: x, in: query}\n"
    "        - {name: authorization, in: header}\n      tags: [t]\n",
    "spec.yaml",
)


def overlay(actions: str) -> str:
    return f"overlay: 1.0.0\ninfo: {{title: t, version: '1'}}\nactions:\n{actions}"


def test_remove_and_update_with_reasons() -> None:
    text = overlay(
        "  - target: $.paths['/a'].put.parameters[?@.name == 'authorization']\n"
        "    description: duplicate credential\n    remove: true\n"
        "  - target: $.paths['/a'].put\n    description: nicer name\n"
        "    update: {x-python-name: do_it, tags: [u]}\n"
    )
    result = apply_overlay(SPEC, parse_document(text, "overlay.yaml"))
    operation = result.data["paths"]["/a"]["put"]
    assert operation["parameters"] == [{"name": "x", "in": "query"}]
    assert operation["x-python-name"] == "do_it"
    assert operation["tags"] == ["t", "u"]  # Overlay 1.0: arrays are appended to
    assert SPEC.data["paths"]["/a"]["put"]["tags"] == ["t"]  # the input document is untouched


def test_update_replaces_an_object_with_a_string() -> None:
    spec = parse_document("m: {points: {$ref: '#/x'}}\n", "spec.yaml")
    text = overlay("  - target: $.m\n    description: fix\n    update: {points: '#/x'}\n")
    assert apply_overlay(spec, parse_document(text, "o.yaml")).data == {"m": {"points": "#/x"}}


def test_unmatched_target_is_an_error_with_location() -> None:
    text = overlay("  - target: $.paths['/gone']\n    description: stale\n    remove: true\n")
    with pytest.raises(SpecError) as caught:
        apply_overlay(SPEC, parse_document(text, "overlay.yaml"))
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "overlay-target-unmatched"
    assert str(diagnostic.where) == "overlay.yaml:4:13"


def test_every_action_needs_a_description() -> None:
    text = overlay("  - target: $.paths\n    remove: true\n")
    with pytest.raises(SpecError) as caught:
        apply_overlay(SPEC, parse_document(text, "overlay.yaml"))
    assert caught.value.diagnostics[0].code == "overlay-undocumented"


def test_bad_jsonpath_is_reported() -> None:
    text = overlay("  - target: $.paths[\n    description: x\n    remove: true\n")
    with pytest.raises(SpecError) as caught:
        apply_overlay(SPEC, parse_document(text, "overlay.yaml"))
    assert caught.value.diagnostics[0].code == "overlay-bad-target"

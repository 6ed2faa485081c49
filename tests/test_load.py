from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

from generator.core.errors import SpecError
from generator.spec.load import Positions, load_document, parse_document
from generator.spec.validate import validate_document


def _message(exc: pytest.ExceptionInfo[SpecError]) -> str:
    return "\n".join(d.format() for d in exc.value.diagnostics)


def test_positions_map_pointers_to_lines() -> None:
    document = parse_document("a:\n  b:\n    - x\n    - y: 1\n", "f.yaml")
    assert str(document.where("/a/b/1/y")) == "f.yaml:4:10"
    assert str(document.where("/a/b/1/missing")) == "f.yaml:4:7"


def test_a_pointer_added_again_takes_its_new_place_and_positions_are_not_pickled() -> None:
    positions = Positions()
    positions.add("/a", 1, 2)
    positions.add("/b", 3, 4)
    assert positions.get("/a") == (1, 2) and positions.get("/c") is None
    positions.add("/a", 5, 6)
    assert positions.get("/a") == (5, 6) and positions.get("/b") == (3, 4)
    assert len(positions) == 2
    with pytest.raises(TypeError, match="not picklable"):
        pickle.dumps(positions)


def test_a_renamed_path_keeps_the_place_of_everything_in_it() -> None:
    text = (
        "openapi: 3.0.3\n"
        "info: {title: t, version: '1'}\n"
        "paths:\n"
        "  /rides?page={page}:\n"
        "    get:\n"
        "      responses: {'200': {description: ok}}\n"
    )
    document, _ = validate_document(parse_document(text, "f.yaml"))
    assert "/rides" in document.data["paths"]
    assert str(document.where("/paths/~1rides")) == "f.yaml:5:5"
    assert str(document.where("/paths/~1rides/get/responses/200/description")) == "f.yaml:6:40"


def test_invalid_yaml_names_line_and_column() -> None:
    with pytest.raises(SpecError) as caught:
        parse_document("a: [1, 2\nb: 3\n", "bad.yaml")
    assert _message(caught).startswith("bad.yaml:2:2: error[invalid-yaml]")


def test_duplicate_keys_are_errors() -> None:
    with pytest.raises(SpecError) as caught:
        parse_document("a: 1\nb: 2\na: 3\n", "dup.yaml")
    assert _message(caught) == "dup.yaml:3:1: error[duplicate-key]: duplicate key 'a'\n  at: /a"


def test_dates_and_numeric_keys_stay_json() -> None:
    document = parse_document("example: 2025-02-13\nresponses:\n  200: {}\n", "f.yaml")
    assert document.data == {"example": "2025-02-13", "responses": {"200": {}}}


def test_recursive_alias_is_refused() -> None:
    with pytest.raises(SpecError) as caught:
        parse_document("a: &x\n  - *x\n", "loop.yaml")
    assert "recursive-yaml-alias" in _message(caught)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as caught:
        load_document(tmp_path / "nope.yaml", "specs/nope.yaml")
    assert _message(caught) == "specs/nope.yaml: error[file-not-found]: file not found"


_POSITIONED = {
    "a": [1, {}, [], {"b/c": 'x"y', "e~": [], "d\\": "\\"}],
    "f": {"g": None, "é": -1.5e3, "": [[{}], True]},
}


@pytest.mark.parametrize(
    "layout",
    [
        {"indent": 2},
        {"indent": None},  # on one line, keys and strings escaped
        {"indent": 1, "separators": (" , ", " : "), "ensure_ascii": False},
    ],
    ids=["indented", "one line", "spaced"],
)
def test_json_positions_match_the_yaml_parser(layout: dict[str, Any]) -> None:
    import json

    from generator.spec.load import _parse_yaml

    text = json.dumps(_POSITIONED, **layout)
    as_json, as_yaml = parse_document(text, "f.json"), _parse_yaml(text, "f.json")
    assert as_json.data == as_yaml.data == _POSITIONED
    assert as_json.positions == as_yaml.positions
    assert len(as_json.positions) == 16


def test_json_positions_name_line_and_column() -> None:
    import json

    text = json.dumps(_POSITIONED, indent=2)
    assert str(parse_document(text, "f.json").where("/a/3/b~1c")) == "f.json:7:14"


def test_json_duplicate_key_is_reported_with_its_line() -> None:
    with pytest.raises(SpecError) as caught:
        parse_document('{\n  "a": 1,\n  "a": 2\n}\n', "dup.json")
    assert _message(caught) == "dup.json:3:3: error[duplicate-key]: duplicate key 'a'\n  at: /a"


def test_json_surrogate_escapes_load() -> None:
    document = parse_document('{"emoji": "\\ud83d\\ude00"}', "e.json")
    assert document.data == {"emoji": "\U0001f600"}


def test_a_reference_is_a_uri_fragment() -> None:
    from generator.spec.load import ref_pointer

    # `{` in a path's name is percent-encoded in a reference to it (RFC 6901, section 6).
    assert ref_pointer("#/paths/~1a~1%7Bid%7D/get") == "/paths/~1a~1{id}/get"

"""Parameter styles on the wire (generator/runtime/parameters.py): each style, each kind of value."""

from __future__ import annotations

import datetime
import enum
from typing import Any
from urllib.parse import parse_qsl

import pydantic
import pytest

from generator.runtime import omit
from generator.runtime.parameters import Style, header_value, path_segment, query_pairs
from tests.runtime.test_client import Recorder, call, make_client


class Sort(enum.Enum):
    NAME = "name"
    NAME_DESC = "-name"


class Price(pydantic.BaseModel):
    gte: float | None = None
    lt: float | None = None


class Filter(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(populate_by_name=True)

    since: datetime.datetime | None = None
    archived: bool | None = None
    kinds: list[Sort] | None = None
    price: Price | None = None
    created_by: str | None = pydantic.Field(default=None, alias="createdBy")


WHEN = datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("x", [("q", "x")]),
        (True, [("q", "true")]),
        (False, [("q", "false")]),
        (0, [("q", "0")]),
        (1.5, [("q", "1.5")]),
        (Sort.NAME_DESC, [("q", "-name")]),
        (datetime.date(2020, 1, 2), [("q", "2020-01-02")]),
        (WHEN, [("q", "2020-01-02T03:04:05+00:00")]),
        (None, []),
        (omit, []),
        ([], []),
        ({}, []),
        (["a", True, Sort.NAME], [("q", "a"), ("q", "true"), ("q", "name")]),
        (("a", None, omit, "b"), [("q", "a"), ("q", "b")]),
        # An exploded object's properties are parameters of their own.
        ({"a": 1, "b": False, "c": None}, [("a", "1"), ("b", "false")]),
    ],
)
def test_form_exploded(value: object, expected: list[tuple[str, str]]) -> None:
    assert query_pairs("q", value) == expected


@pytest.mark.parametrize(
    ("style", "value", "expected"),
    [
        ("form", [1, 2, 3], "1,2,3"),
        ("form", {"a": 1, "b": 2}, "a,1,b,2"),
        ("form", [True, Sort.NAME], "true,name"),
        ("spaceDelimited", ["a", "b"], "a b"),
        ("spaceDelimited", {"a": 1, "b": 2}, "a 1 b 2"),
        ("pipeDelimited", ["a", "b"], "a|b"),
        ("pipeDelimited", {"a": 1}, "a|1"),
        ("form", "one", "one"),
    ],
)
def test_delimited_not_exploded(style: Style, value: object, expected: str) -> None:
    assert query_pairs("ids", value, style, False) == [("ids", expected)]


@pytest.mark.parametrize("style", ["spaceDelimited", "pipeDelimited"])
def test_delimited_exploded_repeats_the_name_as_form_does(style: Style) -> None:
    assert query_pairs("ids", ["a", "b"], style, True) == [("ids", "a"), ("ids", "b")]


def test_deep_object_from_a_mapping() -> None:
    pairs = query_pairs("filter", {"since": "2020", "n": 1, "gone": None}, "deepObject")
    assert pairs == [("filter[since]", "2020"), ("filter[n]", "1")]


def test_deep_object_from_a_model_sends_what_was_set_by_wire_name() -> None:
    value = Filter(
        since=WHEN,
        archived=False,
        kinds=[Sort.NAME, Sort.NAME_DESC],
        price=Price(gte=10),
        created_by="me",
    )
    assert query_pairs("filter", value, "deepObject", True) == [
        ("filter[since]", "2020-01-02T03:04:05Z"),
        ("filter[archived]", "false"),
        ("filter[kinds][]", "name"),
        ("filter[kinds][]", "-name"),
        ("filter[price][gte]", "10.0"),
        ("filter[createdBy]", "me"),
    ]


def test_deep_object_nesting_and_lists() -> None:
    value = {"a": {"b": {"c": 1}}, "tags": ["x", "y"], "items": [{"id": 1}, {"id": 2}]}
    assert query_pairs("f", value, "deepObject") == [
        ("f[a][b][c]", "1"),
        ("f[tags][]", "x"),
        ("f[tags][]", "y"),
        ("f[items][0][id]", "1"),
        ("f[items][1][id]", "2"),
    ]
    # Stripe's `expand`: a list in style deepObject.
    assert query_pairs("expand", ["a", "b"], "deepObject") == [("expand[]", "a"), ("expand[]", "b")]


@pytest.mark.parametrize(
    ("style", "explode", "value"),
    [
        ("form", False, [[1, 2]]),
        ("form", True, {"a": {"b": 1}}),
        ("form", True, [{"a": 1}]),
        ("pipeDelimited", False, {"a": [1]}),
    ],
)
def test_a_nested_value_a_style_cannot_express_is_refused(
    style: Style, explode: bool, value: Any
) -> None:
    with pytest.raises(ValueError, match=r"'q': style .* has no serialisation for a nested value"):
        query_pairs("q", value, style, explode)


def test_a_style_the_location_lacks_is_refused() -> None:
    with pytest.raises(ValueError, match="not one a query takes"):
        query_pairs("q", [1], "matrix", False)
    with pytest.raises(ValueError, match="not one a path takes"):
        path_segment("id", [1], "deepObject", True)


@pytest.mark.parametrize(
    ("value", "explode", "expected"),
    [
        ("x", False, "x"),
        (True, False, "true"),
        ([1, 2, 3], False, "1,2,3"),
        ([1, 2, 3], True, "1,2,3"),
        ({"a": 1, "b": 2}, False, "a,1,b,2"),
        ({"a": 1, "b": 2}, True, "a=1,b=2"),
        (Sort.NAME, False, "name"),
        (None, False, None),
        (omit, False, None),
        ([], False, None),
    ],
)
def test_header_simple(value: object, explode: bool, expected: str | None) -> None:
    assert header_value("X-Ids", value, "simple", explode) == expected


@pytest.mark.parametrize(
    ("style", "explode", "value", "expected"),
    [
        ("simple", False, "a/b", "a%2Fb"),
        ("simple", False, "..", "%2E%2E"),
        ("simple", False, [1, 2, 3], "1,2,3"),
        ("simple", True, [1, 2, 3], "1,2,3"),
        # A comma inside an item is encoded; the separators are not.
        ("simple", False, ["a,b", "c"], "a%2Cb,c"),
        ("simple", False, {"a": 1, "b": 2}, "a,1,b,2"),
        ("simple", True, {"a": 1, "b": "x/y"}, "a=1,b=x%2Fy"),
        ("simple", False, False, "false"),
        ("simple", False, datetime.date(2020, 1, 2), "2020-01-02"),
        ("label", False, "x", ".x"),
        ("label", False, [1, 2], ".1,2"),
        ("label", True, [1, 2], ".1.2"),
        ("label", False, {"a": 1, "b": 2}, ".a,1,b,2"),
        ("label", True, {"a": 1, "b": 2}, ".a=1.b=2"),
        ("matrix", False, "x y", ";id=x%20y"),
        ("matrix", False, [1, 2], ";id=1,2"),
        ("matrix", True, [1, 2], ";id=1;id=2"),
        ("matrix", False, {"a": 1, "b": 2}, ";id=a,1,b,2"),
        ("matrix", True, {"a": 1, "b": 2}, ";a=1;b=2"),
    ],
)
def test_path_styles(style: Style, explode: bool, value: object, expected: str) -> None:
    assert path_segment("id", value, style, explode) == expected


@pytest.mark.parametrize("value", ["", None, [], {}])
def test_an_empty_path_value_is_refused(value: object) -> None:
    with pytest.raises(ValueError, match="must not be empty"):
        path_segment("id", value)


def test_a_parameter_given_by_json_content_is_one_json_text() -> None:
    value = Filter(since=WHEN, kinds=[Sort.NAME])
    text = '{"since":"2020-01-02T03:04:05Z","kinds":["name"]}'
    assert query_pairs("q", value, "json", False) == [("q", text)]
    assert query_pairs("q", {"ü": True}, "json", False) == [("q", '{"ü":true}')]
    assert query_pairs("q", None, "json", False) == []
    assert query_pairs("q", omit, "json", False) == []
    assert header_value("X-Q", [1, 2], "json") == "[1,2]"
    assert header_value("X-Q", None, "json") is None
    assert path_segment("id", {"a": "b/c"}, "json") == "%7B%22a%22%3A%22b%2Fc%22%7D"


def test_the_client_sends_each_parameter_in_the_style_it_is_given() -> None:
    recorder = Recorder()
    call(
        make_client(recorder),
        path_params={"id": ["a", "b"]},
        query={
            "filter": Filter(since=WHEN, price=Price(lt=5)),
            "ids": [1, 2, 3],
            "tags": ["x", "y"],
            "cursor": None,
        },
        headers={"X-Ids": [1, 2], "X-Unset": omit, "X-Null": None},
        styles={("query", "filter"): ("deepObject", True), ("query", "ids"): ("form", False)},
    )
    request = recorder.last
    assert request.url.raw_path.decode().split("?")[0] == "/base/things/a,b"
    assert parse_qsl(request.url.query.decode()) == [
        ("filter[since]", "2020-01-02T03:04:05Z"),
        ("filter[price][lt]", "5.0"),
        ("ids", "1,2,3"),
        ("tags", "x"),
        ("tags", "y"),
    ]
    assert request.headers["X-Ids"] == "1,2"
    assert "x-unset" not in request.headers and "x-null" not in request.headers

"""Naming and escaping rules, with hostile input."""

from __future__ import annotations

import ast

import black
import pytest

from generator.core.names import (
    LINE_LENGTH,
    comment,
    dedupe,
    docstring,
    docstring_end,
    export_order,
    md_prose,
    operation_name,
    pascal_case,
    py_str,
    snake_case,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("updateCustomer", "update_customer"),
        ("customers.updateCustomer", "customers_update_customer"),
        ("HTTPValidationError", "http_validation_error"),
        ("merchant_id", "merchant_id"),
        ("X-CAP-API-OAUTH-TOKEN", "x_cap_api_oauth_token"),
        ("class", "class_"),
        ("type", "type_"),
        ("self", "self_"),
        ("body", "body_"),
        ("timeout", "timeout_"),
        ("close", "close_"),
        ("request", "request_"),
        ("2fa", "n2fa"),
        ("Ünïcödé name", "unicode_name"),
        ("\n import os", "import_os"),
        ("!!!", "value"),
    ],
)
def test_snake_case(text: str, expected: str) -> None:
    assert snake_case(text) == expected
    assert snake_case(text).isidentifier()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("update_customer", "UpdateCustomer"),
        ("loyaltydog", "Loyaltydog"),
        ("HTTPValidationError", "HTTPValidationError"),
        ("9lives", "N9lives"),
        ("None", "None_"),
        ("", "Model"),
    ],
)
def test_pascal_case(text: str, expected: str) -> None:
    assert pascal_case(text) == expected


def test_names_differing_only_in_case_are_deduplicated_deterministically() -> None:
    names = [snake_case("userId"), snake_case("UserId"), snake_case("user_id")]
    assert dedupe(names) == ["user_id", "user_id_2", "user_id_3"]


@pytest.mark.parametrize(
    "text",
    ['"""', "trailing \\", "\\N{x}", "{{ x }} {% if %}", "a\rb\x00c", "ünï 💥", '"', "x" * 10_000],
)
def test_py_str_round_trips(text: str) -> None:
    assert ast.literal_eval(py_str(text)) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("plain", '"plain"'), ("it's", '"it\'s"'), ('say "hi"', "'say \"hi\"'"), ("a\nb", '"a\\nb"')],
)
def test_py_str_quotes_as_black_does(text: str, expected: str) -> None:
    assert py_str(text) == expected
    assert black.format_str(f"x = {expected}\n", mode=black.Mode()) == f"x = {expected}\n"


@pytest.mark.parametrize(
    "text",
    [
        'ends with a quote"',
        '"starts with a quote',
        'has """ inside',
        "trailing backslash \\",
        "\\u0041 escape",
        "a\x00b\x1bc",
        "  padded  ",
    ],
)
def test_docstring_round_trips_and_cannot_close_early(text: str) -> None:
    source = f'def f():\n    """{docstring(text)}"""\n'
    tree = ast.parse(source)
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    value = ast.get_docstring(function, clean=False)
    assert value is not None
    assert value == text.strip()  # every character kept, control characters included
    formatted = ast.parse(black.format_str(source, mode=black.Mode())).body[0]
    assert isinstance(formatted, ast.FunctionDef)
    assert ast.get_docstring(formatted, clean=False) == value  # black changes none of them


def test_docstring_indents_continuation_lines() -> None:
    assert docstring("one\ntwo\n\nthree", 4) == "one\n    two\n\n    three"


@pytest.mark.parametrize(
    "text",
    [
        "A summary.\n\n" + "A last line that leaves no room for the closing quotes. " * 2,
        "A summary.\n\nA last line with room for them.",
        "One line, too long for the closing quotes to fit after it and still stay on it. " * 2,
    ],
    ids=["no-room", "room", "one-line"],
)
def test_docstring_end_closes_the_docstring_where_black_does(text: str) -> None:
    """black moves the closing quotes to a line of their own when the last of several lines
    has no room for them: laid out otherwise, it formats the whole file twice (issue 17)."""
    source = f'class C:\n    def f(self) -> None:\n        """{docstring_end(text, 8)}"""\n'
    mode = black.Mode(line_length=LINE_LENGTH)
    assert black.format_str(source, mode=mode) == source


def test_comment_is_one_line() -> None:
    assert comment("a\nimport os\r\x00b") == "a import os b"


@pytest.mark.parametrize(
    ("operation", "method", "path", "expected"),
    [
        (
            {"x-python-name": "update_customer", "operationId": "long_put"},
            "put",
            "/x",
            "update_customer",
        ),
        ({"operationId": "customers.updateCustomer"}, "patch", "/x", "customers_update_customer"),
        ({}, "put", "/v2/customers/{userId}", "put_v2_customers_by_user_id"),
    ],
)
def test_operation_name(
    operation: dict[str, object], method: str, path: str, expected: str
) -> None:
    assert operation_name(operation, method, path) == expected


def test_export_order_is_the_order_ruff_wants() -> None:
    """RUF022: CONSTANTS, then Classes, then the rest; numbers in natural order."""
    names = ["W2Box12", "models", "Foo_a", "W2", "FooBar", "W2Box2", "APR", "APRType", "Foo"]
    assert export_order(names) == [
        "APR",
        "W2",
        "APRType",
        "Foo",
        "FooBar",
        "Foo_a",
        "W2Box2",
        "W2Box12",
        "models",
    ]


def test_client_class_is_named_as_the_spec_title_writes_the_vendor() -> None:
    from generator.core.names import client_name

    assert client_name("smileio", "Smile.io") == "SmileIo"
    assert client_name("smile_io", "Smile.io API") == "SmileIo"
    assert client_name("imprint", "Public Imprint API") == "Imprint"
    assert client_name("acme", "Loyalty platform") == "Acme"  # the title does not name it


def test_spec_text_cannot_open_markup_in_a_reference() -> None:
    from markdown_it import MarkdownIt

    from generator.core.names import md_block, md_code, md_text

    hostile = "# Title\n<script>alert(1)</script> [link](http://x) `code` | cell *em* 1. item"
    html = MarkdownIt().render(md_text(hostile))
    assert html.startswith("<p>") and "<script>" not in html and "<a " not in html
    assert "<em>" not in html and "<code>" not in html and "<h1>" not in html
    assert MarkdownIt().render(md_code("a`b``c")) == "<p><code>a`b``c</code></p>\n"
    block = md_block('x = "```"\n')
    tokens = MarkdownIt().parse(block)
    assert [t.type for t in tokens] == ["fence"] and tokens[0].content == 'x = "```"\n'


def test_a_description_in_a_readme_is_its_first_paragraph_and_html_is_read_for_its_text() -> None:
    # setlist.fm's description is HTML; LoyaltyDog's is two Markdown paragraphs.
    assert (
        md_prose(
            "<p>\n The <b>setlist.fm</b> API &amp; its &quot;data&quot; <a href='/faq'>FAQ</a>\n</p>"
            "<p>Second.</p>"
        )
        == 'The setlist.fm API \\& its "data" FAQ'
    )
    assert md_prose("Welcome to the API!\n\nSee the [guide](https://x.test).") == (
        "Welcome to the API\\!"
    )
    assert md_prose("") == ""

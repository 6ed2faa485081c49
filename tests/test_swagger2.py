"""Swagger 2.0 read as OpenAPI 3.0 (generator/spec/swagger2/): each construct's conversion, and
every converted node traced to its line in the 2.0 file."""

from __future__ import annotations

import copy
import functools
import operator
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.core.errors import SpecError
from generator.spec.load import Document, escape_pointer_token, parse_document
from generator.spec.swagger2 import read_as_openapi3
from generator.spec.validate import validate_document


def _convert(text: str) -> Document:
    return read_as_openapi3(parse_document(text, "s.yaml"))


HEAD = "swagger: '2.0'\ninfo: {title: t, version: '1'}\n"


def test_host_base_path_and_schemes_become_servers_https_first() -> None:
    converted = _convert(
        HEAD + "host: api.test\nbasePath: /v2/\nschemes: [http, https]\npaths: {}\n"
    )
    assert converted.data["openapi"] == "3.0.3"
    assert converted.data["servers"] == [
        {"url": "https://api.test/v2"},
        {"url": "http://api.test/v2"},
    ]
    assert str(converted.where("/servers/0/url")) == "s.yaml:3:7"


def test_without_schemes_https_and_without_host_a_relative_server() -> None:
    assert _convert(HEAD + "host: api.test\npaths: {}\n").data["servers"] == [
        {"url": "https://api.test"}
    ]
    assert _convert(HEAD + "basePath: /api\npaths: {}\n").data["servers"] == [{"url": "/api"}]
    assert "servers" not in _convert(HEAD + "paths: {}\n").data
    assert _convert(HEAD + "host: api.test/\nbasePath: v1\npaths: {}\n").data["servers"] == [
        {"url": "https://api.test/v1"}
    ]


def test_an_unquoted_version_is_2_0_and_other_documents_pass_as_they_are() -> None:
    assert (
        _convert("swagger: 2.0\ninfo: {title: t, version: '1'}\npaths: {}\n").data["openapi"]
        == "3.0.3"
    )
    document = parse_document("openapi: 3.0.3\npaths: {}\n", "o.yaml")
    assert read_as_openapi3(document) is document


SPEC = HEAD + """\
consumes: [application/json]
produces: [application/json]
paths:
  /pets/{id}:
    parameters:
      - {name: id, in: path, required: true, type: string}
    put:
      parameters:
        - {name: tags, in: query, type: array, items: {type: string}}
        - {name: ids, in: query, type: array, collectionFormat: multi, items: {type: integer}}
        - {name: words, in: query, type: array, collectionFormat: ssv, items: {type: string}}
        - {name: bars, in: query, type: array, collectionFormat: pipes, items: {type: string}}
        - {name: tabs, in: query, type: array, collectionFormat: tsv, items: {type: string}}
        - {name: X-Trace, in: header, type: array, items: {type: string}}
        - name: pet
          in: body
          required: true
          schema: {$ref: '#/definitions/Pet'}
        - $ref: '#/parameters/limit'
      responses:
        200:
          description: the pet
          schema: {$ref: '#/definitions/Pet'}
          headers:
            X-Rate-Limit: {type: integer, description: calls left}
          examples:
            application/json: {name: Rex}
            application/xml: <pet/>
        404: {$ref: '#/responses/NotFound'}
  /pets/{id}/photo:
    post:
      consumes: [multipart/form-data]
      parameters:
        - {name: id, in: path, required: true, type: string}
        - {name: file, in: formData, type: file, required: true}
        - $ref: '#/parameters/note'
      responses:
        200: {description: ok}
    get:
      produces: [image/png, application/json]
      parameters:
        - {name: id, in: path, required: true, type: string}
      responses:
        200: {description: the photo, schema: {type: file}}
        404: {$ref: '#/responses/NotFound'}
  /login:
    post:
      parameters:
        - {name: user, in: formData, type: string, required: true}
        - {name: roles, in: formData, type: array, items: {type: string}}
      responses:
        204: {description: in}
  /pets:
    post:
      parameters:
        - $ref: '#/parameters/PetBody'
      responses:
        201: {description: made}
    patch:
      consumes: [application/merge-patch+json]
      parameters:
        - $ref: '#/parameters/PetBody'
      responses:
        204: {description: changed}
parameters:
  limit: {name: limit, in: query, type: integer, x-nullable: true, minimum: 1}
  PetBody: {name: pet, in: body, schema: {$ref: '#/definitions/Pet'}}
  note: {name: note, in: formData, type: string}
responses:
  NotFound:
    description: none
    schema: {$ref: '#/definitions/Error'}
definitions:
  Pet:
    type: object
    discriminator: kind
    properties:
      kind: {type: string}
      name: {type: string, x-nullable: true}
      photo: {type: file}
      friends: {type: array, items: {$ref: '#/definitions/Pet'}}
  Error:
    type: object
    properties: {message: {type: string}}
securityDefinitions:
  basic: {type: basic, description: users}
  key: {type: apiKey, name: X-Key, in: header}
  implicit: {type: oauth2, flow: implicit, authorizationUrl: 'https://a.test/auth', scopes: {read: r}}
  password: {type: oauth2, flow: password, tokenUrl: 'https://a.test/token', scopes: {}}
  application: {type: oauth2, flow: application, tokenUrl: 'https://a.test/token', scopes: {}}
  accessCode:
    type: oauth2
    flow: accessCode
    authorizationUrl: 'https://a.test/auth'
    tokenUrl: 'https://a.test/token'
    scopes: {write: w}
security:
  - key: []
"""


@pytest.fixture(scope="module")
def converted() -> Document:
    return _convert(SPEC)


def _operation(document: Document, path: str, method: str) -> Any:
    return document.data["paths"][path][method]


def test_non_body_parameters_carry_their_schema_and_collection_format(
    converted: Document,
) -> None:
    put = _operation(converted, "/pets/{id}", "put")
    by_name = {p.get("name"): p for p in put["parameters"]}
    assert by_name["tags"] == {
        "name": "tags",
        "in": "query",
        "schema": {"type": "array", "items": {"type": "string"}},
        "style": "form",
        "explode": False,
    }
    styles = {n: (p.get("style"), p.get("explode")) for n, p in by_name.items()}
    assert styles["ids"] == ("form", True)
    assert styles["words"] == ("spaceDelimited", False)
    assert styles["bars"] == ("pipeDelimited", False)
    assert styles["X-Trace"] == ("simple", False)
    # A shared parameter stays shared; the body left the list.
    assert put["parameters"][-1] == {"$ref": "#/components/parameters/limit"}
    assert converted.data["components"]["parameters"]["limit"]["schema"] == {
        "type": "integer",
        "minimum": 1,
        "nullable": True,
    }
    assert converted.data["paths"]["/pets/{id}"]["parameters"][0]["schema"] == {"type": "string"}


def test_tsv_has_no_3_0_style_a_located_warning(converted: Document) -> None:
    (warning,) = [w for w in converted.warnings if w.code == "swagger2-collection-format"]
    assert str(warning.where) == "s.yaml:15:66"
    assert warning.where.pointer == "/paths/~1pets~1{id}/put/parameters/4/collectionFormat"


def test_a_body_parameter_becomes_the_request_body_in_each_consumed_type(
    converted: Document,
) -> None:
    assert _operation(converted, "/pets/{id}", "put")["requestBody"] == {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}},
    }


def test_a_shared_body_becomes_a_request_body_component_unless_consumes_differ(
    converted: Document,
) -> None:
    assert _operation(converted, "/pets", "post")["requestBody"] == {
        "$ref": "#/components/requestBodies/PetBody"
    }
    assert converted.data["components"]["requestBodies"]["PetBody"] == {
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}
    }
    # Another media type than the document's: a copy with its own.
    assert _operation(converted, "/pets", "patch")["requestBody"] == {
        "content": {
            "application/merge-patch+json": {"schema": {"$ref": "#/components/schemas/Pet"}}
        }
    }
    assert "PetBody" not in converted.data["components"]["parameters"]


def test_form_fields_with_a_file_are_multipart_with_a_binary_string(
    converted: Document,
) -> None:
    post = _operation(converted, "/pets/{id}/photo", "post")
    assert [p["name"] for p in post["parameters"]] == ["id"]
    assert post["requestBody"] == {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "note": {"type": "string"},
                    },
                    "required": ["file"],
                }
            }
        },
    }


def test_form_fields_without_a_file_are_url_encoded(converted: Document) -> None:
    body = _operation(converted, "/login", "post")["requestBody"]
    assert body == {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "user": {"type": "string"},
                        "roles": {"type": "array", "items": {"type": "string"}},
                    },
                    "required": ["user"],
                },
                "encoding": {"roles": {"style": "form", "explode": False}},
            }
        },
    }


def test_responses_take_the_media_types_headers_and_examples(converted: Document) -> None:
    response = _operation(converted, "/pets/{id}", "put")["responses"]["200"]
    assert response == {
        "description": "the pet",
        "content": {
            "application/json": {
                "schema": {"$ref": "#/components/schemas/Pet"},
                "example": {"name": "Rex"},
            }
        },
        "headers": {"X-Rate-Limit": {"schema": {"type": "integer"}, "description": "calls left"}},
    }
    (ignored,) = [w for w in converted.warnings if w.code == "swagger2-example-media-type"]
    assert (
        ignored.where.pointer == "/paths/~1pets~1{id}/put/responses/200/examples/application~1xml"
    )
    assert ignored.message.startswith("an example for 'application/xml', which the response")


def test_a_file_response_is_binary_in_the_types_that_can_carry_it(converted: Document) -> None:
    get = _operation(converted, "/pets/{id}/photo", "get")
    assert get["responses"]["200"]["content"] == {
        "image/png": {"schema": {"type": "string", "format": "binary"}}
    }
    # A shared response read with other media types than the document's is copied.
    assert get["responses"]["404"]["content"] == {
        "image/png": {"schema": {"$ref": "#/components/schemas/Error"}},
        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}},
    }
    put = _operation(converted, "/pets/{id}", "put")
    assert put["responses"]["404"] == {"$ref": "#/components/responses/NotFound"}


def test_definitions_become_schemas_with_3_0_keywords(converted: Document) -> None:
    pet = converted.data["components"]["schemas"]["Pet"]
    assert pet["discriminator"] == {"propertyName": "kind"}
    assert pet["properties"]["name"] == {"type": "string", "nullable": True}
    assert pet["properties"]["photo"] == {"type": "string", "format": "binary"}
    assert pet["properties"]["friends"]["items"] == {"$ref": "#/components/schemas/Pet"}
    assert converted.data["components"]["responses"]["NotFound"]["content"] == {
        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
    }


def test_security_definitions_become_schemes_and_flows(converted: Document) -> None:
    schemes = converted.data["components"]["securitySchemes"]
    assert schemes["basic"] == {"description": "users", "type": "http", "scheme": "basic"}
    assert schemes["key"] == {"type": "apiKey", "name": "X-Key", "in": "header"}
    assert schemes["implicit"]["flows"] == {
        "implicit": {"authorizationUrl": "https://a.test/auth", "scopes": {"read": "r"}}
    }
    assert schemes["password"]["flows"] == {
        "password": {"tokenUrl": "https://a.test/token", "scopes": {}}
    }
    assert schemes["application"]["flows"] == {
        "clientCredentials": {"tokenUrl": "https://a.test/token", "scopes": {}}
    }
    assert schemes["accessCode"]["flows"] == {
        "authorizationCode": {
            "authorizationUrl": "https://a.test/auth",
            "tokenUrl": "https://a.test/token",
            "scopes": {"write": "w"},
        }
    }
    assert converted.data["security"] == [{"key": []}]


@pytest.mark.parametrize(
    ("converted_pointer", "source_pointer", "place"),
    [
        ("/components/schemas/Pet/properties/name", "/definitions/Pet/properties/name", "81:13"),
        (
            "/paths/~1pets~1{id}/put/requestBody/content/application~1json/schema",
            "/paths/~1pets~1{id}/put/parameters/6/schema",
            "20:19",
        ),
        (
            "/paths/~1pets~1{id}~1photo/post/requestBody/content/multipart~1form-data/schema/properties/file",
            "/paths/~1pets~1{id}~1photo/post/parameters/1",
            "37:11",
        ),
        (
            "/paths/~1pets~1{id}/put/responses/200/content/application~1json/schema",
            "/paths/~1pets~1{id}/put/responses/200/schema",
            "25:19",
        ),
        (
            "/paths/~1pets~1{id}/put/responses/200/headers/X-Rate-Limit/schema",
            "/paths/~1pets~1{id}/put/responses/200/headers/X-Rate-Limit",
            "27:27",
        ),
        ("/components/parameters/limit/schema/minimum", "/parameters/limit/minimum", "68:77"),
        (
            "/components/securitySchemes/accessCode/flows/authorizationCode/tokenUrl",
            "/securityDefinitions/accessCode/tokenUrl",
            "97:15",
        ),
        ("/paths/~1pets~1{id}/put/parameters/6", "/paths/~1pets~1{id}/put/parameters/7", "21:11"),
    ],
)
def test_every_converted_node_is_traced_to_the_2_0_file(
    converted: Document, converted_pointer: str, source_pointer: str, place: str
) -> None:
    where = converted.where(converted_pointer)
    assert (where.pointer, f"{where.line}:{where.column}") == (source_pointer, place)


def test_a_reference_into_a_moved_node_follows_it() -> None:
    converted = _convert(HEAD + """\
paths:
  /a:
    post:
      parameters:
        - {name: b, in: body, schema: {type: object, properties: {c: {type: string}}}}
      responses:
        200:
          description: ok
          schema: {$ref: '#/paths/~1a/post/parameters/0/schema/properties/c'}
""")
    response = converted.data["paths"]["/a"]["post"]["responses"]["200"]
    assert response["content"]["application/json"]["schema"] == {
        "$ref": "#/paths/~1a/post/requestBody/content/application~1json/schema/properties/c"
    }
    validate_document(converted)


def _diagnostics(text: str) -> list[str]:
    with pytest.raises(SpecError) as caught:
        validate_document(parse_document(HEAD + text, "s.yaml"))
    return [d.format() for d in caught.value.diagnostics]


def test_the_readings_and_validators_findings_are_located_in_the_2_0_file() -> None:
    assert (
        _diagnostics("""\
paths:
  /a:
    get:
      parameters:
        - {name: q, in: query, type: string, maxLength: many}
      responses:
        200: {description: ok, schema: {properties: {n: {type: integer, uniqueItems: often}}}}
""")
        == [
            # Our reading of a limit that is not a number (readings.py).
            "s.yaml:7:57: error[invalid-openapi]: `maxLength` is 'many', not a number\n"
            "  at: /paths/~1a/get/parameters/0/maxLength\n"
            "  hint: write the number in an overlay beside the spec",
            # openapi-spec-validator's.
            "s.yaml:9:86: error[invalid-openapi]: 'often' is not of type 'boolean'\n"
            "  at: /paths/~1a/get/responses/200/schema/properties/n/uniqueItems",
        ]
    )


def test_our_own_findings_are_located_in_the_2_0_file() -> None:
    assert _diagnostics(
        "paths:\n  /a:\n    get:\n      responses:\n"
        "        200: {description: ok, schema: {$ref: '#/definitions/Missing'}}\n"
    ) == [
        "s.yaml:7:47: error[dangling-ref]: $ref '#/components/schemas/Missing' points to "
        "nothing\n"
        "  at: /paths/~1a/get/responses/200/schema/$ref\n"
        "  hint: define the target or fix the reference",
    ]


def test_an_overlay_targets_the_2_0_document(tmp_path: Path) -> None:
    vendor = tmp_path / "specs" / "pets"
    vendor.mkdir(parents=True)
    (vendor / "openapi.yaml").write_text(
        HEAD + "host: api.test\npaths:\n  /pets:\n    get:\n      operationId: listPets\n"
        "      responses:\n        200: {description: ok, schema: {type: string}}\n",
        encoding="utf-8",
    )
    (vendor / "overlay.yaml").write_text(
        "overlay: 1.0.0\ninfo: {title: fix, version: '1'}\nactions:\n"
        "  - target: $.host\n    description: the API moved\n    remove: true\n"
        "  - target: $\n    description: the API moved\n    update: {host: new.test, basePath: /v3}\n",
        encoding="utf-8",
    )
    from generator.pipeline import discover_vendors, effective_document

    document, _ = effective_document(discover_vendors(tmp_path / "specs")[0])
    assert document.data["servers"] == [{"url": "https://new.test/v3"}]


def test_the_spec_diff_reads_2_0_as_3_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base, revision = tmp_path / "base.yaml", tmp_path / "revision.yaml"
    base.write_text(
        HEAD + "paths:\n  /a:\n    get:\n      parameters:\n"
        "        - {name: q, in: query, type: string}\n"
        "      responses:\n        200: {description: ok}\n",
        encoding="utf-8",
    )
    revision.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
        "      parameters:\n        - {name: q, in: query, required: true, schema: {type: string}}\n"
        "      responses:\n        '200': {description: ok}\n",
        encoding="utf-8",
    )
    from generator.diff import diff_files

    report = diff_files(base, revision)
    assert [f.rule_id for f in report.findings] == ["request-parameter-became-required"]
    unchanged = diff_files(base, base)
    assert unchanged.findings == ()


def test_a_spec_that_is_not_2_0_nor_3_is_refused(tmp_path: Path) -> None:
    vendor = tmp_path / "specs" / "old"
    vendor.mkdir(parents=True)
    (vendor / "openapi.yaml").write_text("swagger: '1.2'\npaths: {}\n", encoding="utf-8")
    assert main(["validate", "--specs", str(tmp_path / "specs")]) == 1


def test_type_null_is_read_as_nullable_with_a_warning() -> None:
    converted = _convert(
        HEAD + "paths: {}\ndefinitions:\n  Export:\n    properties:\n      done: {type: 'null'}\n"
    )
    assert converted.data["components"]["schemas"]["Export"]["properties"]["done"] == {
        "nullable": True
    }
    (warning,) = converted.warnings
    assert (warning.code, str(warning.where)) == ("swagger2-null-type", "s.yaml:7:20")
    validate_document(converted)


def test_the_2_0_corpus_is_reported_beside_the_3_x_one() -> None:
    """benchmarks/corpus_run.py writes its run into the report's section for its corpus."""
    import importlib.util

    from tests.conftest import ROOT

    found = importlib.util.spec_from_file_location(
        "corpus_run", ROOT / "benchmarks" / "corpus_run.py"
    )
    assert found is not None and found.loader is not None
    corpus_run = importlib.util.module_from_spec(found)
    found.loader.exec_module(corpus_run)
    before = corpus_run.TITLE + "\n\n## directory\n\n> a note\n\n| x.yaml | pass |\n"
    ran = corpus_run.report([{"spec": "a.yaml", "call": "GET /a"}], Path("c/swagger2"), True)
    once = corpus_run.with_section(before, ran)
    assert once == before + "\n" + ran
    again = corpus_run.with_section(once, ran.replace("GET /a", "GET /b"))
    assert again == before + "\n" + ran.replace("GET /a", "GET /b")


def test_a_query_parameter_with_a_3_0_schema_keeps_it() -> None:
    converted = _convert(
        HEAD + "paths:\n  /a:\n    get:\n      parameters:\n"
        "        - {name: q, in: query, schema: {type: integer}}\n"
        "      responses: {200: {description: ok}}\n"
    )
    (parameter,) = converted.data["paths"]["/a"]["get"]["parameters"]
    assert parameter == {"name": "q", "in": "query", "schema": {"type": "integer"}}
    assert converted.where("/paths/~1a/get/parameters/0/schema/type").line == 7


def test_the_spec_diff_compares_two_2_0_revisions_located_in_their_files(tmp_path: Path) -> None:
    from generator.diff import diff_specs

    for revision, required in (("base", "false"), ("revision", "true")):
        vendor = tmp_path / revision / "specs" / "pets"
        vendor.mkdir(parents=True)
        (vendor / "openapi.yaml").write_text(
            HEAD + "paths:\n  /pets:\n    get:\n      operationId: listPets\n"
            "      parameters:\n"
            f"        - {{name: limit, in: query, type: integer, required: {required}}}\n"
            "      responses:\n        200: {description: ok}\n",
            encoding="utf-8",
        )
    report = diff_specs(
        tmp_path / "base" / "specs",
        tmp_path / "revision" / "specs",
        base_label="base",
        revision_label="revision",
        impact=False,
    )
    (finding,) = report.findings
    assert finding.rule_id == "request-parameter-became-required"
    (place,) = finding.places
    assert place.revision is not None
    assert (place.revision.file, place.revision.line) == ("specs/pets/openapi.yaml", 8)
    assert place.revision.pointer.startswith("/paths/~1pets/get/parameters/0")


def test_an_operations_own_schemes_and_an_odd_collection_format_convert() -> None:
    converted = _convert(
        HEAD + "host: api.test\npaths:\n  /a:\n    get:\n      schemes: [ws, http]\n"
        "      parameters:\n"
        "        - {name: q, in: query, type: array, items: {type: string}, collectionFormat: [x]}\n"
        "      responses: {200: {description: ok}}\n"
    )
    get = converted.data["paths"]["/a"]["get"]
    assert get["servers"] == [{"url": "http://api.test"}]
    assert converted.where("/paths/~1a/get/servers/0").pointer == "/paths/~1a/get/schemes/1"
    assert (get["parameters"][0]["style"], get["parameters"][0]["explode"]) == ("form", False)
    assert [w.code for w in converted.warnings] == ["swagger2-collection-format"]
    relative = _convert(
        HEAD + "basePath: /v1\npaths:\n  /a:\n    get:\n      schemes: [https]\n"
        "      responses: {200: {description: ok}}\n"
    )
    assert relative.data["paths"]["/a"]["get"]["servers"] == [{"url": "/v1"}]


_FIXTURE = Path(__file__).parent / "fixtures" / "swagger2" / "openapi.yaml"
_ODD = st.sampled_from(
    [
        None,
        1,
        "x",
        "file",
        True,
        [],
        {},
        [1],
        {"$ref": "#/nope"},
        {"$ref": 3},
        {"type": "file"},
        {"in": "body"},
        {"in": "formData", "type": "file"},
        {"type": "array"},
    ]
)


def _nodes(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node) if isinstance(node, list) else ()
    )
    for key, value in items:
        yield from _nodes(value, (*path, key))


@functools.cache
def _bases() -> tuple[Document, ...]:
    """The Petshop fixture and this module's spec, as parsed: the documents mutated."""
    return (
        parse_document(_FIXTURE.read_text(encoding="utf-8"), "p.yaml"),
        parse_document(SPEC, "s.yaml"),
    )


@settings(max_examples=400, deadline=None, derandomize=True)
@given(
    st.sampled_from([0, 1]),
    st.lists(st.tuples(st.integers(min_value=1), _ODD), min_size=1, max_size=4),
)
def test_any_mutation_of_a_2_0_document_converts_and_every_node_is_located(
    base: int, edits: list[tuple[int, Any]]
) -> None:
    """Whatever a 2.0 document holds where, the conversion returns a document (the 3.0
    validation says what is wrong with it) whose every node has a place in the file."""
    original = _bases()[base]
    data = copy.deepcopy(original.data)
    for index, value in edits:
        paths = list(_nodes(data))[1:]
        path = paths[index % len(paths)]
        parent = functools.reduce(operator.getitem, path[:-1], data)
        parent[path[-1]] = copy.deepcopy(value)
    converted = read_as_openapi3(original.with_data(data))
    for path in _nodes(converted.data):
        where = converted.where("".join(f"/{escape_pointer_token(str(t))}" for t in path))
        assert where.line is not None


def test_an_example_of_a_response_without_a_schema_is_ignored_with_a_warning() -> None:
    converted = _convert(
        HEAD + "produces: [application/json]\npaths:\n  /a:\n    get:\n      responses:\n"
        "        200:\n          description: ok\n"
        "          examples: {application/json: {a: 1}}\n"
    )
    assert converted.data["paths"]["/a"]["get"]["responses"]["200"] == {"description": "ok"}
    (warning,) = converted.warnings
    assert warning.message.startswith("an example of a response without a schema")
    assert str(warning.where) == "s.yaml:10:40"

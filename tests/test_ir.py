"""Decisions the IR makes once, so that templates only print them."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path, PurePosixPath

import pytest

from generator.ir import Api, build_ir
from generator.ir.builder import distribution_version
from generator.pipeline import render_vendor
from generator.render import render_client, render_pyproject
from generator.spec.load import load_document, parse_document
from tests.conftest import ROOT

SPEC = """
openapi: 3.1.0
info: {title: Shop, version: '1'}
servers: [{url: 'https://{region}.shop.test/api/', variables: {region: {default: eu}}}]
security: [{key: []}]
paths:
  /orders:
    post:
      operationId: createOrder
      parameters:
        - {name: Idempotency-Key, in: header, schema: {type: string}}
        - {name: Authorization, in: header, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: object, properties: {sku: {type: string}}}
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: {type: object, properties: {id: {type: string}}}
        '409':
          description: conflict
          content:
            application/json:
              schema: {type: object, properties: {message: {type: string}}}
  /orders/{id}:
    patch:
      operationId: patchOrder
      x-idempotent: true
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'204': {description: done}}
    delete:
      operationId: deleteOrder
      x-idempotent: false
      security: []
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'204': {description: gone}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Shop-Key}
"""


def _api() -> Api:
    return build_ir(parse_document(SPEC, "shop.yaml"), "shop", "specs/shop/openapi.yaml")


def test_idempotency_decisions() -> None:
    ops = {op.py_name: op for op in _api().operations}
    create, patch, delete = ops["create_order"], ops["patch_order"], ops["delete_order"]
    assert (create.idempotent, create.idempotency_header, create.retry_needs_consent) == (
        False,
        "Idempotency-Key",
        False,
    )
    assert (patch.idempotent, patch.retry_needs_consent) == (True, False)  # x-idempotent: true
    assert (delete.idempotent, delete.retry_needs_consent) == (False, True)  # x-idempotent: false


def test_inline_bodies_become_named_models() -> None:
    (create,) = [op for op in _api().operations if op.py_name == "create_order"]
    assert create.request_body is not None
    assert create.request_body.annotation == "models.CreateOrderRequest | Mapping[str, Any]"
    assert create.return_annotation == "models.CreateOrderResponse"
    assert [(r.status, r.annotation, r.exception) for r in create.error_responses] == [
        ("409", "models.CreateOrderConflictError", "ConflictError")
    ]


def test_a_default_or_range_error_response_names_the_class_it_can_raise() -> None:
    """`default` is any error (Ably's), not a 500: it raises the class of the status that
    arrives, an APIStatusError; 5XX is always an InternalServerError."""
    spec = """
openapi: 3.0.3
info: {title: E, version: '1'}
paths:
  /a:
    get:
      responses:
        '200': {description: ok}
        '404': {description: gone}
        4XX: {description: refused}
        5XX: {description: broken}
        default: {description: any error}
"""
    (op,) = build_ir(parse_document(spec, "e.yaml"), "e", "specs/e/openapi.yaml").operations
    assert [(r.status, r.exception) for r in op.error_responses] == [
        ("404", "NotFoundError"),
        ("4XX", "APIStatusError"),
        ("5XX", "InternalServerError"),
        ("default", "APIStatusError"),
    ]


def test_authorization_header_parameter_is_dropped_and_server_defaults_applied() -> None:
    api = _api()
    (create,) = [op for op in api.operations if op.py_name == "create_order"]
    assert [p.wire_name for p in create.parameters] == ["Idempotency-Key"]
    assert api.base_url == "https://eu.shop.test/api"
    assert [(s.wire_name, s.kind, s.api_key_name) for s in api.security_schemes] == [
        ("key", "api_key", "X-Shop-Key")
    ]
    ops = {op.py_name: op.security for op in api.operations}
    assert ops == {"create_order": (("key",),), "patch_order": (("key",),), "delete_order": ()}


def test_generated_method_exposes_consent_only_where_needed() -> None:
    (source,) = [
        t
        for p, t in render_client(_api()).items()
        if p.parent.name == "resources" and p.name != "__init__.py"
    ]
    delete = source[source.index("def delete_order") : source.index("def delete_order") + 600]
    create = source[source.index("def create_order") : source.index("def create_order") + 600]
    assert "retry_non_idempotent: bool | NotGiven" in delete
    assert "retry_non_idempotent" not in create


def test_models_named_like_what_generated_modules_use_still_work(tmp_path: Path) -> None:
    """Schemas called Mapping, cast, SyncAPIResource and AResource (the resource class of /a):
    generated code says `models.X`, so each keeps its name and shadows nothing."""
    document = load_document(Path(__file__).parent / "fixtures" / "shadowing_spec.yaml", "s.yaml")
    api = build_ir(document, "shadow", "specs/shadow/openapi.yaml")
    names = ("AResource", "Cast", "Mapping", "SyncAPIResource")
    assert tuple(m.name for m in api.models) == names
    (resource,) = api.resources
    assert resource.class_name == "AResource"
    for path, text in render_vendor(api).items():
        (tmp_path / "shadow" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "shadow" / path).write_text(text, encoding="utf-8")
    script = (
        "import httpx, shadow\n"
        "http = httpx.Client(transport=httpx.MockTransport("
        "lambda r: httpx.Response(200, json={'b': 'x'})))\n"
        "client = shadow.ShadowClient(http_client=http)\n"
        "result = client.a.put(body=shadow.models.Mapping(a='1'))\n"
        "print(type(result).__name__, result.b, type(client.a).__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.stdout == "SyncAPIResource x AResource\n", result.stderr


def test_an_operation_named_like_a_keyword_names_its_models_as_the_model_tool_does() -> None:
    """operationId `True`: the method is `true`, its body model `TrueRequest` (the model tool
    drops an inner underscore, so `True_Request` would name a class that does not exist)."""
    spec = """
openapi: 3.1.0
info: {title: K, version: '1'}
paths:
  /k:
    put:
      operationId: 'True'
      requestBody:
        content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}
      responses: {'204': {description: done}}
"""
    api = build_ir(parse_document(spec, "k.yaml"), "k", "specs/k/openapi.yaml")
    (op,) = api.operations
    assert op.py_name == "true"
    assert op.request_body is not None
    assert op.request_body.annotation == "models.TrueRequest | Mapping[str, Any]"
    assert (
        "class TrueRequest(BaseModel):"
        in render_vendor(api)[PurePosixPath("models/true_request.py")]
    )


def test_an_enum_default_is_defined_before_the_model_that_uses_it(tmp_path: Path) -> None:
    """Box's `action: {enum: [review, complete], default: review, example: review}`: the model
    tool writes the default as an enum member, evaluated when the class is created."""
    spec = """
openapi: 3.1.0
info: {title: E, version: '1'}
paths: {}
components:
  schemas:
    Task:
      type: object
      properties:
        action: {type: string, enum: [review, complete], default: review, example: review}
"""
    api = build_ir(parse_document(spec, "e.yaml"), "enumdefault", "specs/enumdefault/openapi.yaml")
    for path, text in render_vendor(api).items():
        (tmp_path / "enumdefault" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "enumdefault" / path).write_text(text, encoding="utf-8")
    script = "from enumdefault.models import Task\nprint(repr(Task().action))\n"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.stdout == "<TaskAction.REVIEW: 'review'>\n", result.stderr


def test_a_requirement_the_client_cannot_satisfy_leaves_credentials_to_the_caller() -> None:
    """Box: OAuth 2 only. The call goes out without client auth (the caller's headers carry
    the token), after every alternative the client can satisfy."""
    spec = """
openapi: 3.0.3
info: {title: O, version: '1'}
paths:
  /me:
    get:
      operationId: getMe
      security: [{oauth: []}, {key: []}]
      responses: {'204': {description: done}}
  /open:
    get:
      operationId: getOpen
      security: [{}]
      responses: {'204': {description: done}}
components:
  securitySchemes:
    oauth: {type: oauth2, flows: {implicit: {authorizationUrl: 'https://o.test', scopes: {}}}}
    key: {type: apiKey, in: header, name: X-Key}
"""
    api = build_ir(parse_document(spec, "o.yaml"), "o", "specs/o/openapi.yaml")
    assert [op.security for op in api.operations] == [(("key",), ()), ((),)]


def test_form_bodies_are_sent_form_encoded_and_get_bodies_not_at_all() -> None:
    """Stripe: POST bodies are form-encoded, nested fields in style deepObject; every GET
    has an empty form body, which a GET cannot carry."""
    spec = """
openapi: 3.0.0
info: {title: F, version: '1'}
paths:
  /customers:
    get:
      operationId: GetCustomers
      requestBody:
        content: {application/x-www-form-urlencoded: {schema: {type: object, properties: {}}}}
      responses: {'204': {description: done}}
    post:
      operationId: PostCustomers
      requestBody:
        content:
          application/x-www-form-urlencoded:
            encoding: {expand: {explode: true, style: deepObject}, metadata: {style: deepObject}}
            schema:
              type: object
              properties:
                email: {type: string}
                expand: {type: array, items: {type: string}}
                metadata: {type: object, additionalProperties: {type: string}}
      responses: {'204': {description: done}}
"""
    api = build_ir(parse_document(spec, "f.yaml"), "f", "specs/f/openapi.yaml")
    get, post = api.operations
    assert get.request_body is None
    assert post.request_body is not None
    (form,) = post.request_body.encodings
    assert (form.kind, form.deep_objects) == ("form", ("expand", "metadata"))
    assert post.request_body.annotation == "models.PostCustomersRequest | Mapping[str, Any]"
    source = render_vendor(api)[PurePosixPath("resources/customers.py")]
    assert (
        'Encoding(\n                        "application/x-www-form-urlencoded",\n'
        '                        "form",\n'
        "                        deep_objects=(\n"
        '                            "expand",\n'
        '                            "metadata",\n'
        "                        ),\n"
        "                    ),"
    ) in source, source


def test_references_into_part_of_a_schema_or_a_path_are_followed(tmp_path: Path) -> None:
    """PeerTube's `User/properties/id`, Linode's `.../properties/rules`, Conjur's
    percent-encoded reference to a path's parameter."""
    from generator.cli import main

    specs = tmp_path / "specs" / "parts"
    specs.mkdir(parents=True)
    shutil.copy(Path(__file__).parent / "fixtures" / "refs_into_parts.yaml", specs / "openapi.yaml")
    out = tmp_path / "out"
    assert main(["generate", "--specs", str(specs.parent), "--out", str(out)]) == 0
    users = (out / "parts" / "resources" / "users.py").read_text(encoding="utf-8")
    assert users.count("        id_: int,\n") == 4  # sync and async, both operations
    models = "".join(p.read_text(encoding="utf-8") for p in (out / "parts" / "models").glob("*.py"))
    assert "best: ListFriendsResponseBest | MISSING" in models


def test_a_schema_the_model_tool_refuses_is_a_located_spec_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """datamodel-code-generator's own errors name a class; the diagnostic names the schema it
    was made from, at its line (the tool raised SchemaParseError for a dedented `example:`)."""
    from generator.cli import main
    from generator.render import models

    def refuse(*args: object, **kwargs: object) -> str:
        raise ValueError("Invalid schema for ListFriendsResponseBest: expected an object")

    monkeypatch.setattr(models, "generate", refuse)
    specs = tmp_path / "specs" / "parts"
    specs.mkdir(parents=True)
    shutil.copy(Path(__file__).parent / "fixtures" / "refs_into_parts.yaml", specs / "openapi.yaml")
    assert main(["generate", "--specs", str(specs.parent), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.splitlines()[:3] == [
        "specs/parts/openapi.yaml:20:7: error[model-tool-error]: datamodel-code-generator "
        "cannot model this schema: 'Invalid schema for ListFriendsResponseBest: expected an "
        "object'",
        "  at: /paths/~1users~1{id}~1friends/get",
        "  hint: simplify the schema in an overlay, and tell us: the generator should read it",
    ]
    assert not (tmp_path / "out").exists()


def test_schemas_named_alike_get_classes_the_model_tool_keeps(tmp_path: Path) -> None:
    """Just Eat's `UpdateOrderTimeRequest` and `updateOrderTimeRequest`: the second is
    UpdateOrderTimeRequest2 in the method's annotation and in models (mypy: not a type, when
    the annotation said UpdateOrderTimeRequest_2)."""
    from generator.cli import main

    spec = tmp_path / "specs" / "alike" / "openapi.yaml"
    spec.parent.mkdir(parents=True)
    spec.write_text(
        """
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /orders:
    put:
      operationId: updateOrders
      requestBody:
        content: {application/json: {schema: {$ref: '#/components/schemas/thing'}}}
      responses: {'200': {description: ok}}
components:
  schemas:
    Thing: {type: object, properties: {a: {type: string}}}
    thing: {type: object, properties: {b: {type: integer}}}
""",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["generate", "--specs", str(spec.parent.parent), "--out", str(out)]) == 0
    resource = (out / "alike" / "resources" / "orders.py").read_text(encoding="utf-8")
    assert "body: models.Thing2 | Mapping[str, Any]" in resource
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "alike"],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("1.0.1", "1.0.1"),
        ("v2", "2"),
        ("1.0-beta", "1.0b0"),
        ("2024-06-20", "2024.6.20"),
        ("1.2+local", "1.2"),
        ("latest", "0"),
        ("", "0"),
    ],
)
def test_info_version_becomes_a_pep_440_public_version(version: str, expected: str) -> None:
    assert distribution_version(version) == expected


OAUTH_SPEC = """
openapi: 3.1.0
info: {title: t, version: '1'}
security: [{oauth: [read]}]
paths:
  /a:
    get:
      operationId: a
      security: [{oauth: [write, read]}, {key: []}]
      responses: {'204': {description: done}}
  /b:
    get:
      operationId: b
      responses: {'204': {description: done}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
    oauth:
      type: oauth2
      flows:
        authorizationCode:
          authorizationUrl: https://auth.test/authorize
          tokenUrl: https://auth.test/token
          refreshUrl: https://auth.test/refresh
          scopes: {}
        clientCredentials: {tokenUrl: https://auth.test/token, scopes: {}}
    browser:
      type: oauth2
      flows: {implicit: {authorizationUrl: https://auth.test/authorize, scopes: {}}}
"""


def test_oauth_scheme_urls_scopes_and_requirements() -> None:
    api = build_ir(parse_document(OAUTH_SPEC, "t.yaml"), "t", "specs/t/openapi.yaml")
    # The implicit-only scheme has no token endpoint: the caller's, as before.
    key, oauth = api.security_schemes
    assert key.arguments == ("key",) and oauth.oauth is not None
    assert oauth.oauth.token_url == "https://auth.test/token"
    assert oauth.oauth.refresh_url == "https://auth.test/refresh"
    assert oauth.oauth.scopes == ("read", "write")
    assert oauth.arguments == ("client_id", "client_secret", "refresh_token")
    # Without client credentials, a token the caller sends in headers still goes out.
    security = {op.py_name: op.security for op in api.operations}
    assert security == {"a": (("oauth",), ("key",), ()), "b": (("oauth",), ())}


def test_the_package_version_changes_with_the_generated_code_only() -> None:
    api = _api()
    files = {PurePosixPath("a.py"): "x = 1\n", PurePosixPath("FORMATTED.sha256"): "1\n"}

    def version(files: dict[PurePosixPath, str]) -> str:
        project = tomllib.loads(render_pyproject(api, files))["project"]
        assert project["name"] == "shop-client"
        return str(project["version"])

    first = version(files)
    assert re.fullmatch(r"1\+g[0-9a-f]{12}", first)
    assert version({**files, PurePosixPath("FORMATTED.sha256"): "2\n"}) == first
    assert version({**files, PurePosixPath("a.py"): "x = 2\n"}) != first


def test_clients_pin_the_build_backend_requirements_lock_pins() -> None:
    """make dist builds with the installed hatchling; `pip install ./generated/x` with this one."""
    from generator.render.client import BUILD_BACKEND

    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    assert BUILD_BACKEND in lock


def test_a_parameter_keeps_its_style_and_explode_or_its_location_default() -> None:
    """Only a style that is not its location's default reaches the generated call."""
    spec = """
openapi: 3.0.3
info: {title: S, version: '1'}
paths:
  /items/{id}:
    get:
      operationId: listItems
      parameters:
        - {name: id, in: path, required: true, schema: {type: array, items: {type: string}}}
        - {name: filter, in: query, style: deepObject, explode: true, schema: {type: object}}
        - {name: ids, in: query, explode: false, schema: {type: array, items: {type: string}}}
        - {name: tags, in: query, schema: {type: array, items: {type: string}}}
        - {name: X-Ids, in: header, schema: {type: array, items: {type: string}}}
        - name: q
          in: query
          content: {application/json: {schema: {type: object, properties: {page: {type: integer}}}}}
        - {name: key, in: query, content: {'*/*': {schema: {type: string}}}}
      responses: {'204': {description: done}}
"""
    api = build_ir(parse_document(spec, "s.yaml"), "s", "specs/s/openapi.yaml")
    (operation,) = api.operations
    assert [(p.wire_name, p.style, p.explode, p.styled) for p in operation.parameters] == [
        ("id", "simple", False, False),
        ("filter", "deepObject", True, True),
        ("ids", "form", False, True),
        ("tags", "form", True, False),
        ("X-Ids", "simple", False, False),
        ("q", "json", False, True),
        ("key", "form", True, False),
    ]
    # Typed by the schema under its media type.
    assert [p.annotation for p in operation.parameters[-2:]] == ["dict[str, Any]", "str"]
    source = render_vendor(api)[PurePosixPath("resources/items.py")]
    assert (
        "styles={\n"
        '                    ("query", "filter"): ("deepObject", True),\n'
        '                    ("query", "ids"): ("form", False),\n'
        '                    ("query", "q"): ("json", False),\n'
        "                },"
    ) in source, source


def test_operation_ids_around_the_path_and_tags_that_are_paths_give_readable_names() -> None:
    """setlist.fm: `resource__1.0_artist__mbid__getArtist_GET`, each tagged with its own path;
    a version segment (`1.0`) names no resource."""
    spec = ROOT / "tests" / "fixtures" / "bad" / "operation_ids_around_path.yaml"
    api = build_ir(load_document(spec, "s.yaml"), "s", "specs/s/openapi.yaml")
    assert sorted(
        (resource.py_name, op.py_name) for resource in api.resources for op in resource.operations
    ) == [("artist", "get"), ("search", "get_artists")]


HOISTED_SPEC = """
openapi: 3.1.0
info: {title: Hoist, version: '1'}
paths: {}
components:
  schemas:
    Customer:
      type: object
      description: A customer.
      properties:
        address:
          type: object
          description: Where they live.
          title: Address
          properties:
            street: {type: string}
            kind: {type: string, enum: [home, work], examples: [home]}
        status: {type: string, enum: [active, closed], default: active, description: Now.}
        tags: {type: array, items: {type: object, properties: {label: {type: string}}}}
        info: {type: array, items: {type: object, properties: {key: {type: string}}}}
        channels: {type: array, items: {type: string, enum: [sms, email]}}
        referrer:
          description: Who sent them.
          anyOf: [{type: object, properties: {id: {type: integer}}}, {type: 'null'}]
        visits: {anyOf: [{type: integer, minimum: 0}, {type: 'null'}]}
        home: {type: object, properties: {zip: {type: string}}}
    # Taken by a component: the field's class is numbered (CustomerHome1) by our rule.
    CustomerHome: {type: object, properties: {city: {type: string}}}
"""


def test_inline_classes_are_hoisted_under_the_names_the_model_tool_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each inline schema that becomes a class is a model of its own, named as the model tool
    names it, and held by its field: the tool names nothing, and where no name is taken writes
    what it wrote before."""
    import generator.render.models
    from generator.ir.hoist import hoist_inline
    from generator.render.models import render_models

    def defined(files: dict[PurePosixPath, str]) -> set[str]:
        return {
            n.name for t in files.values() for n in ast.parse(t).body if isinstance(n, ast.ClassDef)
        }

    api = build_ir(parse_document(HOISTED_SPEC, "h.yaml"), "h", "specs/h/openapi.yaml")
    assert [m.name for m in api.models] == ["Customer", "CustomerHome"]
    schemas = {m.name: json.loads(m.schema_json) for m in api.models}
    assert hoist_inline(schemas) == {
        "CustomerAddress": "Customer",
        "CustomerStatus": "Customer",
        "CustomerTag": "Customer",
        "CustomerInfoItem": "Customer",
        "CustomerChannel": "Customer",
        "CustomerReferrer": "Customer",
        "CustomerVisits": "Customer",
        "CustomerHome1": "Customer",
        "CustomerAddressKind": "CustomerAddress",
    }
    hoisted = render_models(api)
    assert defined(hoisted) - set(schemas) == set()
    # The component keeps its name (the tool gave it to the field's class, and numbered the
    # component's).
    assert (
        "class CustomerHome(BaseModel):\n    city:"
        in hoisted[PurePosixPath("models/customer_home.py")]
    )
    alone = HOISTED_SPEC.split("    # Taken by a component")[0]
    api = build_ir(parse_document(alone, "h.yaml"), "h", "specs/h/openapi.yaml")
    hoisted = render_models(api)
    monkeypatch.setattr(generator.render.models, "hoist_inline", lambda schemas: {})
    assert render_models(api) == hoisted


def test_a_nullable_array_or_boolean_parameter_is_checked_as_the_plain_one_is() -> None:
    """3.1's `type: [array, "null"]` and `[boolean, "null"]` take the values `type: array` and
    `type: boolean` take, or None (not sent): what a type checker cannot see is checked
    before sending."""
    spec = """
openapi: 3.1.0
info: {title: N, version: '1'}
paths:
  /items:
    get:
      operationId: listItems
      parameters:
        - {name: kinds, in: query, schema: {type: array, items: {enum: [a, b]}}}
        - {name: maybe_kinds, in: query, schema: {type: [array, 'null'], items: {enum: [a, b]}}}
        - {name: flag, in: query, schema: {type: boolean}}
        - {name: maybe_flag, in: query, schema: {type: [boolean, 'null']}}
        - {name: mixed, in: query, schema: {type: [array, string], items: {enum: [a, b]}}}
      responses: {'204': {description: done}}
"""
    api = build_ir(parse_document(spec, "n.yaml"), "n", "specs/n/openapi.yaml")
    (operation,) = api.operations
    assert [p.allowed for p in operation.parameters] == [
        '("a", "b",)',
        '("a", "b",)',
        "(True, False)",
        "(True, False)",
        "",
    ]

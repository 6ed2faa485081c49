"""Schema shapes the large public specs use and our vendors do not, in one small spec: each
generates a client that passes mypy --strict and ruff, and behaves on the wire as the spec says.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.render.models import _files_as_given
from tests.conftest import ROOT


def _generate(tmp_path: Path, vendor: str, spec: str) -> Path:
    """The client of ``spec`` generated as ``vendor`` under tmp_path/generated."""
    path = tmp_path / "specs" / vendor / "openapi.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(spec, encoding="utf-8")
    out = tmp_path / "generated"
    assert main(["generate", "--specs", str(tmp_path / "specs"), "--out", str(out)]) == 0
    return out


def _run(out: Path, script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script], cwd=out, capture_output=True, text=True, check=False
    )


def _passes_mypy_and_ruff(out: Path, *targets: str) -> None:
    """mypy --strict on ``targets`` (in ``out``) and ruff on the whole tree, with the
    project's settings for generated code."""
    shutil.copy(ROOT / "pyproject.toml", out.parent)
    for command, cwd in (
        (["mypy", "--strict", *targets], out),
        (["ruff", "check", "--no-cache", "."], out.parent),
    ):
        checked = subprocess.run(
            [sys.executable, "-m", *command], cwd=cwd, capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr


SPEC = """
openapi: 3.0.3
info: {title: Shapes, version: '1'}
servers: [{url: 'https://shapes.test'}]
paths:
  /login:
    post:
      operationId: login
      requestBody:
        required: true
        content: {application/json: {schema: {$ref: '#/components/schemas/Login'}}}
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/Session'}}}
components:
  schemas:
    # Plaid: unquoted YAML values in string enums.
    Version: {type: string, nullable: true, enum: [4.1, 3_lite, 4]}
    # Plaid: a scalar component with a default, referred to by a field.
    Consent: {type: boolean, default: false}
    Login:
      type: object
      required: [password]
      properties:
        password: {type: string, format: password}
        email: {type: string, format: idn-email}
        version: {$ref: '#/components/schemas/Version'}
        retirement: {type: string, nullable: true, enum: [true, false]}
        consent: {$ref: '#/components/schemas/Consent'}
        display-name: {type: string}
    # GitHub: an empty-string default on a URL; typed additional properties.
    Session:
      type: object
      properties:
        environment_url: {type: string, format: uri, default: ''}
        permissions:
          type: object
          properties: {checks: {type: string}}
          additionalProperties: {type: string}
        owner: {$ref: '#/components/schemas/Child'}
        member: {$ref: '#/components/schemas/Member'}
        # Frankie Financial: a format the model tool parses with a package the client lacks.
        ulid: {type: string, format: ulid}
        # WMATA: a number enum of a fraction, which no Literal can hold.
        latitude: {type: number, enum: [38.878586]}
    # Asana: a model extending a schema that only names another.
    Person: {type: object, properties: {name: {type: string}}}
    MemberBase: {$ref: '#/components/schemas/Person'}
    Member:
      allOf:
        - $ref: '#/components/schemas/MemberBase'
        - {type: object, properties: {email: {type: string}}}
    # Asana: a child that makes an inherited enum nullable.
    Base:
      type: object
      description: The base.
      additionalProperties: false
      properties:
        gid: {type: string, description: The id.}
        kind: {type: string, enum: [task, milestone]}
    Child:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          properties:
            kind: {type: string, nullable: true, enum: [task, milestone]}
            name: {type: string}
"""

SCRIPT = """
import json
import httpx
from shapes import ShapesClient, models

sent = []
def reply(request):
    sent.append(json.loads(request.content))
    return httpx.Response(200, json={
        "permissions": {"contents": "read"},
        "owner": {"gid": "1", "kind": None, "name": "n"},
        "member": {"name": "Ann", "email": "ann@example.com"},
        "ulid": "01ARZ3NDEKTSV4RRFFQ69G5FAV",
        "latitude": 38.9,
    })

client = ShapesClient(http_client=httpx.Client(transport=httpx.MockTransport(reply)))
session = client.login.login(body=models.Login(
    password="hunter2", email="a@b.example", version="4.1", retirement="true",
    display_name="Ann"))
print(sent[0])
print(session.environment_url, session.permissions.model_extra)
print(session.owner.gid, session.owner.kind, session.owner.name)
print(session.member.name, session.member.email, type(session.member).__mro__[1].__name__)
print(issubclass(models.Child, models.Base), models.Child.model_config.get("extra"))
print(sorted(m.value for m in models.Version))
print(repr(session.ulid), session.latitude)
"""


def test_corpus_shapes_generate_typed_and_behave(tmp_path: Path) -> None:
    out = _generate(tmp_path, "shapes", SPEC)
    result = _run(out, SCRIPT)
    assert result.stdout.splitlines() == [
        # Every value as given (the password not masked, a field set by its Python name
        # under its wire name), unset fields absent.
        "{'display-name': 'Ann', 'email': 'a@b.example', 'password': 'hunter2', "
        "'retirement': 'true', 'version': '4.1'}",
        "MISSING {'contents': 'read'}",
        "1 None n",
        "Ann ann@example.com Person",
        "False forbid",
        "['3_lite', '4', '4.1']",
        # Both as plain values, as the unknown-format and enum-value-fractional warnings say.
        "'01ARZ3NDEKTSV4RRFFQ69G5FAV' 38.9",
    ], result.stderr
    _passes_mypy_and_ruff(out, "shapes")


# Stripe: models that hold each other (expandable fields, `customer: str | Customer`) used to
# share one module of 760 models, all loaded by the first call of any operation returning one.
CYCLE_SPEC = """
openapi: 3.0.3
info: {title: Cyc, version: '1'}
servers: [{url: 'https://cyc.test'}]
paths:
  /customers/{id}:
    get:
      operationId: getCustomer
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/Customer'}}}
components:
  schemas:
    Customer:
      type: object
      required: [id]
      properties:
        id: {type: string}
        default_card: {anyOf: [{type: string}, {$ref: '#/components/schemas/Card'}]}
        cards: {type: array, items: {$ref: '#/components/schemas/Card'}}
    Card:
      type: object
      required: [id]
      properties:
        id: {type: string}
        last4: {type: string}
        customer:
          anyOf:
            - {type: string}
            - {$ref: '#/components/schemas/Customer'}
            - {$ref: '#/components/schemas/DeletedCustomer'}
    DeletedCustomer:
      type: object
      required: [id, deleted]
      properties: {id: {type: string}, deleted: {type: boolean}}
"""

CYCLE_SCRIPT = """
import sys
import httpx
import pydantic
from cyc import CycClient, models

def loaded():
    return sorted(m.rsplit(".", 1)[1] for m in sys.modules if m.startswith("cyc.models."))

def reply(request):
    return httpx.Response(200, json={"id": "cus_1", "default_card": "card_1"})

client = CycClient(http_client=httpx.Client(transport=httpx.MockTransport(reply)))
customer = client.customers.get_customer("cus_1")
print(customer.default_card, loaded())
full = models.Customer.model_validate({
    "id": "cus_1",
    "default_card": {"id": "card_1", "customer": {"id": "cus_1", "deleted": True}},
    "cards": [{"id": "card_2", "customer": "cus_1"}],
})
print(type(full.default_card).__name__, type(full.default_card.customer).__name__, loaded())
print(full.model_dump(mode="json", exclude_unset=True))
try:
    models.Customer.model_validate({"id": "c", "cards": [{"id": "card_3", "last4": 1234}]})
except pydantic.ValidationError as error:
    print([".".join(map(str, e["loc"])) for e in error.errors()])
print(sorted(models.Customer.model_json_schema()["$defs"]))
"""

CYCLE_USE = """
from cyc import models


def card_of(customer: models.Customer) -> models.Card | None:
    return customer.default_card if isinstance(customer.default_card, models.Card) else None
"""


def test_models_that_hold_each_other_load_when_a_value_needs_them(tmp_path: Path) -> None:
    out = _generate(tmp_path, "cyc", CYCLE_SPEC)
    result = _run(out, CYCLE_SCRIPT)
    assert result.stdout.splitlines() == [
        # The response held a card's id: the card's module was not loaded.
        "card_1 ['customer']",
        # pydantic still picks the closest of the customer's forms.
        "Card DeletedCustomer ['card', 'customer', 'deleted_customer']",
        "{'cards': [{'customer': 'cus_1', 'id': 'card_2'}], 'default_card': {'customer': "
        "{'deleted': True, 'id': 'cus_1'}, 'id': 'card_1'}, 'id': 'cus_1'}",
        "['cards.0.last4']",
        "['Card', 'Customer', 'DeletedCustomer']",
    ], result.stderr
    (out / "use.py").write_text(CYCLE_USE, encoding="utf-8")
    _passes_mypy_and_ruff(out, "cyc", "use.py")


def _held_by_others(chain: int) -> str:
    """A spec whose models hold each other through other modules (each a stand-in there):
    three that recur, in differently typed fields, and a chain of ``chain`` models."""
    schemas: dict[str, Any] = {
        "Customer": {
            "type": "object",
            "properties": {
                "card": {"$ref": "#/components/schemas/Card"},
                "discount": {"$ref": "#/components/schemas/Discount"},
            },
        },
        "Card": {
            "type": "object",
            "properties": {
                "customer": {
                    "anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/Customer"}]
                },
                "owner": {"$ref": "#/components/schemas/Customer"},
            },
        },
        "Discount": {
            "type": "object",
            "properties": {
                "customer": {
                    "anyOf": [
                        {"type": "string"},
                        {"$ref": "#/components/schemas/Customer"},
                        {"$ref": "#/components/schemas/Card"},
                    ]
                }
            },
        },
    }
    for index in range(chain):
        following = {"$ref": f"#/components/schemas/Link{index + 1}"} if index + 1 < chain else {}
        schemas[f"Link{index}"] = {
            "type": "object",
            "properties": {"next": following, "first": {"$ref": "#/components/schemas/Link0"}},
        }
    document = {"openapi": "3.0.3", "info": {"title": "Held", "version": "1"}, "paths": {}}
    return json.dumps({**document, "components": {"schemas": schemas}})


HELD_SCRIPT = """
import jsonschema
from held import models

for name in ("Customer", "Card", "Discount"):
    schema = getattr(models, name).model_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    valid = jsonschema.Draft202012Validator(schema).is_valid
    wrong = {"customer": 5} if name != "Customer" else {"discount": {"customer": 5}}
    written = getattr(models, name).model_json_schema(mode="serialization")
    print(name, sorted(schema["$defs"]), valid({"owner": {"discount": {"customer": "c"}}}), valid(wrong), written == schema)
print(len(models.Link0.model_json_schema()["$defs"]))
"""


def test_the_json_schema_of_models_held_through_other_modules_defines_each_once(
    tmp_path: Path,
) -> None:
    """A field whose model is another module's is written by its own function: it wrote the
    models inline where met, and a model met again inside itself as a reference pydantic
    then looked up before it was written (LookupError on 208 of Stripe's 3,213 models); and a
    chain of such models, each inside the one holding it, exceeded the recursion limit."""
    out = _generate(tmp_path, "held", _held_by_others(80))
    done = _run(out, HELD_SCRIPT)
    defined = "['Card', 'Customer', 'Discount']"
    # What is written is described as what is read: the serialiser of extras took no part.
    assert done.stdout.splitlines() == [
        f"Customer {defined} True False True",
        f"Card {defined} True False True",
        f"Discount {defined} True False True",
        "80",
    ], done.stderr[-3000:]


INHERITED_SPEC = """
openapi: 3.0.3
info: {title: Inherited, version: '1'}
paths: {}
components:
  schemas:
    Node:
      type: object
      properties:
        node-id: {type: string}
        meta:
          type: object
          properties:
            owner: {$ref: '#/components/schemas/Node'}
    Special:
      allOf:
        - $ref: '#/components/schemas/Node'
"""


def test_a_model_whose_base_is_another_modules_reads_the_fields_it_inherits(
    tmp_path: Path,
) -> None:
    """Special's module has none of the names Node's fields need (`Annotated`, `NodeMeta`,
    defined after Node in Node's module): pydantic, which reads a field it had left
    unresolved in the module of the model it builds, not the base's (pydantic#12000), is
    given Node's module's names too. A fuzzed spec's model could not be built."""
    out = _generate(tmp_path, "inherited", INHERITED_SPEC)
    module = (out / "inherited" / "models" / "special.py").read_text()
    assert "class Special(Node)" in module and "Annotated" not in module
    script = (
        "from inherited import models\n"
        "special = models.Special.model_validate({'node-id': 'n', 'meta': {'owner': {}}})\n"
        "print(special.node_id, type(special.meta).__name__)\n"
        "models.Special.model_rebuild(force=True)\n"
        "print(models.Special(node_id='m').model_dump(by_alias=True))"
    )
    done = _run(out, script)
    assert done.stdout.splitlines() == ["n NodeMeta", "{'node-id': 'm'}"], done.stderr[-3000:]


def test_a_union_read_without_its_discriminator_builds_and_tells_its_members_apart(
    tmp_path: Path,
) -> None:
    """A discriminator over a union with a member that is no object (null, a string): pydantic
    refused to build the model that holds it ("The core schema type 'none' is not a valid
    discriminated union variant", found by make fuzz, seed 3346870165). Read without it, a
    value is matched to a member by its shape."""
    fixture = Path(__file__).parent / "fixtures" / "bad" / "discriminator_not_objects.yaml"
    out = _generate(tmp_path, "shaped", fixture.read_text(encoding="utf-8"))
    script = (
        "from shaped import models\n"
        "for value in ({'pet': None, 'tag': 'x'}, {'pet': {'kind': 'cat'}, 'tag': {'kind': 'c'}}):\n"
        "    held = models.Holder.model_validate(value)\n"
        "    print(type(held.pet).__name__, type(held.tag).__name__)"
    )
    done = _run(out, script)
    assert done.stdout.splitlines() == ["Nothing str", "Cat Cat"], done.stderr[-3000:]


BUILTIN_FIELDS_SPEC = """
openapi: 3.1.0
info: {title: Builtins, version: '1'}
paths: {}
components:
  schemas:
    Thing:
      type: object
      properties:
        list: {$ref: '#/components/schemas/Thing'}
        names: {type: array, items: {type: string}}
        str: {type: integer}
"""


def test_fields_named_like_builtin_types_do_not_hide_them(tmp_path: Path) -> None:
    """`list: Thing` before `names: list[str]`: the model tool left `list` as the field in the
    class body, and mypy refused the type (found by make fuzz, seed 209501688, in a Swagger
    2.0 document). Such fields are `list_` and `str_` in Python, their wire names unchanged."""
    out = _generate(tmp_path, "builtins_api", BUILTIN_FIELDS_SPEC)
    script = (
        "from builtins_api import models\n"
        "thing = models.Thing.model_validate({'list': {'list': {}}, 'str': 3, 'names': ['a']})\n"
        "print(type(thing.list_).__name__, thing.str_, thing.names)\n"
        "print(models.Thing(list_=thing.list_, str_=4).model_dump(by_alias=True))"
    )
    done = _run(out, script)
    assert done.stdout.splitlines() == [
        "Thing 3 ['a']",
        "{'list': {'list': {}}, 'str': 4}",
    ], done.stderr[-3000:]
    _passes_mypy_and_ruff(out, "builtins_api")


NULLABLE_STRINGS_SPEC = """
openapi: 3.1.0
info: {title: Strings, version: '1'}
paths: {}
components:
  schemas:
    Contact:
      type: object
      properties:
        email: {type: [string, 'null'], format: email}
        tier: {type: [string, 'null'], enum: [1, 2.5, true]}
"""


def test_a_nullable_string_in_a_type_list_reads_as_a_plain_string_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """3.1's `type: [string, "null"]` is a string: `format: email` gives no EmailStr (the
    client would need email-validator, which it does not depend on: a fuzzed spec's client
    failed to build its model), and unquoted enum values are the strings they spell, as the
    warnings say."""
    out = _generate(tmp_path, "strings", NULLABLE_STRINGS_SPEC)
    warned = re.findall(r"warning\[([\w-]+)\]", capsys.readouterr().err)
    assert warned == ["enum-value-not-string"] * 3
    script = (
        "import sys\nfrom strings import models\n"
        "contact = models.Contact.model_validate({'email': 'Ann@Example.com', 'tier': '2.5'})\n"
        "print(contact.email, contact.tier.value, 'email_validator' in sys.modules)\n"
        "print(sorted(m.value for m in type(contact.tier)))"
    )
    done = _run(out, script)
    assert done.stdout.splitlines() == [
        "Ann@Example.com 2.5 False",
        "['1', '2.5', 'true']",
    ], done.stderr[-3000:]
    _passes_mypy_and_ruff(out, "strings")


FILE_FIELD_SPEC = """
openapi: 3.0.3
info: {title: Up, version: '1'}
paths:
  /up:
    post:
      operationId: upload
      requestBody:
        content:
          multipart/form-data:
            schema: {$ref: '#/components/schemas/Upload'}
      responses: {'204': {description: ok}}
components:
  schemas:
    Upload:
      type: object
      required: [file]
      properties:
        file: {type: string, format: binary}
        note: {type: string}
"""


def test_a_file_field_has_the_json_schema_the_spec_gave_it(tmp_path: Path) -> None:
    """A file part takes bytes, a file object or a tuple, which pydantic cannot describe:
    the model's JSON Schema says what the spec says, in either mode."""
    out = _generate(tmp_path, "up", FILE_FIELD_SPEC)
    script = (
        "import json\nfrom up import models\n"
        "for mode in ('validation', 'serialization'):\n"
        "    print(json.dumps(models.Upload.model_json_schema(mode=mode)['properties']['file']))"
    )
    done = _run(out, script)
    binary = '{"format": "binary", "title": "File", "type": "string"}'
    assert done.stdout.splitlines() == [binary, binary], done.stderr[-3000:]


# Issue 12's shapes: extras typed by an array or a union of references, recursion through
# arrays and maps, patternProperties, nullable enums with null, 3.1 null in type lists, const.
EXTRAS_SPEC = """
openapi: 3.1.0
info: {title: Extras, version: '1'}
paths: {}
components:
  schemas:
    Headers:
      type: object
      additionalProperties:
        type: array
        items: {$ref: '#/components/schemas/ParameterizedHeader'}
    Mixed:
      type: object
      properties:
        name: {type: string}
      additionalProperties:
        oneOf:
          - $ref: '#/components/schemas/ParameterizedHeader'
          - $ref: '#/components/schemas/Plain'
    Tree:
      type: object
      properties:
        children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
        byName: {type: object, additionalProperties: {$ref: '#/components/schemas/Tree'}}
        kind: {const: tree}
        note: {type: [string, 'null']}
        state: {enum: [open, closed, null]}
    ParameterizedHeader:
      type: object
      properties:
        value: {type: string}
    Plain: {type: object, properties: {text: {type: string}}}
    Patterned:
      type: object
      patternProperties:
        '^x-': {type: string}
    Labeled:
      allOf:
        - $ref: '#/components/schemas/Plain'
          description: A sibling of a reference, which 3.1 honours.
        - allOf:
            - $ref: '#/components/schemas/ParameterizedHeader'
            - {type: object, properties: {extra: {type: integer}}}
"""

EXTRAS_SCRIPT = """
from extras import models as m
print(m.Headers.model_validate({"a": [{"value": "x"}]}).root["a"][0].value)
print(m.Mixed.model_validate({"name": "n", "k": {"text": "t"}}).model_extra)
tree = m.Tree.model_validate(
    {"children": [{"byName": {"x": {"kind": "tree"}}}], "note": None, "state": None}
)
print(tree.children[0].byName["x"].kind, tree.note, tree.state)
print(m.Patterned.model_validate({"x-a": "b"}).root)
labeled = m.Labeled.model_validate({"text": "t", "value": "v", "extra": 1})
print(labeled.text, labeled.value, labeled.extra)
"""


def test_extras_of_references_recursion_and_patterns_are_typed(tmp_path: Path) -> None:
    out = _generate(tmp_path, "extras", EXTRAS_SPEC)
    result = _run(out, EXTRAS_SCRIPT)
    assert result.stdout.splitlines() == [
        "x",
        "{'k': Plain(text='t')}",
        "tree None None",
        "{'x-a': 'b'}",
        "t v 1",
    ], result.stderr
    _passes_mypy_and_ruff(out, "extras")


def test_a_default_beside_a_reference_to_a_scalar_model_passes_mypy(tmp_path: Path) -> None:
    """Telnyx: `loop: {$ref: Loopcount, default: 1}` with Loopcount a oneOf of string and
    integer was written `loop: Loopcount = 1`."""
    out = _generate(
        tmp_path,
        "loops",
        """
openapi: 3.0.3
info: {title: Loops, version: '1'}
paths: {}
components:
  schemas:
    Loopcount: {oneOf: [{type: string}, {type: integer}]}
    PlayAudio:
      type: object
      properties:
        loop: {$ref: '#/components/schemas/Loopcount', default: 1}
""",
    )
    _passes_mypy_and_ruff(out, "loops")


def test_a_schema_named_as_a_keyword_or_builtin_is_a_model_the_client_names(
    tmp_path: Path,
) -> None:
    """The fuzzer: a schema named `None` was `models.None_` to the client and `None1` to the
    model tool; `Exception` was `Exception_` and `Exception`. Each is `<Name>Model`, and an
    `AttributeError` model does not hide the exception the models' index raises."""
    out = _generate(
        tmp_path,
        "reserved",
        """
openapi: 3.0.3
info: {title: Builtins, version: '1'}
servers: [{url: 'https://builtins.test'}]
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/Exception'}}}
        '404': {$ref: '#/components/responses/None'}
    post:
      operationId: makeThing
      requestBody:
        content: {application/json: {schema: {$ref: '#/components/schemas/None'}}}
      responses:
        '201':
          description: made
          content: {application/json: {schema: {$ref: '#/components/schemas/AttributeError'}}}
components:
  responses:
    None:
      description: none
      content: {application/json: {schema: {type: object, properties: {at: {type: string}}}}}
  schemas:
    Exception: {type: object, properties: {message: {type: string}}}
    None: {type: object, properties: {a: {type: string}}}
    'True': {type: object, properties: {b: {type: string}}}
    AttributeError: {type: object, properties: {c: {$ref: '#/components/schemas/True'}}}
""",
    )
    _passes_mypy_and_ruff(out, "reserved")
    done = _run(
        out,
        "from reserved import models\n"
        "print(models.ExceptionModel.__name__, models.NoneModel.__name__,"
        " models.TrueModel.__name__, models.AttributeErrorModel.__name__)\n"
        "try:\n"
        "    models.Missing\n"
        "except AttributeError:\n"
        "    print('no Missing')\n",
    )
    assert done.stdout.split() == [
        "ExceptionModel",
        "NoneModel",
        "TrueModel",
        "AttributeErrorModel",
        "no",
        "Missing",
    ], done.stderr


UNIONS = """
openapi: 3.0.3
info: {title: Unions, version: '1'}
servers: [{url: 'https://unions.test'}]
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  pet: {$ref: '#/components/schemas/Pet'}
components:
  schemas:
    Pet:
      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
    Cat:
      type: object
      required: [meows]
      properties: {meows: {type: boolean}}
    Dog:
      type: object
      required: [barks]
      properties: {barks: {type: boolean}}
"""


def test_a_one_of_variant_added_later_is_read_as_its_raw_data(tmp_path: Path) -> None:
    out = _generate(tmp_path, "unions", UNIONS)
    _passes_mypy_and_ruff(out, "unions")
    script = """
import httpx, json, unions
bodies = iter([{"pet": {"meows": True}}, {"pet": {"hops": 3}}])
http = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, json=next(bodies))))
client = unions.UnionsClient(http_client=http)
print(type(client.pets.get_pet("1").pet.root).__name__, client.pets.get_pet("2").pet.root)
"""
    done = _run(out, script)
    assert done.stdout.strip() == "Cat {'hops': 3}", done.stderr


def _nested(levels: int) -> dict[str, Any]:
    """Inline arrays of objects, ``levels`` deep: a model per level."""
    schema: dict[str, Any] = {"type": "string"}
    for _ in range(levels):
        schema = {"type": "array", "items": {"type": "object", "properties": {"inner": schema}}}
    return schema


def _nested_value(levels: int) -> Any:
    value: Any = "x"
    for _ in range(levels):
        value = [{"inner": value}]
    return value


DEEP_SCRIPT = """
import json, sys
from deep import models
value = json.loads(sys.argv[1])
# Tree is defined before its node (which holds it back), and the node's type is a name yet
# to be defined when Tree's class is made.
tree = models.Tree.model_validate({"children": [{"node": {"deep": value}}]})
print(tree.model_dump(mode="json")["children"][0]["node"]["deep"] == value)
# Held by a model of another module, loaded when a value first needs it.
held = models.Holder.model_validate({"holds": {"deep": value, "back": {}}})
print(held.model_dump(mode="json")["holds"]["deep"] == value)
"""


def test_models_nested_deeper_than_pydantic_builds_in_one_go_are_built_at_first_use(
    tmp_path: Path,
) -> None:
    """pydantic builds a deferred model's models within its own build, a level of Python
    recursion per level: 60 levels of inline arrays of objects (the fuzzer's) exceeded the
    default recursion limit at first use. Those held are now built first, deepest first;
    here through a model that holds itself, and through another module's model that holds
    its holder back."""
    deep = _nested(80)
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Deep", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "Tree": {
                    "type": "object",
                    "properties": {
                        "children": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Tree"},
                        },
                        "node": {
                            "type": "object",
                            "properties": {
                                "parent": {"$ref": "#/components/schemas/Tree"},
                                "deep": deep,
                            },
                        },
                    },
                },
                "Holder": {
                    "type": "object",
                    "properties": {"holds": {"$ref": "#/components/schemas/Held"}},
                },
                "Held": {
                    "type": "object",
                    "properties": {
                        "deep": deep,
                        "back": {"$ref": "#/components/schemas/Holder"},
                    },
                },
            }
        },
    }
    out = _generate(tmp_path, "deep", json.dumps(spec))
    done = subprocess.run(
        [sys.executable, "-c", DEEP_SCRIPT, json.dumps(_nested_value(80))],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.split() == ["True", "True"], done.stderr[-2000:]


def test_a_binary_field_is_a_file_whatever_text_comes_before_it(tmp_path: Path) -> None:
    """A line separator in a docstring (a line break to str.splitlines, not to the parser)
    and non-ASCII text before `bytes` on its line (the parser counts UTF-8 bytes) once put
    FileContent in the wrong place."""
    out = _generate(
        tmp_path,
        "edgy",
        """openapi: 3.0.3
info: {title: Edgy, version: '1'}
paths: {}
components:
  schemas:
    Upload:
      type: object
      description: "One\\u2028two"
      properties:
        file: {type: string, format: binary}
    Pick:
      type: object
      properties:
        v:
          oneOf:
            - {type: string, enum: [é]}
            - {type: string, format: binary}
""",
    )
    models = out / "edgy" / "models"
    assert "    file: FileContent | MISSING = MISSING\n" in (models / "upload.py").read_text()
    assert "    v: PickV | FileContent | MISSING = MISSING\n" in (models / "pick.py").read_text()


# FileContent_aliased where a model takes the name FileContent.
@pytest.mark.parametrize("file_content", ["FileContent", "FileContent_aliased"])
def test_the_tree_edited_for_binary_fields_is_the_edited_source_parsed(file_content: str) -> None:
    """The model tool's output is parsed once: renaming `bytes` edits its tree to match."""
    source = (
        "class A(BaseModel):\n"
        "    é: bytes | list[bytes] | None = Field(None, description='bytes, é')\n"
        "    b: Annotated[\n        bytes,\n        Field(description='x'),\n    ] = b''\n"
        "class R(RootModel[bytes]):\n"
        "    root: bytes\n"
    )
    tree = ast.parse(source)
    edited = _files_as_given(source, tree, file_content)
    assert edited.count(file_content) == 5 and "description='bytes, é'" in edited
    parsed = ast.parse(edited)
    assert ast.dump(tree, include_attributes=True) == ast.dump(parsed, include_attributes=True)

"""Inline classes hoisted into models of their own (generator/ir/hoist.py): after hoisting, the
model tool has no class left to name, so that part of a document can be written alone
(issue 29). Each shape below is one the tool used to name itself, with a number counted across
the whole document (`Enterprise1`); hoisted, it has a name of its own and holds what it held."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
import yaml

import generator.render.models
from generator.ir import build_ir
from generator.ir.hoist import hoist_inline
from generator.render.models import _DEFINED, render_models
from generator.spec.load import parse_document
from tests.clients import generate_clients, imported

# Shape -> the spec's schemas, the classes hoisted (each with the model holding it), and lines
# of the models written: the field, typed by the hoisted class as the tool typed it before.
SHAPES: dict[str, tuple[str, dict[str, str], list[str]]] = {
    "an inline object merged with words about it in an allOf": (
        """
        Grant:
          type: object
          properties:
            enterprise:
              allOf:
                - title: Enterprise
                  type: object
                  properties:
                    id: {type: string}
                    type: {type: string, enum: [enterprise]}
                - {description: The enterprise it belongs to.}
        """,
        {"GrantEnterprise": "Grant", "GrantEnterpriseType": "GrantEnterprise"},
        ["    enterprise: GrantEnterprise | MISSING = MISSING"],
    ),
    "an allOf extending a model with fields of its own": (
        """
        Base: {type: object, properties: {id: {type: string}}}
        Holder:
          type: object
          properties:
            extended:
              allOf:
                - $ref: '#/components/schemas/Base'
                - {properties: {rank: {type: integer}}}
        """,
        {"HolderExtended": "Holder"},
        ["class HolderExtended(Base):", "    extended: HolderExtended | MISSING = MISSING"],
    ),
    "the fields of a model's allOf parts": (
        """
        Mini: {type: object, properties: {id: {type: string}}}
        File:
          allOf:
            - $ref: '#/components/schemas/Mini'
            - properties:
                item_status: {type: string, enum: [active, trashed], description: Now.}
        """,
        {"FileItemStatus": "File"},
        ["    item_status: FileItemStatus | MISSING = MISSING", '    """\n    Now.'],
    ),
    "the inline members of a union": (
        """
        Event:
          type: object
          properties:
            source:
              description: What it happened to.
              oneOf:
                - {type: object, properties: {user: {type: string}}}
                - {type: object, properties: {kind: {type: string, enum: [a, b]}}}
        """,
        {"EventSource": "Event", "EventSource1": "Event", "EventSource1Kind": "EventSource1"},
        ["    source: EventSource | EventSource1 | dict[str, Any] | MISSING = MISSING"],
    ),
    "a constrained scalar member of a nullable union": (
        """
        Target: {type: object, properties: {id: {type: string}}}
        Payout:
          type: object
          properties:
            reversed_by:
              description: The payout reversing it.
              nullable: true
              anyOf:
                - {type: string, maxLength: 50}
                - $ref: '#/components/schemas/Target'
        """,
        {"PayoutReversedBy": "Payout"},
        [
            "    reversed_by: PayoutReversedBy | Target | None | MISSING = MISSING",
            # As nullable as the field, as the tool made it inline.
            "    root: Annotated[str | None, Field(max_length=50)] = None",
        ],
    ),
    "the values of a map": (
        """
        Index:
          type: object
          properties:
            entries:
              type: object
              additionalProperties: {type: object, properties: {hits: {type: integer}}}
        """,
        {"IndexEntries": "Index"},
        ["    entries: dict[str, IndexEntries] | MISSING = MISSING"],
    ),
    "the items of a list of lists": (
        """
        Grid:
          type: object
          properties:
            rows:
              type: array
              items: {type: array, items: {type: object, properties: {v: {type: number}}}}
        """,
        {"GridRow": "Grid"},
        ["    rows: list[list[GridRow]] | MISSING = MISSING"],
    ),
    "a constrained scalar item of a list": (
        """
        Address:
          type: object
          properties:
            street: {type: array, minItems: 1, items: {type: string, minLength: 1}}
        """,
        {"AddressStreetItem": "Address"},
        ["    street: Annotated[list[AddressStreetItem] | MISSING, Field(min_length=1)] = MISSING"],
    ),
    "what a union's members hold": (
        """
        Patch:
          type: object
          properties:
            value:
              oneOf:
                - {type: string}
                - {type: array, items: {type: object, properties: {primary: {type: boolean}}}}
        """,
        {"PatchValueItem": "Patch"},
        ["    value: str | list[PatchValueItem] | MISSING = MISSING"],
    ),
    "the constrained lists a model is a union of": (
        """
        Labels:
          oneOf:
            - {type: array, minItems: 1, items: {type: string}}
            - {type: string}
        """,
        {"Labels1": "Labels"},
        ["class Labels1(RootModel[list[str]]):"],
    ),
    "a field whose name is not a word": (
        """
        Branch:
          type: object
          properties:
            _links: {type: object, properties: {html: {type: string}}}
        """,
        {"BranchLinks": "Branch"},
        ["    field_links: Annotated[BranchLinks | MISSING, Field(alias='_links')] = MISSING"],
    ),
    "an allOf of two models": (
        """
        Channel: {type: object, properties: {name: {type: string}}}
        Actor: {type: object, properties: {url: {type: string}}}
        ChannelList:
          type: object
          properties:
            data:
              type: array
              items:
                allOf: [{$ref: '#/components/schemas/Channel'}, {$ref: '#/components/schemas/Actor'}]
        """,
        {"ChannelListDatum": "ChannelList"},
        [
            "class ChannelListDatum(Channel, Actor):",
            "    data: list[ChannelListDatum] | MISSING = MISSING",
        ],
    ),
    "a model that is a union of constrained scalars": (
        r"""
        Length:
          title: Extension length
          oneOf:
            - {type: string, enum: [none]}
            - {type: string, format: int32, pattern: '^[1-9]\d*$'}
            - {type: integer, minimum: 1}
        """,
        # Named after the model, numbered as its name is taken.
        {"Length1": "Length", "Length2": "Length", "Length3": "Length"},
        [
            "class Length(RootModel[Length1 | Length2 | Length3]):",
            # With the model's title, as the tool wrote the member inline.
            "    root: Annotated[int, Field(ge=1, title='Extension length')]",
        ],
    ),
    "an object extending a model with fields beside its allOf": (
        """
        Endpoint: {type: object, properties: {url: {type: string}}}
        Config:
          type: object
          properties:
            addMedia:
              type: object
              allOf: [{$ref: '#/components/schemas/Endpoint'}]
              properties: {opt: {type: array, items: {type: string, enum: [confirm]}}}
        """,
        {"ConfigAddMedia": "Config", "ConfigAddMediaOptEnum": "ConfigAddMedia"},
        ["class ConfigAddMedia(Endpoint):", "    addMedia: ConfigAddMedia | MISSING = MISSING"],
    ),
    "a constrained list item of a list": (
        """
        Matrix:
          type: object
          properties:
            rows: {type: array, items: {type: array, minItems: 2, items: {type: number}}}
        """,
        {"MatrixRow": "Matrix"},
        [
            "class MatrixRow(RootModel[list[float]]):",
            "    rows: list[MatrixRow] | MISSING = MISSING",
        ],
    ),
    "a discriminated union that is a list's item": (
        """
        Cat: {type: object, required: [kind], properties: {kind: {type: string}, meow: {type: string}}}
        Dog: {type: object, required: [kind], properties: {kind: {type: string}, bark: {type: string}}}
        Zoo:
          type: object
          properties:
            animals:
              type: array
              items:
                oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
                discriminator: {propertyName: kind}
        """,
        {"ZooAnimal": "Zoo"},
        ["class ZooAnimal(RootModel[", "    animals: list[ZooAnimal] | MISSING = MISSING"],
    ),
    "a reference to a union documented in an allOf": (
        """
        AgentReference: {type: object, properties: {id: {type: string}}}
        AgentInline: {type: object, properties: {prompt: {type: string}}}
        AgentChoice:
          type: object
          oneOf:
            - $ref: '#/components/schemas/AgentReference'
            - $ref: '#/components/schemas/AgentInline'
        Agent: {type: object, properties: {name: {type: string}}}
        Ask:
          type: object
          properties:
            answerer:
              allOf:
                - $ref: '#/components/schemas/AgentChoice'
                - {description: The agent that answers.}
            agent:
              allOf:
                - $ref: '#/components/schemas/AgentChoice'
                - {description: The agent if that one cannot.}
              nullable: true
        """,
        # Nothing to hoist: each field is the reference, with its words. The tool made a
        # class of each member with the words, which a caller could not give the members'
        # own for, and named the union's copy after the field, numbered across the document
        # (`Agent1`; in Box's spec the copy took `Item`, and the spec's own Item was `Item1`).
        {},
        [
            '    answerer: AgentChoice | MISSING = MISSING\n    """\n    The agent that answers.\n',
            "    agent: AgentChoice | None | MISSING = MISSING\n",
            "class Agent(BaseModel):\n",
        ],
    ),
    "an object merged from allOf parts, documented in an allOf": (
        """
        FileInfo:
          type: object
          properties:
            embed:
              allOf:
                - title: Expiring embed link
                  type: object
                  allOf:
                    - properties:
                        access_token: {type: string}
                        token_type: {type: string, enum: [bearer]}
                    - properties: {url: {type: string}}
                - {description: A link that expires.}
        """,
        # The tool named it after its title (`ExpiringEmbedLink`), numbered across the
        # document where another model has the same title, as Box's FileFull and FolderFull do.
        {"FileInfoEmbed": "FileInfo", "FileInfoEmbedTokenType": "FileInfoEmbed"},
        [
            "    embed: FileInfoEmbed | MISSING = MISSING\n",
            "    token_type: FileInfoEmbedTokenType | MISSING = MISSING\n",
            "    url: str | MISSING = MISSING\n",
        ],
    ),
    "a scalar, a list or an enum documented in an allOf": (
        """
        Folder:
          type: object
          properties:
            description:
              allOf: [{type: string, maxLength: 256}, {nullable: false}]
            shared:
              allOf: [{type: boolean}, {description: Whether others may invite.}]
            sequence:
              allOf: [{type: string, nullable: true}, {nullable: false}]
            tags:
              allOf: [{type: array, items: {type: string}, maxItems: 100}, {nullable: false}]
            state:
              allOf: [{type: string, enum: [synced, not_synced]}, {description: How it is.}]
        """,
        # Each is the field's own type, with its constraints; an enum a class of our naming.
        # The tool made a RootModel of each, named after the field or its title (read with
        # `.root`), and dropped the string's constraint.
        {"FolderState": "Folder"},
        [
            "    description: Annotated[str | MISSING, Field(max_length=256)] = MISSING\n",
            "    shared: bool | MISSING = MISSING\n",
            # Null passes the first part, and `nullable: false` alone forbids nothing.
            "    sequence: str | None | MISSING = MISSING\n",
            "    tags: Annotated[list[str] | MISSING, Field(max_length=100)] = MISSING\n",
            "    state: FolderState | MISSING = MISSING\n",
        ],
    ),
    "maps of what an allOf documents": (
        """
        Value:
          oneOf: [{type: string}, {type: number}]
        Search:
          type: object
          properties:
            filters:
              type: object
              additionalProperties:
                allOf:
                  - $ref: '#/components/schemas/Value'
                  - {description: A value to match.}
                  - {x-example-key: category}
            params:
              type: object
              additionalProperties:
                allOf: [{description: Anything.}, {}]
                x-example-key: amount
        """,
        # A vendor's extension says nothing of the type, and words alone allow anything.
        {},
        [
            "    filters: dict[str, Value] | MISSING = MISSING\n",
            "    params: dict[str, Any] | MISSING = MISSING\n",
        ],
    ),
    "a map documented in an allOf, in a field named like a model": (
        """
        Instance: {type: object, properties: {id: {type: string}}}
        Metadata:
          title: Metadata instance
          allOf: [{$ref: '#/components/schemas/Instance'}]
        Document:
          type: object
          properties:
            metadata:
              allOf:
                - type: object
                  additionalProperties:
                    type: object
                    additionalProperties: {$ref: '#/components/schemas/Instance'}
                - {description: Its metadata by scope and template.}
        """,
        # The tool made a class of no fields of the map, named `Metadata` after the field, and
        # renamed the spec's own model `Metadata2`: the map's contents were dropped.
        {},
        [
            "    metadata: dict[str, dict[str, Instance]] | MISSING = MISSING\n",
            "class Metadata(Instance):\n",
        ],
    ),
    "a name a model has already": (
        """
        Customer:
          type: object
          properties:
            home: {type: object, properties: {zip: {type: string}}}
        CustomerHome: {type: object, properties: {city: {type: string}}}
        """,
        # Numbered by our rule, not left to the tool's count across the document.
        {"CustomerHome1": "Customer"},
        ["    home: CustomerHome1 | MISSING = MISSING"],
    ),
}


def tool_named(source: str, given: Iterable[str]) -> list[str]:
    """The classes and aliases the model tool's output defines that were not ``given``: the
    names it gave itself."""
    return sorted({n for found in _DEFINED.findall(source) for n in found if n} - set(given))


def _api(schemas: str) -> Any:
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Shapes", "version": "1"},
        "paths": {},
        "components": {"schemas": yaml.safe_load(schemas)},
    }
    return build_ir(parse_document(json.dumps(spec), "s.json"), "s", "specs/s/openapi.json")


def _models(api: Any) -> str:
    """The model modules written for ``api``, less the package's ``__init__``."""
    files = render_models(api)
    return "\n".join(text for path, text in sorted(files.items()) if path.name != "__init__.py")


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_shape_is_hoisted_and_the_tool_names_nothing(shape: str) -> None:
    schemas_yaml, expected, lines = SHAPES[shape]
    api = _api(schemas_yaml)
    schemas = {m.name: json.loads(m.schema_json) for m in api.models}
    assert hoist_inline(schemas) == expected
    source = _models(api)
    assert tool_named(source, schemas) == []
    for line in lines:
        assert line in source, source


# Shape -> the spec's schemas: shapes the tool writes its own way inline, which hoisted would
# read otherwise.
LEFT_INLINE = {
    # The tool keeps the parent's field (a dict); hoisted, the field took the child's class.
    "a field a parent has too": """
        ClientError:
          type: object
          properties:
            context_info: {type: object, additionalProperties: true}
        ConflictError:
          allOf:
            - $ref: '#/components/schemas/ClientError'
            - properties:
                context_info: {type: object, properties: {conflicts: {type: string}}}
        """,
    # A child's part redefines the field: the tool merges the two, and the parent's default
    # is lost where the parent's field is a reference.
    "a field a child's allOf part redefines": """
        Options:
          allOf:
            - properties: {name: {type: string}}
            - properties:
                language: {type: string, enum: [en, fr], default: en, nullable: true}
        SubmitOptions:
          allOf:
            - properties: {language: {description: The language.}}
            - $ref: '#/components/schemas/Options'
        """,
    # The tool makes a class of each member with the fields beside: merged, not the member.
    "the members of a union beside fields": """
        Issues:
          type: object
          properties:
            results:
              type: array
              items:
                type: object
                properties: {id: {type: string}}
                oneOf:
                  - {properties: {project: {type: string}}, required: [project]}
                  - {properties: {projects: {type: array, items: {}}}, required: [projects]}
        """,
    # A model of no fields is copied inline (a dict); the model itself is a class.
    "a reference with its type to a model of no fields": """
        Whitelist: {type: object}
        Result:
          type: object
          properties:
            whitelist: {$ref: '#/components/schemas/Whitelist', type: object}
        """,
    # Inline, the field is the const's Literal; hoisted, it took the enum.
    "an enum with a const": """
        Mode:
          type: object
          properties:
            kind: {type: string, enum: [fixed], const: fixed}
        """,
}


@pytest.mark.parametrize("shape", sorted(LEFT_INLINE))
def test_what_the_tool_writes_its_own_way_is_left_inline(
    shape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = _api(LEFT_INLINE[shape])
    schemas = {m.name: json.loads(m.schema_json) for m in api.models}
    assert hoist_inline(schemas) == {}
    hoisted = render_models(api)
    monkeypatch.setattr(generator.render.models, "hoist_inline", lambda schemas: {})
    assert render_models(api) == hoisted


def test_a_reference_is_not_copied_for_what_it_says_anyway() -> None:
    """`nullable: false` or the model's own type beside a reference: the tool would copy the
    model into a class it names itself; the field holds the model, documented as the tool
    documented it."""
    user = "User: {type: object, description: A user., properties: {id: {type: string}}}"
    api = _api(f"""
        {user}
        Entry:
          type: object
          required: [owner]
          properties:
            owner: {{$ref: '#/components/schemas/User', nullable: false, description: Who.}}
            editor: {{$ref: '#/components/schemas/User', type: object}}
        """)
    schemas = {m.name: json.loads(m.schema_json) for m in api.models}
    assert hoist_inline(schemas) == {}
    assert schemas["Entry"]["properties"] == {
        "owner": {"$ref": "#/components/schemas/User", "description": "Who."},
        "editor": {"$ref": "#/components/schemas/User", "description": "A user."},
    }
    source = _models(api)
    assert tool_named(source, schemas) == []
    assert "    owner: User\n" in source
    assert '    editor: User | MISSING = MISSING\n    """\n    A user.\n' in source
    # A field named like the model: a field typed by it would have the tool rename that one
    # (`User_1`), so that each is left as it is.
    api = _api(f"""
        {user}
        Entry:
          type: object
          properties:
            editor: {{$ref: '#/components/schemas/User', type: object}}
            User: {{$ref: '#/components/schemas/User', type: object}}
        """)
    schemas = {m.name: json.loads(m.schema_json) for m in api.models}
    assert hoist_inline(schemas) == {}
    source = _models(api)
    assert tool_named(source, schemas) == ["EntryEditor", "EntryUser"]
    assert "    User: EntryUser | MISSING = MISSING\n" in source


SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "Shapes", "version": "1"},
    "paths": {
        "/payouts/{id}": {
            "get": {
                "operationId": "getPayout",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {
                        "description": "The payout.",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Payout"}}
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            name: schema
            for schemas, _, _ in SHAPES.values()
            for name, schema in yaml.safe_load(schemas).items()
        }
    },
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_clients(tmp_path_factory.mktemp("shapes"), {"shapes": json.dumps(SPEC)})[0]


@pytest.mark.slow
def test_a_client_of_every_shape_passes_mypy_strict_and_ruff(generated: Path) -> None:
    for command in (["mypy", "--strict", "shapes"], ["ruff", "check", "--no-cache", "shapes"]):
        done = subprocess.run(
            [sys.executable, "-m", *command], cwd=generated, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_hoisted_classes_read_what_they_read_inline(generated: Path) -> None:
    """Nullability, nesting and constraints as the spec says, through the hoisted classes."""
    assert (generated / "shapes" / "models").is_dir()
    with imported(generated, "shapes") as (shapes,):
        models = shapes.models
        payout = models.Payout.model_validate({"reversed_by": None})
        assert payout.reversed_by is None
        assert models.Payout.model_validate({"reversed_by": "po_1"}).reversed_by.root == "po_1"
        grid = models.Grid.model_validate({"rows": [[{"v": 1.5}]]})
        assert grid.rows[0][0].v == 1.5
        grant = models.Grant.model_validate({"enterprise": {"id": "e", "type": "enterprise"}})
        assert type(grant.enterprise).__name__ == "GrantEnterprise"
        with pytest.raises(ValueError):
            models.Address.model_validate({"street": [""]})
        # A union's own member, given where a field documented in an allOf refers to it.
        ask = models.Ask(answerer=models.AgentReference(id="a"), agent=None)
        assert ask.model_dump(mode="json") == {"answerer": {"id": "a"}, "agent": None}
        assert type(models.Ask.model_validate({"answerer": {"prompt": "p"}}).answerer.root) in (
            models.AgentReference,
            models.AgentInline,
        )
        info = models.FileInfo.model_validate({"embed": {"url": "u", "token_type": "bearer"}})
        assert (info.embed.url, info.embed.token_type) == ("u", "bearer")
        folder = models.Folder.model_validate({"shared": True, "sequence": None, "state": "synced"})
        assert (folder.shared, folder.sequence, folder.state) == (True, None, "synced")
        with pytest.raises(ValueError):
            models.Folder(description="x" * 257)
        scoped = models.Document.model_validate({"metadata": {"global": {"tags": {"id": "1"}}}})
        assert scoped.metadata["global"]["tags"].id == "1"

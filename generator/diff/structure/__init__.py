"""The structural diff of two effective specs: what was added, removed or changed where, with
both sides, and no judgement. One pass pairs the two documents, following ``$ref``s; the rule
families' checks (``diff/rules/``) read the facts it returns and name their situations.

- ``spec``: servers, security schemes, endpoints, webhooks and callbacks;
- ``operation``: parameters, request bodies, media types, responses, security requirements;
- ``schema``: schemas paired where they are used; ``composition``: how a schema reads
  (refs and 3.1 siblings, the null alternative, ``allOf``, ``oneOf`` branches).
"""

from .fact import Endpoint, Fact, Side
from .operation import (
    ContentDiff,
    OperationDiff,
    ParameterDiff,
    RequestBodyDiff,
    ResponseDiff,
    SecurityDiff,
)
from .schema import (
    Branches,
    PropertyDiff,
    RetypedSchemaDiff,
    SchemaDiff,
    SchemaFact,
    SchemaPair,
    Subschema,
    WholeSchemaDiff,
)
from .spec import EndpointDiff, SecuritySchemeDiff, ServersDiff, SpecDiff, diff_structure

__all__ = [
    "Branches",
    "ContentDiff",
    "Endpoint",
    "EndpointDiff",
    "Fact",
    "OperationDiff",
    "ParameterDiff",
    "PropertyDiff",
    "RequestBodyDiff",
    "ResponseDiff",
    "RetypedSchemaDiff",
    "SchemaDiff",
    "SchemaFact",
    "SchemaPair",
    "SecurityDiff",
    "SecuritySchemeDiff",
    "ServersDiff",
    "Side",
    "SpecDiff",
    "Subschema",
    "WholeSchemaDiff",
    "diff_structure",
]

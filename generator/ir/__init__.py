"""The intermediate representation: everything a renderer needs, decided once, no spec dicts.

Model schemas are the one exception to "no raw spec": datamodel-code-generator
consumes JSON Schema, so each ``ModelSchema`` carries its schema as canonical
JSON text (immutable), already prepared for that tool.

types.py holds the values, builder.py makes them from a document (build_ir),
resources.py groups operations into resources and names them, and schemas.py
prepares model schemas for datamodel-code-generator.
"""

from .builder import build_ir
from .schemas import describe_type
from .types import (
    Api,
    ModelField,
    ModelSchema,
    Operation,
    Parameter,
    RequestBody,
    Resource,
    Response,
    SecurityScheme,
)

__all__ = [
    "Api",
    "ModelField",
    "ModelSchema",
    "Operation",
    "Parameter",
    "RequestBody",
    "Resource",
    "Response",
    "SecurityScheme",
    "build_ir",
    "describe_type",
]

"""Vendor OpenAPI specs in, typed and tested Python clients out."""

from .errors import Diagnostic, SourceRef, SpecError
from .pipeline import check, generate

__all__ = ["Diagnostic", "SourceRef", "SpecError", "check", "generate"]

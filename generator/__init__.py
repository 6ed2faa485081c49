"""Vendor OpenAPI specs in, typed and tested Python clients out."""

from typing import TYPE_CHECKING, Any

from .core.errors import Diagnostic, SourceRef, SpecError

if TYPE_CHECKING:
    from .diff import diff_files, diff_specs
    from .pipeline import check, generate

__all__ = ["Diagnostic", "SourceRef", "SpecError", "check", "diff_files", "diff_specs", "generate"]


def __getattr__(name: str) -> Any:
    # The pipeline imports heavy libraries; `import generator` (and `python -m generator`)
    # stay cheap until it is used.
    if name in ("generate", "check"):
        from . import pipeline

        return getattr(pipeline, name)
    if name in ("diff_specs", "diff_files"):
        from . import diff

        return getattr(diff, name)
    raise AttributeError(f"module 'generator' has no attribute {name!r}")

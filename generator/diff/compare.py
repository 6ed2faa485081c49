"""Compare two effective specs: the structural diff (``structure/``, facts) read by every rule
family's checks (``rules/``), which name each difference by the rule that judges it."""

from __future__ import annotations

from ..spec.load import Document
from .findings import Change
from .rules import run_checks
from .structure import diff_structure


def compare_documents(base: Document, revision: Document) -> list[Change]:
    return list(run_checks(diff_structure(base, revision)))

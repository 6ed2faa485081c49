"""isort and black on in-memory sources, with pinned settings."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath

import black
import isort

_BLACK = black.Mode(line_length=100, target_versions={black.mode.TargetVersion.PY311})
_ISORT = isort.Config(profile="black", line_length=100)


def format_files(files: Mapping[PurePosixPath, str]) -> dict[PurePosixPath, str]:
    """Python files formatted; other files unchanged. A file that does not parse is our bug."""
    return {
        path: (
            black.format_str(isort.code(text, config=_ISORT), mode=_BLACK)
            if path.suffix == ".py"
            else text
        )
        for path, text in files.items()
    }

"""Renderers: IR in, ``{relative path: source text}`` out. They never touch the file system."""

from .client import render_client, render_pyproject
from .models import models_inputs, models_package, render_models

__all__ = [
    "models_inputs",
    "models_package",
    "render_client",
    "render_models",
    "render_pyproject",
]

"""Renderers: IR in, ``{relative path: source text}`` out. They never touch the file system."""

from .client import render_client
from .models import render_models

__all__ = ["render_client", "render_models"]

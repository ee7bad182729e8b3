"""Rendering: page specs, the templates' helpers and words, and the Renderer that turns specs into pages."""

from .helpers import escape_all
from .renderer import Renderer
from .specs import PageSpec
from .words import language_name, text_direction

__all__ = ["PageSpec", "Renderer", "escape_all", "language_name", "text_direction"]

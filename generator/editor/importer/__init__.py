"""`digest import`: a raw article copied from a news page -> a draft story.

Its language detection (py3langid, with numpy) and sentence splitting are an optional extra:
`pip install 'mkdocs-digest[import]'`. Importing this package without them raises MissingExtra, which says so.
"""

from __future__ import annotations

INSTALL = "pip install 'mkdocs-digest[import]'"


class MissingExtra(ImportError):
    """The importer's optional dependencies are not installed."""


try:
    import py3langid  # noqa: F401 - detect_language loads it when first called; checked here so that a missing extra is named at once

    from .article import Article, clean, draft_story, read_article
    from .language import detect_language
except ImportError as err:  # py3langid, numpy or the sentence splitter is missing
    if err.name is None or err.name.startswith("generator"):
        raise
    raise MissingExtra(f"digest import needs the importer's extra ({err.name} is not installed): {INSTALL}") from err

__all__ = ["Article", "MissingExtra", "clean", "detect_language", "draft_story", "read_article"]

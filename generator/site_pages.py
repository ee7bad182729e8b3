"""Pages that are not stories (About, Imprint, Privacy, Subscribe): content/pages/<name>.<lang>.md.

A page is published at /<name>/ in the default language and /<lang>/<name>/ in the others; its language
versions are linked by <name>, as a story's are by its key. Pages are checked like stories, field by field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .fields import SLUG, alias_list, boolean, integer, language, text
from .front_matter import INVALID
from .loading import Document
from .model import Problem, Settings, SitePage
from .validation import check_body, check_fields, file_slug

# name -> (required, check, example)
PAGE_FIELDS: dict[str, tuple[bool, Callable[[Any], Any], str]] = {
    "title": (True, text, "title: About us"),
    "lang": (True, language, "lang: en"),
    "summary": (False, text, "summary: Who writes this digest, and how."),
    "nav": (False, boolean, "nav: true"),
    "order": (False, integer, "order: 1"),
    "aliases": (False, alias_list, "aliases: [about-us/]"),
}
# Addresses the site's own pages or MkDocs' files take: a page may not be named after them.
RESERVED = {"index", "page", "pages", "assets", "search", "pagefind", "404", "sitemap", "feed", "rss"}


def page_files(settings: Settings) -> list[Path]:
    """The Markdown files of content/pages/, in a stable order."""
    folder = Path(settings.root) / settings.content_dir / settings.pages_dir
    return sorted(path for path in folder.glob("*.md") if path.is_file() and not path.name.startswith("."))


def is_page_file(path: Path, settings: Settings) -> bool:
    return path.parent == Path(settings.root) / settings.content_dir / settings.pages_dir


def reserved_names(settings: Settings) -> set[str]:
    """First path segments that the digest's own pages use, from the URL layouts, and the language codes."""
    layouts = (settings.topics_url, settings.topic_url, settings.archive_url, settings.issues_url, settings.issue_url, settings.story_url)
    firsts = {layout.split("/", 1)[0] for layout in layouts if "{" not in layout.split("/", 1)[0]}
    return RESERVED | firsts | set(settings.languages)


def check_page(doc: Document, settings: Settings) -> tuple[SitePage | None, list[Problem]]:
    """Validate one page file; a SitePage when nothing is wrong."""
    values, problems = check_fields(doc, PAGE_FIELDS)
    name, problem = page_name(doc, values, settings)
    problems += ([problem] if problem else []) + check_body(doc)
    if problems or any(value is INVALID for value in doc.values.values()):
        return None, problems
    known: dict[str, Any] = {key: values[key] for key in ("summary", "nav", "order", "aliases") if key in values}
    known["body_line"] = doc.start_line + len(doc.body) - len(doc.body.lstrip("\n"))
    return SitePage(doc.path, name, values["lang"], values["title"], doc.body.strip("\n"), lines=dict(doc.lines), **known), []


def page_name(doc: Document, values: dict[str, Any], settings: Settings) -> tuple[str, Problem | None]:
    """The page's name from its file name, '<name>.<lang>.md', and whether it can be an address."""
    stem = doc.path.rsplit("/", 1)[-1].removesuffix(".md")
    base, _, suffix = stem.rpartition(".")
    lang = values.get("lang")
    if not base or suffix not in settings.languages:
        example = f"{file_slug(stem) or 'about'}.{lang or settings.default_language}.md"
        return "", Problem(doc.path, 1, "file", f"expected a page file named <name>.<language>.md, got {stem}.md; e.g. {example}")
    if lang is not None and suffix != lang:
        return "", Problem(doc.path, doc.lines["lang"], "lang", f"the file name says '{suffix}' but lang is '{lang}'; e.g. lang: {suffix}")
    name = file_slug(base)
    if not SLUG.match(name) or name in reserved_names(settings) or re.fullmatch(r"\d+", name):
        taken = "is taken by the digest's own pages" if name in reserved_names(settings) else "has no letters to make an address from"
        return "", Problem(doc.path, 1, "file", f"the page name '{base}' {taken}; rename the file, e.g. about-us.{suffix}.md")
    return name, None

"""Slugs and story paths made from headlines in any script."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

from slugify import slugify

MAX_SLUG = 80  # long enough for a headline, short enough for a file name and an address


def slug_for(title: str) -> str:
    """A lowercase ASCII slug, transliterated: 'Китай обходит санкции' -> 'kitai-obkhodit-sanktsii'."""
    return slugify(title, max_length=MAX_SLUG, word_boundary=True, save_order=True) or "story"


def story_path(content_dir: str, date: dt.date, slug: str, lang: str) -> str:
    """Where a new story goes: content/YYYY/MM/<slug>.<lang>.md, relative to the project root."""
    return str(PurePosixPath(content_dir) / f"{date:%Y}" / f"{date:%m}" / f"{slug}.{lang}.md")

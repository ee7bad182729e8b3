"""Golden pages: what our templates write for a few sample pages of each language, reviewed in diffs.

The files under tests/golden_pages/<lang>/ hold the page as the core renders it for MkDocs (its front matter,
then the templates' HTML around the editor's Markdown), not Material's shell around it: that markup is not
ours. The sample content is rendered with a pinned clock, so the output changes only when a template, the
sample content or the core changes. After a deliberate change, refresh the files and read the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden_pages.py      (part of: make golden)
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from generator import Settings, build_site

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden_pages"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
# One page of each kind, by its path in a language's docs folder; the story is picked per language below.
KINDS = {"home": "index.md", "topic": "topics/ai-chips/index.md", "issue": "issues/2025-W18/index.md", "archive": "archive/index.md"}
STORY_KEY = "huawei-ascend-910d"


@pytest.fixture(scope="module")
def site():
    settings = Settings(
        root=str(ROOT),
        languages=("en", "ru", "fr"),
        site_name="AI Chips Digest",
        site_url="https://example.github.io/digest/",
        timezone="Europe/Paris",
        now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    built = build_site(settings)
    assert not built.problems, [str(p) for p in built.problems]
    return built


def shown(page) -> str:
    """The page as a reviewer reads it: front matter as sorted, indented JSON, then head, Markdown and tail."""
    meta = json.dumps(page.meta, ensure_ascii=False, indent=1, sort_keys=True, default=str)
    return f"{meta}\n--- head\n{page.head}\n--- markdown\n{page.markdown}\n--- tail\n{page.tail}\n"


def chosen(site, lang: str) -> dict[str, object]:
    pages = {page.path: page for page in site.pages[lang] if hasattr(page, "head")}
    found = {kind: pages[path] for kind, path in KINDS.items()}
    story = next(s for s in site.stories if s.key == STORY_KEY and s.lang == lang)
    found["story"] = next(
        page for page in pages.values() if page.meta.get("digest", {}).get("kind") == "story" and page.url.rstrip("/").endswith(story.slug)
    )
    return found


@pytest.mark.parametrize("lang", ["en", "ru", "fr"])
def test_golden_pages(site, lang):
    for kind, page in chosen(site, lang).items():
        expected_file = GOLDEN / lang / f"{kind}.txt"
        actual = shown(page)
        if UPDATE:
            expected_file.parent.mkdir(parents=True, exist_ok=True)
            if not expected_file.exists() or expected_file.read_text(encoding="utf-8") != actual:
                expected_file.write_text(actual, encoding="utf-8", newline="\n")
            continue
        assert expected_file.exists(), f"{expected_file} is missing; write it with: make golden"
        assert actual == expected_file.read_text(encoding="utf-8"), (
            f"what the templates write for the {lang} {kind} page changed; if intended, run make golden and review the diff"
        )

"""The floor: the same story files built by plain MkDocs + Material, with no digest at all.

One language, every story as a plain page in docs/<lang>/YYYY/MM/, left out of the nav (`not_in_nav`),
with the digest's theme settings (minus our template overrides) and Markdown extensions, and no plugins.
This is the least a Material site of these stories costs: no index pages, no feeds, no search index.
The story files are copied as they are; MkDocs keeps front matter it does not know as page meta.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml


def floor_config(digest_config: dict) -> dict:
    """A plain MkDocs config with the digest's theme and Markdown extensions, stories out of the nav, no plugins."""
    theme = {key: value for key, value in digest_config["theme"].items() if key != "custom_dir"}
    return {
        "site_name": digest_config.get("site_name", "Floor"),
        "site_url": digest_config.get("site_url"),
        "docs_dir": "docs",
        "theme": theme,
        "markdown_extensions": digest_config.get("markdown_extensions", []),
        "nav": [{"Home": "index.md"}],
        "not_in_nav": "/*/\n",  # every story; only the home page is in the nav
        "plugins": [],  # no search either: the digest's search (Pagefind) is part of what we measure against
    }


def write_floor(project: Path, out: Path) -> Path:
    """A plain MkDocs project in out holding project's story files; return out."""
    content = project / "content"
    docs = out / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Stories\n\nEvery story is a page of its own, not in the nav.\n", encoding="utf-8")
    for path in sorted(content.rglob("*.md")):
        rel = path.relative_to(content)
        stem, _, lang = path.stem.rpartition(".")  # name.en.md -> docs/en/YYYY/MM/name.md
        target = docs / lang / rel.parent / f"{stem}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    config = floor_config(yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8")))
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out

"""Story files written for the editor to fill in: `digest new` and the drafts of `digest import`.

Everything here returns text except create_story, the one place that writes, and it never replaces a file.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from ..model import Source, Story

SUMMARY_PLACEHOLDER = "One sentence that tells the news."
BODY_PLACEHOLDER = "<!-- Write the summary here, in Markdown: a few short paragraphs, lists or links. -->"
# How the comments that translation stubs and imported drafts start with begin: `digest check` looks for them.
TRANSLATE_NOTE = "<!-- Translate from "
DRAFTED_NOTE = "<!-- Drafted by digest import"


@dataclass
class StoryDraft:
    """The fields of a story file in the order editors read them, with a comment for any of them."""

    title: str
    date: dt.date | dt.datetime
    lang: str
    topics: list[str]
    story: str
    sources: list[Source]
    summary: str
    body: str
    draft: bool = True
    comments: dict[str, str] = field(default_factory=dict)  # field -> a '# ...' note on its line


def scalar(value: Any) -> str:
    """One YAML value on one line, quoted only when YAML needs it."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1 << 20, sort_keys=False)
    return text.removesuffix("\n...\n").rstrip("\n")


def source_value(sources: list[Source]) -> Any:
    items = [{"name": s.name, **({"url": s.url} if s.url else {})} for s in sources]
    return items[0] if len(items) == 1 else items


def source_from_url(url: str, name: str | None = None) -> Source:
    """A source named after its site when the editor gives no name: https://www.ft.com/x -> ft.com."""
    host = urlsplit(url).hostname or url
    return Source(name or host.removeprefix("www."), url)


def render(draft: StoryDraft) -> str:
    """The story file: front matter, then the body."""
    fields = {
        "title": draft.title,
        "date": draft.date,
        "lang": draft.lang,
        "topics": draft.topics,
        "story": draft.story,
        "source": source_value(draft.sources),
        "summary": draft.summary,
    }
    if draft.draft:
        fields["draft"] = True
    lines = ["---"]
    for name, value in fields.items():
        note = draft.comments.get(name)
        lines.append(f"{name}: {scalar(value)}" + (f"  # {note}" if note else ""))
    lines.append("---")
    return "\n".join(lines) + "\n\n" + draft.body.strip("\n") + "\n"


def new_story(
    title: str, *, date: dt.date, lang: str, topics: list[str], story: str, sources: list[Source], summary: str | None
) -> StoryDraft:
    """A fresh story: the editor's fields, placeholders for the rest, kept out of the build until ready."""
    comments = {"draft": "delete this line (or set false) to publish"}
    if summary is None:
        comments["summary"] = "replace with the one-sentence lede shown on index pages"
    return StoryDraft(
        title=title,
        date=date,
        lang=lang,
        topics=topics,
        story=story,
        sources=sources,
        summary=summary or SUMMARY_PLACEHOLDER,
        body=BODY_PLACEHOLDER,
        comments=comments,
    )


def translation_stub(original: Story, date: dt.date | dt.datetime, title: str, lang: str, summary: str | None) -> StoryDraft:
    """A translation of an existing story: same key, date, topics and source; the original's text to translate from."""
    comments = {"draft": "delete this line (or set false) to publish", "story": f"the same key as {original.path}"}
    if summary is None:
        comments["summary"] = f"still the {original.lang} original: translate it"
    quoted = "\n\n".join(part for part in (f"Title: {original.title}", f"Summary: {original.summary}", original.body) if part.strip())
    body = f"{TRANSLATE_NOTE}{original.path} ({original.lang}); this comment is not published.\n\n{quoted.replace('-->', '- ->')}\n-->\n"
    return StoryDraft(
        title=title,
        date=date,
        lang=lang,
        topics=list(original.topics),
        story=original.key,
        sources=list(original.sources),
        summary=summary or original.summary,
        body=body,
        comments=comments,
    )


def create_story(root: Path, rel: str, text: str) -> Path:
    """Write a new file; FileExistsError when anything is already at that path, which is left untouched."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    # 'x' asks the OS to fail if the file exists, so not even a race with another command replaces it.
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return path


def relative(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()

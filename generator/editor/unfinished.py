"""Work an editor left unfinished in a story that otherwise passes validation (issue 16).

A placeholder of `digest new` or `digest import` still in place, an empty body, a `FILL IN` mark, a translation
whose title or summary is still another version's text, or whose summary or body reads as another language.
Each finding is a Problem; `digest check` reports those of published stories as problems and those of drafts
as notes. The language check needs the importer's extra (py3langid): without it, it is skipped, and said so.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from ..model import Problem, Story
from .coverage import pick_original
from .scaffold import BODY_PLACEHOLDER, DRAFTED_NOTE, SUMMARY_PLACEHOLDER, TRANSLATE_NOTE

FILL_IN = "FILL IN"
# Language detection is trusted only on enough text and when it is sure: names and short phrases travel
# between languages ('OpenAGI launches Lux'), and py3langid is unsure of them.
MIN_LETTERS = 60
MIN_CONFIDENCE = 0.95
COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
LINK_TARGET = re.compile(r"\]\([^)]*\)|`[^`]*`|https?://\S+")
UNCHECKED_LANGUAGE = (
    "the language of summaries and bodies was not checked: that needs the importer's extra, pip install 'mkdocs-digest[import]'"
)
Detect = Callable[[str], tuple[str, float]]


def language_detector() -> Detect | None:
    """The importer's offline language detection, or None when its extra is not installed."""
    try:
        from .importer import detect_language
    except ImportError:
        return None
    return detect_language


def body_line(story: Story, needle: str) -> int:
    """The file line of the body where needle first occurs (the body's first line when it does not)."""
    offset = story.body.find(needle)
    return story.body_line + (story.body.count("\n", 0, offset) if offset > 0 else 0)


def placeholders(story: Story) -> list[Problem]:
    """Placeholders of `digest new` and `digest import` still in place, and a body with no text."""
    found = []
    if story.summary == SUMMARY_PLACEHOLDER:
        found.append(
            Problem(
                story.path, story.lines.get("summary"), "summary", f"still digest new's placeholder {SUMMARY_PLACEHOLDER!r}; write the lede"
            )
        )
    notes = {
        BODY_PLACEHOLDER: "still holds digest new's placeholder comment; write the story's text and delete the comment",
        TRANSLATE_NOTE: "still holds the original's text to translate from (the comment digest new wrote); delete it once translated",
        DRAFTED_NOTE: "still holds digest import's note; rewrite the drafted sentences in your own words, then delete the note",
    }
    for marker, message in notes.items():
        if marker in story.body:
            found.append(Problem(story.path, body_line(story, marker), "body", message))
    if not COMMENT.sub("", story.body).strip() and not any(marker in story.body for marker in notes):
        found.append(Problem(story.path, story.body_line, "body", "is empty; write the story's text below the front matter"))
    return found


def fill_in_marks(story: Story, text: str) -> list[Problem]:
    """Each line of the story's file (its text) with a FILL IN mark, under the field it belongs to."""
    fields = sorted((line, name) for name, line in story.lines.items())
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if FILL_IN in line:
            field = "body" if number >= story.body_line else next((n for at, n in reversed(fields) if at <= number), "front matter")
            found.append(Problem(story.path, number, field, f"still has a {FILL_IN} mark: {line.strip()[:80]!r}; fill it in"))
    return found


def same_text(story: Story, versions: list[Story]) -> list[Problem]:
    """A translation whose title or summary is still another language version's, word for word."""
    found = []
    for name in ("title", "summary"):
        mine = " ".join(getattr(story, name).split()).casefold()
        other = next((v for v in versions if v.lang != story.lang and " ".join(getattr(v, name).split()).casefold() == mine), None)
        if other is not None:
            found.append(
                Problem(
                    story.path,
                    story.lines.get(name),
                    name,
                    f"is the same text as the '{other.lang}' version's ({other.path}); translate it into '{story.lang}'",
                )
            )
    return found


def prose(text: str) -> str:
    """What a reader reads: no comments, link targets, code or addresses."""
    return LINK_TARGET.sub(" ", COMMENT.sub(" ", text))


def wrong_language(story: Story, detect: Detect) -> list[Problem]:
    found = []
    for name, text, line in (("summary", story.summary, story.lines.get("summary")), ("body", prose(story.body), story.body_line)):
        if sum(char.isalpha() for char in text) < MIN_LETTERS:
            continue
        lang, confidence = detect(text)
        if lang != story.lang and confidence >= MIN_CONFIDENCE:
            found.append(Problem(story.path, line, name, f"reads as '{lang}' ({confidence:.0%} sure), not '{story.lang}'; translate it"))
    return found


def unfinished(stories: list[Story], root: Path, default_language: str, detect: Detect | None) -> list[Problem]:
    """Everything unfinished in these stories (drafts included: the caller tells them apart), by file and line."""
    by_key: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        by_key[story.key].append(story)
    found: list[Problem] = []
    for story in stories:
        found += placeholders(story)
        text = (root / story.path).read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        found += fill_in_marks(story, text)
        versions = by_key[story.key]
        if len(versions) > 1 and story is not pick_original(sorted(versions, key=lambda s: s.path), default_language):
            found += same_text(story, versions)
        if detect is not None:
            found += wrong_language(story, detect)
    return sorted(found, key=lambda p: (p.path, p.line or 0, p.field))

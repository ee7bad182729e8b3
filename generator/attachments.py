"""Files beside a story or page (pictures, PDFs) that its Markdown links to: found, checked, and published with it.

A link is written relative to the editor's file, as in any Markdown editor's preview; the browser resolves it
relative to the page's address. So a file is published at the page's address plus the link: the same relative
link works on the page, in every language that uses it, at a domain root and under /<repo>/.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import imagesize

from .model import Problem, SitePage, Story

# Inline links and images, [text](target "title") and ![alt](target); reference definitions, [id]: target; HTML.
INLINE = re.compile(r"\[(?P<text>(?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?(?P<target>[^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(?P<target>[^\s>]+)>?", re.M)
HTML = re.compile(r"<(?P<tag>img|a|source|video|audio)\b(?P<attrs>[^>]*)>", re.I)
ATTRIBUTE = re.compile(r"\b(?P<name>src|href|alt)\s*=\s*(?P<q>[\"'])(?P<value>.*?)(?P=q)", re.I | re.S)
CODE = re.compile(r"^(```|~~~).*?^\1[^\n]*$|`[^`\n]+`", re.M | re.S)  # links inside code are text, not links
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")


@dataclass(frozen=True)
class Link:
    target: str  # as written
    line: int  # in the editor's file
    image: bool
    alt: str | None  # an image's alt text; None when the image has none at all


@dataclass(frozen=True)
class Attachment:
    """A file published with a page: where it goes in the language's part of the site, and where it comes from."""

    path: str  # docs path within the language, e.g. 2025/04/chips/chart.png
    source: str  # absolute path of the file beside the editor's file
    width: int | None = None  # of a picture, read from its header
    height: int | None = None
    stamp: tuple[int, int] = (0, 0)  # the file's modification time and size: the preview copies it again when they change


BODIES = 1 << 16  # bodies whose links and pictures are kept: a preview that runs all day must not keep every body it saw


@functools.lru_cache(maxsize=BODIES)  # the preview checks every story's links at each rebuild; few bodies change
def links(body: str, first_line: int) -> tuple[Link, ...]:
    """Every link and image of a Markdown body, with its line, leaving out code spans and blocks."""
    # Each pattern runs only on a body that has its mark: most bodies have no code, definitions or HTML.
    text = CODE.sub(lambda code: re.sub(r"[^\n]", " ", code.group()), body) if "`" in body or "~~~" in body else body
    found = []
    for match in INLINE.finditer(text):  # an image's `!` is just before its `[` (the pattern starts at `[`: faster)
        image = text[match.start() - 1 : match.start()] == "!"
        found.append(Link(match["target"], line_of(text, match.start(), first_line), image, match["text"] if image else None))
    for match in DEFINITION.finditer(text) if "]:" in text else ():
        found.append(Link(match["target"], line_of(text, match.start(), first_line), False, None))
    for match in HTML.finditer(text) if "<" in text else ():
        attributes = {m["name"].lower(): m["value"] for m in ATTRIBUTE.finditer(match["attrs"])}
        image = match["tag"].lower() == "img"
        for name in ("src", "href"):
            if name in attributes:
                found.append(Link(attributes[name], line_of(text, match.start(), first_line), image, attributes.get("alt")))
    return tuple(found)


SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")  # a link with a scheme (https:, mailto:) is a web link


def line_of(text: str, offset: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, offset)


def local_file(target: str) -> str | None:
    """The file a link points to when it is a relative link to a file (not a page address, an anchor or a web link)."""
    if not target or SCHEME.match(target) or target.startswith(("/", "#", "?")):  # most links: no need to split them
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    return None if not path or path.endswith("/") else path


def attached(item: Story | SitePage, root: Path, page_folder: str, body_line: int) -> tuple[list[Attachment], list[Problem]]:
    """The files `item` links to, to publish under `page_folder` (its page's docs folder), and the problems:
    a link to a file that is not there, a link that leaves the site, an image without alt text."""
    folder = os.path.dirname(os.path.join(root, item.path))  # a Path only for a link to a file (few links are)
    found: dict[str, Attachment] = {}
    problems = []
    shared = [Link(item.image, item.lines.get("image", 1), False, None)] if isinstance(item, Story) and item.image else []
    for link in (*links(item.body, body_line), *shared):
        wrong = None
        if link.image and not (link.alt or "").strip():
            wrong = f"the image {link.target} has no alt text, so readers with screen readers get nothing from it; describe it, "
            problems.append(Problem(item.path, link.line, "body", wrong + f"e.g. ![A chart of chip output by year]({link.target})"))
        name = local_file(link.target)
        if name is None:
            continue
        published, file = posixpath.normpath(posixpath.join(page_folder, name)), Path(folder, name)
        if published.startswith("../") or published == "..":
            wrong = f"links to {link.target}, which lies outside the site's folder; keep files beside the story or in a folder below it"
        elif not file.is_file():
            wrong = f"links to {link.target}, but there is no {name} in {Path(folder).relative_to(root).as_posix()}/; put the file beside "
            wrong += "the story, or fix the link"
        elif file.suffix.lower() != ".md":
            found[published] = attachment(published, file)
            continue
        else:
            continue
        problems.append(Problem(item.path, link.line, "body", wrong))
    return list(found.values()), problems


def attachment(path: str, file: Path) -> Attachment:
    """A file to publish; a picture gets its size (pages reserve its space and do not jump as it loads)."""
    info = file.stat()
    stamp = (info.st_mtime_ns, info.st_size)
    if file.suffix.lower() in IMAGE_TYPES:
        try:
            width, height = imagesize.get(str(file))
        except (OSError, ValueError):
            width, height = -1, -1
        if width > 0 and height > 0:
            return Attachment(path, str(file), int(width), int(height), stamp)
    return Attachment(path, str(file), stamp=stamp)


def first_image(item: Story | SitePage) -> str | None:
    """The first picture the body shows, as written."""
    return next((link.target for link in images(item.body)), None)


@functools.lru_cache(maxsize=BODIES)
def images(body: str) -> tuple[Link, ...]:
    """The pictures a body shows, lines counted from 1; kept per body, since every card and feed entry asks again.
    A body without `![` or `<img` shows none: not parsed."""
    if not MAY_SHOW_IMAGE.search(body):
        return ()
    return tuple(link for link in links(body, 1) if link.image)


MAY_SHOW_IMAGE = re.compile(r"!\[|<img", re.I)


IMG = re.compile(r"<img\b(?P<attrs>[^>]*?)\s*/?>", re.I)
ANY_ATTRIBUTE = re.compile(r"(?P<name>[\w:-]+)\s*=\s*(?P<q>[\"'])(?P<value>.*?)(?P=q)", re.S)


def sized_images(html: str, folder: str, sizes: dict[str, tuple[int, int]]) -> str:
    """Every <img> of a page's HTML loads lazily, and a picture published with the page gets its width and height
    (so the page keeps its layout while it loads). `folder` is the page's docs folder, e.g. 2025/04/chips/."""

    def one(match: re.Match[str]) -> str:
        attributes = {m["name"].lower(): m["value"] for m in ANY_ATTRIBUTE.finditer(match["attrs"])}
        extra = "" if "loading" in attributes else ' loading="lazy"'
        name = local_file(attributes.get("src", ""))
        size = sizes.get(posixpath.normpath(posixpath.join(folder, name))) if name else None
        if size and "width" not in attributes and "height" not in attributes:
            extra += f' width="{size[0]}" height="{size[1]}"'
        return f"<img{match['attrs']}{extra} />" if extra else match.group()

    return IMG.sub(one, html)


def linked_pages(body: str, source: str, urls_of_files: dict[str, str], here: str, relative: Callable[[str, str], str]) -> str:
    """Links to other story or page files ([earlier](chips.en.md)) pointed at those pages' addresses, as the
    editor's Markdown preview follows them; a link to a file that is not a published page stays as written."""
    folder = posixpath.dirname(source)

    def one(match: re.Match[str]) -> str:
        target = match["target"]
        name = local_file(target)
        if not name or not name.endswith(".md"):
            return match.group()
        url = urls_of_files.get(posixpath.normpath(posixpath.join(folder, name)))
        if url is None:
            return match.group()
        fragment = target[len(target.split("#")[0]) :]
        start, end = match.span("target")
        return match.group()[: start - match.start()] + relative(here, url) + fragment + match.group()[end - match.start() :]

    return DEFINITION.sub(one, INLINE.sub(one, body))

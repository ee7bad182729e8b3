"""An article saved as Markdown by a web clipper (Obsidian Web Clipper, MarkDownload, a reader view's "save as
Markdown"): the title, address and date its front matter gives, and its text as a browser shows it.

A clipper has already cut most of the page away, but it writes headings as '# ', links as '[text](address)',
pictures as '![alt](address)', emphasis as '**' and '_'. Read as they stand, the headline would keep its '# ',
every link would be taken for the article's address, and the marks would change how lines measure. So the text is
turned into what a reader would copy from the page (the link's words, no picture, no marks) before the line model
judges it; text that is not Markdown is left as it is.
"""

from __future__ import annotations

import re

import yaml

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
HEADING = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?$")
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"]*\")?\)")
BULLET = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
QUOTE = re.compile(r"^(?:>\s?)+")
EMPHASIS = re.compile(r"(\*\*|__|\*|(?<!\w)_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")

URL_KEYS = ("source", "url", "link", "original")  # Obsidian Web Clipper and MarkDownload write 'source'
DATE_KEYS = ("published", "date", "pubDate")  # not 'created': the day it was clipped


def is_markdown(lines: list[str]) -> bool:
    """Markdown when the text opens with a heading ('# Headline', as clippers write the title) or three sentences
    hold links ('[the report](https://…)'). A page copied from a browser has neither: a '#' there starts a hashtag,
    and a page about Markdown shows its marks in examples, not in its own sentences."""
    first = next((line for line in lines if line), "")
    prose = sum(1 for line in lines if LINK.search(IMAGE.sub("", line)) and len(re.findall(r"\w+", plain(line))) >= 10)
    return bool(HEADING.match(first)) or prose >= 3


def plain(line: str) -> str:
    """One Markdown line as a browser shows it: no heading, quote or list marks, a link's words, no picture."""
    if RULE.match(line) or TABLE_RULE.match(line) or line.startswith("```"):
        return ""
    heading = HEADING.match(line)
    line = heading.group(1) if heading else QUOTE.sub("", BULLET.sub("", line))
    line = LINK.sub(r"\1", IMAGE.sub("", line))
    line = EMPHASIS.sub(r"\2", EMPHASIS.sub(r"\2", line))  # twice: '***both***' is bold inside italics
    if line.startswith("|") and line.endswith("|"):
        line = "\t".join(cell.strip() for cell in line.strip("|").split("|"))  # a table row, as a browser copies it
    return ESCAPED.sub(r"\1", line).strip()


def front_matter(lines: list[str]) -> tuple[dict, list[str]]:
    """The front matter's fields (empty when there is none, or it is no YAML mapping) and the lines after it."""
    found = FRONT_MATTER.match("\n".join(lines) + "\n")
    if not found:
        return {}, lines
    try:
        fields = yaml.safe_load(found.group(1))
    except (yaml.YAMLError, RecursionError):  # not YAML, or nested past what the parser allows
        return {}, lines
    if not isinstance(fields, dict):
        return {}, lines
    return fields, lines[found.group(0).count("\n") :]


def unclipped(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """The lines as a browser shows them, and what the front matter says: 'title', 'url' and 'date' (as text); the
    title may also be the heading the text opens with."""
    fields, lines = front_matter(lines)
    first = HEADING.match(next((line for line in lines if line), ""))
    opening = plain(first.group(0)) if first and first.group(0).startswith("# ") else None  # a clipper's '# Title'
    said = {
        "title": [fields.get("title"), opening],
        "url": [fields.get(key) for key in URL_KEYS],
        "date": [fields.get(key) for key in DATE_KEYS],
    }
    found = {}
    for key, values in said.items():
        value = next((value for value in values if value and not isinstance(value, list | dict)), None)
        if value is not None:
            found[key] = str(value).strip()  # a YAML date (2025-03-12) as text too
    return ([plain(line) for line in lines] if fields or is_markdown(lines) else lines), found

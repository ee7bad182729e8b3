"""What Pagefind reads of a page: its content without the parts marked `data-pagefind-ignore`.

Pagefind leaves those parts out of the index anyway (a story's date line, its links to other languages, its
related stories), so taking them out first changes nothing it writes, but it keeps a story's file for Pagefind the
same when only its related stories changed. That is what lets a build index again only the parts of the index
whose stories changed (search.py): adding one story changes the related stories of hundreds of others.

A part that holds a filter, a sort key or metadata for Pagefind stays (Pagefind reads those inside ignored parts),
and so does one whose end is not found: then Pagefind decides, as it would without this.
"""

from __future__ import annotations

import re

IGNORED = re.compile(
    r"<([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])[^>]*?\sdata-pagefind-ignore(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?(?=[\s/>])[^>]*>"
)
STILL_READ = re.compile(r"\sdata-pagefind-(?:filter|meta|sort|default-meta)\b", re.IGNORECASE)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def indexed_content(html: str) -> str:
    """`html` with each element marked data-pagefind-ignore left empty (the element stays: it parts words as it did)."""
    if "data-pagefind-ignore" not in html:
        return html
    kept, at = [], 0
    for match in IGNORED.finditer(html):
        tag = match.group(1).lower()
        if match.start() < at or tag in VOID or match.group(0).endswith("/>"):
            continue
        end = closing_tag(html, tag, match.end())
        if end is None or STILL_READ.search(html, match.start(), end[1]):
            continue
        kept += [html[at : match.end()], html[end[0] : end[1]]]
        at = end[1]
    kept.append(html[at:])
    return "".join(kept)


def closing_tag(html: str, tag: str, start: int) -> tuple[int, int] | None:
    """Where the end tag that closes the `tag` element opened just before `start` begins and ends; None if none does."""
    depth = 1
    for match in re.compile(rf"<(/?){re.escape(tag)}(?=[\s/>])[^>]*>", re.IGNORECASE).finditer(html, start):
        if match.group(1):
            depth -= 1
            if depth == 0:
                return match.start(), match.end()
        elif not match.group(0).endswith("/>"):
            depth += 1
    return None

"""A page saved from the browser as HTML ("Save page as…", a mail's .html attachment): the text a reader would copy
from it, made as a browser's innerText makes it, so that the importer reads it as it reads a copied page.

The HTML standard's innerText: the text of what is shown (no scripts, styles, templates, hidden or display:none
elements, no <head>), white space collapsed outside <pre>, one line break around each block (a heading, a list
item, a <div>), two around a paragraph, a tab between a table's cells and a line break between its rows, a line
break for each <br>. Stylesheets are not read, so what a page hides with its CSS shows here, as it does in the
importer's corpus (made by Chromium with no stylesheets): more junk than a reader's copy, never less article.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

XML_PROLOG = re.compile(r"\A\s*<\?xml[^>]*\?>")  # an XHTML page's; lxml refuses a str that declares its encoding
HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.IGNORECASE | re.DOTALL)
HIDDEN = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe", "object", "svg", "canvas", "select"}
BLOCKS = set(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu nav ol pre section summary table tr ul caption".split()
)
DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)


def is_html(text: str) -> bool:
    """A saved page: the text opens with a doctype or an <html> or <head> tag (after an XML prolog, in XHTML)."""
    return bool(HTML_START.match(XML_PROLOG.sub("", text[:2000])))


def hidden(element: lxml.html.HtmlElement) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    style = element.get("style") or ""
    return tag.lower() in HIDDEN or element.get("hidden") is not None or bool(DISPLAY_NONE.search(style))


def items(element: lxml.html.HtmlElement, pre: bool = False) -> list[str | int]:
    """The element's text as innerText's list of strings and required line break counts (ints)."""
    if not isinstance(element.tag, str) or hidden(element):
        return [collapse(element.tail, pre)] if element.tail else []
    tag = element.tag.lower()
    pre = pre or tag in ("pre", "textarea", "listing", "plaintext")
    found: list[str | int] = [collapse(element.text, pre)] if element.text else []
    cells = tag in ("td", "th")
    for child in element:
        found.extend(items(child, pre))
    if tag == "br":
        found.append("\n")
    elif tag == "p":
        found = [2, *found, 2]
    elif tag in BLOCKS:
        found = [1, *found, 1]
    if cells and element.getnext() is not None and isinstance(element.getnext().tag, str):
        found.append("\t")
    return found + ([collapse(element.tail, pre)] if element.tail else [])


def collapse(text: str, pre: bool) -> str:
    return text if pre else re.sub(r"[ \t\n\r\f]+", " ", text)


SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)  # Chrome's and Edge's "Save page as"
CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w:.-]+)", re.IGNORECASE)
URL_PATHS = ("//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content")
DATE_PATHS = ("//meta[@property='article:published_time']/@content", "//meta[@itemprop='datePublished']/@content")


def declared_charset(data: bytes) -> str | None:
    """The character set a saved page's <meta> declares, if any (a page saved from a site that is not in UTF-8)."""
    found = CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def unsaved(raw: str) -> tuple[str, dict[str, str]]:
    """The text a reader would copy from a saved page, and what its markup says: 'url' (its canonical address, or the
    one the browser noted when saving it) and 'date' (its publication time). Text that is no saved page as it is."""
    if not is_html(raw):
        return raw, {}
    try:
        root = lxml.html.document_fromstring(XML_PROLOG.sub("", raw))
    except (lxml.etree.ParserError, ValueError):
        return raw, {}
    said = {}
    saved_from = SAVED_FROM.search(raw[:2000])
    urls = [value for path in URL_PATHS for value in root.xpath(path) if value.startswith(("http://", "https://"))]
    if urls or saved_from:
        said["url"] = str(urls[0] if urls else saved_from.group(1))  # type: ignore[union-attr]
    dates = [value for path in DATE_PATHS for value in root.xpath(path) if value.strip()]
    if dates:
        said["date"] = str(dates[0]).strip()
    return page_text(root), said


def page_text(root: lxml.html.HtmlElement) -> str:
    """The text a reader would copy from the saved page's body."""
    body = root.find("body")
    found = items(body if body is not None else root)
    # white space beside a block's edge is no text (as between two list items written on lines of their own)
    edges = [isinstance(item, int) for item in found] + [True]
    found = [item for at, item in enumerate(found) if isinstance(item, int) or item.strip(" ") or not edges[at - 1] | edges[at + 1]]
    text: list[str] = []
    breaks = 0
    for item in found:
        if isinstance(item, int):
            breaks = max(breaks, item)
            continue
        if breaks and text:
            text.append("\n" * breaks)
        breaks = 0
        text.append(item)
    lines = [re.sub(" {2,}", " ", line).strip(" ") for line in "".join(text).split("\n")]
    return "\n".join(lines).strip("\n") + "\n"

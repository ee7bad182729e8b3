"""sitemap.xml for every language at once, with xhtml:link hreflang alternates between translations.

One file at the site root replaces the per-build sitemaps MkDocs writes, which know one language each.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from . import urls
from .model import Settings

if TYPE_CHECKING:
    from .rendering import PageSpec

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
ATTRIBUTE = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#09;"}  # escaped in attribute values, as ElementTree does


def sitemap_xml(settings: Settings, pages: Iterable[PageSpec]) -> str:
    """Every HTML page by absolute URL; pages with translations list each version and x-default.

    Written out line by line, indented as ElementTree's indent() does (ElementTree took 0.4 to 1.8 s at 10,000
    stories, this 0.1 to 0.17 s)."""
    entries, linked = [], False
    for page in sorted((p for p in pages if p.path.endswith(".md")), key=lambda p: p.url):
        loc = urls.absolute(settings, page.url)
        lines = ["  <url>", f"    <loc>{escape(loc)}</loc>" if loc is not None else "    <loc />"]
        if page.lastmod:
            lines.append(f"    <lastmod>{escape(page.lastmod.isoformat())}</lastmod>")
        if len(page.alternates) > 1:
            linked = True
            ordered = [lang for lang in settings.languages if lang in page.alternates]
            for lang in ordered + ["x-default"]:
                target = page.alternates[ordered[0] if lang == "x-default" else lang]
                href = urls.absolute(settings, target) or target
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{escape(lang, ATTRIBUTE)}" href="{escape(href, ATTRIBUTE)}" />')
        lines.append("  </url>")
        entries.append("\n".join(lines))
    names = f'xmlns="{SITEMAP}"' + (f' xmlns:xhtml="{XHTML}"' if linked else "")
    body = f"<urlset {names}>\n" + "\n".join(entries) + "\n</urlset>" if entries else f"<urlset {names} />"
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"

"""sitemap.xml for every language at once, with xhtml:link hreflang alternates between translations.

One file at the site root replaces the per-build sitemaps MkDocs writes, which know one language each.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import urls
from .model import Settings

if TYPE_CHECKING:
    from .rendering import PageSpec

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def sitemap_xml(settings: Settings, pages: Iterable[PageSpec]) -> str:
    """Every HTML page by absolute URL; pages with translations list each version and x-default."""
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for page in sorted((p for p in pages if p.path.endswith(".md")), key=lambda p: p.url):
        entry = ET.SubElement(root, f"{{{SITEMAP}}}url")
        ET.SubElement(entry, f"{{{SITEMAP}}}loc").text = urls.absolute(settings, page.url)
        if page.lastmod:
            ET.SubElement(entry, f"{{{SITEMAP}}}lastmod").text = page.lastmod.isoformat()
        if len(page.alternates) > 1:
            ordered = [lang for lang in settings.languages if lang in page.alternates]
            for lang in ordered + ["x-default"]:
                target = page.alternates[ordered[0] if lang == "x-default" else lang]
                ET.SubElement(entry, f"{{{XHTML}}}link", rel="alternate", hreflang=lang, href=urls.absolute(settings, target) or target)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

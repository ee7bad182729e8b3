"""Every page of a language before it is rendered: its address, its language versions, its template and what
the template shows. The sitemap, the nav and the preview's comparison need no more than this."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import indexing, urls
from ..feeds import ATOM, RSS

if TYPE_CHECKING:
    from .renderer import Renderer


@dataclass
class PageSpec:
    """A page before rendering: its address, its language versions, its template and what the template shows."""

    lang: str
    url: str  # site path
    path: str  # docs path, e.g. topics/ai-chips/index.md
    template: str
    kind: str
    meta: dict[str, Any]
    alternates: dict[str, str]  # language -> site path of the same page
    feeds: list[dict[str, str]]
    og: dict[str, Any] | None
    lastmod: dt.date | None
    context: dict[str, Any]
    source: str | None = None  # the editor's file (relative to the project root) of a story or a page


def paged_url(url: str, number: int) -> str:
    """Page 1 keeps the index's own URL; later pages are url + 'page/N/'."""
    return url if number == 1 else f"{url}page/{number}/"


def spec(
    r: Renderer,
    lang: str,
    here: str,
    template: str,
    kind: str,
    meta: dict[str, Any],
    targets: dict[str, str],
    feeds: list[dict[str, str]] | tuple = (),
    og: dict[str, Any] | None = None,
    lastmod: dt.date | None = None,
    source: str | None = None,
    **context: Any,
) -> PageSpec:
    """A page to render later: where it lives and what it shows."""
    path = urls.docs_path(here, r.settings, lang)
    return PageSpec(lang, here, path, template, kind, meta, dict(targets), list(feeds), og, lastmod, context, source)


def same_page(r: Renderer, name: str, slug: str = "") -> dict[str, str]:
    """A named page (home, topics, a topic ...) in every language."""
    return {lang: urls.page_url(r.settings, lang, name, slug) for lang in r.settings.languages}


def feed_links(r: Renderer, here: str, folder: str, title: str) -> list[dict[str, str]]:
    if not r.settings.site_url:
        return []
    return [
        {"type": "application/atom+xml", "title": f"{title} (Atom)", "href": urls.relative(here, folder + ATOM)},
        {"type": "application/rss+xml", "title": f"{title} (RSS)", "href": urls.relative(here, folder + RSS)},
    ]


def paged(
    r: Renderer,
    lang: str,
    name: str,
    slug: str,
    template: str,
    kind: str,
    meta: dict[str, Any],
    items: list,
    feeds_folder: str | None = None,
    feed_title: str = "",
    **context: Any,
) -> list[PageSpec]:
    """An index split into pages of settings.page_size, each with links to the others."""
    first = urls.page_url(r.settings, lang, name, slug)
    chunks = indexing.paginate(items, r.settings.page_size)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        here = paged_url(first, number)
        targets = same_page(r, name, slug) if number == 1 else {lang: here}
        pager = {
            "number": number,
            "count": len(chunks),
            "previous": urls.relative(here, paged_url(first, number - 1)) if number > 1 else None,
            "next": urls.relative(here, paged_url(first, number + 1)) if number < len(chunks) else None,
            "pages": [
                {"number": shown, "url": urls.relative(here, paged_url(first, shown)) if shown else None}
                for shown in pager_numbers(number, len(chunks))
            ],
        }
        page_meta = (
            dict(meta)
            if number == 1
            else {**meta, "title": r.strings[lang].gettext("%(title)s (page %(number)s)", title=meta["title"], number=number)}
        )
        feeds = feed_links(r, here, feeds_folder, feed_title) if feeds_folder is not None else []
        pages.append(spec(r, lang, here, template, kind, page_meta, targets, feeds=feeds, items=chunk, pager=pager, **context))
    return pages


AROUND = 2  # page numbers the pager shows on each side of the current page, besides the first and the last


def pager_numbers(number: int, count: int) -> list[int]:
    """The page numbers a pager shows: the first, the last, and AROUND on each side of `number`; 0 where numbers
    are left out (an ellipsis), as Material's blog and Hugo's pagers do: a topic of 400 pages does not link 400 times."""
    shown = sorted({1, count, *range(max(1, number - AROUND), min(count, number + AROUND) + 1)})
    numbers: list[int] = []
    for n in shown:
        if numbers and n - numbers[-1] == 2:  # one number left out: show it rather than an ellipsis
            numbers.append(n - 1)
        elif numbers and n - numbers[-1] > 2:
            numbers.append(0)
        numbers.append(n)
    return numbers


def footer(r: Renderer, lang: str, here: str) -> dict[str, Any]:
    """What the site's footer (templates/overrides/partials/footer.html) shows on every page: the language's feeds
    and its words, which Material's templates cannot translate themselves."""
    settings, words = r.settings, r.strings[lang]
    site = settings.site_name_in(lang)
    return {
        "home": urls.relative(here, urls.page_url(settings, lang, "home")),
        "site_name": site,
        "feeds": feed_links(r, here, settings.language_prefix(lang), site),
        "subscribe": words.gettext("Subscribe:"),
        "languages": words.gettext("Languages"),
    }

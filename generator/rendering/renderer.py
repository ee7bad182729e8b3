"""Render every page of every language from the Jinja templates in templates/.

The output is data: pages (front matter, and the templates' HTML around the editor's Markdown) and feed files,
keyed by docs path, for MkDocs or any other builder to turn into a site. Templates are autoescaped, so a title
or lede shows as the editor typed it.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Collection
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .. import indexing, urls
from ..addresses import redirects
from ..attachments import Attachment, first_image, linked_pages, local_file
from ..model import Asset, Page, Settings, SitePage, Story, Topic
from ..translations import load_words
from ..urls import checked_path
from .feed_files import feed_files
from .helpers import CARD, escape_all, relative_links, template_helpers
from .sections import language_specs
from .specs import PageSpec, footer
from .words import language_name, og_locale

REDIRECT = "redirect.html"  # the page left at an earlier address
BODY = Markup("\x00digest-body\x00")  # where a template puts the story's Markdown; no editor's text holds NUL


class Renderer:
    """Holds the Jinja environment and the indexes; renders pages for one language at a time."""

    def __init__(
        self,
        settings: Settings,
        stories: list[Story],
        topics: dict[str, Topic],
        pages: list[SitePage] | tuple = (),
        attachments: dict[str, list[Attachment]] | None = None,
    ):
        self.settings = settings
        self.topics = topics
        self.templates = Path(settings.root) / settings.templates_dir
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(self.templates),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # a Renderer lives for one build: no stat() of every template at every include
            extensions=["jinja2.ext.i18n"],  # _() and ngettext(); each render passes its language's gettext (translations.py)
        )
        self.env.newstyle_gettext = True  # type: ignore[attr-defined]  # _("Week %(week)s", week=...): keyword arguments fill the placeholders
        self.env.filters["groupby_month"] = indexing.group_by_month
        self.strings = load_words(self.templates, settings.languages)  # each language's words (translations.py)
        self.by_language = indexing.group_by_language(stories)
        self.versions = indexing.translations(stories)
        self.story_urls = {story: urls.story_url(story, settings) for story in stories}
        self.weeks = {lang: indexing.group_by_week(items) for lang, items in self.by_language.items()}
        self.site_pages = indexing.group_pages(pages)
        self.page_versions = indexing.page_versions(pages)
        self.attachments = attachments or {}  # editor's file -> the files published with its page
        self.urls_of_files = {story.path: url for story, url in self.story_urls.items()}
        self.urls_of_files |= {page.path: urls.page_url(settings, page.lang, "page", page.name) for page in pages}
        self._specs: dict[str, list[PageSpec]] = {}
        self._cards: dict[tuple[str, str, str], Markup] = {}

    def card(self, lang: str, story: Story, heading: str) -> Markup:
        """partials/story-card.html for a story, rendered once per build, language and heading level."""
        key = (lang, story.path, heading)
        if key not in self._cards:
            template = self.env.get_template(CARD)
            self._cards[key] = Markup(template.render(**template_helpers(self, lang, None), story=story, heading=heading))
        return self._cards[key]

    def render(self, spec: PageSpec) -> Page:
        """Render one page: the template's HTML around the editor's Markdown, and the front matter that carries the
        page's title, links and meta."""
        lang, here, meta, targets, feeds, kind = spec.lang, spec.url, spec.meta, spec.alternates, spec.feeds, spec.kind
        template, og, context = spec.template, spec.og, spec.context
        helpers = template_helpers(self, lang, here)
        markdown = str(context.get("body", ""))
        if markdown and spec.source:  # links to other stories' files go to their pages
            markdown = linked_pages(markdown, spec.source, self.urls_of_files, here, urls.relative)
        if markdown:  # the editor's Markdown stays apart from the template's HTML, for the site builder to convert
            context = {**context, "body": BODY}
        html = self.env.get_template(template).render(**helpers, **context, page_feeds=list(feeds))
        og = {"type": "website", "title": meta["title"], "description": meta.get("description", ""), **(og or {})}
        og.update(
            {
                "site_name": self.settings.site_name_in(lang),
                "locale": og_locale(lang),
                "locale_alternates": [og_locale(other) for other in targets if other != lang],
                "url": urls.absolute(self.settings, here) or "",
            }
        )
        front = {
            **meta,
            "digest": {
                "lang": lang,
                "kind": kind,
                "alternates": self._selector(lang, here, targets),
                "hreflang": self._hreflang(here, targets),
                "feeds": list(feeds),
                "og": og,
                "footer": footer(self, lang, here),
            },
        }
        # Material prints page.meta values unescaped, so every text in the front matter is stored escaped.
        front = escape_all(front)
        html = relative_links(html, here)  # links of shared story cards, relative to this page now
        head, found, tail = html.partition(BODY)
        if not found:  # an index page, or a story template that leaves the body out: all of it is HTML
            markdown = ""
        return Page(lang, spec.path, front, head, markdown, tail, url=here, alternates=dict(targets), lastmod=spec.lastmod)

    def _selector(self, lang: str, here: str, targets: dict[str, str]) -> list[dict[str, str]]:
        """Links for the language selector: the same page in each language, else that language's home."""
        return [
            {
                "lang": other,
                "name": language_name(other, self.settings),
                "url": urls.relative(here, targets.get(other, urls.page_url(self.settings, other, "home"))),
            }
            for other in self.settings.languages
        ]

    def _hreflang(self, here: str, targets: dict[str, str]) -> list[dict[str, str]]:
        """rel=alternate links to every language version, and x-default to the first in site order."""

        def href(url: str) -> str:
            return urls.absolute(self.settings, url) or urls.relative(here, url)

        links = [{"lang": lang, "href": href(targets[lang])} for lang in self.settings.languages if lang in targets]
        if links:
            first = next(lang for lang in self.settings.languages if lang in targets)
            links.append({"lang": "x-default", "href": href(targets[first])})
        return links

    def pages(self, lang: str) -> list[Page | Asset]:
        """Every page of one language, rendered, and its feeds."""
        return [self.render(spec) for spec in self.specs(lang)] + self.feed_files(lang)

    def specs(self, lang: str) -> list[PageSpec]:
        """Every page of one language, not yet rendered: home, issues, topics, archive, stories.

        Computed once per language: the sitemap, the nav and the rendering all read them."""
        if lang not in self._specs:
            self._specs[lang] = language_specs(self, lang)
        return self._specs[lang]

    def feed_files(self, lang: str, only: Collection[str] | None = None) -> list[Asset]:
        """Atom and RSS for the language and for each topic in it (or for the feed folders `only` names)."""
        return feed_files(self, lang, only)

    def nav(self, lang: str) -> list[Any]:
        """The header tabs of one language, as MkDocs' nav: home, issues, topics (each topic), archive, then the site's
        pages that ask for a tab (`nav: true`), in their order."""
        words = self.strings[lang]

        def path(name: str, slug: str = "") -> str:
            return urls.docs_path(urls.page_url(self.settings, lang, name, slug), self.settings, lang)

        def title(text: str) -> str:
            return html.escape(text, quote=False)  # Material prints nav titles unescaped

        topics = [{title(topic.label(lang)): path("topic", slug)} for slug, topic in self.topics.items()]
        pages = [{title(page.title): path("page", page.name)} for page in self.site_pages.get(lang, []) if page.nav]
        return [
            {title(words.gettext("Home")): path("home")},
            {title(words.gettext("Issues")): path("issues")},
            {title(words.gettext("Topics")): [path("topics"), *topics]},
            {title(words.gettext("Archive")): path("archive")},
            *pages,
        ]

    def redirect_files(self, lang: str) -> list[Asset]:
        """A small page at each earlier address (alias) of the language's stories and pages, sending readers on."""
        targets = {story.path: url for story, url in self.story_urls.items() if story.lang == lang}
        targets |= {page.path: urls.page_url(self.settings, lang, "page", page.name) for page in self.site_pages.get(lang, [])}
        items: list[Story | SitePage] = [*self.by_language.get(lang, []), *self.site_pages.get(lang, [])]
        prefix, files = self.settings.language_prefix(lang), []
        template = self.env.get_template(REDIRECT)
        for alias, target in sorted(redirects(self.settings, items, targets).items()):
            here, folder = (alias, alias.rpartition("/")[0] + "/") if alias.endswith(".html") else (alias + "index.html", alias)
            text = template.render(lang=lang, url=urls.relative(folder, target), canonical=urls.absolute(self.settings, target))
            files.append(Asset(lang, checked_path(here[len(prefix) :]), text, url=alias))
        return files

    def attachment_files(self, lang: str) -> list[Attachment]:
        """The files published with the language's stories and pages (pictures, PDFs beside them)."""
        items: list[Story | SitePage] = [*self.by_language.get(lang, []), *self.site_pages.get(lang, [])]
        return sorted({a.path: a for item in items for a in self.attachments.get(item.path, [])}.values(), key=lambda a: a.path)

    def image_sizes(self, lang: str) -> dict[str, tuple[int, int]]:
        """Width and height of each picture published with the language's pages, by docs path."""
        return {a.path: (a.width, a.height) for a in self.attachment_files(lang) if a.width and a.height}

    def share_image(self, item: Story | SitePage, here: str) -> str | None:
        """The picture shared with a link to the page (Open Graph, feeds): the story's `image:`, else its first
        picture; an absolute address, or None when the site has no site_url to make one."""
        target = (item.image if isinstance(item, Story) else None) or first_image(item)
        if target is not None and target.startswith(("http://", "https://")):
            return target
        url = self.picture(item, here)
        return urls.absolute(self.settings, url) if url else None

    def picture(self, item: Story | SitePage, here: str) -> str | None:
        """The site path of the picture published with the page (its `image:`, else its first picture), for cards
        and the story's header; None for a picture on another host: the site asks no other host for anything."""
        target = (item.image if isinstance(item, Story) else None) or first_image(item)
        name = local_file(target) if target else None
        url = posixpath.normpath(posixpath.join(here, name)) if name else None
        return url if url and not url.startswith("..") else None

"""Render every page of every language from the Jinja templates in templates/.

The output is data: pages (front matter, and the templates' HTML around the editor's Markdown) and feed files,
keyed by docs path, for MkDocs or any other builder to turn into a site. Templates are autoescaped, so a title
or lede shows as the editor typed it.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from babel import Locale
from babel.core import get_global
from babel.dates import format_date, format_interval
from babel.units import format_unit
from markupsafe import Markup, escape

from . import indexing, urls
from .feeds import ATOM, RSS, build_feed
from .model import Asset, Page, Settings, Story, Topic
from .translations import Words, load_words

BODY = Markup("\x00digest-body\x00")  # where a template puts the story's Markdown; no editor's text holds NUL
CARD = "partials/story-card.html"
# A link in a shared card: the site path between these, replaced by a link relative to the page that shows the card.
# Editors' texts cannot hold them (validation refuses control characters).
LINK_START, LINK_END = "\x01", "\x02"
LINK = re.compile("\x01([^\x02]*)\x02")


def language_name(lang: str, settings: Settings) -> str:
    """The language's own name for itself, 'Русский', unless the settings name it."""
    if lang in settings.language_names:
        return settings.language_names[lang]
    return own_name(lang)


@functools.cache
def own_name(lang: str) -> str:
    name = Locale.parse(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


@functools.cache  # Babel parses a locale on every call that is given a string: parse each once
def locale(lang: str) -> Locale:
    return Locale.parse(lang)


def issue_title(words: Words, week: str) -> str:
    """An ISO week in the language's words: 'Неделя 45, 2025'."""
    year, number = week.split("-W")
    return words.gettext("Week %(week)s, %(year)s", week=int(number), year=year)


@functools.lru_cache(maxsize=65536)  # a story's date shows on every index that lists it; Babel is slow to format
def localized_date(value: dt.date, form: str, lang: str) -> str:
    return format_date(value, form, locale=locale(lang))


@functools.cache
def minutes_in_words(minutes: int, lang: str) -> str:
    return format_unit(minutes, "duration-minute", length="long", locale=locale(lang))


@functools.cache  # Babel matches the skeleton anew on every call
def week_interval(lang: str, week: str) -> str:
    """An ISO week as dates in the language: '3–9 нояб. 2025 г.'."""
    monday, sunday = indexing.week_days(week)
    return format_interval(monday, sunday, "yMMMMd", locale=locale(lang))


@functools.cache
def og_locale(lang: str) -> str:
    """Open Graph wants language_TERRITORY: 'ru' -> 'ru_RU', 'en' -> 'en_US'."""
    likely = Locale.parse(get_global("likely_subtags").get(lang, lang))
    return f"{lang}_{likely.territory}" if likely.territory else lang


def escape_all(value: Any) -> Any:
    """HTML-escape every string in nested dicts and lists."""
    if isinstance(value, str):
        return str(escape(value))
    if isinstance(value, dict):
        return {key: escape_all(item) for key, item in value.items()}
    if isinstance(value, list):
        return [escape_all(item) for item in value]
    return value


def paged_url(url: str, number: int) -> str:
    """Page 1 keeps the index's own URL; later pages are url + 'page/N/'."""
    return url if number == 1 else f"{url}page/{number}/"


@dataclass
class PageSpec:
    """A page before rendering: its address, its language versions, its template and what the template shows."""

    renderer: "Renderer" = field(repr=False, compare=False)
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


class Renderer:
    """Holds the Jinja environment and the indexes; renders pages for one language at a time."""

    def __init__(self, settings: Settings, stories: list[Story], topics: dict[str, Topic]):
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
        self.env.newstyle_gettext = True  # _("Week %(week)s", week=...): keyword arguments fill the placeholders
        self.env.filters["groupby_month"] = indexing.group_by_month
        self.strings = load_words(self.templates, settings.languages)  # each language's words (translations.py)
        self.by_language = indexing.group_by_language(stories)
        self.versions = indexing.translations(stories)
        self.story_urls = {story: urls.story_url(story, settings) for story in stories}
        self.weeks = {lang: indexing.group_by_week(items) for lang, items in self.by_language.items()}
        self._specs: dict[str, list[PageSpec]] = {}
        self._cards: dict[tuple[str, str, str], Markup] = {}

    # -- helpers the templates call -----------------------------------------------------------

    def _helpers(self, lang: str, here: str | None) -> dict[str, Any]:
        """What templates may call. With `here` None (a story card, shared by every page that lists the story),
        links are site paths between markers, made relative to each page once it is rendered."""
        settings, words = self.settings, self.strings[lang]

        def url(target: Any, slug: str = "", lang_: str | None = None) -> str:
            """Relative link from this page to a story, a topic, or a named page ('home', 'archive', 'topics', 'issues', 'issue')."""
            target_lang = lang_ or lang
            if isinstance(target, Story):
                to = self.story_urls[target]
            elif isinstance(target, Topic):
                to = urls.page_url(settings, target_lang, "topic", target.slug)
            else:
                to = urls.page_url(settings, target_lang, target, slug)
            return urls.relative(here, to) if here is not None else f"{LINK_START}{to}{LINK_END}"

        def other_versions(story: Story) -> list[dict[str, str]]:
            """The story's other language versions, in the site's language order."""
            versions = self.versions.get(story.key, {})
            return [{"lang": other, "name": language_name(other, settings), "url": url(versions[other])}
                    for other in settings.languages if other != story.lang and other in versions]

        def date(value: dt.date | dt.datetime | Story, form: str = "long") -> str:
            if isinstance(value, Story):
                value = value.date
            return localized_date(value, form, lang)

        def month(value: dt.date) -> str:
            name = localized_date(value, "LLLL y", lang)
            return name[:1].upper() + name[1:]

        def week_title(week: str) -> str:
            return issue_title(words, week)

        def week_dates(week: str) -> str:
            return week_interval(lang, week)

        def reading_time(story: Story) -> str:
            minutes = words.reading_minutes(story.body + "\n" + story.summary)
            return words.gettext("%(duration)s read", duration=minutes_in_words(minutes, lang))

        def is_scheduled(story: Story) -> bool:
            return story.published > settings.current_time()

        def card(story: Story, heading: str) -> Markup:
            """partials/story-card.html for a story, rendered once per build, language and heading level."""
            key = (lang, story.path, heading)
            if key not in self._cards:
                self._cards[key] = Markup(self.env.get_template(CARD).render(**self._helpers(lang, None), story=story, heading=heading))
            return self._cards[key]

        return {
            "card": card,
            **words.template_globals(), "lang": lang, "settings": settings, "site_name": settings.site_name, "topics": self.topics,
            "url": url, "other_versions": other_versions, "format_date": date, "format_month": month,
            "week_title": week_title, "week_dates": week_dates, "reading_time": reading_time,
            "is_scheduled": is_scheduled, "feeds": bool(settings.site_url),
            "language_name": lambda code: language_name(code, settings),
        }

    # -- page assembly --------------------------------------------------------------------------

    def _selector(self, lang: str, here: str, targets: dict[str, str]) -> list[dict[str, str]]:
        """Links for the language selector: the same page in each language, else that language's home."""
        return [{"lang": other, "name": language_name(other, self.settings),
                 "url": urls.relative(here, targets.get(other, urls.page_url(self.settings, other, "home")))}
                for other in self.settings.languages]

    def _hreflang(self, here: str, targets: dict[str, str]) -> list[dict[str, str]]:
        """rel=alternate links to every language version, and x-default to the first in site order."""
        def href(url: str) -> str:
            return urls.absolute(self.settings, url) or urls.relative(here, url)
        links = [{"lang": lang, "href": href(targets[lang])} for lang in self.settings.languages if lang in targets]
        if links:
            first = next(lang for lang in self.settings.languages if lang in targets)
            links.append({"lang": "x-default", "href": href(targets[first])})
        return links

    def _feed_links(self, lang: str, here: str, folder: str, title: str) -> list[dict[str, str]]:
        if not self.settings.site_url:
            return []
        return [{"type": "application/atom+xml", "title": f"{title} (Atom)", "href": urls.relative(here, folder + ATOM)},
                {"type": "application/rss+xml", "title": f"{title} (RSS)", "href": urls.relative(here, folder + RSS)}]

    def _page(self, lang: str, here: str, template: str, kind: str, meta: dict[str, Any], targets: dict[str, str],
              feeds: list[dict[str, str]] = (), og: dict[str, Any] | None = None, lastmod: dt.date | None = None,
              **context) -> PageSpec:
        """A page to render later: where it lives and what it shows (the sitemap needs no more than this)."""
        return PageSpec(self, lang, here, urls.docs_path(here, self.settings, lang), template, kind, meta, dict(targets),
                        list(feeds), og, lastmod, context)

    def render(self, spec: PageSpec) -> Page:
        """Render one page: the template's HTML around the editor's Markdown, and the front matter that carries the
        page's title, links and meta."""
        lang, here, meta, targets, feeds, kind = spec.lang, spec.url, spec.meta, spec.alternates, spec.feeds, spec.kind
        template, og, context = spec.template, spec.og, spec.context
        helpers = self._helpers(lang, here)
        markdown = str(context.get("body", ""))
        if markdown:  # the editor's Markdown stays apart from the template's HTML, for the site builder to convert
            context = {**context, "body": BODY}
        html = self.env.get_template(template).render(**helpers, **context, page_feeds=list(feeds))
        og = {"type": "website", "title": meta["title"], "description": meta.get("description", ""), **(og or {})}
        og.update({"site_name": self.settings.site_name, "locale": og_locale(lang),
                   "locale_alternates": [og_locale(other) for other in targets if other != lang],
                   "url": urls.absolute(self.settings, here) or ""})
        front = {**meta, "digest": {"lang": lang, "kind": kind, "alternates": self._selector(lang, here, targets),
                                    "hreflang": self._hreflang(here, targets), "feeds": list(feeds), "og": og}}
        # Material prints page.meta values unescaped, so every text in the front matter is stored escaped.
        front = escape_all(front)
        if LINK_START in html:  # links of shared story cards, relative to this page now
            html = LINK.sub(lambda link: urls.relative(here, link.group(1)), html)
        head, found, tail = html.partition(BODY)
        if not found:  # an index page, or a story template that leaves the body out: all of it is HTML
            markdown = ""
        return Page(lang, spec.path, front, head, markdown, tail, url=here, alternates=dict(targets), lastmod=spec.lastmod)

    def _same_page(self, name: str, slug: str = "") -> dict[str, str]:
        return {lang: urls.page_url(self.settings, lang, name, slug) for lang in self.settings.languages}

    def _paged(self, lang: str, name: str, slug: str, template: str, kind: str, meta: dict[str, Any], items: list,
               feeds_folder: str | None = None, feed_title: str = "", **context) -> list[PageSpec]:
        """An index split into pages of settings.page_size, each with links to the others."""
        first = urls.page_url(self.settings, lang, name, slug)
        chunks = indexing.paginate(items, self.settings.page_size)
        pages = []
        for number, chunk in enumerate(chunks, start=1):
            here = paged_url(first, number)
            targets = self._same_page(name, slug) if number == 1 else {lang: here}
            pager = {"number": number, "count": len(chunks),
                     "previous": urls.relative(here, paged_url(first, number - 1)) if number > 1 else None,
                     "next": urls.relative(here, paged_url(first, number + 1)) if number < len(chunks) else None,
                     "pages": [{"number": n, "url": urls.relative(here, paged_url(first, n))} for n in range(1, len(chunks) + 1)]}
            page_meta = dict(meta) if number == 1 else {**meta, "title": self.strings[lang].gettext("%(title)s (page %(number)s)", title=meta["title"], number=number)}
            feeds = self._feed_links(lang, here, feeds_folder, feed_title) if feeds_folder is not None else []
            pages.append(self._page(lang, here, template, kind, page_meta, targets, feeds=feeds, items=chunk, pager=pager, **context))
        return pages

    # -- the pages -----------------------------------------------------------------------------

    def pages(self, lang: str) -> list[Page | Asset]:
        """Every page of one language, rendered, and its feeds."""
        return [self.render(spec) for spec in self.specs(lang)] + self.feed_files(lang)

    def specs(self, lang: str) -> list[PageSpec]:
        """Every page of one language, not yet rendered: home, issues, topics, archive, stories.

        Computed once per language: the sitemap, the nav and the rendering all read them."""
        if lang not in self._specs:
            self._specs[lang] = self._make_specs(lang)
        return self._specs[lang]

    def _make_specs(self, lang: str) -> list[PageSpec]:
        settings, words = self.settings, self.strings[lang]
        stories = self.by_language.get(lang, [])
        by_topic = indexing.group_by_topic(stories)
        related_index = indexing.related_index(stories)
        weeks = self.weeks.get(lang, [])
        prefix = settings.language_prefix(lang)
        language_feed = words.gettext("%(site)s (%(language)s)", site=settings.site_name, language=language_name(lang, settings))

        latest_week, latest = weeks[0] if weeks else (None, [])
        rest = [story for story in stories if story not in latest][: max(0, settings.home_size - len(latest))]
        home = urls.page_url(settings, lang, "home")
        pages = [self._page(
            lang, home, "home.md", "home",
            {"title": words.gettext("Latest stories"),
             "description": words.gettext("The latest stories of %(site)s, newest first.", site=settings.site_name),
             "hide": ["navigation", "toc"]},
            self._same_page("home"), feeds=self._feed_links(lang, home, prefix, language_feed),
            week=latest_week, groups=indexing.by_primary_topic(latest, self.topics),
            previous_week=weeks[1][0] if len(weeks) > 1 else None, more=rest)]

        pages += self._paged(lang, "issues", "", "issues.md", "issues",
                             {"title": words.gettext("Issues"),
                              "description": words.gettext("Every weekly issue of %(site)s, newest first.", site=settings.site_name),
                              "hide": ["navigation", "toc"]}, [week for week, _ in weeks],
                             counts={week: len(items) for week, items in weeks})
        for position, (week, items) in enumerate(weeks):
            here = urls.page_url(settings, lang, "issue", week)
            newer = weeks[position - 1][0] if position > 0 else None
            older = weeks[position + 1][0] if position + 1 < len(weeks) else None
            pages.append(self._page(
                lang, here, "issue.md", "issue",
                {"title": issue_title(words, week),
                 "description": words.gettext("%(site)s: the stories of %(dates)s, by topic.", site=settings.site_name,
                                              dates=week_interval(lang, week)),
                 "hide": ["navigation"]},
                {lang: here}, lastmod=items[0].date,
                week=week, groups=indexing.by_primary_topic(items, self.topics), newer=newer, older=older))

        pages.append(self._page(lang, urls.page_url(settings, lang, "topics"), "topics.md", "topics",
                                {"title": words.gettext("Topics"),
                                 "description": words.gettext("The topics %(site)s follows.", site=settings.site_name)},
                                self._same_page("topics"), counts={slug: len(by_topic.get(slug, [])) for slug in self.topics}))
        pages += self._paged(lang, "archive", "", "archive.md", "archive",
                             {"title": words.gettext("Archive"),
                              "description": words.gettext("Every story of %(site)s, by month.", site=settings.site_name),
                              "hide": ["navigation", "toc"]}, stories)
        for slug, topic in self.topics.items():
            label = topic.label(lang)
            pages += self._paged(lang, "topic", slug, "topic.md", "topic",
                                 {"title": label, "description": words.gettext("Stories about %(topic)s, newest first.", topic=label)},
                                 by_topic.get(slug, []), feeds_folder=urls.page_url(settings, lang, "topic", slug),
                                 feed_title=words.gettext("%(site)s: %(topic)s", site=settings.site_name, topic=label), topic=topic)

        for story in stories:
            here = self.story_urls[story]
            versions = self.versions[story.key]
            og = {"type": "article", "published_time": story.published.isoformat(),
                  "tags": [self.topics[s].label(lang) for s in story.topics]}
            pages.append(self._page(
                lang, here, "story.md", "story",
                {"title": story.title, "description": story.summary, "hide": ["navigation"]},
                {other: self.story_urls[s] for other, s in versions.items()},
                feeds=self._feed_links(lang, here, prefix, language_feed), og=og, lastmod=story.date,
                story=story, body=Markup(story.body),
                related=indexing.related(story, related_index, settings.related_count)))
        return pages

    def feed_files(self, lang: str) -> list[Asset]:
        """Atom and RSS for the language and for each topic in it, as files beside the pages."""
        if not self.settings.site_url:
            return []
        words, settings, prefix = self.strings[lang], self.settings, self.settings.language_prefix(lang)
        stories = self.by_language.get(lang, [])
        by_topic = indexing.group_by_topic(stories)
        language_feed = words.gettext("%(site)s (%(language)s)", site=settings.site_name, language=language_name(lang, settings))
        files = build_feed(settings, lang, language_feed,
                           words.gettext("The latest stories of %(site)s, newest first.", site=settings.site_name),
                           urls.page_url(settings, lang, "home"), prefix, stories, self.story_urls, self.topics)
        for slug, topic in self.topics.items():
            folder = urls.page_url(settings, lang, "topic", slug)
            label = topic.label(lang)
            files.update(build_feed(settings, lang, words.gettext("%(site)s: %(topic)s", site=settings.site_name, topic=label),
                                    words.gettext("Stories about %(topic)s, newest first.", topic=label), folder, folder,
                                    by_topic.get(slug, []), self.story_urls, self.topics))
        return [Asset(lang, path[len(prefix):], text, url=path) for path, text in sorted(files.items())]

    def nav(self, lang: str) -> list[Any]:
        """The header tabs of one language, as MkDocs' nav: home, issues, topics (each topic), archive."""
        words = self.strings[lang]

        def path(name: str, slug: str = "") -> str:
            return urls.docs_path(urls.page_url(self.settings, lang, name, slug), self.settings, lang)

        escape = functools.partial(html.escape, quote=False)  # Material prints nav titles unescaped
        return [
            {escape(words.gettext("Home")): path("home")},
            {escape(words.gettext("Issues")): path("issues")},
            {escape(words.gettext("Topics")): [path("topics")] + [{escape(topic.label(lang)): path("topic", slug)} for slug, topic in self.topics.items()]},
            {escape(words.gettext("Archive")): path("archive")},
        ]

"""Render every page of every language from the Jinja templates in templates/.

The output is data: Markdown files with front matter, keyed by docs path, for MkDocs or any other
builder to turn into HTML. Templates are autoescaped, so a title or lede shows as the editor typed it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable

import jinja2
import yaml
from babel import Locale
from babel.dates import format_date, format_datetime
from markupsafe import Markup, escape

from . import indexing, urls
from .model import Page, Settings, Story, Topic

STRINGS_FILE = "strings.yml"


def language_name(lang: str, settings: Settings) -> str:
    """The language's own name for itself, 'Русский', unless the settings name it."""
    if lang in settings.language_names:
        return settings.language_names[lang]
    name = Locale.parse(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


def load_strings(templates: Path, settings: Settings) -> dict[str, dict[str, str]]:
    """Interface strings per language; a language without its own falls back to the default's, then English."""
    raw = yaml.safe_load((templates / STRINGS_FILE).read_text(encoding="utf-8")) or {}
    base = {**raw.get("en", {}), **raw.get(settings.default_language, {})}
    return {lang: {**base, **raw.get(lang, {})} for lang in settings.languages}


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
        )
        self.strings = load_strings(self.templates, settings)
        self.by_language = indexing.group_by_language(stories)
        self.versions = indexing.translations(stories)
        self.story_urls = {story: urls.story_url(story, settings) for story in stories}

    # -- helpers the templates call -----------------------------------------------------------

    def _helpers(self, lang: str, here: str) -> dict[str, Any]:
        settings = self.settings

        def url(target: Any, slug: str = "", lang_: str | None = None) -> str:
            """Relative link from this page to a story, a topic, or a named page ('home', 'archive', 'topics')."""
            target_lang = lang_ or lang
            if isinstance(target, Story):
                to = self.story_urls[target]
            elif isinstance(target, Topic):
                to = urls.page_url(settings, target_lang, "topic", target.slug)
            else:
                to = urls.page_url(settings, target_lang, target, slug)
            return urls.relative(here, to)

        def other_versions(story: Story) -> list[dict[str, str]]:
            """The story's other language versions, in the site's language order."""
            versions = self.versions.get(story.key, {})
            return [{"lang": other, "name": language_name(other, settings), "url": url(versions[other])}
                    for other in settings.languages if other != story.lang and other in versions]

        def date(value: dt.date | dt.datetime, form: str = "long") -> str:
            if isinstance(value, Story):
                value = value.date
            return format_date(value, form, locale=lang)

        def month(value: dt.date) -> str:
            name = format_date(value, "LLLL y", locale=lang)
            return name[:1].upper() + name[1:]

        return {
            "lang": lang,
            "t": self.strings[lang],
            "settings": settings,
            "site_name": settings.site_name,
            "topics": self.topics,
            "url": url,
            "other_versions": other_versions,
            "format_date": date,
            "format_month": month,
            "language_name": lambda code: language_name(code, settings),
        }

    def alternates(self, lang: str, here: str, targets: dict[str, str]) -> list[dict[str, str]]:
        """Links for the language selector: the same page in each language, else that language's home."""
        return [{"lang": other, "name": language_name(other, self.settings),
                 "url": urls.relative(here, targets.get(other, urls.page_url(self.settings, other, "home")))}
                for other in self.settings.languages]

    def _page(self, lang: str, here: str, template: str, meta: dict[str, Any], targets: dict[str, str], **context) -> Page:
        helpers = self._helpers(lang, here)
        body = self.env.get_template(template).render(**helpers, **context)
        meta = {key: str(escape(value)) if isinstance(value, str) else value for key, value in meta.items()}
        meta["digest"] = {"lang": lang, "alternates": self.alternates(lang, here, targets)}
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        return Page(lang, urls.docs_path(here, self.settings, lang), f"---\n{front}---\n\n{body}")

    # -- the pages -----------------------------------------------------------------------------

    def _same_page(self, name: str, slug: str = "") -> dict[str, str]:
        return {lang: urls.page_url(self.settings, lang, name, slug) for lang in self.settings.languages}

    def pages(self, lang: str) -> list[Page]:
        """Every page of one language: home, topic index and one page per topic, archive, stories."""
        settings, t = self.settings, self.strings[lang]
        stories = self.by_language.get(lang, [])
        by_topic = indexing.group_by_topic(stories)
        pages = [
            self._page(lang, urls.page_url(settings, lang, "home"), "home.md",
                       {"title": t["home_title"], "description": t["home_description"].format(site=settings.site_name),
                        "hide": ["navigation", "toc"]},
                       self._same_page("home"),
                       stories=stories[: settings.home_size], total=len(stories)),
            self._page(lang, urls.page_url(settings, lang, "topics"), "topics.md",
                       {"title": t["topics"]}, self._same_page("topics"),
                       counts={slug: len(by_topic.get(slug, [])) for slug in self.topics}),
            self._page(lang, urls.page_url(settings, lang, "archive"), "archive.md",
                       {"title": t["archive"], "hide": ["navigation", "toc"]}, self._same_page("archive"),
                       months=indexing.group_by_month(stories), total=len(stories)),
        ]
        for slug, topic in self.topics.items():
            pages.append(self._page(lang, urls.page_url(settings, lang, "topic", slug), "topic.md",
                                    {"title": topic.label(lang), "description": t["topic_description"].format(topic=topic.label(lang))},
                                    self._same_page("topic", slug),
                                    topic=topic, stories=by_topic.get(slug, [])))
        for story in stories:
            versions = self.versions[story.key]
            pages.append(self._page(lang, self.story_urls[story], "story.md",
                                    {"title": story.title, "description": story.summary, "hide": ["navigation"]},
                                    {other: self.story_urls[s] for other, s in versions.items()},
                                    story=story, body=Markup(story.body)))
        return pages

    def nav(self, lang: str) -> list[Any]:
        """The header tabs of one language, as MkDocs' nav: home, topics (each topic), archive."""
        t = self.strings[lang]
        path: Callable[..., str] = lambda name, slug="": urls.docs_path(urls.page_url(self.settings, lang, name, slug), self.settings, lang)
        return [
            {t["home"]: path("home")},
            {t["topics"]: [path("topics")] + [{topic.label(lang): path("topic", slug)} for slug, topic in self.topics.items()]},
            {t["archive"]: path("archive")},
        ]

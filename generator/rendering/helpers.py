"""What the templates may call: links, dates, reading time, a story's other versions, its card.

Links in a story card are shared by every page that lists the story, so the card holds them as site paths
between markers, made relative to each page once that page is rendered.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from markupsafe import escape

from .. import urls
from ..model import Story, Topic
from .words import issue_title, language_name, localized_date, minutes_in_words, week_interval

if TYPE_CHECKING:
    from .renderer import Renderer

CARD = "partials/story-card.html"
# A link in a shared card: the site path between these, replaced by a link relative to the page that shows the card.
# Editors' texts cannot hold them (validation refuses control characters).
LINK_START, LINK_END = "\x01", "\x02"
LINK = re.compile("\x01([^\x02]*)\x02")


def relative_links(html: str, here: str) -> str:
    """The links of shared story cards, made relative to the page at `here`."""
    if LINK_START not in html:
        return html
    return LINK.sub(lambda link: urls.relative(here, link.group(1)), html)


def escape_all(value: Any) -> Any:
    """HTML-escape every string in nested dicts and lists."""
    if isinstance(value, str):
        return str(escape(value))
    if isinstance(value, dict):
        return {key: escape_all(item) for key, item in value.items()}
    if isinstance(value, list):
        return [escape_all(item) for item in value]
    return value


def template_helpers(renderer: Renderer, lang: str, here: str | None) -> dict[str, Any]:
    """What templates may call. With `here` None (a story card, shared by every page that lists the story),
    links are site paths between markers, made relative to each page once it is rendered."""
    settings, words = renderer.settings, renderer.strings[lang]

    url = linker(renderer, lang, here)

    def other_versions(story: Story) -> list[dict[str, str]]:
        """The story's other language versions, in the site's language order."""
        versions = renderer.versions.get(story.key, {})
        return [
            {"lang": o, "name": language_name(o, settings), "url": url(versions[o])}
            for o in settings.languages
            if o != story.lang and o in versions
        ]

    def date(value: dt.date | dt.datetime | Story, form: str = "long") -> str:
        return localized_date(value.date if isinstance(value, Story) else value, form, lang)

    def month(value: dt.date) -> str:
        name = localized_date(value, "LLLL y", lang)
        return name[:1].upper() + name[1:]

    def reading_time(story: Story) -> str:
        minutes = words.reading_minutes(story.body + "\n" + story.summary)
        return words.gettext("%(duration)s read", duration=minutes_in_words(minutes, lang))

    return {
        "card": lambda story, heading: renderer.card(lang, story, heading),  # once per build, language and heading level
        **words.template_globals(),
        "lang": lang,
        "settings": settings,
        "site_name": settings.site_name_in(lang),
        "site_description": settings.site_description_in(lang),
        "picture": pictures(renderer, here),
        "topics": renderer.topics,
        "url": url,
        "other_versions": other_versions,
        "format_date": date,
        "format_month": month,
        "week_title": lambda week: issue_title(words, week),
        "week_dates": lambda week: week_interval(lang, week),
        "reading_time": reading_time,
        "is_scheduled": lambda story: story.published > settings.current_time(),
        "feeds": bool(settings.site_url),
        "newsletter": settings.newsletter,
        "language_name": lambda code: language_name(code, settings),
    }


def linker(renderer: Renderer, lang: str, here: str | None) -> Callable[..., str]:
    """`url(target)` for templates: a relative link from the page at `here` (or a marked site path in a card)."""
    settings = renderer.settings

    def url(target: Any, slug: str = "", lang_: str | None = None) -> str:
        """Relative link from this page to a story, a topic, or a named page ('home', 'archive', 'topics', 'issues', 'issue')."""
        target_lang = lang_ or lang
        if isinstance(target, Story):
            to = renderer.story_urls[target]
        elif isinstance(target, Topic):
            to = urls.page_url(settings, target_lang, "topic", target.slug)
        else:
            to = urls.page_url(settings, target_lang, target, slug)
        return urls.relative(here, to) if here is not None else f"{LINK_START}{to}{LINK_END}"

    return url


def pictures(renderer: Renderer, here: str | None) -> Callable[[Story], str | None]:
    """`picture(story)` for templates: a link to the story's own picture (cards show it as a thumbnail), or None."""

    def picture(story: Story) -> str | None:
        path = renderer.picture(story, renderer.story_urls[story])
        if path is None:
            return None
        return urls.relative(here, path) if here is not None else f"{LINK_START}{path}{LINK_END}"

    return picture

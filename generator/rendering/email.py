"""The email edition of each weekly issue, in each language: `issues/<week>/email.html` and `email.txt` beside
the issue's page, from templates/email/.

The HTML is what email clients render reliably: one table-based column of at most 600 px, every CSS rule moved
into style attributes by css-inline, except the dark variant, which stays in a <style> block as a media query
(inline styles cannot hold one). Every link and picture is an absolute address under site_url, so the editions
are written only when the site has one. The text version is wrapped at 72 columns, its links numbered at the end.
Like the feeds, the editions are data (Asset files) for the site builder to write.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import css_inline

from .. import indexing, urls
from ..attachments import first_image, images
from ..feeds import ATOM, RSS
from ..model import Asset, Story
from .plaintext import References, columns, wrap
from .words import issue_title, localized_date, text_direction, week_interval

if TYPE_CHECKING:
    from .renderer import Renderer

HTML, TEXT = "email.html", "email.txt"  # the files beside each issue's page
HTML_TEMPLATE, TEXT_TEMPLATE = "email/issue.html", "email/issue.txt"
WIDTH = 600  # the column, in CSS pixels: what every email client shows without scaling
PICTURE_WIDTH = 552  # the column less its padding (24 px each side)


@functools.cache
def inliner() -> css_inline.CSSInliner:
    # keep_at_rules: the dark variant (@media) stays in <style>; nothing is fetched, the CSS is all in the template.
    return css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


def email_files(r: Renderer, lang: str, skip: Callable[[str], bool] = lambda folder: False) -> list[Asset]:
    """The HTML and text editions of every weekly issue of the language (but those whose issue page's address
    `skip` names: a warm build has them); none without site_url."""
    if not r.settings.site_url:
        return []
    prefix, files = r.settings.language_prefix(lang), []
    for week, items in r.weeks.get(lang, []):
        folder = urls.page_url(r.settings, lang, "issue", week)
        if skip(folder):
            continue
        for name, text in render_edition(r, lang, week, items).items():
            files.append(Asset(lang, urls.checked_path(folder[len(prefix) :] + name), text, url=folder + name))
    return files


def render_edition(r: Renderer, lang: str, week: str, items: list[Story]) -> dict[str, str]:
    """One issue's email edition: {'email.html': ..., 'email.txt': ...}."""
    context = edition_context(r, lang, week, items)
    html = r.env.get_template(HTML_TEMPLATE).render(**context)
    references = References()
    text = r.env.get_template(TEXT_TEMPLATE).render(**context, ref=references.ref, links=references.links)
    return {HTML: inliner().inline(html), TEXT: wrap(text).strip("\n") + "\n"}


def edition_context(r: Renderer, lang: str, week: str, items: list[Story]) -> dict[str, Any]:
    """What the email templates show: the issue's words and dates, its stories by topic, and the footer's links."""
    settings, words = r.settings, r.strings[lang]

    def absolute(url: str) -> str:
        return urls.absolute(settings, url) or url

    pictures = picture_sizes(r, lang)
    groups = [
        {"slug": slug, "label": r.topics[slug].label(lang), "stories": [story_data(r, story, pictures) for story in group]}
        for slug, group in indexing.by_primary_topic(items, r.topics)
    ]
    dates = week_interval(lang, week)
    return {
        **words.template_globals(),
        "lang": lang,
        "dir": text_direction(lang),
        "site_name": settings.site_name_in(lang),
        "title": issue_title(words, week),
        "dates": dates,
        "preheader": words.gettext("%(site)s: the stories of %(dates)s, by topic.", site=settings.site_name_in(lang), dates=dates),
        "groups": groups,
        "web_url": absolute(urls.page_url(settings, lang, "issue", week)),
        "site_url": absolute(urls.page_url(settings, lang, "home")),
        "feed_url": absolute(settings.language_prefix(lang) + ATOM),
        "rss_url": absolute(settings.language_prefix(lang) + RSS),
        "unsubscribe": settings.list_unsubscribe,
        "columns": columns,
        "width": WIDTH,
    }


def story_data(r: Renderer, story: Story, pictures: dict[str, tuple[int, int]]) -> dict[str, Any]:
    """A story as the edition lists it: headline, absolute address, date, sources, lede, picture."""
    here = r.story_urls[story]
    return {
        "title": story.title,
        "url": urls.absolute(r.settings, here) or here,
        "date": localized_date(story.date, "long", story.lang),
        "sources": [source.name for source in story.sources],
        "lede": story.summary,
        "image": picture(r, story, here, pictures),
    }


def picture(r: Renderer, story: Story, here: str, pictures: dict[str, tuple[int, int]]) -> dict[str, Any] | None:
    """The story's picture, when it is one of the site's own (a picture from another host would be a request to
    it when the reader opens the email): its absolute address, its width in the column and its alt text."""
    src = r.share_image(story, here)
    base = (r.settings.site_url or "").rstrip("/") + "/"
    if not src or not src.startswith(base):
        return None
    size = pictures.get(src[len(base) :])
    width = min(PICTURE_WIDTH, size[0]) if size else PICTURE_WIDTH
    return {"src": src, "width": width, "alt": picture_alt(story)}


def picture_alt(story: Story) -> str:
    """The alt text the editor gave the picture in the story's body, else the headline it illustrates."""
    if story.image is None:
        target = first_image(story)
        alt = next((link.alt for link in images(story.body) if link.target == target), None)
        if alt:
            return alt
    return story.title


def picture_sizes(r: Renderer, lang: str) -> dict[str, tuple[int, int]]:
    """Width and height of the language's pictures by site path (the image sizes are by docs path)."""
    prefix = r.settings.language_prefix(lang)
    return {posixpath.join(prefix, path) if prefix else path: size for path, size in r.image_sizes(lang).items()}

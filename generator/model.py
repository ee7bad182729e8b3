"""Plain data objects of the digest. No I/O, no MkDocs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, worded for the editor who made it.

    An error stops the build; a warning (e.g. a topic label missing in one language, shown in the default
    language's words instead) is reported and the build goes on, unless it is strict (`--strict`)."""

    path: str
    line: int | None
    field: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "field": self.field, "message": self.message, "severity": self.severity}


@dataclass(frozen=True)
class Source:
    name: str
    url: str | None = None


@dataclass(frozen=True)
class Story:
    """One language version of one story, as the editor wrote it."""

    path: str  # relative to the project root, with forward slashes
    title: str
    published: dt.datetime  # time-zone aware; a plain date means midnight in the site's time zone
    has_time: bool  # False when the editor gave a plain date
    lang: str
    topics: tuple[str, ...]
    key: str  # front-matter `story`: the same in every language version
    sources: tuple[Source, ...]
    summary: str
    body: str
    slug: str
    draft: bool = False
    aliases: tuple[str, ...] = ()  # earlier addresses, relative to the language's root: each gets a redirect
    image: str | None = None  # a file beside the story or a web address: the picture shared with the link
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)  # key -> line in the file
    body_line: int = field(default=1, compare=False, hash=False)  # the line of the file where the body starts

    @property
    def date(self) -> dt.date:
        return self.published.date()


@dataclass(frozen=True)
class SitePage:
    """A page of the site that is not a story (About, Imprint, Privacy): content/pages/<name>.<lang>.md."""

    path: str  # relative to the project root
    name: str  # from the file name; the same in every language version, and the page's address
    lang: str
    title: str
    body: str
    summary: str = ""
    nav: bool = False  # shown in the header tabs of its language
    order: int = 0  # place among the pages in the tabs
    aliases: tuple[str, ...] = ()
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    body_line: int = field(default=1, compare=False, hash=False)


@dataclass(frozen=True)
class Topic:
    slug: str
    labels: dict[str, str]  # language code -> label

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.slug


@dataclass(frozen=True)
class Settings:
    """What the generator needs to know about the site; MkDocs' config or the CLI fills it in."""

    root: str  # the project folder; paths in problems are relative to it
    content_dir: str = "content"
    templates_dir: str = "templates"
    topics_file: str = "content/topics.yml"
    pages_dir: str = "pages"  # inside content_dir: pages that are not stories
    languages: tuple[str, ...] = ("en",)  # the first is the default language, served at /
    language_names: dict[str, str] = field(default_factory=dict)
    site_name: str = "Digest"
    site_names: dict[str, str] = field(default_factory=dict)  # language -> its own site name, where it has one
    site_description: str = ""
    site_descriptions: dict[str, str] = field(default_factory=dict)  # language -> its own site description
    site_url: str | None = None
    timezone: str = "UTC"
    story_url: str = "{year}/{month}/{slug}/"
    topic_url: str = "topics/{slug}/"
    topics_url: str = "topics/"
    archive_url: str = "archive/"
    home_size: int = 20
    page_size: int = 20  # longer indexes are split into pages: topics/x/, topics/x/page/2/, ...
    issue_url: str = "issues/{week}/"  # week: ISO week like 2025-W18
    issues_url: str = "issues/"
    related_count: int = 4
    include_drafts: bool = False  # True under `mkdocs serve`: drafts are shown, marked as drafts
    include_future: bool = False  # stories dated after `now` wait for their date unless this is True
    now: dt.datetime | None = None  # the moment of the build; None means the real clock
    # The email edition and `digest mail` (rendering/email.py, editor/mail.py): the message's headers, when set.
    mail_from: str | None = None  # From: "Digest <news@example.org>"
    mail_reply_to: str | None = None  # Reply-To:
    list_id: str | None = None  # List-Id: "AI Chips Digest <digest.example.org>"
    newsletter: str | None = None  # the newsletter's sign-up address, linked from the subscribe block
    list_unsubscribe: str | None = None  # an https:// or mailto: address; List-Unsubscribe: and the edition's footer

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def current_time(self) -> dt.datetime:
        return self.now or dt.datetime.now(dt.UTC)

    def site_name_in(self, lang: str) -> str:
        """The site's name in a language: its own (`languages: [{locale: ru, site_name: ...}]`), else site_name."""
        return self.site_names.get(lang) or self.site_name

    def site_description_in(self, lang: str) -> str:
        return self.site_descriptions.get(lang) or self.site_description

    def language_prefix(self, lang: str) -> str:
        """Where a language's pages live in the site: '' for the default language, else 'ru/'."""
        return "" if lang == self.default_language else f"{lang}/"


@dataclass(frozen=True)
class Page:
    """A page the generator renders, at a docs-relative path: front matter, then HTML around the editor's Markdown.

    `head` and `tail` are finished HTML from the templates; `markdown` is what the editor wrote (a story's body,
    empty on index pages), which the site builder converts and puts between them."""

    lang: str
    path: str  # e.g. "topics/ai-chips/index.md", relative to that language's docs folder
    meta: dict[str, Any]  # front matter: title, description, hide, and `digest` (links, feeds, Open Graph)
    head: str
    markdown: str = ""
    tail: str = ""
    url: str = ""  # site path, e.g. "ru/topics/ai-chips/"
    alternates: dict[str, str] = field(default_factory=dict)  # language -> site path of the same content
    lastmod: dt.date | None = None


@dataclass(frozen=True)
class Asset:
    """A file that is not a page, e.g. a feed, at a docs-relative path."""

    lang: str
    path: str
    text: str
    url: str = ""


@dataclass
class Site:
    """Everything the build produced: pages and nav per language, or the problems that stop it."""

    settings: Settings
    stories: list[Story] = field(default_factory=list)
    site_pages: list[SitePage] = field(default_factory=list)
    topics: dict[str, Topic] = field(default_factory=dict)
    pages: dict[str, list[Page | Asset]] = field(default_factory=dict)
    nav: dict[str, list[Any]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # site-wide files by site path, e.g. sitemap.xml
    problems: list[Problem] = field(default_factory=list)  # errors: nothing is built
    warnings: list[Problem] = field(default_factory=list)  # reported; the build goes on unless it is strict
    attachments: dict[str, list[Any]] = field(default_factory=dict)  # editor's file -> the files it links to (attachments.py)
    renderer: Any = None  # the rendering.Renderer of a prepared site: it renders any page on demand

    @property
    def ok(self) -> bool:
        return not self.problems

"""The plugin's options in mkdocs.yml, and the one place they become the core's Settings (the CLI reads them here too)."""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Any

from mkdocs.config import base, load_config
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError

from ..fields import describe
from ..model import Settings
from ..rendering import language_name, text_direction

# What a map in `languages` may hold, as in mkdocs-static-i18n: the code, and the language's own words for the site.
LANGUAGE_KEYS = ("locale", "name", "site_name", "site_description")
LANGUAGE_EXAMPLE = "{locale: ar, name: العربية, site_name: ..., site_description: ...}"


class Languages(c.BaseConfigOption[list[dict[str, str]]]):
    """The site's languages: each a code (`ru`), or a map as in mkdocs-static-i18n, with the language's own name
    for the selector and its own site name and description (`{locale: ru, name: Русский, site_name: ...}`).
    The value is a list of maps, each with at least `locale`."""

    def __init__(self) -> None:
        super().__init__()
        self.default = ["en"]
        self.file = "mkdocs.yml"

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        self.file = getattr(config, "config_file_path", None) or "mkdocs.yml"

    def run_validation(self, value: object) -> list[dict[str, str]]:
        if value is None:
            value = self.default
        if not isinstance(value, list) or not value:
            raise self.error("languages", value, "a list of languages, e.g. [en, ru]")
        return [self.entry(f"languages[{index}]", item) for index, item in enumerate(value)]

    def entry(self, where: str, item: Any) -> dict[str, str]:
        if isinstance(item, str) and item.strip():
            return {"locale": item}
        if not isinstance(item, dict):
            raise self.error(where, item, f"a language code such as ru, or a map such as {LANGUAGE_EXAMPLE}")
        unknown = [key for key in item if key not in LANGUAGE_KEYS]
        if unknown:
            keys = ", ".join(LANGUAGE_KEYS)
            raise self.error(f"{where}.{unknown[0]}", item[unknown[0]], f"only these keys in a language's map: {keys}")
        for key in LANGUAGE_KEYS:
            if key in item and not (isinstance(item[key], str) and item[key].strip()):
                raise self.error(f"{where}.{key}", item[key], "a text, e.g. " + LANGUAGE_EXAMPLE)
        if "locale" not in item:
            raise self.error(f"{where}.locale", None, f"the language's code under locale, e.g. {LANGUAGE_EXAMPLE}")
        return {key: item[key].strip() for key in LANGUAGE_KEYS if key in item}

    def error(self, where: str, found: Any, expected: str) -> c.ValidationError:
        shown = re.sub(r"\s+", " ", describe(found))
        return c.ValidationError(f"{self.file}: plugins.digest.{where}: expected {expected}, got {shown}")


class DigestConfig(base.Config):
    content_dir = c.Type(str, default="content")
    """Folder of the story files, relative to mkdocs.yml."""
    templates_dir = c.Type(str, default="templates")
    """Folder of the Jinja templates that write the pages."""
    topics_file = c.Type(str, default="content/topics.yml")
    """The topic registry: slug -> label in every language."""
    languages = Languages()
    """Site languages as ISO 639-1 codes, or maps {locale, name, site_name, site_description}; the first is served
    at /, the others at /<code>/."""
    language_names = c.DictOfItems(c.Type(str), default={})
    """Names for the language selector, when Babel's own names ('Русский') don't suit."""
    timezone = c.Type(str, default="UTC")
    """Time zone for stories dated without a time."""
    story_url = c.Type(str, default="{year}/{month}/{slug}/")
    """Where a story is published; fields: year, month, day, slug, story, lang."""
    home_size = c.Type(int, default=20)
    """How many stories the home page lists: the latest issue, then earlier stories."""
    page_size = c.Type(int, default=20)
    """Longer indexes are split into pages of this many entries."""
    future = c.Type(bool, default=False)
    """Publish stories dated in the future right away instead of waiting for their date."""
    search = c.Type(bool, default=True)
    """Index the stories with Pagefind after the build, for the search box."""
    search_part = c.Type(int, default=1_000)
    """Pagefind indexes a language's stories in parts of at most this many (its memory grows with what it indexes:
    about 135 MB for 1,000 stories of 250 words); the search box searches all parts."""
    split_from = c.Type(int, default=200)
    """From this many stories and pages in the default language, its story pages build in a process of their own,
    beside the one that builds its indexes (0: always; a large number: never)."""
    build_dir = c.Type(str, default=".digest")
    """Folder the digest owns (git-ignored); MkDocs' docs_dir becomes an empty folder in it."""
    # The email edition of each issue (issues/<week>/email.html and email.txt) and `digest mail`:
    mail_from = c.Optional(c.Type(str))
    """The sender of `digest mail`, e.g. 'AI Chips Digest <news@example.org>'; --from overrides it."""
    mail_reply_to = c.Optional(c.Type(str))
    """Where readers' replies go (Reply-To), e.g. the editors' address or a mailing list."""
    list_id = c.Optional(c.Type(str))
    """The List-Id header (RFC 2919), e.g. 'AI Chips Digest <digest.example.org>', so mail clients can filter the list."""
    list_unsubscribe = c.Optional(c.Type(str))
    """An https:// or mailto: address that unsubscribes: the List-Unsubscribe header and the edition's footer link."""
    newsletter = c.Optional(c.Type(str))
    """Where readers sign up for the newsletter (an https:// or mailto: address): a link in the subscribe block."""


class SettingsError(Exception):
    """mkdocs.yml cannot be read, or does not use the digest plugin."""


def settings_from(options: DigestConfig, config: MkDocsConfig, command: str = "build") -> Settings:
    """The core's settings from the plugin's options and MkDocs' own; drafts show only under `mkdocs serve`."""
    entries = options.languages
    site = config.extra.get("digest_site") or {"name": config.site_name, "description": config.site_description or ""}

    def each(key: str) -> dict[str, str]:
        return {entry["locale"]: entry[key] for entry in entries if key in entry}

    return Settings(
        root=project_root(config),
        content_dir=options.content_dir,
        templates_dir=options.templates_dir,
        topics_file=options.topics_file,
        languages=tuple(entry["locale"] for entry in entries),
        language_names={**options.language_names, **each("name")},
        site_name=site["name"],
        site_names=each("site_name"),
        site_description=site["description"],
        site_descriptions=each("site_description"),
        site_url=config.site_url,
        timezone=options.timezone,
        story_url=options.story_url,
        home_size=options.home_size,
        page_size=options.page_size,
        include_drafts=command == "serve",
        include_future=options.future,
        now=build_time(),
        mail_from=options.mail_from,
        mail_reply_to=options.mail_reply_to,
        list_id=options.list_id,
        list_unsubscribe=options.list_unsubscribe,
        newsletter=options.newsletter,
    )


def configure_language(config: MkDocsConfig, settings: Settings, lang: str) -> None:
    """MkDocs' and Material's settings for the build of one language: its interface language and text direction,
    its site name and description, and the language selector's links to the other languages' homes."""
    config.extra.setdefault("digest_site", {"name": settings.site_name, "description": settings.site_description})
    config.theme["language"] = lang
    config.theme["direction"] = text_direction(lang)  # Material's own list of right-to-left languages is shorter
    config.site_name = settings.site_name_in(lang)
    config.site_description = settings.site_description_in(lang) or None
    here = os.path.join("/", settings.language_prefix(lang))
    config.extra["digest_languages"] = [
        {
            "lang": other,
            "name": language_name(other, settings),
            "link": os.path.relpath(os.path.join("/", settings.language_prefix(other)), here) + "/",
        }
        for other in settings.languages
    ]


HTML_TAG = re.compile(r"<html\b(?![^>]*\sdir=)")


def with_direction(html: str, lang: str) -> str:
    """Material writes `dir` on <body>: write it on <html> too, so that the whole page (its scroll bar, and what
    scripts read from document.dir) runs in the language's direction."""
    return HTML_TAG.sub(f'<html dir="{text_direction(lang)}"', html, count=1)


def read_settings(config_file: str) -> Settings:
    """The same settings the MkDocs build uses, for a client that is not MkDocs (the `digest` command, the bench)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        config = load_config(config_file=config_file)
    except (ConfigurationError, OSError) as err:
        raise SettingsError(f"cannot read {config_file}: {err}") from err
    plugin = config.plugins.get("digest")
    options = getattr(plugin, "config", None)
    if not isinstance(options, DigestConfig):
        raise SettingsError(f"{config_file} does not list the digest plugin under plugins:")
    return settings_from(options, config)


def project_root(config: MkDocsConfig) -> str:
    """The folder of mkdocs.yml: story, template and build paths are relative to it."""
    return os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))


def build_time() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH, when set, is the moment of the build (reproducible builds); else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch and epoch.isdigit() else None

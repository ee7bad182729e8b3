"""The plugin's options in mkdocs.yml, and the one place they become the core's Settings (the CLI reads them here too)."""

from __future__ import annotations

import datetime as dt
import os

from mkdocs.config import base, load_config
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError

from ..model import Settings


class DigestConfig(base.Config):
    content_dir = c.Type(str, default="content")
    """Folder of the story files, relative to mkdocs.yml."""
    templates_dir = c.Type(str, default="templates")
    """Folder of the Jinja templates that write the pages."""
    topics_file = c.Type(str, default="content/topics.yml")
    """The topic registry: slug -> label in every language."""
    languages = c.ListOfItems(c.Type(str), default=["en"])
    """Site languages as ISO 639-1 codes; the first is served at /, the others at /<code>/."""
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


class SettingsError(Exception):
    """mkdocs.yml cannot be read, or does not use the digest plugin."""


def settings_from(options: DigestConfig, config: MkDocsConfig, command: str = "build") -> Settings:
    """The core's settings from the plugin's options and MkDocs' own; drafts show only under `mkdocs serve`."""
    return Settings(
        root=project_root(config),
        content_dir=options.content_dir,
        templates_dir=options.templates_dir,
        topics_file=options.topics_file,
        languages=tuple(options.languages),
        language_names=dict(options.language_names),
        site_name=config.site_name,
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
    )


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

"""What every command reads and checks before it works: the settings, the topics, and its arguments."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from zoneinfo import ZoneInfo

import click

from ..fields import SLUG, did_you_mean, no_such_day
from ..mkdocs_plugin.config import SettingsError, read_settings
from ..model import Settings, Topic
from ..topics import read_topics


class Day(click.ParamType):
    """A YYYY-MM-DD date that says which part is wrong: '2025-04-31 does not exist: April 2025 has 30 days'."""

    name = "YYYY-MM-DD"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            self.fail(f"expected a date as YYYY-MM-DD, got {text!r}; e.g. 2025-04-30", param, ctx)
        try:
            return dt.date.fromisoformat(text)
        except ValueError as err:
            self.fail(no_such_day(text) or f"{text} is not a real date ({err})", param, ctx)


CONFIG = click.option("-f", "--config-file", default="mkdocs.yml", show_default=True, help="The site's MkDocs configuration.")


def settings_of(config_file: str) -> Settings:
    """The same settings the MkDocs build uses, or a usage error saying why mkdocs.yml cannot give them."""
    try:
        return read_settings(config_file)
    except SettingsError as err:
        raise click.UsageError(str(err)) from err


def topics_of(settings: Settings) -> dict[str, Topic]:
    return read_topics(settings)[0]


def today(settings: Settings) -> dt.date:
    return dt.datetime.now(ZoneInfo(settings.timezone)).date()


def check_language(lang: str, settings: Settings, option: str = "--lang") -> str:
    if lang not in settings.languages:
        # Two-letter codes one letter apart score 0.5 with difflib, under did_you_mean's cutoff.
        close = difflib.get_close_matches(lang.lower(), settings.languages, n=1, cutoff=0.5)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise click.BadParameter(f"'{lang}' is not one of the site's languages ({', '.join(settings.languages)}){hint}", param_hint=option)
    return lang


def check_topic_names(names: tuple[str, ...], topics: dict[str, Topic], settings: Settings) -> list[str]:
    for name in names:
        if name not in topics:
            raise click.BadParameter(
                f"unknown topic '{name}'{did_you_mean(name, topics)}; the topics in "
                f"{settings.topics_file} are: {', '.join(sorted(topics))}",
                param_hint="--topic",
            )
    return list(dict.fromkeys(names))


def check_key(key: str | None) -> str | None:
    if key is not None and not SLUG.match(key):
        raise click.BadParameter(
            f"expected a key of lowercase letters, digits and hyphens, got '{key}'; e.g. huawei-ascend-910d", param_hint="--story"
        )
    return key

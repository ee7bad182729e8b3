"""`digest`: the editors' command line, a thin layer over the core.

Exit status everywhere: 0 when the command did its work, 1 when the content has problems (or a file is
already there), 2 for a usage error (click's own code).
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from . import coverage as coverage_report
from .build import load_site
from .history import modified_times
from .loading import load_document, load_yaml_file
from .model import Settings, Source, Story, Topic
from .scaffold import create_story, new_story, relative, render, source_from_url, translation_stub
from .slugs import slug_for, story_path
from .validation import SLUG, check_story, check_topics, did_you_mean

CONFIG = click.option("-f", "--config-file", default="mkdocs.yml", show_default=True, help="The site's MkDocs configuration.")


def read_settings(config_file: str) -> Settings:
    """The same settings the MkDocs build uses: the digest plugin's options in mkdocs.yml."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from .plugin import DigestPlugin

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        config = load_config(config_file=config_file)
    except (ConfigurationError, OSError) as err:
        raise click.UsageError(f"cannot read {config_file}: {err}") from err
    plugin = config.plugins.get("digest")
    if not isinstance(plugin, DigestPlugin):
        raise click.UsageError(f"{config_file} does not list the digest plugin under plugins:")
    return plugin.settings(config)


def read_topics(settings: Settings) -> dict[str, Topic]:
    root = Path(settings.root)
    values, lines, _ = load_yaml_file(root / settings.topics_file, root)
    return check_topics(values, lines, settings)[0]


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
            raise click.BadParameter(f"unknown topic '{name}'{did_you_mean(name, topics)}; the topics in "
                                     f"{settings.topics_file} are: {', '.join(sorted(topics))}", param_hint="--topic")
    return list(dict.fromkeys(names))


def check_key(key: str | None) -> str | None:
    if key is not None and not SLUG.match(key):
        raise click.BadParameter(f"expected a key of lowercase letters, digits and hyphens, got '{key}'; e.g. huawei-ascend-910d",
                                 param_hint="--story")
    return key


def existing_version(settings: Settings, key: str, lang: str) -> Story | None:
    return next((s for s in coverage_report.read_versions(settings) if s.key == key and s.lang == lang), None)


def write_story(settings: Settings, rel: str, text: str, command: str) -> str:
    """Create the file, or exit 1 naming the file that is already there (it is never replaced)."""
    root = Path(settings.root)
    try:
        path = create_story(root, rel, text)
    except FileExistsError:
        raise click.ClickException(f"{rel}: already exists; digest {command} never overwrites a file: "
                                   "rename or move that file, or choose another title") from None
    return relative(path, Path.cwd()) if Path.cwd() in path.parents else str(path)


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 110}


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="digest")
def main() -> None:
    """Write, check and import stories of a multilingual news digest.

    The site itself is built by MkDocs: `mkdocs build`, `mkdocs serve --livereload`, `mkdocs gh-deploy`.

    \b
    Example:
      digest new "Huawei builds three AI chip plants" --topic ai-chips --source-url https://www.ft.com/
    """


@main.command(short_help="Validate every story and the topic registry.")
@CONFIG
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json prints a list of {path, line, field, message} for CI bots.")
def check(config_file: str, fmt: str) -> None:
    """Validate every story and the topic registry, as the build does.

    Prints each problem as path:line: field: message. Exit status: 0 when the content is clean,
    1 when there are problems, 2 for a usage error.

    \b
    Example:
      digest check --format json
    """
    site = load_site(read_settings(config_file))
    if fmt == "json":
        click.echo(json.dumps([p.as_dict() for p in site.problems], ensure_ascii=False, indent=2))
    else:
        for problem in site.problems:
            click.echo(str(problem))
        languages = sorted({story.lang for story in site.stories})
        summary = f"{len(site.stories)} stories in {len(languages)} languages, {len(site.problems)} problem(s)"
        click.echo(summary, err=True)
    sys.exit(1 if site.problems else 0)


@main.command(short_help="Create a story file (or a translation stub) and print its path.")
@click.argument("title")
@click.option("--lang", help="The story's language; the site's first language when not given.")
@click.option("--topic", "topics", multiple=True, help="A topic slug from the topic registry; repeat for more.")
@click.option("--source-url", help="The address of the article the story summarises.")
@click.option("--source-name", help="The publication's name; the site's host name when not given.")
@click.option("--summary", help="The one-sentence lede; a placeholder when not given.")
@click.option("--story", "key", help="The story key shared by every language version; made from the title when not given.")
@click.option("--date", type=click.DateTime(["%Y-%m-%d"]), help="YYYY-MM-DD; today in the site's time zone when not given.")
@click.option("--translation-of", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="An existing story file: copy its key, date, topics and source, and quote its text to translate.")
@CONFIG
def new(title: str, lang: str | None, topics: tuple[str, ...], source_url: str | None, source_name: str | None,
        summary: str | None, key: str | None, date: dt.datetime | None, translation_of: Path | None, config_file: str) -> None:
    """Create a story file at content/YYYY/MM/<slug>.<lang>.md and print its path.

    The slug is the title transliterated to ASCII ('Китай обходит санкции' -> kitai-obkhodit-sanktsii).
    The story starts as a draft (draft: true) that passes `digest check`. An existing file is never
    replaced: digest new exits with status 1 and names it. Unknown languages or topics are usage
    errors (status 2).

    \b
    Examples:
      digest new "Huawei builds three AI chip plants" --topic ai-chips --topic geopolitics --source-url https://www.ft.com/
      digest new "Китай обходит санкции" --lang ru --translation-of content/2025/04/huawei-chip-plants.en.md
    """
    settings = read_settings(config_file)
    registry = read_topics(settings)
    lang = check_language(lang or settings.default_language, settings)
    chosen = check_topic_names(topics, registry, settings)
    key = check_key(key)
    sources = [source_from_url(source_url, source_name)] if source_url else [Source(source_name)] if source_name else []
    if translation_of is not None:
        original = read_story(translation_of, settings, registry)
        if original.lang == lang:
            raise click.BadParameter(f"{original.path} is already in '{lang}'; give the translation's language, "
                                     f"e.g. --lang {next(l for l in settings.languages if l != lang)}", param_hint="--lang")
        draft = translation_stub(original, original.published if original.has_time else original.date, title, lang, summary)
        draft.topics = chosen or draft.topics
        draft.sources = sources or draft.sources
    else:
        if not chosen:
            raise click.UsageError(f"give at least one --topic; the topics are: {', '.join(sorted(registry))}")
        if not sources:
            raise click.UsageError("give --source-url (and optionally --source-name) for the article the story summarises")
        draft = new_story(title, date=date.date() if date else today(settings), lang=lang, topics=chosen,
                          story=key or slug_for(title), sources=sources, summary=summary)
    taken = existing_version(settings, draft.story, lang)
    if taken is not None:
        raise click.ClickException(f"story '{draft.story}' already has a '{lang}' version: {taken.path}")
    day = draft.date.date() if isinstance(draft.date, dt.datetime) else draft.date
    click.echo(write_story(settings, story_path(settings.content_dir, day, slug_for(title), lang), render(draft), "new"))


def read_story(path: Path, settings: Settings, topics: dict[str, Topic]) -> Story:
    """A valid story file, or exit 1 with its problems."""
    document, problems = load_document(path.resolve(), Path(settings.root))
    story, found = check_story(document, settings, topics) if document is not None else (None, [])
    if story is None:
        raise click.ClickException("\n".join(str(p) for p in problems + found))
    return story


@main.command("import", short_help="Turn an article copied from a news page into a draft story.")
@click.argument("file", type=click.File("rb"))
@click.option("--text-only", is_flag=True, help="Print the cleaned article text (no headline) and write nothing.")
@click.option("--lang", help="The draft's language, when the detected one is wrong.")
@click.option("--topic", "topics", multiple=True, help="A topic slug to use instead of the suggested ones; repeat for more.")
@click.option("--source-url", help="The article's address, when the text has none.")
@click.option("--story", "key", help="File the draft under an existing story key, as a new language version.")
@click.option("--date", type=click.DateTime(["%Y-%m-%d"]), help="YYYY-MM-DD, instead of the text's dateline (or today when it has none).")
@click.option("--sentences", default=3, show_default=True, type=click.IntRange(1, 10), help="How many sentences the drafted body gets.")
@CONFIG
def import_(file, text_only: bool, lang: str | None, topics: tuple[str, ...], source_url: str | None, key: str | None,
            date: dt.datetime | None, sentences: int, config_file: str) -> None:
    """Turn an article copied from a news page (FILE, or - for stdin) into a draft story.

    Drops page junk (image captions, 'Latest news' and 'Related' blocks, ads, share buttons, comment,
    subscription and contact forms, author bios, footers), detects the language offline, finds the headline,
    the date and the source address when the text has them, and writes a draft (draft: true) with the lede,
    a short extractive summary in the article's language and suggested topics. Prints the draft's path;
    notes on what to fill in go to stderr. An existing file is never replaced.

    \b
    Examples:
      digest import article.txt
      digest import article.txt --text-only
      pbpaste | digest import - --source-url https://www.ft.com/content/abc --topic ai-chips
    """
    from .importing import clean, draft_story

    data = file.read()
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise click.ClickException(f"{file.name}: is not valid UTF-8 (byte {data[err.start]:#04x} at offset {err.start}); save it as UTF-8") from None
    article = clean(raw)
    if text_only:
        click.echo(article.text)
        return
    if not article.text.strip():
        raise click.ClickException(f"{file.name}: no article text is left once the page junk is dropped")
    settings = read_settings(config_file)
    registry = read_topics(settings)
    if lang is not None:
        check_language(lang, settings)
    chosen = check_topic_names(topics, registry, settings)
    key = check_key(key)
    versions = coverage_report.read_versions(settings)
    imported = draft_story(article, today=today(settings), topics=registry, stories=versions, lang=lang, chosen_topics=chosen,
                           key=key, source_url=source_url, date=date.date() if date else None, sentences=sentences)
    draft = imported.draft
    notes = list(imported.notes)
    if draft.lang not in settings.languages:
        notes.append(f"the article is in '{draft.lang}', which is not a site language ({', '.join(settings.languages)}): "
                     "translate the draft and set lang:, or import again with --lang")
    taken = next((s for s in versions if s.key == draft.story and s.lang == draft.lang), None)
    if taken is not None:
        raise click.ClickException(f"story '{draft.story}' already has a '{draft.lang}' version: {taken.path}")
    path = write_story(settings, story_path(settings.content_dir, draft.date, slug_for(draft.title), draft.lang), render(draft), "import")
    click.echo(path)
    click.echo(f"{article.lang} ({article.confidence:.0%} sure), dated {draft.date}, topics: {', '.join(draft.topics) or 'none'}", err=True)
    if key is None:
        similar = {story.key: (score, story) for score, story in reversed(imported.suggestion.similar)}  # best per key
        for score, story in sorted(similar.values(), key=lambda pair: -pair[0])[:3]:
            notes.append(f"it may be the same news as story '{story.key}' ({story.path}, {score:.0%} alike): "
                         f"to file it as a version of that story, use story: {story.key}")
    for note in notes:
        click.echo(f"note: {note}", err=True)


@main.command(short_help="Show missing and stale translations of every story.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json prints every story's versions, their status and the totals.")
@click.option("--fail-under", type=click.FloatRange(0, 100), help="Exit with status 1 when fewer than PERCENT of all versions are up to date.")
@CONFIG
def coverage(fmt: str, fail_under: float | None, config_file: str) -> None:
    """Show which stories exist in which language, and which translations are missing or stale.

    One row per story key, one column per site language. A version is 'original' (the default language's
    version, else the earliest dated one), 'ok', 'stale' (the original changed after it: by the `updated:`
    field when the file has one, else by its last git commit, else by the file's modification time),
    'draft' or 'missing'. Coverage is the share of originals and up-to-date translations among all
    story x language versions. Exit status: 0, or 1 when coverage is below --fail-under; 2 for a usage error.

    \b
    Examples:
      digest coverage
      digest coverage --format json --fail-under 80
    """
    settings = read_settings(config_file)
    versions = coverage_report.read_versions(settings)
    times = modified_times(versions, Path(settings.root), settings.content_dir, settings.timezone)
    report = coverage_report.coverage(versions, settings.languages, times)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(coverage_report.table(report))
    if fail_under is not None and report.percent < fail_under:
        click.echo(f"translation coverage {report.percent:.1f}% is below --fail-under {fail_under:g}%", err=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()

"""`digest`: the editors' command line, a thin layer over the core.

Exit status everywhere: 0 when the command did its work, 1 when the content has problems (or a file is
already there), 2 for a usage error (click's own code).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..build import load_site
from ..model import Problem, Settings, Site
from ..validation import site_url_warning
from . import coverage as coverage_report
from . import renames
from . import unfinished as unfinished_work
from .arguments import CONFIG, settings_of, today
from .coverage import read_versions
from .history import modified_times
from .importing import import_
from .mail import mail
from .new import new
from .todo import to_do_list

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 110}


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="mkdocs-digest")
def main() -> None:
    """Write, check and import stories of a multilingual news digest.

    The site itself is built by MkDocs: `mkdocs build`, `mkdocs serve --livereload`, `mkdocs gh-deploy`.

    \b
    Example:
      digest new "Huawei builds three AI chip plants" --topic ai-chips --source-url https://www.ft.com/
    """


@main.command(short_help="Validate every story and the topic registry.")
@CONFIG
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json prints a list of {path, line, field, message, severity} for CI bots.",
)
@click.option("--strict", is_flag=True, help="Exit with status 1 for warnings too, as `mkdocs build --strict` fails on them.")
def check(config_file: str, fmt: str, strict: bool) -> None:
    """Validate every story, page and the topic registry, as the build does.

    Prints each problem as path:line: field: message, and each warning (say, a topic with no label in one
    language, whose pages then show the default language's label) as warning: path:line: field: message.
    A story or page file that git sees as moved since the last commit gets a note with the `aliases:` line
    that keeps its old address. Exit status: 0 when the content has no problems (warnings alone leave it 0,
    unless --strict), 1 when there are problems, 2 for a usage error.

    \b
    Example:
      digest check --format json
    """
    settings = settings_of(config_file)
    site = load_site(settings)
    problems, notes = findings(settings, site)
    if fmt == "json":
        click.echo(json.dumps([p.as_dict() for p in problems + site.warnings], ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            click.echo(str(problem))
        for warning in site.warnings:
            click.echo(f"warning: {warning}")
        for note in notes:
            click.echo(f"note: {note}", err=True)
        languages = sorted({story.lang for story in site.stories})
        pages = f", {len(site.site_pages)} pages" if site.site_pages else ""
        summary = f"{len(site.stories)} stories in {len(languages)} languages{pages}, {len(problems)} problem(s)"
        click.echo(summary + (f", {len(site.warnings)} warning(s)" if site.warnings else ""), err=True)
    sys.exit(1 if problems or (strict and site.warnings) else 0)


def findings(settings: Settings, site: Site) -> tuple[list[Problem], list[str]]:
    """The content's problems with unfinished work added (in drafts only notes), and the notes: moved files, drafts'
    unfinished work, a language check that could not run, a site_url not set for publishing."""
    detect = unfinished_work.language_detector()
    stories = read_versions(settings)
    found = unfinished_work.unfinished(stories, Path(settings.root), settings.default_language, detect)
    drafts = {story.path for story in stories if story.draft}
    problems = sorted([*site.problems, *(p for p in found if p.path not in drafts)], key=lambda p: (p.path, p.line or 0, p.field))
    notes = [*renames.notes(settings), *(f"{p} (a draft: not a problem until it is published)" for p in found if p.path in drafts)]
    if detect is None:
        notes.append(unfinished_work.UNCHECKED_LANGUAGE)
    notes += filter(None, [site_url_warning(settings.site_url)])
    return problems, notes


@main.command(short_help="List missing and stale translations, newest story first, with what to do.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json prints every story's versions, their status and the totals.",
)
@click.option(
    "--fail-under", type=click.FloatRange(0, 100), help="Exit with status 1 when fewer than PERCENT of all versions are up to date."
)
@CONFIG
def coverage(fmt: str, fail_under: float | None, config_file: str) -> None:
    """List every story, newest first, with its translations and what is left to do.

    For each story: the original's date, title and file, then each language's status: 'original' (the
    default language's published version, else the earliest dated one), 'ok', 'stale' (the original changed
    after it: by the `updated:` field when the file has one, else by its last git commit, else by the file's
    modification time), 'draft' or 'missing'. Each missing translation gets the digest new command that
    starts it; each stale one, the `updated:` line that marks it reviewed once checked. Stories with drafts
    only are listed apart and not counted. Coverage is the share of originals and up-to-date translations
    among all story x language versions. Exit status: 0, or 1 when coverage is below --fail-under; 2 for a
    usage error.

    \b
    Examples:
      digest coverage
      digest coverage --format json --fail-under 80
    """
    settings = settings_of(config_file)
    versions = coverage_report.read_versions(settings)
    times = modified_times(versions, Path(settings.root), settings.content_dir, settings.timezone)
    report = coverage_report.coverage(versions, settings.languages, times)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(to_do_list(report, today(settings)))
    if fail_under is not None and report.percent < fail_under:
        click.echo(f"translation coverage {report.percent:.1f}% is below --fail-under {fail_under:g}%", err=True)
        sys.exit(1)


main.add_command(new)
main.add_command(import_)
main.add_command(mail)

if __name__ == "__main__":  # pragma: no cover
    main()

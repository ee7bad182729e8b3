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
from . import coverage as coverage_report
from . import renames
from .arguments import CONFIG, settings_of
from .history import modified_times
from .importing import import_
from .mail import mail
from .new import new

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
    if fmt == "json":
        click.echo(json.dumps([p.as_dict() for p in site.problems + site.warnings], ensure_ascii=False, indent=2))
    else:
        for problem in site.problems:
            click.echo(str(problem))
        for warning in site.warnings:
            click.echo(f"warning: {warning}")
        for note in renames.notes(settings):
            click.echo(f"note: {note}", err=True)
        languages = sorted({story.lang for story in site.stories})
        pages = f", {len(site.site_pages)} pages" if site.site_pages else ""
        summary = f"{len(site.stories)} stories in {len(languages)} languages{pages}, {len(site.problems)} problem(s)"
        click.echo(summary + (f", {len(site.warnings)} warning(s)" if site.warnings else ""), err=True)
    sys.exit(1 if site.problems or (strict and site.warnings) else 0)


@main.command(short_help="Show missing and stale translations of every story.")
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
    settings = settings_of(config_file)
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


main.add_command(new)
main.add_command(import_)
main.add_command(mail)

if __name__ == "__main__":  # pragma: no cover
    main()

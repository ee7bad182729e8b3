"""`digest`: the editors' command line, a thin layer over the core."""

from __future__ import annotations

import json
import os
import sys

import click

from .build import load_site
from .model import Settings


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="digest")
def main() -> None:
    """Write, check and build a multilingual news digest.

    The site itself is built by MkDocs: `mkdocs build`, `mkdocs serve --livereload`, `mkdocs gh-deploy`.
    """


@main.command()
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True, help="The site's MkDocs configuration.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json prints a list of {path, line, field, message} for CI bots.")
def check(config_file: str, fmt: str) -> None:
    """Validate every story and the topic registry, as the build does.

    Prints each problem as path:line: field: message. Exit status: 0 when the content is clean,
    1 when there are problems, 2 for a usage error.

    Example: digest check --format json
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


if __name__ == "__main__":  # pragma: no cover
    main()

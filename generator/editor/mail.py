"""`digest mail`: send a weekly issue's email edition, as the build wrote it into site/, or write it as an .eml file."""

from __future__ import annotations

import dataclasses
import os
import smtplib
from email.message import EmailMessage
from pathlib import Path

import click

from .. import indexing
from ..build import load_site, publishable
from ..model import Settings
from .arguments import CONFIG, check_language, settings_of
from .mailing import Edition, MailError, SentLog, Server, build_message, check_sender, check_server, connect, read_edition, reply

DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}


@click.command(short_help="Send an issue's email edition, or write it as an .eml file (the default).")
@click.argument("issue")
@click.option("--lang", help="The edition's language; the site's first language when not given.")
@click.option("--to", "recipients", multiple=True, required=True, help="A recipient (a person or a list's address); repeat for more.")
@click.option("--from", "sender", help="The sender; mail_from in mkdocs.yml when not given.")
@click.option("--send", is_flag=True, help="Send through SMTP. Without it nothing is sent: the message is written as an .eml file.")
@click.option("--again", is_flag=True, help="Send even to addresses that already received this issue in this language.")
@click.option("--smtp-host", envvar="DIGEST_SMTP_HOST", default="localhost", show_default=True, help="Or DIGEST_SMTP_HOST.")
@click.option("--smtp-port", envvar="DIGEST_SMTP_PORT", type=int, help="Or DIGEST_SMTP_PORT; 587 for starttls, 465 for tls, 25 for none.")
@click.option(
    "--smtp-security",
    envvar="DIGEST_SMTP_SECURITY",
    type=click.Choice(["starttls", "tls", "none"]),
    default="starttls",
    show_default=True,
    help="Or DIGEST_SMTP_SECURITY; none only for a server on 127.0.0.1 or localhost.",
)
@click.option("--smtp-user", envvar="DIGEST_SMTP_USER", help="Or DIGEST_SMTP_USER; the password only from DIGEST_SMTP_PASSWORD.")
@click.option("--site-dir", default="site", show_default=True, help="The built site, relative to mkdocs.yml.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="Where a dry run writes the .eml file.")
@CONFIG
def mail(issue: str, lang: str | None, recipients: tuple[str, ...], sender: str | None, send: bool, again: bool, **options) -> None:
    """Send ISSUE (2025-W18, or latest) to each --to address as a multipart/alternative message: the text and the
    HTML edition that `mkdocs build` wrote into site/.../issues/<week>/email.txt and email.html.

    Without --send this is a dry run: the message is written as an .eml file (open it in a mail client) and its
    path printed. With --send every address gets its own message; each one the server accepts is recorded in
    mail/sent.jsonl (commit it), and an address that already has this issue in this language is refused unless
    --again. Exit status: 0 when done, 1 when something is refused or the server refuses, 2 for a usage error.

    \b
    Examples:
      digest mail latest --lang ru --to me@example.org
      DIGEST_SMTP_PASSWORD=... digest mail 2025-W18 --to list@lists.example.org --send --smtp-host smtp.example.org --smtp-user digest
    """
    settings = settings_of(options["config_file"])
    lang = check_language(lang or settings.default_language, settings)
    try:
        week = resolve_issue(settings, issue, lang)
        edition = read_edition(Path(settings.root, options["site_dir"]), settings, week, lang)
        sender = check_sender(sender or settings.mail_from)
        if not send:
            message = build_message(edition, settings, sender, ", ".join(recipients))
            click.echo(write_eml(message, options["output"] or Path(settings.root, ".digest", "mail", f"{week}.{lang}.eml")))
            return
        deliver(edition, settings, sender, list(recipients), again, server_of(options))
    except MailError as err:
        click.echo(f"digest mail: {err}", err=True)
        raise SystemExit(1) from err


def resolve_issue(settings: Settings, issue: str, lang: str) -> str:
    """The ISO week of ISSUE ('latest' or '2025-W18') that has published stories in the language."""
    site = load_site(dataclasses.replace(settings, include_drafts=True, include_future=True))
    if site.problems:
        raise MailError(f"the content has {len(site.problems)} problem(s), first {site.problems[0]}; run `digest check`")
    mine = [story for story in site.stories if story.lang == lang]
    published = [week for week, _ in indexing.group_by_week(s for s in mine if publishable(s, settings))]
    if issue == "latest":
        if not published:
            raise MailError(f"ISSUE latest: expected a published issue in '{lang}', found none")
        return published[0]
    if issue in published:
        return issue
    waiting = [s.path for week, items in indexing.group_by_week(mine) if week == issue for s in items]
    if waiting:
        raise MailError(f"ISSUE {issue}: expected a published issue, found only drafts or stories dated later: {', '.join(waiting)}")
    weeks = ", ".join(published[:5]) or "none"
    raise MailError(f"ISSUE {issue}: expected 'latest' or a week of '{lang}' with stories ({weeks}), found no such issue")


def server_of(options: dict) -> Server:
    security = options["smtp_security"]
    port = options["smtp_port"] or DEFAULT_PORTS[security]
    password = os.environ.get("DIGEST_SMTP_PASSWORD") or None
    return check_server(Server(options["smtp_host"], port, security, options["smtp_user"], password))


def write_eml(message: EmailMessage, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(message.as_bytes())
    return path


def deliver(edition: Edition, settings: Settings, sender: str, recipients: list[str], again: bool, server: Server) -> None:
    """One message per address over one connection, each recorded once the server accepted it."""
    log = SentLog(Path(settings.root))
    done = log.already(edition.week, edition.lang, recipients)
    if done and not again:
        raise MailError(
            f"{log.path}: {edition.week} ({edition.lang}) was already sent to {', '.join(done)}; nothing sent. "
            "Give --again to send it to them once more"
        )
    smtp = connect(server)
    try:
        for to in recipients:
            message = build_message(edition, settings, sender, to)
            try:
                smtp.send_message(message)
            except smtplib.SMTPRecipientsRefused as err:
                code, text = next(iter(err.recipients.values()))
                raise MailError(f"{server.host}: refused {to}: {code} {reply(text)}") from err
            except smtplib.SMTPResponseException as err:
                raise MailError(f"{server.host}: refused the message to {to}: {err.smtp_code} {reply(err.smtp_error)}") from err
            except (OSError, smtplib.SMTPException) as err:
                raise MailError(f"{server.host}: sending to {to} failed: {err}") from err
            log.record(edition.week, edition.lang, to, str(message["Message-ID"]).strip())
            click.echo(f"sent {edition.week} ({edition.lang}) to {to}")
    finally:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()

"""What `digest mail` sends and how: the message built from an issue's built email edition, the record of what was
sent (so no one gets the same issue twice), and the SMTP conversation. No click here: mail.py is the command."""

from __future__ import annotations

import datetime as dt
import html as html_text
import json
import os
import re
import smtplib
import ssl
import tempfile
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path

from ..model import Settings

SENT_LOG = "mail/sent.jsonl"  # beside mkdocs.yml; the editor commits it, like the content
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
TITLE = re.compile(r"<title>(.*?)</title>", re.S | re.I)


class MailError(Exception):
    """Something `digest mail` refuses or could not do; the message says what, where and what to do."""


@dataclass(frozen=True)
class Edition:
    """An issue's email edition as the build wrote it."""

    week: str
    lang: str
    subject: str
    html: str
    text: str


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    security: str  # starttls, tls or none
    user: str | None = None
    password: str | None = None


def read_edition(site_dir: Path, settings: Settings, week: str, lang: str) -> Edition:
    """The built email.html and email.txt of the issue, or a MailError saying to run `mkdocs build`."""
    folder = site_dir / settings.language_prefix(lang) / settings.issue_url.format(week=week)
    html_file, text_file = folder / "email.html", folder / "email.txt"
    for path in (html_file, text_file):
        if not path.is_file():
            hint = "" if settings.site_url else " (and set site_url in mkdocs.yml: editions need absolute links)"
            raise MailError(f"{path}: not built yet; expected the issue's email edition there. Run `mkdocs build` first{hint}")
    html = html_file.read_text(encoding="utf-8")
    title = TITLE.search(html)
    if title is None or not title.group(1).strip():
        raise MailError(f"{html_file}: <title>: expected the issue's title for the subject, found none")
    subject = re.sub(r"\s+", " ", html_text.unescape(title.group(1))).strip()
    return Edition(week, lang, subject, html, text_file.read_text(encoding="utf-8"))


def build_message(edition: Edition, settings: Settings, sender: str, to: str, now: dt.datetime | None = None) -> EmailMessage:
    """A multipart/alternative message, text first (the fallback) and HTML last (what clients prefer)."""
    message = EmailMessage(policy=SMTP)
    message["Subject"] = edition.subject
    message["From"] = sender
    message["To"] = to
    if settings.mail_reply_to:
        message["Reply-To"] = settings.mail_reply_to
    if settings.list_id:
        message["List-Id"] = settings.list_id
    if settings.list_unsubscribe:
        message["List-Unsubscribe"] = f"<{settings.list_unsubscribe}>"
    message["Date"] = formatdate((now or dt.datetime.now(dt.UTC)).timestamp(), localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(f"digest.{edition.week}.{edition.lang}", domain=domain_of(sender))
    message["Content-Language"] = edition.lang
    message.set_content(edition.text, subtype="plain", charset="utf-8")
    message.add_alternative(edition.html, subtype="html", charset="utf-8")
    return message


def domain_of(address: str) -> str:
    _, email = parseaddr(address)
    return email.rpartition("@")[2] or "localhost"


def check_sender(sender: str | None) -> str:
    if not sender:
        raise MailError("mkdocs.yml: plugins: digest: mail_from: expected the sender's address (or give --from), found nothing")
    if "@" not in parseaddr(sender)[1]:
        raise MailError(f"mail_from / --from: expected an address such as 'Digest <news@example.org>', found {sender!r}")
    return sender


class SentLog:
    """mail/sent.jsonl: one line per message a server accepted, {issue, lang, to, message_id, sent}."""

    def __init__(self, root: Path):
        self.path = root / SENT_LOG

    def entries(self) -> list[dict]:
        if not self.path.is_file():
            return []
        entries = []
        for number, line in enumerate(self.path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise MailError(f"{self.path}:{number}: expected one JSON object per line, found {line[:60]!r} ({err.msg})") from err
        return entries

    def already(self, week: str, lang: str, addresses: list[str]) -> list[str]:
        """Which of the addresses already received the issue in that language."""
        sent = {(e.get("issue"), e.get("lang"), normal(str(e.get("to", "")))) for e in self.entries()}
        return [address for address in addresses if (week, lang, normal(address)) in sent]

    def record(self, week: str, lang: str, to: str, message_id: str) -> None:
        """Add one sent message, written to a temporary file and renamed over the log: never a half-written log."""
        sent = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        entry = {"issue": week, "lang": lang, "to": to, "message_id": message_id, "sent": sent}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        old = self.path.read_text(encoding="utf-8") if self.path.is_file() else ""
        text = old + ("" if not old or old.endswith("\n") else "\n") + json.dumps(entry, ensure_ascii=False) + "\n"
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".sent-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def normal(address: str) -> str:
    return parseaddr(address)[1].lower() or address.strip().lower()


def check_server(server: Server) -> Server:
    if server.security not in ("starttls", "tls", "none"):
        raise MailError(f"--smtp-security / DIGEST_SMTP_SECURITY: expected starttls, tls or none, found {server.security!r}")
    if server.security == "none" and server.host not in LOCAL_HOSTS:
        raise MailError(
            f"--smtp-security none: refused for {server.host}; without TLS the message and password cross the network in the "
            "clear. Expected starttls or tls, or a server on 127.0.0.1 or localhost"
        )
    if server.user and not server.password:
        raise MailError(f"--smtp-user {server.user}: expected the password in the environment variable DIGEST_SMTP_PASSWORD, found none")
    return server


def connect(server: Server) -> smtplib.SMTP:
    """An open, authenticated connection; TLS certificates are checked against the system's (or SSL_CERT_FILE's) CAs."""
    context = ssl.create_default_context()
    try:
        if server.security == "tls":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(server.host, server.port, timeout=60, context=context)
        else:
            smtp = smtplib.SMTP(server.host, server.port, timeout=60)
            if server.security == "starttls":
                smtp.starttls(context=context)
        if server.user and server.password:
            smtp.login(server.user, server.password)
        return smtp
    except smtplib.SMTPResponseException as err:
        raise MailError(f"{server.host}:{server.port}: the server answered {err.smtp_code} {reply(err.smtp_error)}") from err
    except (OSError, smtplib.SMTPException) as err:
        raise MailError(f"{server.host}:{server.port} ({server.security}): cannot connect: {err}") from err


def reply(text: bytes | str) -> str:
    return text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)

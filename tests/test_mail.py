"""`digest mail` against a real SMTP server (aiosmtpd) on 127.0.0.1: the message parses into text and HTML parts
with the list headers, a second send is refused, a 550 gives exit status 1 and the server's words, STARTTLS works
with a throwaway certificate (made by Debian's `openssl req`), and a dry run writes an .eml file."""

from __future__ import annotations

import email
import json
import shutil
import socket
import ssl
import subprocess
from email.policy import default
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from click.testing import CliRunner

from conftest import copy_project
from generator.editor.cli import main

OPTIONS = """\
      mail_from: "AI Chips Digest <news@example.org>"
      mail_reply_to: editors@example.org
      list_id: "AI Chips Digest <digest.example.org>"
      list_unsubscribe: "mailto:digest-leave@example.org"
"""


class Inbox:
    """An aiosmtpd handler that keeps every message, or refuses every recipient with `refuse`."""

    def __init__(self, refuse: str | None = None):
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.refuse = refuse

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return self.refuse
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content or envelope.content))
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def project(built_site, tmp_path_factory) -> Path:
    """A copy of the sample with the mail options, and the built site beside it."""
    root = copy_project(tmp_path_factory.mktemp("mail"))
    config = root / "mkdocs.yml"
    zone = "      timezone: Europe/Paris\n"
    config.write_text(config.read_text(encoding="utf-8").replace(zone, zone + OPTIONS), encoding="utf-8")
    shutil.copytree(built_site, root / "site")
    return root


def smtp(handler: Inbox, **options):
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), **options)
    controller.start()
    return controller


def digest(project: Path, *args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["mail", *args, "-f", str(project / "mkdocs.yml")], env=env or {}, catch_exceptions=False)


PLAIN = ("--smtp-security", "none")  # allowed: the server is on 127.0.0.1


def send_args(port: int, *extra: str) -> list[str]:
    return ["--send", "--smtp-host", "127.0.0.1", "--smtp-port", str(port), *extra]


def test_sends_a_multipart_message_once_and_refuses_the_second_time(project):
    inbox = Inbox()
    server = smtp(inbox)
    try:
        result = digest(project, "2025-W18", "--lang", "ru", "--to", "reader@example.org", *send_args(server.port, *PLAIN))
        assert result.exit_code == 0, result.output
        again = digest(project, "2025-W18", "--lang", "ru", "--to", "Reader@Example.org", *send_args(server.port, *PLAIN))
    finally:
        server.stop()
    assert again.exit_code == 1 and "already sent" in again.output and "--again" in again.output
    assert len(inbox.messages) == 1
    sender, recipients, raw = inbox.messages[0]
    assert (sender, recipients) == ("news@example.org", ["reader@example.org"])
    message = email.message_from_bytes(raw, policy=default)
    assert message.get_content_type() == "multipart/alternative"
    assert message["Subject"] == "Неделя 18, 2025"
    assert message["From"] == "AI Chips Digest <news@example.org>" and message["To"] == "reader@example.org"
    assert message["Reply-To"] == "editors@example.org"
    assert message["List-Id"] == "AI Chips Digest <digest.example.org>"
    assert message["List-Unsubscribe"] == "<mailto:digest-leave@example.org>"
    assert message["Date"] and message["Message-ID"].endswith("@example.org>")
    text, html = (message.get_body((kind,)).get_content().replace("\r\n", "\n") for kind in ("plain", "html"))  # CRLF on the wire
    built = project / "site/ru/issues/2025-W18"
    assert text == (built / "email.txt").read_text(encoding="utf-8")
    assert html.rstrip("\n") == (built / "email.html").read_text(encoding="utf-8").rstrip("\n")
    log = [json.loads(line) for line in (project / "mail/sent.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["issue"], e["lang"], e["to"]) for e in log] == [("2025-W18", "ru", "reader@example.org")]
    assert log[0]["message_id"] == message["Message-ID"].strip()  # parsed from a folded header


def test_a_server_that_answers_550_gives_status_1_with_its_words_and_records_nothing(project):
    server = smtp(Inbox(refuse="550 5.1.1 <nobody@example.org>: no such mailbox here"))
    try:
        result = digest(project, "latest", "--lang", "fr", "--to", "nobody@example.org", *send_args(server.port, *PLAIN))
    finally:
        server.stop()
    assert result.exit_code == 1
    assert "550" in result.output and "no such mailbox here" in result.output
    log = project / "mail/sent.jsonl"
    assert not log.exists() or "nobody@example.org" not in log.read_text(encoding="utf-8")


def certificate(folder: Path) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for 127.0.0.1, made with `openssl req` (Debian's openssl; the
    `cryptography` package is not in the locks)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def test_starttls_with_a_certificate_the_client_checks(project, tmp_path):
    cert, key = certificate(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    inbox = Inbox()
    server = smtp(inbox, tls_context=context, require_starttls=True)
    try:
        untrusted = digest(project, "latest", "--lang", "en", "--to", "tls@example.org", *send_args(server.port))
        trusting = {"SSL_CERT_FILE": str(cert)}  # OpenSSL's own variable: the client's CAs are this certificate
        trusted = digest(project, "latest", "--lang", "en", "--to", "tls@example.org", *send_args(server.port), env=trusting)
    finally:
        server.stop()
    assert untrusted.exit_code == 1 and "certificate" in untrusted.output.lower()
    assert trusted.exit_code == 0, trusted.output
    assert [recipients for _, recipients, _ in inbox.messages] == [["tls@example.org"]]


def test_plain_smtp_is_refused_for_another_host_and_the_password_never_comes_from_the_command_line(project):
    result = digest(project, "latest", "--to", "a@example.org", "--send", "--smtp-host", "smtp.example.org", "--smtp-security", "none")
    assert result.exit_code == 1 and "refused for smtp.example.org" in result.output
    result = digest(project, "latest", "--to", "a@example.org", "--send", "--smtp-user", "digest")
    assert result.exit_code == 1 and "DIGEST_SMTP_PASSWORD" in result.output
    assert digest(project, "latest", "--to", "a@example.org", "--smtp-password", "x").exit_code == 2


def test_a_dry_run_writes_the_eml_and_prints_its_path(project, tmp_path):
    result = digest(project, "latest", "--lang", "fr", "--to", "a@example.org", "--output", str(tmp_path / "issue.eml"))
    assert result.exit_code == 0 and result.output.strip() == str(tmp_path / "issue.eml")
    message = email.message_from_bytes((tmp_path / "issue.eml").read_bytes(), policy=default)
    assert message.get_body(("html",)) is not None and message.get_body(("plain",)) is not None


def test_drafts_unknown_and_unbuilt_issues_are_refused(project, tmp_path):
    story = project / "content/2025/04/extra.en.md"
    story.write_text(
        "---\ntitle: A draft\ndate: 2025-05-28\nlang: en\ntopics: [ai-chips]\nstory: a-draft\n"
        "source: [{name: FT, url: 'https://www.ft.com/'}]\nsummary: Not yet.\ndraft: true\n---\n\nBody.\n",
        encoding="utf-8",
    )
    try:
        draft = digest(project, "2025-W22", "--to", "a@example.org")
        unknown = digest(project, "2031-W01", "--to", "a@example.org")
    finally:
        story.unlink()
    assert draft.exit_code == 1 and "drafts" in draft.output and "extra.en.md" in draft.output
    assert unknown.exit_code == 1 and "2031-W01" in unknown.output
    unbuilt = digest(project, "latest", "--to", "a@example.org", "--site-dir", str(tmp_path / "nothing"))
    assert unbuilt.exit_code == 1 and "mkdocs build" in unbuilt.output and "email.html" in unbuilt.output

"""The subscribe block links the newsletter's sign-up address when the site has one (the plugin's `newsletter`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator import Settings, build_site

ROOT = Path(__file__).resolve().parents[1]


def home(newsletter: str | None) -> str:
    settings = Settings(root=str(ROOT), languages=("en", "ru", "fr"), site_url="https://example.github.io/digest/",
                        timezone="Europe/Paris", now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), newsletter=newsletter)  # fmt: skip
    site = build_site(settings)
    assert not site.problems
    page = next(p for p in site.pages["ru"] if p.path == "index.md")
    return page.head + page.tail


def test_the_newsletter_is_linked_from_the_subscribe_block_when_configured():
    assert "digest-subscribe__newsletter" not in home(None)
    html = home("https://buttondown.com/aichips")
    assert '<a class="digest-subscribe__link digest-subscribe__newsletter" href="https://buttondown.com/aichips">Рассылка</a>' in html

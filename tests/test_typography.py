"""Typography of our words per language: French spaces (a non-breaking space before ':', narrow ones before ';', '?',
'!' and inside « »), and no typewriter quotes or apostrophes in any shipped catalog."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALES = Path(__file__).resolve().parents[1] / "generator" / "locales"
SHIPPED = sorted(path.parent.parent.name for path in LOCALES.glob("*/LC_MESSAGES/digest.po"))


def texts(lang: str) -> list[str]:
    with open(LOCALES / lang / "LC_MESSAGES" / "digest.po", "rb") as file:
        catalog = read_po(file, locale=lang)
    found = []
    for message in catalog:
        if message.id:
            found += list(message.string) if isinstance(message.string, tuple) else [message.string]
    return found


def test_french_spaces_before_double_punctuation_and_inside_guillemets():
    spaces = "\u00a0\u202f"  # non-breaking, narrow non-breaking
    for text in texts("fr"):
        for match in re.finditer(r"(.)([:;?!])(?=\s|$)", text):
            assert match.group(1) in spaces, f"{text!r}: no non-breaking space before {match.group(2)!r}"
        assert not re.search(rf"«[^{spaces}]|[^{spaces}]»", text), text


@pytest.mark.parametrize("lang", SHIPPED)
def test_no_typewriter_quotes_or_apostrophes(lang):
    for text in texts(lang):
        assert '"' not in text and "'" not in text, (lang, text)

"""Write the importer's month names (generator/editor/importer/months.json) from Babel's CLDR data.

    python bench/month_names.py            # print what the file should hold
    python bench/month_names.py --write    # write it
    python bench/month_names.py --check    # exit 1 if the file differs from what Babel gives now

`digest import` reads dates in 69 locales' month names. Asking Babel for them loads the data of every locale at
every import (a third of a warm run's time, measured); the file keeps just the names, in the order the importer
tries them: for each language, the wide names, then the abbreviated ones, each in the format and the stand-alone
form, a name once (lower case, without a trailing full stop). tests/test_import.py checks it against Babel too.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from babel.dates import get_month_names

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.editor.importer.datelines import MONTH_LANGUAGES, MONTHS  # noqa: E402


def names(lang: str) -> list[list[str | int]]:
    """[name, month number] pairs of one language, as the importer tries them."""
    found: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, lang).items():
                found.setdefault(name.lower().rstrip("."), number)
    for name in [name for name in found if not any(ch.isalpha() for ch in name)]:
        del found[name]  # a month written as a number ('3') is no name
    return [[name, number] for name, number in found.items()]


def table() -> str:
    lines = ",\n".join(f"  {json.dumps(lang)}: {json.dumps(names(lang), ensure_ascii=False)}" for lang in MONTH_LANGUAGES)
    return "{\n" + lines + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    text = table()
    if args.write:
        MONTHS.write_text(text, encoding="utf-8")
    elif args.check:
        same = MONTHS.exists() and MONTHS.read_text(encoding="utf-8") == text
        print(f"{MONTHS.relative_to(ROOT)} {'matches' if same else 'differs from'} Babel's month names")
        return 0 if same else 1
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())

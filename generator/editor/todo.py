"""`digest coverage` as the editor's to-do list: each story, newest first, its versions, and what to do next."""

from __future__ import annotations

import datetime as dt
import re

from .coverage import DRAFT, MISSING, OK, ORIGINAL, STALE, Cell, Coverage, Row

HOW_TO_REVIEW = (
    "A translation is stale when its original changed after it did (by its updated: field, else its last git commit, "
    "else the file's time). Once you have checked it against the original, mark it reviewed: add updated: {today} "
    "(the day you reviewed it) to its front matter."
)
HOW_TO_TRANSLATE = "In each digest new command, replace the title with its translation: it names the new file."


def shell_quoted(text: str) -> str:
    """Text in double quotes, safe to paste into a POSIX shell."""
    return '"' + re.sub(r'(["\\$`])', r"\\\1", text) + '"'


def new_command(row: Row, lang: str) -> str:
    path = row.path if re.fullmatch(r"[\w./-]+", row.path, re.ASCII) else shell_quoted(row.path)
    return f"digest new {shell_quoted(row.title)} --lang {lang} --translation-of {path}"


def when(cell: Cell) -> str:
    return f"{cell.known_by} {cell.changed:%Y-%m-%d %H:%M}" if cell.changed else "time unknown"


def to_do(row: Row, today: dt.date) -> list[str]:
    """What is left for one story: a command for each missing translation, a review for each stale one."""
    lines = []
    for lang, cell in row.cells.items():
        if cell.status == MISSING and row.original is not None:
            lines.append(f"to do: {new_command(row, lang)}")
        elif cell.status == STALE and row.original is not None:
            origin = row.cells[row.original]
            lines.append(
                f"stale: {cell.path} ({when(cell)}) is older than {origin.path} ({when(origin)}): "
                f"review it against the original, then add updated: {today.isoformat()}"
            )
        elif cell.status == DRAFT:
            lines.append(f"draft: {cell.path}: finish it, then delete its draft: line to publish it")
    return lines


def story_lines(row: Row, today: dt.date) -> list[str]:
    indent = " " * 12
    statuses = " · ".join(f"{lang} {cell.status}" for lang, cell in row.cells.items())
    date = row.date.isoformat() if row.date else "?"
    return [f"{date}  {row.title}", f"{indent}{row.path} (story {row.key})", f"{indent}{statuses}"] + [
        indent + line for line in to_do(row, today)
    ]


def to_do_list(report: Coverage, today: dt.date) -> str:
    """Every story with a published version, newest first, then the stories that are drafts only, then the totals."""
    lines = []
    for row in report.rows:
        lines += [*story_lines(row, today), ""]
    if report.drafts:
        lines.append("Drafts only, not yet published (not counted in the coverage):")
        for row in report.drafts:
            lines += [*story_lines(row, today), ""]
    covered = report.count(ORIGINAL, OK)
    total = len(report.rows) * len(report.languages)
    lines.append(
        f"{covered} of {total} versions up to date ({report.percent:.1f}%): {report.count(STALE)} stale, "
        f"{report.count(DRAFT)} draft, {report.count(MISSING)} missing"
    )
    if report.count(MISSING):
        lines.append(HOW_TO_TRANSLATE)
    lines.append(HOW_TO_REVIEW.format(today=today.isoformat()))
    return "\n".join(line.rstrip() for line in lines)

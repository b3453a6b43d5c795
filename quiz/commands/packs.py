"""`quiz packs`: list every pack the game can find, where it came from, and any problem."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.commands.output import say
from quiz.packs.printable import printable
from quiz.userpath import user_path

if TYPE_CHECKING:
    from quiz.packs.catalog import Catalog

TITLE_WIDTH = 48


def run(args: argparse.Namespace) -> int:
    from quiz.datadir import data_dir
    from quiz.packs.catalog import discover
    from quiz.packs.discovery import packs_path_dirs, unreadable, user_packs_dir
    from quiz.packs.index import index_file

    for name in args.paths:
        problem = unreadable(user_path(name))
        if problem:
            say(f"quiz packs: error: cannot read {name} ({problem}); "
                "check the path and its permissions", err=True)  # fmt: skip
            return 1
        if not user_path(name).exists():
            say(f"quiz packs: error: no such file or folder: {name} (see 'quiz packs --help')",
                err=True)  # fmt: skip
            return 2
    folder = data_dir(args.data_dir)
    catalog = discover(folder, args.paths, index=index_file(folder))
    for line in listing(catalog):
        say(line)
    say(summary(catalog, user_packs_dir(folder)))
    # A folder searched by default that can't be read hides its packs: say so. (An
    # unreadable data folder makes its packs folder so too; that is one problem.)
    searched = [folder if unreadable(folder) else user_packs_dir(folder), *packs_path_dirs()]
    hidden = [(where, unreadable(where)) for where in searched]
    for where, problem in hidden:
        if problem:
            say(f"quiz packs: error: cannot read the folder {where} ({problem}); "
                "its packs are left out", err=True)  # fmt: skip
    return 1 if catalog.invalid or any(problem for _, problem in hidden) else 0


def listing(catalog: Catalog) -> list[str]:
    """One line per entry: id, title, question count, origin, path (and shadowing), each
    printable (titles are padded to a column by their printable length)."""
    valid = [entry.summary for entry in catalog.entries if entry.summary is not None]
    id_width = max([len(pack.id) for pack in valid] + [len("INVALID")])
    title_width = min(TITLE_WIDTH, max([len(printable(pack.title)) for pack in valid] + [0]))
    lines = []
    for entry in catalog.entries:
        origin = f"{entry.origin:<15}"
        if entry.summary is None:
            more = entry.problem_count - 1
            extra = f" (+{more} more: quiz check {entry.path})" if more > 0 else ""
            lines.append(
                printable(f"{'INVALID':<{id_width}}  {origin}  {entry.first_problem}{extra}")
            )
            continue
        pack = entry.summary
        count = pack.questions
        questions = f"{count:>4} question{'s' if count != 1 else ' '}"
        title = _fit(printable(pack.title), title_width)
        line = f"{pack.id:<{id_width}}  {title}  {questions}  {origin}  {entry.path}"
        if entry.shadowed_by is not None:
            line += f" (shadowed by {entry.shadowed_by.path})"
        lines.append(printable(line))
    return lines


def summary(catalog: Catalog, packs_dir: Path) -> str:
    """The closing line: how many packs, and where the player's own packs go."""
    total = len(catalog.entries)
    notes = []
    if catalog.invalid:
        notes.append(f"{len(catalog.invalid)} invalid")
    if catalog.shadowed:
        notes.append(f"{len(catalog.shadowed)} shadowed")
    counted = f"{total} pack{'s' if total != 1 else ''}"
    if notes:
        counted += f" ({', '.join(notes)})"
    return printable(f"{counted}; your own packs go in {packs_dir}")


def _fit(text: str, width: int) -> str:
    if len(text) > width:
        return text[: width - 1] + "…"
    return f"{text:<{width}}"

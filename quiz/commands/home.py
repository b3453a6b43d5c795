"""`quiz` with no command: the home screen, listing every pack found, with the history."""

from __future__ import annotations

import argparse

from quiz import collector
from quiz.commands.output import say


def run(args: argparse.Namespace) -> int:
    """Open the home screen over the packs `quiz packs` lists (built-in, <data dir>/packs,
    QUIZ_PACKS_PATH), invalid ones included; one error line and 1 if there are none, or
    if the history can't be opened. Packs are listed from the pack index and loaded only
    when played."""
    from quiz.datadir import data_dir
    from quiz.history.opening import OpeningHistory
    from quiz.packs.catalog import discover, pack_loader
    from quiz.packs.discovery import builtin_dir, user_packs_dir
    from quiz.packs.index import index_file

    folder = data_dir(args.data_dir)
    catalog = discover(folder, index=index_file(folder))
    if not catalog.entries:
        say(f"quiz: error: no built-in packs found in {builtin_dir()}, and none in "
            f"{user_packs_dir(folder)}; play a pack file with: quiz play PACK", err=True)  # fmt: skip
        return 1

    from quiz.commands.tui import launch

    collector.pause()  # from here until the first screen is painted (quiz/collector.py)
    opening = OpeningHistory(folder)
    return launch(
        opening.history, (), prog="quiz", entries=catalog.entries, loader=pack_loader(folder)
    )

"""`quiz stats`: games, scores, accuracy and most-missed questions, as plain text."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from quiz.commands.output import say, say_lines
from quiz.game.kinds import GameKind
from quiz.game.words import brief
from quiz.packs.model import titles_of
from quiz.packs.printable import printable

if TYPE_CHECKING:
    from pathlib import Path

    from quiz.packs.texts import PackTexts
    from quiz.records import Accuracy, Missed, PackStats

EMPTY = "No games played yet. Start one with: quiz"
PROMPT_WIDTH = 60


def run(args: argparse.Namespace) -> int:
    from quiz.datadir import data_dir
    from quiz.history.sqlite import SqliteHistory
    from quiz.store import StoreError

    try:
        history = SqliteHistory.open(data_dir(args.data_dir))
    except StoreError as error:
        say(f"quiz stats: error: {error}", err=True)
        return 1
    for notice in history.take_notices():
        say(f"quiz stats: {notice}", err=True)
    packs = _known_packs(data_dir(args.data_dir))
    try:
        report = history.stats(args.pack, packs.question_ids)
    except StoreError as error:
        say(f"quiz stats: error: {error}", err=True)
        return 1
    finally:
        history.close()
    if not report:
        if args.pack and args.pack not in packs.titles:
            say(f"quiz stats: error: no pack has the id {args.pack!r}, and no games of one"
                " are in the history; 'quiz packs' lists the packs", err=True)  # fmt: skip
            return 1
        if args.pack:
            say(f"No games of pack {args.pack} played yet. Start one with: quiz")
        else:
            say(EMPTY)
        return 0
    say_lines("\n\n".join(format_pack(stats, packs) for stats in report))
    return 0


def format_pack(stats: PackStats, packs: PackTexts) -> str:
    """The plain-text block for one pack, or one mix of packs; the PACKS found (by id) give
    titles and prompts.

    Its lines are ours; every piece of pack text or history in them is made printable.
    """
    pack_id = printable(stats.pack_id)
    titles = titles_of(stats.packs, packs.titles)
    title = f"{printable(' + '.join(titles))} ({pack_id})" if titles else pack_id
    lines = [title, f"  Games: {stats.games} played, {stats.unfinished} unfinished"]
    if stats.practice:
        rounds = "round" if stats.practice == 1 else "rounds"
        lines.append(
            f"  Practice: {stats.practice} {rounds} (retry missed; not in games, accuracy or bests)"
        )
    if stats.best is not None:
        lines.append(f"  Score: best {stats.best}, average {stats.average:.0f}")
    for kind in stats.kinds:
        if kind.finished:
            name = GameKind(count=kind.count, timed=kind.timed).key
            lines.append(
                f"    {name}: {kind.finished} finished, best {kind.best},"
                f" average {kind.average:.0f}"
            )
    lines.append(f"  Accuracy: {_percent(stats.overall)}")
    if stats.seen:
        lines.append(
            f"  Review: {stats.seen} seen, {stats.due} due now,"
            f" {stats.mastered} mastered (recall over 90%)"
        )
    if stats.by_category:
        lines.append("  By category: " + ", ".join(_labelled(a) for a in stats.by_category))
    if stats.by_difficulty:
        lines.append("  By difficulty: " + ", ".join(_labelled(a) for a in stats.by_difficulty))
    if stats.most_missed:
        lines.append("  Most missed:")
        for missed in stats.most_missed:
            line = (
                f"    {printable(missed.question_id)}: missed {missed.misses} of {missed.attempts}"
            )
            if missed.recall is not None:
                line += f", recall {missed.recall:.0%}"
                if missed.just_shown:
                    line += " (its answer was just shown)"
            prompt = _prompt(missed, packs)
            if prompt:
                line += f" - {_shorten(printable(prompt))}"
            lines.append(line)
    return "\n".join(lines)


def _prompt(missed: Missed, packs: PackTexts) -> str | None:
    """The missed question's prompt, if its pack is found and still has it."""
    return packs.prompts(missed.pack_id, [missed.question_id]).get(missed.question_id)


def _percent(accuracy: Accuracy) -> str:
    return f"{accuracy.ratio:.0%} ({accuracy.right} of {accuracy.total})"


def _labelled(accuracy: Accuracy) -> str:
    return f"{printable(accuracy.label)} {accuracy.ratio:.0%} ({accuracy.right}/{accuracy.total})"


def _shorten(text: str) -> str:
    return brief(text, PROMPT_WIDTH)


def _known_packs(folder: Path) -> PackTexts:
    """Every pack the game can find (as `quiz packs` lists them), by id, for titles (from the
    pack index) and prompts (a pack is loaded only for the prompts of its missed questions)."""
    from quiz.packs.catalog import discover, pack_loader
    from quiz.packs.index import index_file
    from quiz.packs.texts import PackTexts

    load = pack_loader(folder)
    return PackTexts(discover(folder, index=index_file(folder)).entries, lambda e: load(e.path))

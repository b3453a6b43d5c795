"""`quiz stats`: games, scores, accuracy and most-missed questions, as plain text."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.packs.model import Pack
    from quiz.store.stats import Accuracy, PackStats

EMPTY = "No games played yet. Start one with: quiz"
PROMPT_WIDTH = 60


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pack", metavar="ID", help="only this pack (its id)")


def run(args: argparse.Namespace) -> int:
    from quiz.datadir import data_dir
    from quiz.store import Store, StoreError

    try:
        store, notices = Store.open(data_dir(args.data_dir))
    except StoreError as error:
        print(f"quiz stats: error: {error}", file=sys.stderr)
        return 1
    for notice in notices:
        print(f"quiz stats: {notice}", file=sys.stderr)
    with store:
        try:
            report = store.stats(args.pack)
        except StoreError as error:
            print(f"quiz stats: error: {error}", file=sys.stderr)
            return 1
    if not report:
        if args.pack:
            print(f"No games of pack {_plain(args.pack)} played yet. Start one with: quiz")
        else:
            print(EMPTY)
        return 0
    packs = _builtin_packs()
    print("\n\n".join(format_pack(stats, packs.get(stats.pack_id)) for stats in report))
    return 0


def format_pack(stats: PackStats, pack: Pack | None = None) -> str:
    """The plain-text block for one pack; PACK (when known) gives its title and prompts."""
    pack_id = _plain(stats.pack_id)
    title = f"{_plain(pack.title)} ({pack_id})" if pack else pack_id
    lines = [title, f"  Games: {stats.games} played, {stats.unfinished} unfinished"]
    if stats.best is not None:
        lines.append(f"  Score: best {stats.best}, average {stats.average:.0f}")
    for kind in stats.kinds:
        if kind.finished:
            lines.append(
                f"    {_plain(kind.kind)}: {kind.finished} finished, best {kind.best},"
                f" average {kind.average:.0f}"
            )
    lines.append(f"  Accuracy: {_percent(stats.overall)}")
    if stats.by_category:
        lines.append("  By category: " + ", ".join(_labelled(a) for a in stats.by_category))
    if stats.by_difficulty:
        lines.append("  By difficulty: " + ", ".join(_labelled(a) for a in stats.by_difficulty))
    if stats.most_missed:
        lines.append("  Most missed:")
        prompts = {q.id: q.prompt for q in pack.questions} if pack else {}
        for missed in stats.most_missed:
            line = f"    {_plain(missed.question_id)}: missed {missed.misses} of {missed.attempts}"
            prompt = prompts.get(missed.question_id)
            if prompt:
                line += f" - {_shorten(_plain(prompt))}"
            lines.append(line)
    return "\n".join(lines)


def _percent(accuracy: Accuracy) -> str:
    return f"{accuracy.ratio:.0%} ({accuracy.right} of {accuracy.total})"


def _labelled(accuracy: Accuracy) -> str:
    return f"{_plain(accuracy.label)} {accuracy.ratio:.0%} ({accuracy.right}/{accuracy.total})"


def _plain(text: str) -> str:
    """Pack text with control characters (terminal escapes, newlines) made spaces."""
    return "".join(ch if ch.isprintable() else " " for ch in text)


def _shorten(text: str) -> str:
    return text if len(text) <= PROMPT_WIDTH else text[: PROMPT_WIDTH - 1].rstrip() + "…"


def _builtin_packs() -> dict[str, Pack]:
    """The built-in packs by id; any that fail to load are left out (stats still print)."""
    from quiz.packs.discovery import builtin_pack_files
    from quiz.packs.loader import load_pack
    from quiz.packs.problems import PackError

    packs: dict[str, Pack] = {}
    for path in builtin_pack_files():
        try:
            pack = load_pack(path)
        except (PackError, OSError):
            continue
        packs.setdefault(pack.id, pack)
    return packs

"""`quiz review [PACK]`: play the questions due for review, or say when the next one is due."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.commands.output import say
from quiz.userpath import user_path

if TYPE_CHECKING:
    from quiz.packs.catalog import Catalog, PackEntry, PackLoader
    from quiz.packs.model import Pack

PACK_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def run(args: argparse.Namespace) -> int:
    from quiz.game.review import MAX_REVIEW_LIMIT

    if args.questions is not None and not 1 <= args.questions <= MAX_REVIEW_LIMIT:
        say(
            f"quiz review: error: --questions must be 1 to {MAX_REVIEW_LIMIT}, not {args.questions}",
            err=True,
        )
        return 2
    from quiz.store.cards import RETENTION_RANGE

    low, high = RETENTION_RANGE
    retention = None if args.retention is None else _number(args.retention)
    if args.retention is not None and not (retention is not None and low <= retention <= high):
        say(f"quiz review: error: --retention must be {low} to {high}, not {args.retention}",
            err=True)  # fmt: skip
        return 2
    from quiz.datadir import data_dir
    from quiz.packs.catalog import discover, pack_loader
    from quiz.packs.discovery import unreadable
    from quiz.packs.index import index_file

    folder = data_dir(args.data_dir)
    problem = unreadable(user_path(args.pack)) if args.pack is not None else None
    if problem:
        return _fail(f"cannot read {args.pack} ({problem}); check the path and its permissions")
    as_file = args.pack is not None and _is_file(args.pack)
    catalog = discover(folder, [args.pack] if as_file else [], index=index_file(folder))
    loader = pack_loader(folder)
    entry = _chosen(catalog, args.pack, as_file)
    if entry is False:
        return 1
    entries = [entry] if entry is not None else list(catalog.playable)
    packs = _loaded(entries, loader, strict=entry is not None)
    if packs is None:
        return 1
    chosen = packs[0] if entry is not None else None

    from quiz.game.review import plan_review
    from quiz.history.sqlite import SqliteHistory
    from quiz.store import RETENTION, StoreError

    try:
        history = SqliteHistory.open(folder)
    except StoreError as error:
        return _fail(str(error))
    try:
        if retention is not None:
            history.store.set_setting(RETENTION, retention)
            if history.store.not_saving:
                say(f"Review aims for {retention:.0%} recall in this run only: the"
                    " history can't be saved, so the setting is not remembered.")  # fmt: skip
            else:
                say(f"Review now aims for {retention:.0%} recall when a question comes due.")
        limit = args.questions if args.questions is not None else history.review_questions()
        plan = plan_review(history, packs, chosen, limit=limit)
    except StoreError as error:
        history.close()
        return _fail(str(error))
    if plan.selection is None:
        for notice in history.take_notices():
            say(f"quiz review: {notice}", err=True)
        say(plan.message or "")  # it may hold a pack's title
        history.close()
        return 0

    from quiz.commands.plain import wants_plain

    if wants_plain(args.plain):
        from quiz.commands.plain import play_plain
        from quiz.game.kinds import Mode
        from quiz.game.selection import GameOptions
        from quiz.game.session import GameSession

        selection = plan.selection
        options = GameOptions(count=len(selection.asked))
        return play_plain(
            lambda: history,
            lambda: GameSession(selection, options, mode=Mode.REVIEW, grace=0),
            prog="quiz review",
        )
    from quiz.commands.tui import launch

    return launch(
        lambda: history,
        packs,
        prog="quiz review",
        review=plan,
        entries=catalog.entries,
        loader=loader,
    )


def _number(written: str) -> float | None:
    """A number as typed, or None (NaN included: it is in no range)."""
    try:
        value = float(written)
    except ValueError:
        return None
    return value if value == value else None


def _is_file(name: str) -> bool:
    """A PACK that names a file (it exists, or is not shaped like a pack id)."""
    return user_path(name).exists() or not PACK_ID.fullmatch(name)


def _loaded(entries: list[PackEntry], load: PackLoader, strict: bool) -> list[Pack] | None:
    """The packs of these entries; one that is (now) invalid is left out, or, if STRICT,
    its problems are printed and the answer is None."""
    from quiz.packs.problems import PackError

    packs = []
    for entry in entries:
        try:
            packs.append(load(entry.path))
        except PackError as error:
            if strict:
                for problem in error.problems:
                    say(problem, err=True)
                return None
    return packs


def _chosen(catalog: Catalog, name: str | None, as_file: bool) -> PackEntry | None | bool:
    """The entry PACK names (None for every pack), or False after printing why there is none."""
    from quiz.packs.discovery import real_path

    if name is None:
        return None
    if not as_file:
        entry = catalog.get(name)
        if entry is None:
            _fail(f"no pack with the id '{name}' was found; 'quiz packs' lists the packs")
            return False
        return entry
    path = real_path(Path(name))
    entry = next((e for e in catalog.entries if real_path(e.path) == path), None)
    if entry is None:
        what = "is a folder" if path.is_dir() else "does not exist"
        _fail(f"{name} {what}; give a pack file or a pack id")
        return False
    return entry  # an invalid one prints its problems when it is loaded


def _fail(message: str) -> int:
    say(f"quiz review: error: {message}", err=True)
    return 1

"""`quiz play`: check the packs and options, then start a game at once (TUI or plain text)."""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import TYPE_CHECKING

from quiz import collector
from quiz.commands.output import say

if TYPE_CHECKING:
    from quiz.game.selection import GameOptions
    from quiz.game.session import GameSession
    from quiz.history.opening import OpeningHistory
    from quiz.packs.model import Pack


def run(args: argparse.Namespace) -> int:
    prog = "quiz play"
    problem = options_problem(args)
    if problem:
        return _fail(problem, 2, prog)
    files = pack_paths(args.packs, prog)
    if files is None:
        return 1
    collector.pause()  # from the packs' load on, until the first screen is painted
    try:
        dealt = deal(args, files, prog)
        if isinstance(dealt, int):
            return dealt
        return _play(args, *dealt)
    finally:
        collector.resume()  # a no-op once the app has resumed it


def options_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the game options (a usage error), or None."""
    if args.questions is not None and args.questions < 1:
        return f"--questions must be at least 1, not {args.questions}"
    from quiz.game.selection import MIN_TIMER

    if args.timer is not None and not (math.isfinite(args.timer) and args.timer >= MIN_TIMER):
        return (
            f"--timer must be a positive number of seconds (at least {MIN_TIMER:g}), "
            f"not {args.timer:g}"
        )
    return None


def deal(
    args: argparse.Namespace, files: list[Path], prog: str
) -> tuple[list[Pack], GameOptions] | int:
    """The packs loaded and the options, once some question matches them; or the exit
    code after printing why none does."""
    from quiz.datadir import data_dir
    from quiz.packs.cache import load_pack_cached, packs_cache_dir
    from quiz.packs.problems import PackError

    cache = packs_cache_dir(data_dir(args.data_dir))  # valid packs, parsed once
    packs = []
    for file in files:
        try:
            packs.append(load_pack_cached(file, cache))
        except PackError as error:
            for problem in error.problems:
                say(problem, err=True)
            return 1

    from quiz.game.selection import GameOptions, NoQuestions, check

    options = GameOptions(
        count=10 if args.questions is None else args.questions,
        categories=tuple(args.category),
        difficulties=tuple(args.difficulty),
        timer=args.timer,
        seed=args.seed,
    )
    try:
        check(packs, options)  # dealt once the history says what was seen
        return packs, options
    except NoQuestions as error:
        return _fail(str(error), 1, prog)
    except PackError as error:  # a compiled pack whose entry failed, and its file changed
        for problem in error.problems:
            say(problem, err=True)
        return 1


def _play(args: argparse.Namespace, packs: list[Pack], options: GameOptions) -> int:
    from quiz.commands.plain import wants_plain
    from quiz.datadir import data_dir
    from quiz.history.opening import OpeningHistory

    opening = OpeningHistory(data_dir(args.data_dir))
    if wants_plain(args.plain):
        from quiz.commands.plain import play_plain

        return play_plain(
            opening.history, lambda: _fresh_session(opening, packs, options), prog="quiz play"
        )
    from quiz.commands.tui import launch

    return launch(opening.history, packs, prog="quiz play", start=options)


def _fresh_session(opening: OpeningHistory, packs: list[Pack], options: GameOptions) -> GameSession:
    """A plain game dealt as the full screen deals: questions never seen first, then the
    least recently seen (no history to ask if it can't be read)."""
    from quiz.game.selection import select
    from quiz.game.session import GameSession
    from quiz.store import StoreError

    try:
        seen = opening.history().last_seen(sorted({pack.id for pack in packs}))
    except StoreError:
        seen = {}
    # Lines typed whole never bounce: no grace period.
    return GameSession(select(packs, options, seen), options, grace=0)


def pack_paths(names: list[str], prog: str = "quiz play") -> list[Path] | None:
    """The pack files named (folders give their packs); None after printing an error."""
    from quiz.packs.discovery import builtin_dir, builtin_pack_files, pack_files, unreadable

    if not names:
        files = builtin_pack_files()
        if not files:
            _fail(
                f"no built-in packs found in {builtin_dir()}; give a pack file: {prog} PACK",
                1,
                prog,
            )
            return None
        return files
    files: list[Path] = []
    for name in names:
        path = Path(name)
        problem = unreadable(path)
        if problem:
            _fail(f"cannot read {name} ({problem}); check the path and its permissions", 1, prog)
            return None
        if path.is_dir():
            found = pack_files(path)
            if not found:
                _fail(f"no *.yaml or *.yml packs in the folder {name}", 1, prog)
                return None
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            _fail(f"no such pack file: {name}; check the path", 1, prog)
            return None
    return _each_file_once(files)


def _each_file_once(files: list[Path]) -> list[Path]:
    """The files in order, without a second mention of one file: `quiz play P P`, a
    folder and a pack in it, or a link to a pack all name one pack, to be played once."""
    seen: set[object] = set()
    once = []
    for file in files:
        try:
            status = file.stat()
            identity: object = (status.st_dev, status.st_ino)
        except OSError:
            identity = file.resolve()
        if identity not in seen:
            seen.add(identity)
            once.append(file)
    return once


def _fail(message: str, code: int, prog: str = "quiz play") -> int:
    """Print one error line (usage errors point at --help) and return the exit code."""
    hint = f" (see '{prog} --help')" if code == 2 else ""
    say(f"{prog}: error: {message}{hint}", err=True)
    return code

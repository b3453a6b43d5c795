"""`quiz play`: check the packs and options, then start a game at once in the TUI."""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from quiz import collector
from quiz.commands.output import say


def run(args: argparse.Namespace) -> int:
    if args.questions is not None and args.questions < 1:
        return _fail(f"--questions must be at least 1, not {args.questions}", 2)
    from quiz.game.selection import MIN_TIMER

    if args.timer is not None and not (math.isfinite(args.timer) and args.timer >= MIN_TIMER):
        return _fail(
            f"--timer must be a positive number of seconds (at least {MIN_TIMER:g}), "
            f"not {args.timer:g}",
            2,
        )

    files = pack_paths(args.packs)
    if files is None:
        return 1
    collector.pause()  # from the packs' load on, until the first screen is painted
    try:
        return _play(args, files)
    finally:
        collector.resume()  # a no-op once the app has resumed it


def _play(args: argparse.Namespace, files: list[Path]) -> int:
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
        check(packs, options)  # the app deals, once the history says what was seen
    except NoQuestions as error:
        return _fail(str(error), 1)
    except PackError as error:  # a compiled pack whose entry failed, and its file changed
        for problem in error.problems:
            say(problem, err=True)
        return 1

    from quiz.commands.tui import launch
    from quiz.history.opening import OpeningHistory

    opening = OpeningHistory(data_dir(args.data_dir))
    return launch(opening.history, packs, prog="quiz play", start=options)


def pack_paths(names: list[str]) -> list[Path] | None:
    """The pack files named (folders give their packs); None after printing an error."""
    from quiz.packs.discovery import builtin_dir, builtin_pack_files, pack_files, unreadable

    if not names:
        files = builtin_pack_files()
        if not files:
            _fail(
                f"no built-in packs found in {builtin_dir()}; give a pack file: quiz play PACK", 1
            )
            return None
        return files
    files: list[Path] = []
    for name in names:
        path = Path(name)
        problem = unreadable(path)
        if problem:
            _fail(f"cannot read {name} ({problem}); check the path and its permissions", 1)
            return None
        if path.is_dir():
            found = pack_files(path)
            if not found:
                _fail(f"no *.yaml or *.yml packs in the folder {name}", 1)
                return None
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            _fail(f"no such pack file: {name}; check the path", 1)
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


def _fail(message: str, code: int) -> int:
    """Print one error line (usage errors point at --help) and return the exit code."""
    hint = " (see 'quiz play --help')" if code == 2 else ""
    say(f"quiz play: error: {message}{hint}", err=True)
    return code

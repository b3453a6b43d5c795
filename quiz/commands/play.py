"""`quiz play`: check the packs and options, then start a game at once in the TUI."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    if args.questions is not None and args.questions < 1:
        return _fail(f"--questions must be at least 1, not {args.questions}", 2)
    if args.timer is not None and not (math.isfinite(args.timer) and args.timer > 0):
        return _fail(f"--timer must be a positive number of seconds, not {args.timer:g}", 2)

    from quiz.datadir import data_dir
    from quiz.packs.cache import load_pack_cached
    from quiz.packs.problems import PackError

    files = pack_paths(args.packs)
    if files is None:
        return 1
    cache = data_dir(args.data_dir) / "cache" / "packs"  # valid packs, parsed once
    packs = []
    for file in files:
        try:
            packs.append(load_pack_cached(file, cache))
        except PackError as error:
            for problem in error.problems:
                print(problem, file=sys.stderr)
            return 1

    from quiz.game.selection import GameOptions, NoQuestions, select

    options = GameOptions(
        count=10 if args.questions is None else args.questions,
        categories=tuple(args.category),
        difficulties=tuple(args.difficulty),
        timer=args.timer,
        seed=args.seed,
    )
    try:
        select(packs, options)
    except NoQuestions as error:
        return _fail(str(error), 1)
    return start(packs, options, args)


def pack_paths(names: list[str]) -> list[Path] | None:
    """The pack files named (folders give their packs); None after printing an error."""
    from quiz.packs.discovery import builtin_dir, builtin_pack_files, pack_files

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
    return files


def start(packs: list, options: object, args: argparse.Namespace) -> int:
    """Open the history (one error line if it can't be used), then the TUI with a game
    already started (Textual is imported only here, while the history opens)."""
    from quiz import collector
    from quiz.datadir import data_dir

    collector.pause()  # the app resumes it once the first question is painted
    from quiz.store import StoreError
    from quiz.store.opening import OpeningHistory

    opening = OpeningHistory(data_dir(args.data_dir))
    from quiz.ui.app import create_app

    try:
        recorder = opening.recorder()
    except StoreError as error:
        collector.resume()
        return _fail(str(error), 1)

    app = create_app(packs, start=options, store=recorder)  # type: ignore[arg-type]
    try:
        app.run()
    finally:
        recorder.close()
    return int(app.return_code or 0)


def _fail(message: str, code: int) -> int:
    """Print one error line (usage errors point at --help) and return the exit code."""
    hint = " (see 'quiz play --help')" if code == 2 else ""
    print(f"quiz play: error: {message}{hint}", file=sys.stderr)
    return code

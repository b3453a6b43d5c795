"""`quiz export gift|anki PACK -o FILE`: a pack's questions (or those due for review) for Moodle or Anki."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.commands.output import say
from quiz.userpath import user_path

if TYPE_CHECKING:
    from quiz.packs.model import Pack


def run(args: argparse.Namespace) -> int:
    from quiz.datadir import data_dir
    from quiz.packs.problems import PackError

    if not args.force and os.path.lexists(user_path(args.output)):
        return _usage(f"{args.output} already exists; give --force to replace it, or another -o")
    folder = data_dir(args.data_dir)
    try:
        pack, source = _pack(args.pack, folder)
    except PackError as error:
        for problem in error.problems:
            say(problem, err=True)
        return 1
    except LookupError as error:
        return _fail(str(error))
    from quiz.packs.writing import is_same_file

    if is_same_file(user_path(args.output), source):
        return _usage(f"-o {args.output} is the pack being exported; give another -o")
    questions = list(pack.questions)
    if args.missed:
        from quiz.store import StoreError

        try:
            due = due_question_ids(folder, pack)
        except StoreError as error:
            return _fail(str(error))
        questions = [question for question in questions if question.id in due]
        if not questions:
            say(f"Nothing in {pack.title} is due for review; nothing was written.")
            return 0
    return _write(args, pack, questions)


def due_question_ids(folder: Path, pack: Pack) -> set[str]:
    """The ids of PACK's questions this player is due to review: the one place export asks
    the review schedule (the history's `due`), so a new scheduler is one change here."""
    from quiz.history.sqlite import SqliteHistory

    history = SqliteHistory.open(folder)
    try:
        return {
            item.question_id for item in history.due(pack.id, list(dict.fromkeys(pack.facts.ids())))
        }
    finally:
        history.close()


def _pack(name: str, folder: Path) -> tuple[Pack, Path]:
    """The pack NAME gives, and its file: a pack file, else the id of a pack found
    (LookupError if none)."""
    from quiz.packs.loader import load_pack

    path = user_path(name)
    if path.exists():
        return load_pack(path), path
    from quiz.packs.catalog import discover, pack_loader
    from quiz.packs.index import index_file

    entry = discover(folder, [], index=index_file(folder)).get(name)
    if entry is None:
        raise LookupError(f"no pack file or pack id {name!r}; 'quiz packs' lists the packs")
    return pack_loader(folder)(entry.path), entry.path


def _write(args: argparse.Namespace, pack: Pack, questions: list) -> int:
    from quiz.packs.writing import make_folders, remove_folders, what_to_do, write_atomically

    if args.kind == "gift":
        from quiz.packs.gift_out import to_gift as render
    else:
        from quiz.packs.anki_out import to_anki as render
    output = user_path(args.output)
    made: list[Path] = []
    try:
        made = make_folders(output.parent)
        write_atomically(output, render(pack, questions).encode("utf-8"), overwrite=args.force)
    except FileExistsError:
        remove_folders(made)
        return _usage(f"{args.output} already exists; give --force to replace it, or another -o")
    except OSError as error:
        remove_folders(made)
        return _fail(f"cannot write {args.output} ({error.strerror or error}); {what_to_do(error)}")
    count = len(questions)
    say(f"wrote {output}: {count} question{'s' if count != 1 else ''} of {pack.title}")
    return 0


def _fail(message: str) -> int:
    say(f"quiz export: error: {message}", err=True)
    return 1


def _usage(message: str) -> int:
    say(f"quiz export: error: {message} (see 'quiz export --help')", err=True)
    return 2

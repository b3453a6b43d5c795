"""`quiz new`: write a starter pack (and the schema editors use) to begin a pack from."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from quiz.commands.output import say
from quiz.userpath import user_path


def run(args: argparse.Namespace) -> int:
    from quiz.packs.discovery import is_pack_file
    from quiz.packs.fields import SLUG
    from quiz.packs.problems import PackError
    from quiz.packs.starter import SchemaStatus, default_id, default_title, write_starter
    from quiz.packs.writing import what_to_do

    path = user_path(args.path)
    if not is_pack_file(path):
        return _usage(f"{args.path} must end in .yaml or .yml")
    if os.path.lexists(path):  # False for a name the system refuses; writing then says why
        return _usage(
            f"{args.path} already exists; choose another name (quiz new never overwrites)"
        )
    pack_id = args.id if args.id is not None else default_id(path)
    if not SLUG.fullmatch(pack_id):
        return _usage(
            f"--id {pack_id!r} is not a valid id; use 1-64 lowercase letters, digits and hyphens"
        )
    title = args.title if args.title is not None else default_title(path)
    if not title.strip():
        return _usage("--title must not be empty")
    try:
        made = write_starter(path, pack_id, title)
    except FileExistsError:
        return _usage(
            f"{args.path} already exists; choose another name (quiz new never overwrites)"
        )
    except PackError as error:  # checked before writing: nothing was made
        return _usage(f"{_which_title(args)} cannot go in a pack: {error.first.message}")
    except ValueError:  # a lone surrogate: bytes of the argument that were not UTF-8
        return _usage(f"{_which_title(args)} is not UTF-8 text; give a --title in UTF-8")
    except OSError as error:
        say(f"quiz new: error: cannot write {args.path} ({error.strerror or error}); "
            f"{what_to_do(error)}", err=True)  # fmt: skip
        return 1
    say(f"wrote {path} (pack id '{pack_id}', 4 example questions)")
    schema_notes = {
        SchemaStatus.WRITTEN: f"wrote {made.schema_path} for editor completion",
        SchemaStatus.KEPT: f"kept {made.schema_path}, already up to date",
        SchemaStatus.UPDATED: f"updated {made.schema_path} to this quiz's schema",
        SchemaStatus.REPLACED: f"replaced {made.schema_path} with this quiz's schema",
    }
    if made.schema_status is SchemaStatus.FOREIGN:
        say(f"quiz new: warning: {made.schema_path} is not quiz's schema, so it was left "
            "alone; editor completion will not match packs", err=True)  # fmt: skip
    else:
        say(schema_notes[made.schema_status])
    say(f"next: edit it, then run: quiz check --strict {path}")
    hint = _where_hint(path, args.data_dir)
    if hint:
        say(hint)
    return 0


def _where_hint(path: Path, data_dir_override: str | None) -> str | None:
    """How to let the game find the pack, when it is not where the game looks."""
    from quiz.datadir import data_dir
    from quiz.packs.discovery import packs_path_dirs, user_packs_dir

    packs_dir = user_packs_dir(data_dir(data_dir_override))
    searched = {folder.resolve() for folder in [packs_dir, *packs_path_dirs()]}
    if path.parent.resolve() in searched:
        return None
    return (f"the game finds packs in {packs_dir} and the folders of QUIZ_PACKS_PATH; "
            f"move it there, or add {path.parent.resolve()} to QUIZ_PACKS_PATH")  # fmt: skip


def _which_title(args: argparse.Namespace) -> str:
    return "--title" if args.title is not None else "the title made from the file name"


def _usage(message: str) -> int:
    say(f"quiz new: error: {message} (see 'quiz new --help')", err=True)
    return 2

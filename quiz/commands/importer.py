"""`quiz import`: turn questions saved elsewhere (Open Trivia DB, GIFT, Moodle XML, CSV) into a pack."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from quiz.commands.output import say
from quiz.userpath import user_path


def run(args: argparse.Namespace) -> int:
    from quiz.packs.discovery import is_pack_file
    from quiz.packs.drafts import ImportFailed
    from quiz.packs.fields import SLUG
    from quiz.packs.files import FileRefused, read_bounded
    from quiz.packs.opentdb import OpenTDBError
    from quiz.packs.opentdb_pack import import_opentdb
    from quiz.packs.slugs import slugify
    from quiz.packs.writing import (
        is_same_file,
        make_folders,
        remove_folders,
        what_to_do,
        write_streamed,
    )

    source, output = user_path(args.file), user_path(args.output)
    if not is_pack_file(output):
        return _usage(f"-o {args.output} must end in .yaml or .yml")
    pack_id = args.id if args.id is not None else (slugify(output.stem) or "imported")
    if not SLUG.fullmatch(pack_id):
        return _usage(
            f"--id {pack_id!r} is not a valid id; use 1-64 lowercase letters, digits and hyphens"
        )
    if args.title is not None and not args.title.strip():
        return _usage("--title must not be empty")
    if args.title is not None and any("\ud800" <= char <= "\udfff" for char in args.title):
        # Python's stand-ins for bytes that were not UTF-8; a pack could not hold them.
        return _usage("--title is not UTF-8 text; give a title in UTF-8")
    if is_same_file(output, source):
        return _usage(f"-o {args.output} is the file being imported; give another -o")
    if not args.force and os.path.lexists(output):
        return _exists(args.output)
    try:
        data = read_bounded(source)
    except FileRefused as error:
        if error.missing:
            return _usage(f"no such file: {args.file}")
        say(f"quiz import: error: {error}", err=True)
        return 1
    try:
        if args.kind == "opentdb":
            result = import_opentdb(data, args.file, pack_id, args.title)
        else:
            from quiz.packs.imports import convert

            result = convert(args.kind, data, args.file, pack_id, args.title)
    except (OpenTDBError, ImportFailed) as error:
        return _fail(error.messages)
    del data  # not needed any more; the peak memory is the entries and one piece of output
    made: list[Path] = []
    try:
        made = make_folders(output.parent)
        write_streamed(output, result.chunks(), overwrite=args.force)
    except OpenTDBError as error:  # found while writing: nothing was written
        remove_folders(made)
        return _fail(error.messages)
    except FileExistsError:  # made while we read the response: still never replaced
        remove_folders(made)
        _notes(result.notes)
        return _exists(args.output)
    except OSError as error:
        remove_folders(made)  # nothing behind, not even the folders made for the pack
        _notes(result.notes)
        say(f"quiz import: error: cannot write {args.output} ({error.strerror or error}); "
            f"{what_to_do(error)}", err=True)  # fmt: skip
        return 1
    _notes(result.notes)
    skipped = f", {len(result.notes)} skipped" if result.notes else ""
    license = "; Open Trivia DB questions are CC BY-SA 4.0" if args.kind == "opentdb" else ""
    say(f"wrote {output}: {result.count} question{'s' if result.count != 1 else ''}{skipped} "
        f"(pack id '{pack_id}'{license})")  # fmt: skip
    return 0


def _notes(notes: tuple[str, ...]) -> None:
    """The skipped entries, after the write and before what is said of it: a pack too
    big to write is refused as a whole, as before the pack was written as it was made."""
    for note in notes:
        say(note, err=True)


def _fail(messages: list[str]) -> int:
    for message in messages:
        say(message, err=True)
    return 1


def _exists(name: str) -> int:
    return _usage(f"{name} already exists; give --force to replace it, or another -o")


def _usage(message: str) -> int:
    say(f"quiz import: error: {message} (see 'quiz import --help')", err=True)
    return 2

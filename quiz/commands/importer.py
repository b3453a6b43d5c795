"""`quiz import`: turn trivia saved elsewhere (an Open Trivia DB response) into a pack."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.commands.output import say


def run(args: argparse.Namespace) -> int:
    from quiz.packs.discovery import is_pack_file
    from quiz.packs.fields import SLUG
    from quiz.packs.files import FileRefused, read_bounded
    from quiz.packs.opentdb import OpenTDBError
    from quiz.packs.opentdb_pack import import_opentdb
    from quiz.packs.slugs import slugify

    source, output = Path(args.file).expanduser(), Path(args.output).expanduser()
    if not is_pack_file(output):
        return _usage(f"-o {args.output} must end in .yaml or .yml")
    pack_id = args.id if args.id is not None else (slugify(output.stem) or "opentdb")
    if not SLUG.fullmatch(pack_id):
        return _usage(
            f"--id {pack_id!r} is not a valid id; use 1-64 lowercase letters, digits and hyphens"
        )
    if args.title is not None and not args.title.strip():
        return _usage("--title must not be empty")
    try:
        data = read_bounded(source)
    except FileRefused as error:
        if error.missing:
            return _usage(f"no such file: {args.file}")
        say(f"quiz import: error: {error}", err=True)
        return 1
    try:
        result = import_opentdb(data, args.file, pack_id, args.title)
    except OpenTDBError as error:
        for message in error.messages:
            say(message, err=True)
        return 1
    for note in result.notes:
        say(note, err=True)
    try:
        _write(output, result.text)
    except OSError as error:
        say(f"quiz import: error: cannot write {args.output} ({error.strerror or error}); "
            "check the folder exists and is writable", err=True)  # fmt: skip
        return 1
    skipped = f", {len(result.notes)} skipped" if result.notes else ""
    say(f"wrote {output}: {result.count} question{'s' if result.count != 1 else ''}{skipped} "
        f"(pack id '{pack_id}'; Open Trivia DB questions are CC BY-SA 4.0)")  # fmt: skip
    return 0


def _write(path: Path, text: str) -> None:
    """Write through a temporary file, so a failed write never leaves half a pack."""
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private; a pack is not
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _usage(message: str) -> int:
    say(f"quiz import: error: {message} (see 'quiz import --help')", err=True)
    return 2

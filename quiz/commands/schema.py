"""`quiz schema`: print the pack format as JSON Schema."""

from __future__ import annotations

import argparse

from quiz.commands.output import say
from quiz.userpath import user_path


def run(args: argparse.Namespace) -> int:
    from quiz.packs.starter import SchemaStatus, schema_text, write_schema
    from quiz.packs.writing import what_to_do

    if not args.output:
        print(schema_text(), end="")
        return 0
    try:
        # The same rule as `quiz new`: quiz's own schema file is brought up to date,
        # anyone else's file is replaced only with --force; written whole or not at all.
        status = write_schema(user_path(args.output), force=args.force)
    except OSError as error:
        say(f"quiz schema: error: cannot write {args.output} ({error.strerror or error}); "
            f"{what_to_do(error)}", err=True)  # fmt: skip
        return 1
    if status is SchemaStatus.FOREIGN:
        fix = "give another path" if args.force else "give --force to replace it"
        say(f"quiz schema: error: {args.output} exists and is not quiz's pack schema; {fix} "
            "(see 'quiz schema --help')", err=True)  # fmt: skip
        return 2
    return 0

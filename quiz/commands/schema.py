"""`quiz schema`: print the pack format as JSON Schema."""

from __future__ import annotations

import argparse

from quiz.commands.output import say


def run(args: argparse.Namespace) -> int:
    import json

    from quiz.packs.schema import pack_schema

    text = json.dumps(pack_schema(), indent=2) + "\n"
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as out:
                out.write(text)
        except OSError as error:
            reason = error.strerror or str(error)
            say(f"quiz schema: error: cannot write {args.output} ({reason}); "
                "give a file path in a folder that exists", err=True)  # fmt: skip
            return 1
    else:
        print(text, end="")
    return 0

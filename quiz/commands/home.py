"""`quiz` with no command: the home screen, listing the built-in packs."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    """Open the home screen over the built-in packs (1 with one error line if there are none)."""
    from quiz.packs.discovery import builtin_dir, builtin_pack_files
    from quiz.packs.loader import load_pack
    from quiz.packs.problems import PackError

    files = builtin_pack_files()
    if not files:
        print(f"quiz: error: no built-in packs found in {builtin_dir()}; "
              "play a pack file with: quiz play PACK", file=sys.stderr)  # fmt: skip
        return 1
    packs = []
    for file in files:
        try:
            packs.append(load_pack(file))
        except PackError as error:
            for problem in error.problems:
                print(problem, file=sys.stderr)
            return 1

    from quiz.ui.app import create_app

    app = create_app(packs)
    app.run()
    return int(app.return_code or 0)

"""The engine loads light: no Textual ever, and rapidfuzz only once a typed answer misses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).parent.parent.parent

PROBE = """
import sys
import quiz.game, quiz.game.session, quiz.game.selection, quiz.game.matching
import quiz.game.scoring, quiz.game.numbers, quiz.game.verdict
from quiz.packs.model import Question, QuestionType
heavy = lambda: sorted({m.split(".")[0] for m in sys.modules} & {"rapidfuzz", "textual"})
print(heavy())
question = Question("q", QuestionType.TEXT, "?", "Australia")
quiz.game.matching.match_text("australia", question)  # exact: still no rapidfuzz
print(heavy())
quiz.game.matching.match_text("austrlia", question)  # a miss needs the fuzzy ratio
print(heavy())
"""


def test_importing_the_engine_pulls_in_neither_rapidfuzz_nor_textual() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == ["[]", "[]", "['rapidfuzz']"]

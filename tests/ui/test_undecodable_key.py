"""A byte that is not UTF-8 typed into the real `quiz play` (Alt+x on an 8-bit-meta
terminal) is ignored: the game goes on and still takes answers."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from test_saving_crash import PLAY, answers, running

from quiz.game.session import GRACE_SECONDS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


def test_a_byte_that_is_not_utf8_does_not_end_the_game(tmp_path: Path) -> None:
    with running(PLAY, tmp_path) as game:
        game.wait_for(lambda: "Question 1 of 2" in game.text(), "the first question")
        os.write(game.leader, b"\xf8")  # Alt+x, with meta sent as the eighth bit
        game.read_for(GRACE_SECONDS)  # keys that bounce onto a new question are not answers
        game.press("1")
        game.wait_for(lambda: answers(tmp_path) == 1, "the first answer saved")
        game.read_for(GRACE_SECONDS)
        game.press("n")
        game.wait_for(lambda: "Question 2 of 2" in game.text(), "the second question")
        assert game.process.poll() is None

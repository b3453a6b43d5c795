"""The Leitner boxes the store keeps: which box an answer moves a question to, and how often."""

from __future__ import annotations

MAX_BOX = 5


def next_box(box: int | None, correct: bool) -> int:
    """The Leitner box after an answer: right moves up one (to at most 5), wrong goes to 1.

    A question never answered before counts as being in box 1, so a first right answer
    puts it in box 2.
    """
    if not correct:
        return 1
    return min((box or 1) + 1, MAX_BOX)


def interval(box: int) -> int:
    """How many games of its pack pass between reviews of a question in this box: 2^(box-1)."""
    return 2 ** (box - 1)

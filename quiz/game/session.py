"""One game as a state machine: ask, answer (or skip or time out), reveal, next, finish."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from enum import StrEnum
from typing import TYPE_CHECKING

from quiz.game.kinds import GameKind, Mode
from quiz.game.scoring import breakdown
from quiz.game.selection import AskedQuestion, GameOptions, Selection

# The judging (quiz.game.verdict, with the matching and number parsing behind it) is
# imported at the first answer, not while the first question is being shown.
if TYPE_CHECKING:
    from quiz.game.verdict import AnswerRecord, Summary, Verdict

__all__ = ["GRACE_SECONDS", "GameSession", "GameStateError", "Phase"]

# Input that bounces is not an answer: a key pressed twice (or repeating while held) on
# a reveal must not also answer or skip the question that replaces it. Long enough for
# a bounce or a key repeat's first interval, too short for a player to notice.
GRACE_SECONDS = 0.3


class GameStateError(RuntimeError):
    """An action that the session's phase does not allow (e.g. answering twice)."""


class Phase(StrEnum):
    """Where a session is: asking a question, showing its answer, or done."""

    ASKING = "asking"
    REVEALED = "revealed"
    FINISHED = "finished"


class GameSession:
    """The state of one game; the UI renders it and feeds it answers.

    Time comes only from `clock` (seconds, monotonic), so tests can inject a fake one.
    For `grace` seconds after a question or its reveal appears, `accepting` says no: the
    UI drops keys that arrive then, as bounces of the key that went before.
    A retry session (the missed questions again) is unscored: it gives 0 points and
    leaves the streak alone.
    """

    def __init__(
        self,
        selection: Selection,
        options: GameOptions,
        clock: Callable[[], float] = time.monotonic,
        mode: Mode = Mode.PLAY,
        grace: float = GRACE_SECONDS,
    ) -> None:
        self.asked: tuple[AskedQuestion, ...] = selection.asked
        self.seed: int = selection.seed  # replays the same game
        self.options = replace(options, seed=selection.seed)
        self.clock = clock
        self.mode = mode
        self.scored = mode is not Mode.RETRY
        self.phase = Phase.ASKING
        self.index = 0
        self.score = 0
        self.streak = 0
        self.best_streak = 0
        self.records: list[AnswerRecord] = []
        self.started_at = clock()
        self.asked_at = self.started_at
        self.grace = grace
        self._shown_at = self.started_at  # when the current question, or its reveal, appeared
        self._stopped_at: float | None = None  # when the current question stopped ticking
        self._finished_at: float | None = None

    @property
    def total(self) -> int:
        """How many questions this game asks."""
        return len(self.asked)

    @property
    def number(self) -> int:
        """The current question's 1-based number, for "Question 3 of 10"."""
        return self.index + 1

    @property
    def current(self) -> AskedQuestion:
        """The question being asked (or just revealed)."""
        return self.asked[self.index]

    @property
    def last(self) -> AnswerRecord | None:
        """The most recent answer, or None before the first."""
        return self.records[-1] if self.records else None

    @property
    def kind(self) -> GameKind:
        """What this game's score competes with: its mode, the count played, timed or not."""
        count = None if self.options.count is None else self.total
        return GameKind(self.mode, count, self.options.timer is not None)

    @property
    def pack_ids(self) -> tuple[str, ...]:
        """The ids of the packs its questions come from, sorted."""
        return tuple(sorted({asked.pack.id for asked in self.asked}))

    @property
    def limit(self) -> float | None:
        """Seconds allowed per question; None when untimed."""
        return self.options.timer

    def accepting(self) -> bool:
        """Whether a key or click now counts: the grace period after the current question
        (or its reveal) appeared is over, and the game is not finished."""
        return self.phase is not Phase.FINISHED and self.clock() - self._shown_at >= self.grace

    def answer_option(self, index: int) -> AnswerRecord:
        """Answer a choice or true-false question with its 0-based option index."""
        from quiz.game.verdict import judge_option

        self._require_asking()
        return self._record(judge_option(self.current, index))

    def answer_text(self, text: str) -> AnswerRecord:
        """Answer with typed text: text and number questions, or an option's text."""
        from quiz.game.verdict import judge_typed

        self._require_asking()
        return self._record(judge_typed(self.current, text))

    def skip(self) -> AnswerRecord:
        """Give up on the current question (wrong, 0 points, streak reset)."""
        from quiz.game.verdict import Verdict

        self._require_asking()
        return self._record(Verdict("", False), skipped=True)

    def time_left(self) -> float | None:
        """Seconds left for the current question (frozen once answered); None when untimed."""
        if self.limit is None:
            return None
        now = self.clock() if self._stopped_at is None else self._stopped_at
        return max(0.0, self.limit - (now - self.asked_at))

    def check_timeout(self) -> AnswerRecord | None:
        """Record a time-out if the current question's time has run out, else None."""
        if self.phase is Phase.ASKING and self._expired(self.clock()):
            from quiz.game.verdict import Verdict

            return self._record(Verdict("", False))
        return None

    def next(self) -> Phase:
        """Move on from a revealed answer: ask the next question, or finish after the last."""
        if self.phase is not Phase.REVEALED:
            raise GameStateError(f"next() needs a revealed answer; the game is {self.phase}")
        if self.index + 1 >= self.total:
            self.finish()
        else:
            self.index += 1
            self.phase = Phase.ASKING
            self.asked_at = self._shown_at = self.clock()
            self._stopped_at = None
        return self.phase

    def finish(self) -> Summary:
        """End the game now (early or at the end); an unanswered question is not counted."""
        if self.phase is not Phase.FINISHED:
            self.phase = Phase.FINISHED
            self._finished_at = self.clock()
            if self._stopped_at is None:
                self._stopped_at = self._finished_at
        return self.summary()

    def summary(self) -> Summary:
        """The game so far (or the whole game once finished)."""
        from quiz.game.verdict import Summary

        end = self._finished_at if self._finished_at is not None else self.clock()
        return Summary.of(
            self.records,
            score=self.score,
            best_streak=self.best_streak,
            seconds=end - self.started_at,
            planned=self.total,
            seed=self.seed,
            scored=self.scored,
        )

    def missed(self) -> list[AskedQuestion]:
        """Questions answered wrong, skipped or timed out, in the order asked."""
        return [record.asked for record in self.records if not record.correct]

    def _require_asking(self) -> None:
        if self.phase is not Phase.ASKING:
            raise GameStateError(f"no question is waiting for an answer; the game is {self.phase}")

    def _expired(self, now: float) -> bool:
        return self.limit is not None and now - self.asked_at >= self.limit

    def _record(self, verdict: Verdict, skipped: bool = False) -> AnswerRecord:
        from quiz.game.verdict import AnswerRecord

        now = self.clock()
        seconds = now - self.asked_at
        timed_out = self._expired(now)
        given, correct, close, chosen = (
            verdict.given,
            verdict.correct,
            verdict.close,
            verdict.chosen,
        )
        if timed_out:  # a late answer or skip counts as a time-out, whatever was given
            given, correct, close, skipped, chosen = "", False, False, False, None
            seconds = float(self.limit or 0.0)
        streak = self.streak + 1 if correct and self.scored else 0
        difficulty = self.current.question.difficulty
        parts = None
        if self.scored:
            how = "a skip" if skipped else "time running out" if timed_out else "a wrong answer"
            parts = breakdown(
                difficulty, correct, streak, seconds, self.limit, ended_streak=self.streak, how=how
            )
        earned = parts.total if parts is not None else 0
        record = AnswerRecord(
            asked=self.current,
            given=given,
            correct=correct,
            points=earned,
            seconds=seconds,
            close_spelling=close,
            skipped=skipped,
            timed_out=timed_out,
            chosen=chosen,
            streak=streak,
            breakdown=parts,
        )
        self.records.append(record)
        self.score += earned
        self.streak = streak
        self.best_streak = max(self.best_streak, streak)
        self.phase = Phase.REVEALED
        self._stopped_at = self._shown_at = now
        return record

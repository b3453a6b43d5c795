"""Pick a game's questions: filter by category and difficulty, seeded shuffle, take count."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

from quiz.packs.model import Pack, Question, QuestionType


class NoQuestions(ValueError):
    """No question matches the game's filters (the message is one line for people)."""


@dataclass(frozen=True)
class GameOptions:
    """How a game is chosen and timed."""

    count: int | None = 10  # None = all matching questions
    categories: tuple[str, ...] = ()  # empty = any; compared case-insensitively
    difficulties: tuple[str, ...] = ()  # empty = any
    timer: float | None = None  # seconds per question; None = untimed
    seed: int | None = None  # None = pick one (see resolved())

    def __post_init__(self) -> None:
        if self.count is not None and self.count < 1:
            raise ValueError(f"count must be at least 1, not {self.count}")
        if self.timer is not None and not self.timer > 0:
            raise ValueError(f"timer must be a positive number of seconds, not {self.timer}")

    def resolved(self) -> GameOptions:
        """These options with a seed: the same options if one is set, else a fresh random one."""
        return self if self.seed is not None else replace(self, seed=new_seed())


@dataclass(frozen=True)
class AskedQuestion:
    """A question as asked in one game, with its pack (for sources) and option order."""

    question: Question
    pack: Pack
    options: tuple[str, ...]  # shuffled for choice; ("True", "False") for true-false; else ()


class Selection(list[AskedQuestion]):
    """The questions select() chose, remembering the seed that chose them (for replays)."""

    def __init__(self, asked: Sequence[AskedQuestion] = (), seed: int | None = None) -> None:
        super().__init__(asked)
        self.seed = seed


def new_seed() -> int:
    """A fresh random seed from the system's randomness (not the global `random`)."""
    # SystemRandom reads os.urandom, as `secrets` does, without importing hashlib and
    # OpenSSL at start-up.
    return random.SystemRandom().randrange(2**31)


def select(packs: Sequence[Pack], options: GameOptions) -> Selection:
    """The questions for a game, as a list that also carries `.seed`.

    Keeps questions whose category and difficulty pass the filters (case-insensitive),
    shuffles them with random.Random(seed), takes `count`, then shuffles each choice
    question's options with the same generator. Same packs, options and seed -> same
    questions in the same order with the same option order. Raises NoQuestions when the
    filters leave nothing.
    """
    seed = options.resolved().seed
    categories = {c.casefold() for c in options.categories}
    difficulties = {d.casefold() for d in options.difficulties}
    pool = [
        (question, pack)
        for pack in packs
        for question in pack.questions
        if (not categories or (question.category or "").casefold() in categories)
        and (not difficulties or question.difficulty.value in difficulties)
    ]
    if not pool:
        raise NoQuestions(no_questions_message(packs, options))
    rng = random.Random(seed)
    rng.shuffle(pool)
    chosen = pool if options.count is None else pool[: options.count]
    return Selection([_ask(question, pack, rng) for question, pack in chosen], seed)


def _ask(question: Question, pack: Pack, rng: random.Random) -> AskedQuestion:
    options = list(question.options)
    if question.type is QuestionType.CHOICE:
        rng.shuffle(options)
    return AskedQuestion(question, pack, tuple(options))


def no_questions_message(packs: Sequence[Pack], options: GameOptions) -> str:
    """One line saying which filters matched nothing and what there is to choose from."""
    if not any(pack.questions for pack in packs):
        return "no questions to play: no pack with questions was loaded"
    filters = []
    if options.categories:
        filters.append("category " + " or ".join(repr(c) for c in options.categories))
    if options.difficulties:
        filters.append("difficulty " + " or ".join(repr(d) for d in options.difficulties))
    known = sorted({c for pack in packs for c in pack.categories}, key=str.casefold)
    hint = f"; categories are: {', '.join(known)}" if known else ""
    return f"no questions match {' and '.join(filters)}{hint}"

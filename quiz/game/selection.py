"""Pick a game's questions: filter by category and difficulty, seeded shuffle, take count."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.packs.model import Pack, Question, QuestionType

# The shortest time per question a game allows: below it a question is over before it
# can be read, and the input grace period (keys that bounce) would swallow most of it.
MIN_TIMER = 1.0


class NoQuestions(ValueError):
    """No question matches the game's filters (the message is one line for people)."""


@dataclass(frozen=True)
class GameOptions:
    """How a game is chosen and timed."""

    count: int | None = 10  # None = all matching questions
    categories: tuple[str, ...] = ()  # empty = any; compared case-insensitively
    difficulties: tuple[str, ...] = ()  # empty = any
    timer: float | None = None  # seconds per question, MIN_TIMER or more; None = untimed
    seed: int | None = None  # None = a fresh one for every deal

    def __post_init__(self) -> None:
        if self.count is not None and self.count < 1:
            raise ValueError(f"count must be at least 1, not {self.count}")
        if self.timer is not None and not self.timer >= MIN_TIMER:
            raise ValueError(f"timer must be at least {MIN_TIMER:g} second, not {self.timer}")


@dataclass(frozen=True)
class AskedQuestion:
    """A question as asked in one game, with its pack (for sources) and option order."""

    question: Question
    pack: Pack
    options: tuple[str, ...]  # shuffled for choice; ("True", "False") for true-false; else ()


@dataclass(frozen=True)
class Selection:
    """The questions dealt for one game, in order, and the seed that dealt them (to replay)."""

    asked: tuple[AskedQuestion, ...]
    seed: int

    def __post_init__(self) -> None:
        if not self.asked:
            raise NoQuestions("no questions to play")


def new_seed() -> int:
    """A fresh random seed from the system's randomness (not the global `random`)."""
    # SystemRandom reads os.urandom, as `secrets` does, without importing hashlib and
    # OpenSSL at start-up.
    return random.SystemRandom().randrange(2**31)


def select(packs: Sequence[Pack], options: GameOptions) -> Selection:
    """The questions for a game and the seed that chose them.

    Keeps questions whose category and difficulty pass the filters (case-insensitive),
    each question once however many times its pack is given,
    shuffles them with random.Random(seed), takes `count`, then shuffles each choice
    question's options with the same generator. Same packs, options and seed -> same
    questions in the same order with the same option order. Raises NoQuestions when the
    filters leave nothing.
    """
    seed = options.seed if options.seed is not None else new_seed()
    categories = {c.casefold() for c in options.categories}
    difficulties = {d.casefold() for d in options.difficulties}
    pool = [
        (question, pack)
        for pack, question in _each_once(packs)
        if (not categories or (question.category or "").casefold() in categories)
        and (not difficulties or question.difficulty.value in difficulties)
    ]
    if not pool:
        raise NoQuestions(no_questions_message(packs, options))
    rng = random.Random(seed)
    rng.shuffle(pool)
    chosen = pool if options.count is None else pool[: options.count]
    return Selection(tuple(ask(question, pack, rng) for question, pack in chosen), seed)


def _each_once(packs: Sequence[Pack]) -> list[tuple[Pack, Question]]:
    """Every question of the packs, each once: a pack given twice (or a copy of it) would
    otherwise deal the same question twice in one game. A question is its pack id and
    its id, as the history knows it; the first one found is kept."""
    seen: set[tuple[str, str]] = set()
    found = []
    for pack in packs:
        for question in pack.questions:
            if (pack.id, question.id) not in seen:
                seen.add((pack.id, question.id))
                found.append((pack, question))
    return found


def ask(question: Question, pack: Pack, rng: random.Random) -> AskedQuestion:
    """The question as asked: a choice question's options shuffled by RNG, others as written."""
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

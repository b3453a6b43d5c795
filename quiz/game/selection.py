"""Pick a game's questions: filter, seeded shuffle, fresh first (never seen, then least
recently seen), take count."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
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


# When each question was last seen: {(pack id, question id): a number that grows with
# time}. A question not in it was never seen.
Seen = Mapping[tuple[str, str], int]


def select(packs: Sequence[Pack], options: GameOptions, seen: Seen | None = None) -> Selection:
    """The questions for a game and the seed that chose them.

    Keeps questions whose category and difficulty pass the filters (case-insensitive),
    each question once however many times its pack is given, shuffles them with
    random.Random(seed), puts the questions never SEEN first and then the least recently
    seen (keeping the shuffled order among equals), takes `count` and plays them in
    their shuffled order, then shuffles each choice question's options with the same
    generator. Same packs, options, seen and seed -> same questions in the same order
    with the same option order. Raises NoQuestions when the filters leave nothing. Only
    the questions dealt are built (a compiled pack builds each when asked for): the pool
    is shuffled as positions, which draws from the generator exactly as shuffling the
    questions would.
    """
    seed = options.seed if options.seed is not None else new_seed()
    pool = matching_pool(packs, options)
    if not pool:
        raise NoQuestions(no_questions_message(packs, options))
    rng = random.Random(seed)
    rng.shuffle(pool)
    chosen = _freshest(pool, packs, seen, options.count)
    asked = []
    for place in chosen:
        pack = packs[place >> _PACK_SHIFT]
        asked.append(ask(pack.questions[place & _INDEX_MASK], pack, rng))
    return Selection(tuple(asked), seed)


_PACK_SHIFT = 32  # a pool entry is the pack's place in `packs` above a question's index
_INDEX_MASK = (1 << _PACK_SHIFT) - 1


def matching_pool(packs: Sequence[Pack], options: GameOptions) -> list[int]:
    """The questions passing the filters, each once, as pool entries (pack place, index)."""
    pool: list[int] = []
    for number, (pack, kept) in enumerate(_each_once(packs)):
        base = number << _PACK_SHIFT
        matching = _matching(pack, kept, options)
        pool.extend(matching if base == 0 else (base + index for index in matching))
    return pool


def check(packs: Sequence[Pack], options: GameOptions) -> None:
    """Raise NoQuestions when no question passes the filters (nothing is dealt)."""
    if not matching_pool(packs, options):
        raise NoQuestions(no_questions_message(packs, options))


def _freshest(
    pool: list[int], packs: Sequence[Pack], seen: Seen | None, count: int | None
) -> list[int]:
    """The first COUNT of the shuffled POOL once the never seen and least recently seen
    come first, in their shuffled order. Ids are read only for packs with seen questions."""
    if count is None or count >= len(pool):
        return pool
    if not seen:
        return pool[:count]
    seen_packs = {pack_id for pack_id, _ in seen}
    ids = {n: p.facts.ids() for n, p in enumerate(packs) if p.id in seen_packs}
    never = -1

    def last_seen(place: int) -> int:
        number = place >> _PACK_SHIFT
        column = ids.get(number)
        if column is None:
            return never
        return seen.get((packs[number].id, column[place & _INDEX_MASK]), never)

    order = sorted(range(len(pool)), key=lambda position: last_seen(pool[position]))
    return [pool[position] for position in sorted(order[:count])]


def _each_once(packs: Sequence[Pack]) -> list[tuple[Pack, Sequence[int] | None]]:
    """Each pack with the indexes of its questions to keep (None: all), so each question
    is dealt once: a pack given twice (or a copy of it) would otherwise deal the same
    question twice in one game. A question is its pack id and its id, as the history
    knows it; the first one found is kept. Ids are read only where they could repeat."""
    repeated = {each for each, count in Counter(pack.id for pack in packs).items() if count > 1}
    seen: set[tuple[str, str]] = set()
    found: list[tuple[Pack, Sequence[int] | None]] = []
    for pack in packs:
        facts = pack.facts
        if pack.id not in repeated and facts.unique_ids:
            found.append((pack, None))
            continue
        kept = []
        for index, question_id in enumerate(facts.ids()):
            if (pack.id, question_id) not in seen:
                seen.add((pack.id, question_id))
                kept.append(index)
        found.append((pack, kept))
    return found


def _matching(pack: Pack, kept: Sequence[int] | None, options: GameOptions) -> list[int]:
    """The indexes (of those kept) of the pack's questions that pass the filters."""
    indexes = range(len(pack.questions)) if kept is None else kept
    if options.categories:
        wanted = {c.casefold() for c in options.categories}
        column = pack.facts.categories()
        passing = {c for c in set(column) if (c or "").casefold() in wanted}
        indexes = [i for i in indexes if column[i] in passing]
    if options.difficulties:
        wanted = {d.casefold() for d in options.difficulties}
        levels = pack.facts.difficulties()
        indexes = [i for i in indexes if levels[i].value in wanted]
    return list(indexes)


def ask(question: Question, pack: Pack, rng: random.Random) -> AskedQuestion:
    """The question as asked: a choice question's options shuffled by RNG, others as written."""
    options = list(question.options)
    if question.type is QuestionType.CHOICE:
        rng.shuffle(options)
    return AskedQuestion(question, pack, tuple(options))


def no_questions_message(packs: Sequence[Pack], options: GameOptions) -> str:
    """One line saying which filters matched nothing and what there is to choose from."""
    if not any(len(pack.questions) for pack in packs):
        return "no questions to play: no pack with questions was loaded"
    filters = []
    if options.categories:
        filters.append("category " + " or ".join(repr(c) for c in options.categories))
    if options.difficulties:
        filters.append("difficulty " + " or ".join(repr(d) for d in options.difficulties))
    known = sorted({c for pack in packs for c in pack.categories}, key=str.casefold)
    hint = f"; categories are: {', '.join(known)}" if known else ""
    return f"no questions match {' and '.join(filters)}{hint}"

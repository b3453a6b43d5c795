"""Review cards (schema v5): one FSRS card per (pack, question) answered, scheduled by time.

Each answer in a scored game (normal play or review; never a practice round) is a review
of its question's card at the moment it was saved, rated by quiz.records.rating. FSRS
(the `fsrs` package) then sets the card's next due time. There are no learning steps
inside a game: a new card goes straight to review, and a missed one comes back a day
later (one relearning step of a day).

Card rows are untrusted like every history row: one whose numbers or dates are not what
we write reads as a question never answered (it starts afresh at its next answer, and is
never due meanwhile).
"""

from __future__ import annotations

import copy
import functools
import math
import sqlite3
from collections.abc import Collection, Iterable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from quiz.records import DueQuestion
from quiz.store.settings import RETENTION, get_setting

if TYPE_CHECKING:
    from types import ModuleType

    from fsrs import Card, Rating, Scheduler

SCHEDULED_MODES = ("play", "review")  # the game modes whose answers move review cards
DEFAULT_RETENTION = 0.9
RETENTION_RANGE = (0.7, 0.97)  # FSRS is tuned for this band; outside it reads as the default
MASTERED = 0.9  # recall probability above which a question counts as mastered
FUZZ = True  # spread due dates a little (as Anki does); tests turn it off to pin dates
RELEARN_AFTER = timedelta(days=1)
# FSRS-6's default weights (fsrs 6.3), written down so a newer fsrs with other defaults
# never reschedules a player's cards, or changes what the tests pin, by itself.
PARAMETERS = (
    0.212,
    1.2931,
    2.3065,
    8.2956,
    6.4133,
    0.8334,
    3.0194,
    0.001,
    1.8722,
    0.1666,
    0.796,
    1.4835,
    0.0614,
    0.2629,
    1.6483,
    0.6014,
    1.8729,
    0.5425,
    0.0912,
    0.0658,
    0.1542,
)

TABLE = (
    "CREATE TABLE cards (pack_id TEXT NOT NULL, question_id TEXT NOT NULL,"
    " state INTEGER NOT NULL, step INTEGER, stability REAL NOT NULL, difficulty REAL NOT NULL,"
    " due TEXT NOT NULL, last_review TEXT NOT NULL, reviews INTEGER NOT NULL DEFAULT 1,"
    " PRIMARY KEY (pack_id, question_id)) WITHOUT ROWID",
    "CREATE INDEX cards_due ON cards (pack_id, due)",
)
_COLUMNS = "state, step, stability, difficulty, due, last_review"


@functools.cache
def _fsrs() -> ModuleType:
    """The fsrs package, imported when a card is first needed (a replay asks per answer)."""
    import fsrs

    return fsrs


@functools.cache
def _ratings() -> dict[int, Rating]:
    return {int(rating): rating for rating in _fsrs().Rating}


@functools.cache
def scheduler(retention: float, fuzz: bool) -> Scheduler:
    """The FSRS scheduler for a desired retention (fsrs is imported only when needed)."""
    from fsrs import Scheduler

    return Scheduler(
        parameters=PARAMETERS,
        desired_retention=retention,
        learning_steps=(),
        relearning_steps=(RELEARN_AFTER,),
        enable_fuzzing=fuzz,
    )


def retention(conn: sqlite3.Connection) -> float:
    """The desired retention setting, or the default when unset or out of range."""
    value = get_setting(conn, RETENTION, DEFAULT_RETENTION)
    low, high = RETENTION_RANGE
    if type(value) in (int, float) and low <= value <= high:
        return float(value)
    return DEFAULT_RETENTION


def stamp(when: datetime) -> str:
    """A time as the cards keep it: UTC, to the second, so text order is time order."""
    return when.astimezone(UTC).isoformat(timespec="seconds")


def parse_time(value: object) -> datetime | None:
    """A time saved by us, in UTC (naive ones read as UTC, others converted: fsrs takes
    only UTC), or None for anything else."""
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    if not 1970 <= when.year <= 9000:  # far enough from datetime's ends to add intervals
        return None
    return when.astimezone(UTC) if when.tzinfo is not None else when.replace(tzinfo=UTC)


def to_card(row: tuple) -> Card | None:
    """A Card from a row's state, step, stability, difficulty, due, last review; None
    when any of them is not what we write."""
    from fsrs import Card, State

    state, step, stability, difficulty, due, last = row
    due_at, last_at = parse_time(due), parse_time(last)
    numbers = all(type(n) in (int, float) and math.isfinite(n) for n in (stability, difficulty))
    if not (numbers and due_at and last_at and state in (1, 2, 3) and type(state) is int):
        return None
    if due_at < last_at:  # FSRS always sets the next review after the last
        return None
    if not (0 < stability <= 1e6 and 1 <= difficulty <= 10):
        return None
    if state == 2:  # in review: no step
        if step is not None:
            return None
    elif not (type(step) is int and 0 <= step < 16):  # (re)learning: at a step
        return None
    return Card(
        card_id=0, state=State(state), step=step, stability=stability,
        difficulty=difficulty, due=due_at, last_review=last_at,
    )  # fmt: skip


def review(
    conn: sqlite3.Connection,
    pack_id: str,
    question_id: str,
    rating: int,
    when: datetime,
    cards: dict[tuple[str, str], Card] | None = None,
    using: Scheduler | None = None,
) -> Card:
    """Review the question's card at WHEN with RATING (1-4) and save it; the new card.

    CARDS, when given, holds the cards already known (the migration's replay), so the
    row is not read back; otherwise it is read, and an unusable row starts afresh.
    USING is the scheduler (default: the one for the retention setting).
    """
    key = (pack_id, question_id)
    if cards is not None:
        card = cards.get(key)
    else:
        card = card_of(conn, pack_id, question_id)
    card = _fsrs().Card(card_id=0) if card is None else as_of(card, when)
    using = using or scheduler(retention(conn), FUZZ)
    card, _ = using.review_card(card, _ratings()[rating], when)
    if cards is not None:
        cards[key] = card
    else:
        save(conn, [(key, card)])
    return card


def save(conn: sqlite3.Connection, cards: Iterable[tuple[tuple[str, str], Card]]) -> None:
    """Write cards (insert or replace), each under its (pack id, question id)."""
    conn.executemany(
        "INSERT INTO cards (pack_id, question_id, state, step, stability, difficulty, due,"
        " last_review, reviews) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"
        " ON CONFLICT (pack_id, question_id) DO UPDATE SET state = excluded.state,"
        " step = excluded.step, stability = excluded.stability,"
        " difficulty = excluded.difficulty, due = excluded.due,"
        " last_review = excluded.last_review, reviews = reviews + 1",
        [
            (*key, int(card.state), card.step, card.stability, card.difficulty,
             stamp(card.due), stamp(card.last_review or card.due))
            for key, card in cards
        ],
    )  # fmt: skip


def due(
    conn: sqlite3.Connection, pack_id: str, now: datetime, question_ids: Collection[str] | None
) -> list[DueQuestion]:
    """The pack's questions due at NOW (of QUESTION_IDS, if given), most overdue first."""
    wanted = None if question_ids is None else set(question_ids)
    rows = conn.execute(
        f"SELECT question_id, {_COLUMNS} FROM cards WHERE pack_id = ? AND due <= ?"
        " ORDER BY due, question_id",
        (pack_id, stamp(now)),
    )
    found = []
    for question_id, *row in rows:
        if wanted is not None and question_id not in wanted:
            continue
        card = to_card(tuple(row))
        if card is not None and card.due <= now:
            found.append(DueQuestion(pack_id, question_id, card.due, recall(card, now)))
    return found


def next_due(
    conn: sqlite3.Connection, pack_id: str, question_ids: Collection[str] | None
) -> datetime | None:
    """When the pack's first question (of QUESTION_IDS) comes due; None if none has a card."""
    wanted = None if question_ids is None else set(question_ids)
    rows = conn.execute(
        f"SELECT question_id, {_COLUMNS} FROM cards WHERE pack_id = ? ORDER BY due, question_id",
        (pack_id,),
    )
    for question_id, *row in rows:
        card = to_card(tuple(row))
        if card is not None and (wanted is None or question_id in wanted):
            return card.due
    return None


def as_of(card: Card, now: datetime) -> Card:
    """The card as it stands at NOW: a last review later than now (a clock set back, or a
    row from elsewhere) counts as made now, so it never holds the card until that date."""
    if card.last_review is None or card.last_review <= now:
        return card
    moved = copy.copy(card)
    moved.last_review = now
    return moved


def recall(card: Card, now: datetime) -> float:
    """The probability FSRS gives of recalling the card's question at NOW (it does not
    depend on the desired retention)."""
    return float(scheduler(DEFAULT_RETENTION, False).get_card_retrievability(as_of(card, now), now))


def mastered(card: Card, recall_now: float) -> bool:
    """Recalled with probability over MASTERED now, and not just missed.

    Just after any answer FSRS gives a recall of 100%, so recall alone would count a miss as
    mastered. A miss after a right answer is in relearning (state 1 or 3); a miss as the very
    first answer goes straight to review (there are no learning steps) with a stability under
    a day, where every right answer leaves one of a day or more.
    """
    return recall_now > MASTERED and int(card.state) == 2 and card.stability >= 1.0


def card_of(conn: sqlite3.Connection, pack_id: str, question_id: str) -> Card | None:
    """The question's card, None when it has none (or an unusable one)."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM cards WHERE pack_id = ? AND question_id = ?",
        (pack_id, question_id),
    ).fetchone()
    return to_card(row) if row else None


def pack_cards(conn: sqlite3.Connection, pack_ids: Collection[str]) -> dict[tuple[str, str], Card]:
    """Every usable card of these packs."""
    found = {}
    for pack_id in pack_ids:
        rows = conn.execute(
            f"SELECT question_id, {_COLUMNS} FROM cards WHERE pack_id = ?", (pack_id,)
        )
        for question_id, *row in rows:
            card = to_card(tuple(row))
            if card is not None:
                found[(pack_id, question_id)] = card
    return found

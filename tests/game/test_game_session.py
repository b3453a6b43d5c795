"""The session state machine: answers, skips, time-outs, streaks, finishing and retries."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_clock import FakeClock

from quiz.game.kinds import Mode
from quiz.game.selection import AskedQuestion, GameOptions, NoQuestions, Selection, select
from quiz.game.session import GameSession, GameStateError, Phase
from quiz.packs.loader import load_pack
from quiz.packs.model import Difficulty, Pack, Question, QuestionType

MINI = load_pack(Path(__file__).parent.parent / "fixtures" / "good" / "mini.yaml")


def pick(question_id: str) -> AskedQuestion:
    question = next(q for q in MINI.questions if q.id == question_id)
    return AskedQuestion(question, MINI, question.options)


def choices(n: int, difficulty: Difficulty = Difficulty.MEDIUM) -> list[AskedQuestion]:
    pack = Pack("p", "P", questions=())
    questions = [
        Question(f"c{i}", QuestionType.CHOICE, "?", "yes", ("no", "maybe"), difficulty=difficulty)
        for i in range(n)
    ]
    return [AskedQuestion(q, pack, ("no", "yes", "maybe")) for q in questions]


RIGHT, WRONG = 1, 0  # option indexes in choices()


def dealt(*asked: AskedQuestion) -> Selection:
    """These questions as dealt for a game."""
    return Selection(asked, seed=0)


UNTIMED = GameOptions()


def play(options: GameOptions = UNTIMED, n: int = 3, **kwargs) -> tuple[GameSession, FakeClock]:
    clock = FakeClock()
    return GameSession(dealt(*choices(n)), options, clock=clock, **kwargs), clock


def test_a_game_walks_ask_reveal_next_to_finished() -> None:
    session, _ = play(n=2)
    assert (session.phase, session.index, session.number, session.total) == (Phase.ASKING, 0, 1, 2)
    record = session.answer_option(RIGHT)
    assert session.phase is Phase.REVEALED and session.last is record
    assert (record.correct, record.points, record.given, record.chosen) == (True, 100, "yes", 1)
    assert record.verdict_text == "✓ Right"
    assert session.next() is Phase.ASKING and session.number == 2
    record = session.answer_option(WRONG)
    assert (record.correct, record.points, record.verdict_text) == (False, 0, "✗ Wrong")
    assert session.next() is Phase.FINISHED
    summary = session.summary()
    assert (summary.score, summary.right, summary.total, summary.accuracy) == (100, 1, 2, 0.5)


@pytest.mark.parametrize(
    "action",
    [
        lambda s: s.answer_option(RIGHT),
        lambda s: s.answer_text("yes"),
        lambda s: s.skip(),
    ],
)
def test_answering_twice_raises(action) -> None:
    session, _ = play()
    session.answer_option(WRONG)
    with pytest.raises(GameStateError):
        action(session)
    assert len(session.records) == 1


def test_next_before_answering_and_answering_after_finish_raise() -> None:
    session, _ = play()
    with pytest.raises(GameStateError):
        session.next()
    session.finish()
    with pytest.raises(GameStateError):
        session.answer_option(RIGHT)
    with pytest.raises(GameStateError):
        session.next()


def test_streak_bonus_climbs_by_20_and_caps_at_100() -> None:
    session, _ = play(n=8)
    earned = []
    for _ in range(8):
        earned.append(session.answer_option(RIGHT).points)
        session.next()
    assert earned == [100, 120, 140, 160, 180, 200, 200, 200]
    assert session.summary().best_streak == 8 and session.score == sum(earned)


def test_a_wrong_answer_or_skip_resets_the_streak() -> None:
    session, _ = play(n=6)
    earned = []
    for act in ("right", "right", "wrong", "right", "skip", "right"):
        if act == "skip":
            record = session.skip()
        else:
            record = session.answer_option(RIGHT if act == "right" else WRONG)
        earned.append(record.points)
        session.next()
    assert earned == [100, 120, 0, 100, 0, 100]
    assert session.best_streak == 2 and session.streak == 1


def test_skip_is_wrong_with_no_answer_and_is_missed() -> None:
    session, _ = play(n=2)
    record = session.skip()
    assert (record.skipped, record.correct, record.points, record.given) == (True, False, 0, "")
    assert record.verdict_text == "→ Skipped"
    assert session.missed() == [session.asked[0]]


def test_timed_points_use_the_seconds_taken_on_the_injected_clock() -> None:
    session, clock = play(GameOptions(timer=20))
    clock.advance(5)
    assert session.time_left() == 15
    record = session.answer_option(RIGHT)
    assert (record.seconds, record.points) == (5, 130)  # 100 x 1.3: 1.5 - 0.25, to the tenth
    clock.advance(30)
    assert session.time_left() == 15  # frozen while revealed
    session.next()
    assert session.time_left() == 20
    clock.advance(20 - 1e-6)
    assert session.answer_option(RIGHT).points == 50 + 20


def test_time_left_is_none_untimed_and_check_timeout_never_fires() -> None:
    session, clock = play()
    clock.advance(10_000)
    assert session.time_left() is None and session.check_timeout() is None
    assert session.phase is Phase.ASKING


def test_check_timeout_records_a_time_out_once_time_runs_out() -> None:
    session, clock = play(GameOptions(timer=10))
    session.answer_option(RIGHT)
    session.next()
    clock.advance(9.9)
    assert session.check_timeout() is None
    clock.advance(0.1)
    record = session.check_timeout()
    assert record is not None and session.phase is Phase.REVEALED
    assert (record.timed_out, record.correct, record.points, record.given) == (True, False, 0, "")
    assert record.verdict_text == "⏱ Time's up" and session.time_left() == 0
    assert record.seconds == 10
    assert session.streak == 0 and session.check_timeout() is None
    assert session.missed() == [session.asked[1]]


@pytest.mark.parametrize(
    "late", [lambda s: s.answer_option(RIGHT), lambda s: s.answer_text("yes"), lambda s: s.skip()]
)
def test_acting_after_the_limit_counts_as_a_time_out(late) -> None:
    session, clock = play(GameOptions(timer=10))
    clock.advance(12)
    record = late(session)
    assert record.timed_out and not record.skipped
    assert (record.correct, record.points, record.given, record.seconds) == (False, 0, "", 10)


def test_finish_early_counts_only_answered_questions_and_times_the_game() -> None:
    session, clock = play(n=5)
    session.answer_option(RIGHT)
    session.next()
    clock.advance(7)
    session.answer_option(WRONG)
    session.next()
    clock.advance(3)
    summary = session.finish()
    assert session.phase is Phase.FINISHED
    assert (summary.total, summary.planned, summary.right, summary.accuracy) == (2, 5, 1, 0.5)
    assert summary.seconds == 10
    clock.advance(60)
    assert session.finish().seconds == 10 and session.summary().seconds == 10
    with pytest.raises(GameStateError):
        session.skip()


def test_finishing_before_any_answer_gives_an_empty_summary() -> None:
    session, _ = play()
    summary = session.finish()
    assert (summary.total, summary.right, summary.accuracy, summary.score) == (0, 0, 0.0, 0)


def test_retry_missed_is_unscored_but_still_judged() -> None:
    session, _ = play(n=4)
    for index in (RIGHT, WRONG, RIGHT, WRONG):
        session.answer_option(index)
        session.next()
    retry = GameSession(dealt(*session.missed()), GameOptions(), clock=FakeClock(), mode=Mode.RETRY)
    assert retry.total == 2
    first = retry.answer_option(RIGHT)
    retry.next()
    second = retry.answer_option(RIGHT)
    assert (first.correct, first.points, second.points) == (True, 0, 0)
    summary = retry.finish()
    assert (summary.score, summary.right, summary.best_streak, summary.scored) == (0, 2, 0, False)


def test_choice_answered_by_typed_text_matches_the_option_text() -> None:
    for typed, correct in ((" 10 ", True), ("12", False), ("ten", False)):
        session = GameSession(dealt(pick("lens")), GameOptions(), clock=FakeClock())
        record = session.answer_text(typed)
        assert record.correct is correct and record.given == typed.strip()
        expected = session.current.options.index(typed.strip()) if typed != "ten" else None
        assert record.chosen == expected


def test_a_close_spelling_of_a_choice_picks_the_right_option() -> None:
    pack = Pack("p", "P", questions=())
    question = Question("c", QuestionType.CHOICE, "?", "Cinematographer", ("Gaffer", "Grip"))
    asked = AskedQuestion(question, pack, ("Grip", "Cinematographer", "Gaffer"))
    record = GameSession(dealt(asked), GameOptions(), clock=FakeClock()).answer_text(
        "cinematographr"
    )
    assert (record.correct, record.close_spelling, record.chosen) == (True, True, 1)


def test_true_false_by_index_and_by_word() -> None:
    for act, correct in (
        (lambda s: s.answer_option(0), True),
        (lambda s: s.answer_option(1), False),
        (lambda s: s.answer_text("yes"), True),
        (lambda s: s.answer_text("F"), False),
        (lambda s: s.answer_text("perhaps"), False),
    ):
        session = GameSession(dealt(pick("real-shot")), GameOptions(), clock=FakeClock())
        record = act(session)
        assert record.correct is correct
        assert record.points == (150 if correct else 0)


def test_text_and_number_questions_by_typing() -> None:
    session = GameSession(dealt(pick("director"), pick("months")), GameOptions(), clock=FakeClock())
    record = session.answer_text("Jesica Lee Gagne")
    assert record.correct and record.close_spelling and record.note == "accepted: close spelling"
    session.next()
    record = session.answer_text("6 months")
    assert record.correct and not record.close_spelling and record.note == ""


def test_answer_option_rejects_typed_questions_and_bad_indexes() -> None:
    session = GameSession(dealt(pick("director"), pick("lens")), GameOptions(), clock=FakeClock())
    with pytest.raises(ValueError):
        session.answer_option(0)
    session.skip()
    session.next()
    with pytest.raises(ValueError):
        session.answer_option(4)
    assert session.phase is Phase.ASKING


def test_the_selection_seed_reaches_the_session_and_summary() -> None:
    asked = select([MINI], GameOptions(count=None))
    session = GameSession(asked, GameOptions(count=None), clock=FakeClock())
    assert session.seed == asked.seed and session.finish().seed == asked.seed
    # The seed that dealt the questions is the one to replay them with, whatever the options say.
    replayed = GameSession(asked, GameOptions(seed=asked.seed + 1), clock=FakeClock())
    assert replayed.seed == replayed.options.seed == asked.seed


def test_a_session_needs_questions() -> None:
    with pytest.raises(NoQuestions):
        GameSession(dealt(), GameOptions(), clock=FakeClock())  # no game deals nothing

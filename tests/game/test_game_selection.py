"""Selection: filters, count, and seeded shuffles of questions and of choice options."""

from __future__ import annotations

import pytest

from quiz.game.selection import GameOptions, NoQuestions, Selection, select
from quiz.packs.model import Difficulty, Pack, Question, QuestionType

CATEGORIES = ("cast", "cinematography", "production", "music")
DIFFICULTIES = tuple(Difficulty)


def choice(i: int) -> Question:
    return Question(
        id=f"q{i:02d}",
        type=QuestionType.CHOICE,
        prompt=f"Question {i}?",
        answer=f"right {i}",
        distractors=(f"wrong {i}a", f"wrong {i}b", f"wrong {i}c"),
        category=CATEGORIES[i % 4],
        difficulty=DIFFICULTIES[i % 3],
    )


BIG = Pack(
    id="big",
    title="Big",
    questions=(
        *(choice(i) for i in range(24)),
        Question("tf", QuestionType.TRUE_FALSE, "True?", False, category="Cast"),
        Question("typed", QuestionType.TEXT, "Name?", "Milchick", category="cast"),
    ),
)
OTHER = Pack(id="other", title="Other", questions=(choice(99),))


def ids(dealt: Selection) -> list[str]:
    return [a.question.id for a in dealt.asked]


def orders(dealt: Selection) -> list[tuple[str, ...]]:
    return [a.options for a in dealt.asked]


def test_same_seed_gives_same_questions_order_and_option_order() -> None:
    options = GameOptions(count=10, seed=42)
    first, second = select([BIG], options), select([BIG], options)
    assert ids(first) == ids(second)
    assert orders(first) == orders(second)


def test_a_different_seed_gives_a_different_game() -> None:
    assert ids(select([BIG], GameOptions(count=None, seed=1))) != ids(
        select([BIG], GameOptions(count=None, seed=2))
    )


def test_count_takes_the_front_of_the_same_shuffle() -> None:
    whole = select([BIG], GameOptions(count=None, seed=7))
    five = select([BIG], GameOptions(count=5, seed=7))
    assert len(whole.asked) == len(BIG.questions)
    assert ids(five) == ids(whole)[:5]
    assert orders(five) == orders(whole)[:5]


def test_count_larger_than_the_pool_gives_every_question_once() -> None:
    asked = select([BIG, OTHER], GameOptions(count=500, seed=3))
    assert sorted(ids(asked)) == sorted(q.id for q in (*BIG.questions, *OTHER.questions))


def test_a_pack_given_twice_or_copied_deals_each_question_once() -> None:
    copy = Pack(id="big", title="Big, a copy", questions=BIG.questions[:5])
    asked = select([BIG, OTHER, BIG, copy], GameOptions(count=None, seed=3)).asked
    dealt = [(a.pack.id, a.question.id) for a in asked]
    assert len(dealt) == len(set(dealt)) == len(BIG.questions) + len(OTHER.questions)


def test_questions_keep_their_own_pack() -> None:
    asked = select([BIG, OTHER], GameOptions(count=None, seed=3)).asked
    assert {a.question.id: a.pack.id for a in asked}["q99"] == "other"
    assert all(a.pack is BIG for a in asked if a.question.id != "q99")


def test_choice_options_are_shuffled_true_false_is_not_and_typed_has_none() -> None:
    answer_slots = set()
    for seed in range(30):
        for asked in select([BIG], GameOptions(count=None, seed=seed)).asked:
            question = asked.question
            if question.type is QuestionType.CHOICE:
                assert sorted(asked.options) == sorted(question.options)
                answer_slots.add(asked.options.index(question.answer))
            elif question.type is QuestionType.TRUE_FALSE:
                assert asked.options == ("True", "False")
            else:
                assert asked.options == ()
    assert answer_slots == {0, 1, 2, 3}


def test_categories_filter_case_insensitively() -> None:
    asked = select([BIG], GameOptions(count=None, categories=("CAST",), seed=1))
    assert {a.question.category.casefold() for a in asked.asked} == {"cast"}
    assert {"tf", "typed"} <= set(ids(asked))
    assert len(asked.asked) == 6 + 2


def test_several_categories_and_difficulties_combine() -> None:
    options = GameOptions(
        count=None, categories=("music", "Production"), difficulties=("HARD", "easy"), seed=1
    )
    asked = select([BIG], options)
    expected = {
        q.id
        for q in BIG.questions
        if q.category in ("music", "production") and q.difficulty is not Difficulty.MEDIUM
    }
    assert set(ids(asked)) == expected
    assert len(expected) == 8


def test_nothing_matching_raises_a_one_line_message_naming_the_filters() -> None:
    with pytest.raises(NoQuestions) as caught:
        select([BIG], GameOptions(categories=("lighting",), difficulties=("hard",)))
    message = str(caught.value)
    assert "\n" not in message
    assert "'lighting'" in message and "'hard'" in message
    assert "cinematography" in message  # says what there is instead


def test_no_packs_raises_no_questions() -> None:
    with pytest.raises(NoQuestions, match="no questions"):
        select([], GameOptions())


def test_without_a_seed_one_is_picked_and_replays_the_game() -> None:
    first = select([BIG], GameOptions(count=8))
    assert isinstance(first, Selection) and isinstance(first.seed, int)
    again = select([BIG], GameOptions(count=8, seed=first.seed))
    assert ids(again) == ids(first) and orders(again) == orders(first)


def test_a_given_seed_is_the_seed_used_and_a_missing_one_differs_between_deals() -> None:
    assert select([BIG], GameOptions(seed=5)).seed == 5
    seeds = {select([BIG], GameOptions(count=3)).seed for _ in range(20)}
    assert len(seeds) > 1  # a fresh seed each time, not a fixed default


def test_a_selection_is_frozen_and_never_empty() -> None:
    dealt = select([BIG], GameOptions(count=2, seed=1))
    with pytest.raises(AttributeError):
        dealt.seed = 2  # type: ignore[misc]
    with pytest.raises(NoQuestions):
        Selection((), 1)


@pytest.mark.parametrize(
    "bad", [{"count": 0}, {"count": -1}, {"timer": 0}, {"timer": -5.0}, {"timer": 0.999}]
)
def test_options_reject_impossible_values(bad: dict) -> None:
    with pytest.raises(ValueError):
        GameOptions(**bad)

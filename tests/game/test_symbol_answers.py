"""Answers told apart by their symbols: each can be typed, and none passes for another."""

from __future__ import annotations

import pytest

from quiz.game.selection import AskedQuestion
from quiz.game.verdict import judge_typed
from quiz.packs.answers import answer_key, same_answer
from quiz.packs.loader import load_pack_bytes
from quiz.packs.model import Pack
from quiz.packs.problems import PackError
from quiz.packs.yamlout import quote

HEAD = 'format: 1\nid: p\ntitle: "T"\nquestions:\n'


def load(questions: str) -> Pack:
    return load_pack_bytes((HEAD + questions).encode(), "p.yaml")


def problems(questions: str) -> list[tuple[int, int, str]]:
    with pytest.raises(PackError) as caught:
        load(questions)
    return [(p.line, p.column, p.message) for p in caught.value.problems]


def text_question(answer: str, accept: tuple[str, ...] = ()) -> str:
    line = f"  - id: q\n    type: text\n    prompt: P\n    answer: {quote(answer)}\n"
    if accept:
        line += f"    accept: [{', '.join(quote(a) for a in accept)}]\n"
    return line


def typed(pack: Pack, given: str) -> bool:
    """Whether typing `given` answers the pack's only question right."""
    [question] = pack.questions
    return judge_typed(AskedQuestion(question, pack, question.options), given).correct


@pytest.mark.parametrize("answer", ["💯", "∞", "...", "…", "?!", "★★★"])
def test_an_answer_of_only_symbols_loads_and_typing_it_is_right(answer: str) -> None:
    pack = load(text_question(answer))
    assert typed(pack, answer)
    assert typed(pack, f"  {answer} ")
    assert not typed(pack, "hundred")
    assert not typed(pack, "!")


def test_an_emoji_is_the_same_with_or_without_its_presentation_selector() -> None:
    pack = load(text_question("💯\ufe0f"))
    assert typed(pack, "💯")
    assert not typed(pack, "💢")


@pytest.mark.parametrize(
    ("answer", "right", "wrong"),
    [
        ("C++", ["C++", "c++", "c ++"], ["C", "C#", "C+", "c plus plus"]),
        ("C#", ["c#", "C #"], ["C", "C++"]),
        ("A+", ["A+", "a+"], ["A", "A-"]),
        ("A-", ["A-", "a-"], ["A", "A+"]),
        ("Google+", ["google+"], ["Google", "Googel"]),
        ("Disney+ Hotstar", ["disney+ hotstar", "Disney+ Hotstr"], ["Disney Hotstar"]),
        ("100%", ["100%", "100 %"], ["100", "100 percent"]),
        ("-40", ["-40"], ["40"]),
        ("twenty-five", ["twenty five", "Twenty-Five"], ["twenty"]),
        ("Spider-Man", ["spider man", "Spider - Man"], ["spider"]),
    ],
)
def test_the_symbols_of_an_answer_must_match(
    answer: str, right: list[str], wrong: list[str]
) -> None:
    pack = load(text_question(answer))
    for given in right:
        assert typed(pack, given), given
    for given in wrong:
        assert not typed(pack, given), given


def test_an_accepted_spelling_in_words_lets_players_skip_the_symbols() -> None:
    pack = load(text_question("C++", accept=("C plus plus", "CPP")))
    assert typed(pack, "c plus plus") and typed(pack, "cpp") and typed(pack, "C++")
    assert not typed(pack, "C")


def test_choice_options_that_differ_only_in_symbols_are_different_answers() -> None:
    pack = load('  - {id: q, prompt: P, answer: "C++", distractors: ["C#", "C", "F#"]}\n')
    [question] = pack.questions
    asked = AskedQuestion(question, pack, question.options)
    assert judge_typed(asked, "c++").correct
    verdict = judge_typed(asked, "C#")
    assert not verdict.correct and asked.options[verdict.chosen or 0] == "C#"


def test_options_the_same_with_their_symbols_are_still_refused_at_their_line() -> None:
    [(line, column, message)] = problems(
        '  - id: q\n    prompt: P\n    answer: "C++"\n    distractors: ["c ++", "C"]\n'
    )
    assert (line, column) == (8, 19)
    assert "'c ++'" in message and "'C++'" in message


def test_an_answer_with_nothing_to_type_is_refused_with_where_and_what_to_do() -> None:
    [(line, column, message)] = problems(text_question("\u200b\u200d"))
    assert (line, column) == (8, 13)
    assert "write it" in message


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("C++", "c ++", True),
        ("C++", "C", False),
        ("C#", "C", False),
        ("💯", "💯\ufe0f", True),
        ("...", "…", True),
        ("...", "!!!", False),
        ("Rock & Roll", "rock and roll", True),
        ("twenty-five", "twenty five", True),
    ],
)
def test_one_rule_decides_the_same_answer(a: str, b: str, same: bool) -> None:
    assert same_answer(a, b) is same
    assert (answer_key(a) == answer_key(b)) is same


def test_a_typeable_answer_always_has_a_key() -> None:
    for text in ["💯", "∞", "...", "C++", "-", "+", "%"]:
        assert answer_key(text)

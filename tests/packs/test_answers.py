"""One meaning of "the same answer": normalise, and the loader refusing options it confuses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.packs.answers import answer_key, normalise, same_answer
from quiz.packs.loader import load_pack_bytes
from quiz.packs.problems import PackError
from quiz.packs.yamlout import quote

HEAD = 'format: 1\nid: p\ntitle: "T"\nquestions:\n'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Beatles", "beatles"),
        ("  the   BEATLES!! ", "beatles"),
        ("Gagné", "gagne"),
        ("Jessica Lee-Gagné", "jessica lee gagne"),
        ("Rock & Roll", "rock and roll"),
        ("rock&roll", "rock and roll"),
        ("Don't Look Up", "dont look up"),
        ("Don’t Look Up", "dont look up"),
        ("An Unexpected Journey", "unexpected journey"),
        ("A", "a"),  # a lone article stays: it may be the answer
        ("The The", "the"),
        ("The A-Team", "team"),  # every leading article goes, so normalising twice is stable
        ("A-Team", "team"),
        ("Ｆｕｌｌ\u00a0width", "full width"),  # NFKC folds full-width and no-break space
        ("Straße", "strasse"),
        ("Mr. Milchick", "mr milchick"),
        ("Lumon/Kier", "lumon kier"),
        ("", ""),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


@given(st.text())
def test_normalise_is_idempotent_and_leaves_single_spaces(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert once == " ".join(once.split())


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Rock & Roll", "rock and roll", True),
        ("The Beatles", "beatles", True),
        ("Gagné", "GAGNE", True),
        ("Don't", "dont", True),
        ("Iran", "Iraq", False),
        ("10", "ten", False),  # numbers in words are the judge's business for number questions
    ],
)
def test_same_answer(a: str, b: str, same: bool) -> None:
    assert same_answer(a, b) is same
    assert same_answer(b, a) is same


def loads(text: str) -> list[tuple[int, int, str]]:
    """The problems of a pack (empty when it loads)."""
    try:
        load_pack_bytes((HEAD + text).encode(), "p.yaml")
    except PackError as error:
        return [(p.line, p.column, p.message) for p in error.problems]
    return []


def test_a_distractor_above_the_answer_makes_the_answer_the_one_reported() -> None:
    got = loads(
        '  - id: q\n    distractors: ["B", "the rock"]\n    prompt: P\n    answer: "Rock!"\n'
    )
    assert [(line, col) for line, col, _ in got] == [(8, 13)]
    assert got[0][2].startswith("the answer 'Rock!' is the same answer as distractor 'the rock'")


def test_accepted_spellings_may_repeat_the_answer_but_must_be_typeable() -> None:
    ok = '  - {id: q, type: text, prompt: P, answer: "Rock & Roll", accept: ["rock and roll"]}\n'
    assert loads(ok) == []
    bad = '  - {id: q, type: text, prompt: P, answer: "Rock & Roll", accept: ["\u200b"]}\n'
    [(line, col, message)] = loads(bad)
    assert (line, col) == (5, 68) and "could type" in message


# Words and marks that normalise() folds together, so generated options often collide.
PIECES = ["Rock", "rock", "RÖCK", "röck", "&", "and", "the", "The", "a", "-", "!", "'", "Roll",
          "n", "?", "…", "1", "★"]  # fmt: skip
option = st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map(" ".join)


@given(answer=option, distractors=st.lists(option, min_size=1, max_size=4))
def test_a_choice_question_loads_exactly_when_its_options_differ_once_normalised(
    answer: str, distractors: list[str]
) -> None:
    text = f"  - id: q\n    prompt: P\n    answer: {quote(answer)}\n"
    text += f"    distractors: [{', '.join(quote(d) for d in distractors)}]\n"
    keys = [answer_key(o) for o in (answer, *distractors)]
    fair = "" not in keys and len(set(keys)) == len(keys)
    assert (loads(text) == []) is fair


@given(st.text(st.characters(max_codepoint=127)))
def test_ascii_text_normalises_as_it_does_beside_other_unicode(text: str) -> None:
    # A trailing no-break space (folded to a space) takes normalise through its Unicode steps.
    assert normalise(text) == normalise(text + "\u00a0")


# Look-alikes: options a player cannot tell apart are one answer


@pytest.mark.parametrize(
    "look_alike",
    [
        "Paris\u200b",  # zero-width space at the end
        "Pa\u200bris",  # ... and inside
        "Pa\u00adris",  # soft hyphen
        "\ufeffParis\u2060",  # BOM, word joiner
        "Paris\ufe0f",  # variation selector
        "Pari\u0455",  # Cyrillic dze
        "\u0420\u0430ris",  # Cyrillic Er, a
        "P\u0410RIS",  # Cyrillic capital A
        "Par\u0456s",  # Cyrillic (Ukrainian) i
        "Pari\u0405",  # Cyrillic capital Dze
        "Paris\u200d",  # zero-width joiner
    ],
)
def test_look_alikes_of_an_answer_are_the_same_answer(look_alike: str) -> None:
    assert same_answer("Paris", look_alike)
    assert normalise(look_alike) == "paris"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("\u03c1", "p"),  # Greek rho and p: distinct symbols in physics
        ("\u03b7", "h"),  # eta and h
        ("1 \u00b5m", "1 mm"),  # micrometre and millimetre
        ("\u03bd", "v"),  # nu and v
        ("\u043d\u0435\u0442", "\u04bb\u0435\u0442"),  # Cyrillic en and shha stay apart
        ("\u0432\u043e\u0442", "\u0431\u043e\u0442"),  # ve and be stay apart
    ],
)
def test_letters_that_only_resemble_each_other_stay_apart(a: str, b: str) -> None:
    assert not same_answer(a, b)


def test_a_word_in_capitals_and_in_lower_case_is_one_answer_in_any_alphabet() -> None:
    assert same_answer(
        "\u041c\u041e\u0421\u041a\u0412\u0410", "\u043c\u043e\u0441\u043a\u0432\u0430"
    )
    assert same_answer("\u0391\u0398\u0397\u039d\u0391", "\u03b1\u03b8\u03b7\u03bd\u03b1")


@pytest.mark.parametrize(
    "look_alike", ["Paris\u200b", "Pari\u0455", "\u0420\u0430ris", "Pa\u00adris"]
)
def test_check_refuses_a_look_alike_of_another_option(look_alike: str) -> None:
    got = loads(
        "  - id: q\n    prompt: P\n    answer: Paris\n"
        f"    distractors: [Lyon, {quote(look_alike)}]\n"
    )
    assert len(got) == 1
    line, _, message = got[0]
    assert line == 8 and "same answer" in message and "Cyrillic" in message


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("café", "cafe", True),  # a Latin accent is set aside
        ("Ελλάδα", "Ελλαδα", True),  # so is a Greek one
        ("ёж", "еж", True),  # and a Cyrillic one, as before
        ("バス", "パス", False),  # bus and pass: dakuten are part of kana letters
        ("क्या", "कया", False),  # the virama is part of the Devanagari word
    ],
)
def test_accents_are_set_aside_only_where_they_are_accents(a: str, b: str, same: bool) -> None:
    assert same_answer(a, b) is same

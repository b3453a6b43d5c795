"""The built-in Severance pack: shipped in the wheel, fully sourced, and balanced as promised."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from quiz.game.matching import match_number
from quiz.packs.answers import answer_key
from quiz.packs.discovery import builtin_pack_files
from quiz.packs.loader import load_pack, load_pack_bytes
from quiz.packs.model import Pack, Question, QuestionType
from quiz.packs.provenance import check_excerpts

REPO = Path(__file__).parent.parent.parent
ARTICLES = REPO.parent / "shared" / "articles"


@pytest.fixture(scope="module")
def pack() -> Pack:
    [path] = [p for p in builtin_pack_files() if p.stem == "severance-s2"]
    return load_pack(path)


def test_the_wheel_carries_the_built_in_pack(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(REPO)],
        check=True, stdin=subprocess.DEVNULL, timeout=300,
    )  # fmt: skip
    [wheel] = tmp_path.glob("quiz-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("quiz/questions/severance-s2.yaml")
    assert load_pack_bytes(shipped, "severance-s2.yaml").id == "severance-s2"
    assert shipped == (REPO / "questions" / "severance-s2.yaml").read_bytes()


def test_identity_and_sources(pack: Pack) -> None:
    assert pack.id == "severance-s2" and pack.title and pack.description and pack.license
    assert len(pack.sources) == 5
    assert all(source.file and source.title for source in pack.sources)
    # The captures name no publisher and no address: the pack invents none.
    assert all(source.publisher is None and source.url is None for source in pack.sources)


@pytest.mark.skipif(
    not ARTICLES.is_dir(), reason="the source articles live in ../shared beside the repo"
)
def test_each_source_shows_what_its_capture_gives(pack: Pack) -> None:
    for source in pack.sources:
        assert source.file
        text = (ARTICLES / source.file).read_text(encoding="utf-8")
        marker = re.match(r"\s*date (\d{4}-\d{2}-\d{2}) ", text)
        assert str(source.published) == (marker.group(1) if marker else "None"), source.id
        # A title is the published headline when it is in the capture, or says it has none.
        assert source.title in text or source.title.endswith("(headline not in the capture)")


def test_size_and_mix_of_types(pack: Pack) -> None:
    assert len(pack.questions) >= 60
    types = Counter(q.type for q in pack.questions)
    for qtype in (QuestionType.TRUE_FALSE, QuestionType.TEXT, QuestionType.NUMBER):
        assert types[qtype] >= 8, qtype
    assert types[QuestionType.CHOICE] == len(pack.questions) - sum(
        types[t] for t in (QuestionType.TRUE_FALSE, QuestionType.TEXT, QuestionType.NUMBER)
    )


def test_every_question_is_sourced_and_highlighted_within_its_excerpt(pack: Pack) -> None:
    for question in pack.questions:
        assert question.source is not None, question.id
        assert len(question.source.text) <= 400, question.id
        assert question.source.highlight and question.source.highlight in question.source.text, (
            question.id
        )


def test_every_article_is_cited_at_least_nine_times(pack: Pack) -> None:
    cited = Counter(q.source.ref for q in pack.questions if q.source)
    assert set(cited) == {source.id for source in pack.sources}
    assert min(cited.values()) >= 9, cited


def test_no_distractor_is_reused_across_questions(pack: Pack) -> None:
    seen = Counter(answer_key(d) for q in pack.questions for d in q.distractors)
    assert [d for d, count in seen.items() if count > 1] == []


def test_difficulty_spread_and_categories(pack: Pack) -> None:
    assert set(Counter(q.difficulty for q in pack.questions)) == {"easy", "medium", "hard"}
    assert len(pack.categories) >= 4
    assert all(q.category for q in pack.questions)


def test_text_answers_carry_other_spellings(pack: Pack) -> None:
    text_questions = [q for q in pack.questions if q.type is QuestionType.TEXT]
    assert all(q.accept for q in text_questions)


@pytest.mark.skipif(
    not ARTICLES.is_dir(), reason="the source articles live in ../shared beside the repo"
)
def test_every_excerpt_is_exactly_as_published_in_its_article(pack: Pack) -> None:
    assert check_excerpts(pack, ARTICLES, exact=True) == []


def _shown_with(question: Question, pack: Pack) -> str:
    """What a player reads of a question: its prompt, options, excerpt, explanation and the
    title of the source it cites."""
    assert question.source is not None
    source = pack.source(question.source.ref)
    parts = [question.prompt, *question.distractors, question.source.text,
             question.explanation or "", source.title if source else ""]  # fmt: skip
    return " | ".join(parts)


def _clues(question: Question) -> list[str]:
    """Words that give a question away: its answer and other spellings (for choice and
    text questions) and the highlighted words of its proof."""
    clues = [question.source.highlight] if question.source and question.source.highlight else []
    if question.type in (QuestionType.CHOICE, QuestionType.TEXT):
        clues += [str(question.answer), *question.accept]
    return [clue for clue in clues if len(answer_key(clue)) >= 4]


def test_no_question_gives_away_another(pack: Pack) -> None:
    # A game may deal any two questions together, and each excerpt is shown after its
    # answer: none may print another's answer or proof, unless that other question's
    # own prompt names it (it is then the subject, not the answer: "Dr. Mauer").
    leaks = []
    for question in pack.questions:
        for clue in _clues(question):
            key = f" {answer_key(clue)} "
            for other in pack.questions:
                if other is question or key in f" {answer_key(other.prompt)} ":
                    continue
                if key in f" {answer_key(_shown_with(other, pack))} ":
                    leaks.append((question.id, clue, other.id))
    assert leaks == []


def test_source_titles_give_no_answer_away(pack: Pack) -> None:
    answers = [
        answer_key(str(q.answer)) for q in pack.questions if q.type is not QuestionType.TRUE_FALSE
    ]
    for source in pack.sources:
        title = f" {answer_key(source.title)} "
        assert [a for a in answers if len(a) >= 4 and f" {a} " in title] == [], source.id


@pytest.mark.parametrize(
    ("question_id", "typed"),
    [
        ("cable-shot-episode", "episode 7"),
        ("cable-shot-episode", "Ep 7"),
        ("budget-per-episode", "$20M"),
        ("budget-per-episode", "20m"),
        ("budget-per-episode", "$20 million"),
        ("budget-per-episode", "20 million"),
        ("gagne-debut-imdb-rating", "9.5/10"),
        ("opener-months", "four"),
        ("opener-months", "5 months"),
        ("hiatus-years", "three"),
        ("premiere-run-minutes", "two minutes"),
        ("scott-gatorade-days", "3 days"),
    ],
)
def test_numbers_as_a_fair_player_writes_them_are_right(
    pack: Pack, question_id: str, typed: str
) -> None:
    [question] = [q for q in pack.questions if q.id == question_id]
    assert match_number(typed, question)


def test_a_range_answer_shows_as_the_article_gives_it(pack: Pack) -> None:
    [question] = [q for q in pack.questions if q.id == "opener-months"]
    assert question.answer_text == "4 to 5 months"

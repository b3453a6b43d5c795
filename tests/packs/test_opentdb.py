"""Open Trivia DB import: decoding, trimming, types, ids, bad entries and stable output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from quiz.packs.loader import load_pack_bytes
from quiz.packs.model import Difficulty, QuestionType
from quiz.packs.opentdb import OpenTDBError, read_entries
from quiz.packs.opentdb_pack import LICENSE, import_opentdb
from quiz.packs.problems import PackError
from quiz.packs.slugs import slugify, text_id, unique_id
from quiz.packs.yamlout import quote

FIXTURES = Path(__file__).parent.parent / "fixtures" / "opentdb"


def imported(name: str, pack_id: str = "film", title: str | None = None):
    data = (FIXTURES / name).read_bytes()
    result = import_opentdb(data, name, pack_id, title)
    return result, load_pack_bytes(result.text.encode("utf-8"), name)


def entry(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "type": "multiple",
        "difficulty": "easy",
        "category": "Film",
        "question": "Q?",
        "correct_answer": "A",
        "incorrect_answers": ["B", "C"],
    }
    base.update(fields)
    return base


def convert(results: list[object], **options: object):
    data = json.dumps({"response_code": 0, "results": results}).encode()
    return import_opentdb(data, "r.json", "p", **options)  # type: ignore[arg-type]


def errors_of(data: bytes | list[object]) -> list[str]:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    with pytest.raises(OpenTDBError) as caught:
        import_opentdb(raw, "r.json", "p")
    return caught.value.messages


def test_entities_are_decoded_and_spaces_trimmed_everywhere() -> None:
    _, pack = imported("film.json")
    jaws, amelie, _, _, toy_story, _ = pack.questions
    assert jaws.prompt == 'Who directed "Jaws" (1975)?'
    assert amelie.prompt == 'In "Amélie" (2001), in which city does Amélie live?'
    assert amelie.distractors == ("Lyon", "Marseille", "Montréal")
    assert toy_story.prompt == "Which studio made 'Toy Story' (1995)?"
    assert toy_story.answer == "Pixar"
    assert toy_story.distractors == ("DreamWorks", "Blue Sky Studios", "Laika")
    assert toy_story.category == "Entertainment: Cartoon & Animations"


def test_multiple_becomes_choice_and_boolean_becomes_true_false() -> None:
    _, pack = imported("film.json")
    types = [q.type for q in pack.questions]
    assert (
        types
        == [QuestionType.CHOICE] * 2 + [QuestionType.TRUE_FALSE] * 2 + [QuestionType.CHOICE] * 2
    )
    psycho, oscars = pack.questions[2], pack.questions[3]
    assert psycho.answer is True
    assert oscars.answer is False  # written "False " with a trailing space
    assert oscars.prompt == "The first Academy Awards ceremony was held in 1950."
    assert psycho.distractors == ()


def test_category_difficulty_license_and_ids_are_kept() -> None:
    result, pack = imported("film.json", pack_id="film-night", title="Film night")
    assert (pack.id, pack.title, pack.license) == ("film-night", "Film night", LICENSE)
    assert "CC BY-SA 4.0" in (pack.license or "")
    assert [q.difficulty for q in pack.questions] == [
        Difficulty.EASY, Difficulty.MEDIUM, Difficulty.EASY,
        Difficulty.HARD, Difficulty.MEDIUM, Difficulty.HARD,
    ]  # fmt: skip
    assert pack.questions[0].category == "Entertainment: Film"
    assert [q.id for q in pack.questions][:2] == [
        "who-directed-jaws-1975",
        "in-amelie-2001-in-which-city-does-amelie-live",
    ]
    assert result.count == 6 and result.notes == ()


def test_every_question_cites_open_trivia_db_and_its_license() -> None:
    _, pack = imported("film.json")
    (source,) = pack.sources
    assert "Open Trivia Database" in source.title and "CC BY-SA 4.0" in source.title
    assert source.url == "https://opentdb.com/"
    for question in pack.questions:
        assert question.source is not None and question.source.ref == source.id
        assert question.prompt in question.source.text
        assert question.source.highlight == question.answer_text
        assert question.answer_text in question.source.text


def test_import_is_deterministic_and_independent_of_file_order_for_ids() -> None:
    first, _ = imported("film.json")
    again, _ = imported("film.json")
    assert first.text == again.text
    results = json.loads((FIXTURES / "film.json").read_text())["results"]
    reversed_text = convert(list(reversed(results))).text
    reversed_ids = load_pack_bytes(reversed_text.encode()).questions
    _, pack = imported("film.json")
    assert {q.id for q in reversed_ids} == {q.id for q in pack.questions}


def test_a_bare_results_list_is_accepted_and_lowercase_booleans_too() -> None:
    result, pack = imported("bare-list.json")
    assert pack.questions[0].answer is True
    assert pack.questions[1].prompt == 'Which film features the line "I\'ll be back"?'
    assert pack.title == "Open Trivia DB: Entertainment: Film"  # default from one category
    assert "2 questions" in (pack.description or "")


def test_each_malformed_entry_is_named_with_its_number_and_question() -> None:
    messages = errors_of((FIXTURES / "bad-entries.json").read_bytes())
    assert len(messages) == 6, messages
    numbers = [message.split(": entry ")[1].split(" ")[0].rstrip(":") for message in messages]
    assert numbers == ["2", "3", "4", "5", "6", "7"]
    missing, maybe, encoded, not_object, extreme, empty = messages
    assert missing == (
        'r.json: entry 2 ("Which film won the first Academy Award for Best P…"): '
        "missing 'correct_answer'; fix or remove the entry"
    )
    assert maybe.startswith('r.json: entry 3 ("\\"Metropolis\\" (1927) is a silent film."): ')
    assert 'not "Maybe"' in maybe
    assert "encode" in encoded
    assert "is not an object" in not_object
    assert '"extreme"' in extreme
    assert "'question' is empty" in empty


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        ({"question": None}, "missing 'question'"),
        ({"correct_answer": 12}, "'correct_answer' must be text"),
        ({"incorrect_answers": "B"}, "'incorrect_answers' must be a list of text"),
        ({"incorrect_answers": []}, "has 0 incorrect answers"),
        ({"incorrect_answers": [str(n) for n in range(9)]}, "has 9 incorrect answers"),
        ({"incorrect_answers": ["B", " &nbsp; "]}, "'incorrect_answers' is empty"),
        ({"type": "open"}, 'type "open" is not "multiple" or "boolean"'),
        ({"category": 3}, "'category' must be text"),
        ({"question": "Bad \ud800 text"}, "lone surrogate"),
    ],
)
def test_malformed_fields_give_one_clear_line(bad: dict[str, object], expected: str) -> None:
    fields = {key: value for key, value in bad.items() if value is not None}
    results = [
        entry(question="Fine?"),
        {**{k: v for k, v in entry().items() if k not in bad}, **fields},
    ]
    (message,) = errors_of(results)
    assert message.startswith("r.json: entry 2")
    assert expected in message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"response_code": 1, "results": []}', "response_code is 1 (no results"),
        (b'{"response_code": 5, "results": []}', "rate limit"),
        (b'{"response_code": "0", "results": []}', 'response_code is "0"'),
        (b'{"response_code": 0, "results": []}', "holds no questions"),
        (b'{"response_code": 0, "results": {}}', "'results' must be a list"),
        (b'{"questions": []}', "not an Open Trivia DB response"),
        (b'{"response_code": 0, "results": [', "r.json:1:"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[" * 100_000, "r.json"),
    ],
)
def test_bad_files_give_one_clear_line(data: bytes, expected: str) -> None:
    (message,) = errors_of(data)
    assert expected in message
    assert message.startswith("r.json")


def test_unplayable_entries_are_skipped_with_a_note_naming_them() -> None:
    result, pack = imported("unfair.json")
    assert [q.prompt for q in pack.questions] == [
        'Who played Ellen Ripley in "Alien" (1979)?',
        'Sigourney Weaver played Ellen Ripley in "Alien" (1979).',
    ]
    assert len(result.notes) == 4
    tom, chinatown, repeat, repeat_trimmed = result.notes
    assert tom.startswith('unfair.json: entry 1 ("Which duo starred in \\"The Cat Concerto\\"')
    assert 'the answer "Tom & Jerry" is also an incorrect answer' in tom
    assert "entry 2" in chinatown and "listed twice" in chinatown
    assert "entry 4" in repeat and "same question and answer as entry 3" in repeat
    assert "entry 5" in repeat_trimmed and "as entry 3" in repeat_trimmed


def test_options_the_game_takes_for_one_answer_are_unfair_as_the_loader_says() -> None:
    result = convert(
        [
            entry(
                question="Genre?",
                correct_answer="Rock &amp; Roll",
                incorrect_answers=["rock and roll", "Jazz"],
            ),
            entry(
                question="Mark?",
                correct_answer="Question mark",
                incorrect_answers=["&#8203;", "Comma"],
            ),
            entry(question="Kept?"),
        ]
    )
    genre, mark = result.notes
    assert "entry 1" in genre and '"Rock & Roll" is also an incorrect answer' in genre
    assert '"rock and roll" is the same answer' in genre
    assert "entry 2" in mark and "nothing a player could type" in mark
    assert result.count == 1


def test_options_told_apart_by_their_symbols_are_imported() -> None:
    result = convert(
        [entry(question="Language?", correct_answer="C++", incorrect_answers=["C#", "C", "?!"])]
    )
    assert result.notes == () and result.count == 1


# Words and marks normalising folds together (never an HTML entity: "&" stands alone).
PIECES = ["Rock", "rock", "RÖCK", "&", "and", "the", "A", "-", "!", "'", "Roll", "?", "1"]
option = st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map(" ".join)


@given(answer=option, distractors=st.lists(option, min_size=1, max_size=4))
def test_an_entry_is_imported_exactly_when_the_loader_takes_its_options(
    answer: str, distractors: list[str]
) -> None:
    pack = "format: 1\nid: p\ntitle: T\nquestions:\n  - id: q\n    prompt: P\n"
    pack += (
        f"    answer: {quote(answer)}\n    distractors: [{', '.join(map(quote, distractors))}]\n"
    )
    try:
        load_pack_bytes(pack.encode())
        loads = True
    except PackError:
        loads = False
    try:
        convert([entry(correct_answer=answer, incorrect_answers=distractors)])
        outcome = "imported"
    except OpenTDBError as error:  # skipped as unfair, not refused by the loader after
        outcome = "skipped" if "skipped" in error.messages[0] else str(error)
    assert outcome == ("imported" if loads else "skipped")


def test_nothing_importable_is_an_error_that_keeps_the_notes() -> None:
    messages = errors_of([entry(correct_answer="B")])
    assert "skipped" in messages[0] and "no question could be imported" in messages[-1]


def test_colliding_ids_get_numbered_suffixes_within_64_characters() -> None:
    long_prompt = "Which " + "very " * 20 + "long question?"
    results = [
        entry(question="Who is it?"),
        entry(question="Who is it!", correct_answer="Other"),
        entry(question="Who is it", type="boolean", correct_answer="True"),
        entry(question=long_prompt),
        entry(question=long_prompt + "!", correct_answer="Other"),
        entry(question="日本の首都は?"),
    ]
    pack = load_pack_bytes(convert(results).text.encode())
    ids = [q.id for q in pack.questions]
    assert ids[:3] == ["who-is-it", "who-is-it-2", "who-is-it-3"]
    assert ids[4] == ids[3][:62].rstrip("-") + "-2" and len(ids[4]) <= 64
    assert ids[5].startswith("q-") and ids[5] == text_id("日本の首都は?")


def test_slugs() -> None:
    assert slugify('Who\'s "Mark S."?') == "whos-mark-s"
    assert slugify("Stefán Stefánsson") == "stefan-stefansson"
    assert slugify("a" * 70) == "a" * 64
    cut = slugify("word " * 20)
    assert len(cut) <= 64 and not cut.endswith("-") and cut.endswith("word")
    taken: set[str] = set()
    assert [unique_id("x", taken) for _ in range(3)] == ["x", "x-2", "x-3"]


# Control characters aside (a pack refuses them; the importer turns them into spaces).
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_any_text_survives_quoting_through_the_loader(text: str) -> None:
    assume(text.strip())  # the loader rightly refuses empty required text
    yaml_text = (
        f"format: 1\nid: p\ntitle: {quote(text)}\nquestions:\n"
        f"  - {{id: q, prompt: {quote(text)}, answer: {quote('1 ' + text)}, "
        f"distractors: [{quote('2 ' + text)}]}}\n"
    )  # the numbers keep the options words to compare, and different ones
    pack = load_pack_bytes(yaml_text.encode("utf-8"))
    assert pack.title == text and pack.questions[0].prompt == text
    assert pack.questions[0].answer == "1 " + text


def test_read_entries_gives_decoded_entries_in_order() -> None:
    entries = read_entries((FIXTURES / "film.json").read_bytes(), "film.json")
    assert [e.number for e in entries] == [1, 2, 3, 4, 5, 6]
    assert entries[4].label("film.json") == (
        "film.json: entry 5 (\"Which studio made 'Toy Story' (1995)?\")"
    )


@pytest.mark.parametrize("fixture", ["url3986.json", "url-legacy.json"])
def test_a_url_encoded_response_is_refused_like_base64(fixture: str) -> None:
    messages = errors_of((FIXTURES / fixture).read_bytes())
    assert len(messages) == 3  # every entry, each on its line, as for base64
    assert all("URL-encoded" in message and "&encode=" in message for message in messages)


def test_text_with_a_percent_sign_in_words_is_not_taken_for_url_encoding() -> None:
    result = convert([entry(question="What is 50% of 10?", category="Maths%20and 100% logic")])
    assert result.count == 1
    (message,) = errors_of([entry(question="Which%20word%3F")])
    assert "URL-encoded" in message


@pytest.mark.parametrize(
    "field", ["question", "correct_answer", "incorrect_answers", "category", "difficulty", "type"]
)
@pytest.mark.parametrize("surrogate", ["\\ud800", "\\udfff"])
def test_a_lone_surrogate_anywhere_in_an_entry_refuses_it_in_one_line(
    field: str, surrogate: str
) -> None:
    bad = entry(question="Bad?")
    if field == "incorrect_answers":
        bad[field] = ["B", "C@"]
    else:
        bad[field] = f"{bad[field]}@"
    # json.dumps would write the character itself; a saved response holds the escape.
    raw = json.dumps({"response_code": 0, "results": [entry(), bad]}).replace("@", surrogate)
    (message,) = errors_of(raw.encode())
    assert message.startswith("r.json: entry 2")
    assert "\n" not in message

"""GIFT and Anki exports: GIFT reads back as the same questions; Anki notes keep their GUIDs."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.packs.anki_out import guid, to_anki
from quiz.packs.gift_out import to_gift
from quiz.packs.imports import convert
from quiz.packs.loader import load_pack, load_pack_bytes
from quiz.packs.model import Excerpt, Pack, Question, QuestionType, Source

ROOT = Path(__file__).parent.parent.parent
BUILTIN = ROOT / "questions" / "severance-s2.yaml"
MINI = ROOT / "tests" / "fixtures" / "good" / "mini.yaml"
KEPT = ("id", "type", "prompt", "answer", "distractors", "accept", "tolerance", "category",
        "explanation")  # fmt: skip


def round_trip(pack: Pack) -> Pack:
    gift = to_gift(pack, pack.questions).encode("utf-8")
    result = convert("gift", gift, "out.gift", pack.id, pack.title)
    return load_pack_bytes(result.text.encode("utf-8"), "back.yaml")


def same_questions(first: Pack, second: Pack) -> None:
    assert len(first.questions) == len(second.questions)
    for one, two in zip(first.questions, second.questions, strict=True):
        assert {key: getattr(one, key) for key in KEPT} == {key: getattr(two, key) for key in KEPT}


def test_gift_export_then_import_gives_the_same_questions() -> None:
    for path in (BUILTIN, MINI):
        pack = load_pack(path)
        same_questions(pack, round_trip(pack))


texts = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"),
    min_size=1, max_size=12,
).filter(lambda text: text.strip() == text and any(char.isalnum() for char in text))  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(prompt=texts, answer=texts, wrong=texts, explanation=texts, category=texts)
def test_any_text_survives_the_gift_round_trip(
    prompt: str, answer: str, wrong: str, explanation: str, category: str
) -> None:
    question = Question("q", QuestionType.CHOICE, f"Q {prompt}", f"A{answer}", (f"B{wrong}",),
                        category=category, explanation=explanation)  # fmt: skip
    pack = Pack("p", "P", (question,))
    same_questions(pack, round_trip(pack))


def test_texts_that_open_like_a_gift_weight_survive_the_round_trip() -> None:
    choice = Question("c", QuestionType.CHOICE, "Sale?", "%50% off", ("%25% off", "%10%"))
    text = Question("t", QuestionType.TEXT, "Discount?", "%20%", accept=("%20% off",))
    pack = Pack("p", "P", (choice, text))
    same_questions(pack, round_trip(pack))


def test_anki_export_has_its_header_lines_and_a_note_per_question() -> None:
    pack = load_pack(MINI)
    lines = to_anki(pack, pack.questions).splitlines()
    assert lines[:8] == [
        "#separator:tab", "#html:true", "#notetype:Basic", "#deck:Mini pack", "#tags:quiz mini",
        "#columns:GUID\tFront\tBack\tTags", "#guid column:1", "#tags column:4",
    ]  # fmt: skip
    notes = [line.split("\t") for line in lines[8:]]
    assert len(notes) == len(pack.questions) and all(len(note) == 4 for note in notes)
    assert [note[0] for note in notes] == [guid("mini", q.id) for q in pack.questions]


def test_anki_guids_are_stable_and_distinct() -> None:
    assert guid("mini", "lens") == guid("mini", "lens")
    assert len({guid("mini", "lens"), guid("mini", "lens2"), guid("mini2", "lens")}) == 3


def test_anki_back_holds_answer_excerpt_and_citation() -> None:
    pack = load_pack(MINI)
    lens = next(line for line in to_anki(pack, pack.questions).splitlines() if "Which lens" in line)
    _, front, back, tags = lens.split("\t")
    assert "<li>10</li>" in front and "<li>no</li>" in front
    assert back.startswith("<b>10</b>")
    assert "<blockquote>We used the “<b>10</b>” lens" in back
    assert "<i>Production notes</i>, 2025-03-03" in back
    assert tags == "cinematography easy"


def test_anki_fields_escape_html_tabs_and_new_lines() -> None:
    question = Question("q", QuestionType.TEXT, 'Is <b> "bold"\tand\nnew?', "a & b")
    line = to_anki(Pack("p", "P", (question,)), (question,)).splitlines()[-1]
    _, front, back, _ = line.split("\t")
    assert front == "Is &lt;b&gt; &quot;bold&quot;&#9;and<br>new?"
    assert back == "<b>a &amp; b</b>"


def test_anki_back_shows_a_range_answer_once_and_a_tolerance_otherwise() -> None:
    ranged = Question("r", QuestionType.NUMBER, "How long?", 4.5, tolerance=0.5, unit="months")
    near = Question("n", QuestionType.NUMBER, "How far?", 10.0, tolerance=2.0, unit="km")
    pack = Pack("p", "P", (ranged, near))
    backs = [line.split("\t")[2] for line in to_anki(pack, pack.questions).splitlines()[-2:]]
    assert backs == ["<b>4 to 5 months</b>", "<b>10 km</b> (give or take 2)"]


def test_gift_comments_show_pack_text_as_it_is_and_never_reorder_it() -> None:
    source = Source("s", "Piece \u202egpj.exe", author="A\x1b[31mB")
    question = Question("q", QuestionType.TEXT, "Asked?", "a",
                        source=Excerpt("s", "quoted \u2066x\u2069"))  # fmt: skip
    comments = [line for line in to_gift(Pack("p", "P", (question,), sources=(source,)),
                (question,)).splitlines() if line.startswith("//")]  # fmt: skip
    cited = "\n".join(comments)
    assert "Piece \\u202egpj.exe" in cited and "A\\x1bB" not in cited
    assert "A\\x1b[31mB" in cited and "quoted \\u2066x\\u2069" in cited
    assert not any(c in cited for c in "\u202e\u2066\u2069\x1b")


def test_a_source_url_with_a_tab_or_line_break_never_splits_an_anki_note() -> None:
    urls = ("https://example.com/\nhttps://evil.example", "https://example.com/\tx")
    sources = tuple(Source(f"s{n}", "Piece", url=url) for n, url in enumerate(urls))
    questions = tuple(
        Question(f"q{n}", QuestionType.TEXT, "Asked?", "a", source=Excerpt(f"s{n}", "quoted"))
        for n in range(len(urls))
    )
    notes = [line for line in to_anki(Pack("p", "P", questions, sources=sources), questions)
             .splitlines() if not line.startswith("#")]  # fmt: skip
    assert len(notes) == 2 and all(note.count("\t") == 3 for note in notes)
    assert all("<a href" not in note for note in notes)  # a link only where a browser may go

"""What `quiz import opentdb` writes always loads, and gives back exactly the text imported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.cli import main
from quiz.packs import opentdb_pack
from quiz.packs.files import MAX_BYTES
from quiz.packs.loader import load_pack, load_pack_bytes
from quiz.packs.opentdb import Entry, OpenTDBError, read_entries
from quiz.packs.opentdb_pack import import_opentdb, playable
from quiz.packs.problems import PackError, Problem
from quiz.packs.yamlout import quote

# Text YAML or a careless writer could take for something else, or lose.
HOSTILE = [
    "no", "on", "yes", "off", "y", "N", "~", "null", "true", "1e3", "0x1F", "0o17", "1_000",
    ".inf", "-.nan", "12:30:00", "2001-01-01", "- item", "-", "--- ", "...", "# not a comment",
    "a #b", "a: b", ":", "[a, b]", "{a: b}", "&anchor", "*alias", "!tag", "|", ">", "%YAML",
    "@", "`", "'", '"', "\\", "\\n", "\\x41", "'quoted'", '"dq"', "C:\\path", "\u2028",
    "\u2029", "\x85", "\ufeff", "\ufffe", "\uffff", "\U0001f600", "\U0010ffff", "\t", "\n",
    "\r", "\r\n", "\x00", "\x1b[31m", "\x7f", "&quot;", "&amp;amp;", "&#039;", "&#x1F600;",
    "&nbsp;", "&#8232;", " ", "  ", "é", "e\u0301", "日本", "\u202e", "\u200b", "long " * 20_000,
]  # fmt: skip
piece = st.one_of(
    # The very long one is left to the file test below, where it is imported once.
    st.sampled_from(HOSTILE[:-1]),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=8),
)
hostile = st.lists(piece, max_size=5).map("".join)


@st.composite
def raw_entry(draw: st.DrawFn) -> dict[str, object]:
    """An entry with hostile text all through it, yet (mostly) one the importer takes."""
    common = {
        "question": f"{draw(hostile)} Q {draw(hostile)}",
        "category": draw(hostile),
        "difficulty": draw(st.sampled_from(["easy", "medium", "hard", "Hard"])),
    }
    if draw(st.booleans()):
        answer = draw(st.sampled_from(["True", "false", " False "]))
        return {"type": "boolean", **common, "correct_answer": answer, "incorrect_answers": []}
    words = draw(st.lists(st.sampled_from(["one", "two", "three", "four"]), min_size=2,
                          max_size=4, unique=True))  # fmt: skip
    options = [f"{draw(hostile)} {word} {draw(hostile)}" for word in words]
    return {"type": "multiple", **common, "correct_answer": options[0],
            "incorrect_answers": options[1:]}  # fmt: skip


def pack_titled(title: str) -> bytes:
    """A good pack but for its title, which is on line 3."""
    questions = "questions:\n  - {id: q, prompt: P, answer: A, distractors: [B]}\n"
    return f"format: 1\nid: f\ntitle: {quote(title)}\n{questions}".encode()


def assert_gives_back(pack_text: bytes, entries: list[Entry], pack_id: str, title: str) -> None:
    pack = load_pack_bytes(pack_text, "out.yaml")
    assert (pack.id, pack.title) == (pack_id, title)
    assert len(pack.questions) == len(entries)
    for question, entry in zip(pack.questions, entries, strict=True):
        assert question.type.value == entry.type
        assert question.prompt == entry.prompt
        assert question.answer == entry.answer
        assert question.distractors == entry.distractors
        assert question.category == entry.category
        assert question.difficulty.value == (entry.difficulty or "medium")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(results=st.lists(raw_entry(), min_size=1, max_size=4), title=st.none() | hostile)
def test_every_imported_pack_loads_and_gives_back_exactly_its_text(
    results: list[dict[str, object]], title: str | None
) -> None:
    data = json.dumps({"response_code": 0, "results": results}).encode()
    try:
        converted = import_opentdb(data, "r.json", "p", title)
    except OpenTDBError as error:
        # Refused input (an empty answer, say) or a title no pack may hold, never a pack
        # of good entries that the loader would not take.
        if any("would not load" in message for message in error.messages):
            assert title is not None, error.messages
            with pytest.raises(PackError):
                load_pack_bytes(pack_titled(title))
        return
    kept, _ = playable(read_entries(data, "r.json"), "r.json")
    assert_gives_back(converted.text.encode("utf-8"), kept, "p", converted.title)
    assert not title or converted.title == title  # an empty one is the default


def test_the_written_file_holds_every_hostile_text_exactly(tmp_path: Path, capsys) -> None:
    results = [
        {"type": "multiple", "question": f"Q{n} {text}", "correct_answer": f"A {text}",
         "incorrect_answers": [f"B {text}", f"C {text}"], "category": text, "difficulty": "hard"}
        for n, text in enumerate(HOSTILE)
    ]  # fmt: skip
    saved = tmp_path / "saved.json"
    saved.write_text(json.dumps(results), encoding="utf-8")
    assert main(["import", "opentdb", str(saved), "-o", str(tmp_path / "out.yaml")]) == 0
    kept, notes = playable(read_entries(saved.read_bytes(), "x"), "x")
    assert notes == [] and len(kept) == len(HOSTILE)
    assert_gives_back((tmp_path / "out.yaml").read_bytes(), kept, "out", load_pack(
        tmp_path / "out.yaml").title)  # fmt: skip


def test_a_big_response_is_written_in_pieces_that_make_the_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(opentdb_pack, "CHUNK", 4096)
    results = [
        {"type": "boolean", "question": f"Statement number {n} is true.", "correct_answer": "True",
         "incorrect_answers": ["False"]}
        for n in range(300)
    ]  # fmt: skip
    converted = import_opentdb(json.dumps(results).encode(), "r.json", "p")
    pieces = list(converted.chunks())
    assert len(pieces) > 1 and max(map(len, pieces)) < len(converted.text) / 2
    assert len(load_pack_bytes(b"".join(pieces)).questions) == 300


def test_a_pack_too_big_to_load_is_refused_while_written_and_nothing_is_left(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Escapes make the pack larger than the response; here the limit is brought down to
    # where the 6 questions of this response pass it.
    film = Path(__file__).parent.parent / "fixtures" / "opentdb" / "film.json"
    monkeypatch.setattr(opentdb_pack, "MAX_BYTES", 1500)
    monkeypatch.setattr(opentdb_pack, "CHUNK", 100)
    output = tmp_path / "new" / "film.yaml"
    assert main(["import", "opentdb", str(film), "-o", str(output)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"the imported pack would not load: film:1:1: error: {opentdb_pack.TOO_BIG}\n"
    assert list(tmp_path.iterdir()) == []  # no file, no temporary file, no folder


def test_the_size_message_is_the_loaders() -> None:
    with pytest.raises(PackError) as caught:
        load_pack_bytes(b"#" * (MAX_BYTES + 1), "p")
    assert caught.value.first.message == opentdb_pack.TOO_BIG


@pytest.mark.parametrize("title", ["Film\x1bnight", "\x07 bell"])
def test_a_title_no_pack_may_hold_is_refused_as_the_loader_refuses_it(
    tmp_path: Path, capsys, title: str
) -> None:
    film = Path(__file__).parent.parent / "fixtures" / "opentdb" / "film.json"
    output = tmp_path / "f.yaml"
    assert main(["import", "opentdb", str(film), "-o", str(output), "--title", title]) == 1
    with pytest.raises(PackError) as caught:
        load_pack_bytes(pack_titled(title), "f")
    problem = caught.value.first
    assert (problem.line, problem.column) == (3, 8)
    expected = Problem("f", 5, 8, problem.message)  # the header's two comment lines first
    assert capsys.readouterr().err == f"the imported pack would not load: {expected}\n"
    assert list(tmp_path.iterdir()) == []


def _quoted_one_at_a_time(text: str) -> str:
    """The rule quote() keeps, a character at a time: YAML's printable set stays as it
    is, less the line breaks YAML 1.1 adds and the BOM; all else is an escape."""
    named = {'"': '\\"', "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
    out = []
    for char in text:
        code = ord(char)
        printable = (
            0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or code >= 0x10000
        ) and code not in (0x2028, 0x2029, 0xFEFF)  # fmt: skip
        if char in named:
            out.append(named[char])
        elif printable:
            out.append(char)
        else:
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")
    return '"' + "".join(out) + '"'


@given(st.lists(st.sampled_from(HOSTILE) | st.characters(blacklist_categories=["Cs"])).map("".join))
def test_quote_escapes_what_it_promises_and_nothing_else(text: str) -> None:
    assert quote(text) == _quoted_one_at_a_time(text)


def test_quote_refuses_a_lone_surrogate() -> None:
    with pytest.raises(ValueError):
        quote("a\udcffb")

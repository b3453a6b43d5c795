"""The plain-text game: each line typed is judged as the full screen judges a key or a field."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from quiz.game.history import NoHistory
from quiz.game.kinds import Mode
from quiz.game.selection import GameOptions, select
from quiz.game.session import GameSession
from quiz.game.words import CREDIT_PART_CELLS, credit_parts
from quiz.packs.loader import load_pack
from quiz.plain.console import Console
from quiz.plain.game import play

FIXTURES = Path(__file__).parent.parent / "fixtures"
MINI = load_pack(FIXTURES / "good" / "mini.yaml")
STUDIO = load_pack(FIXTURES / "ui" / "studio.yaml")


class Recording(NoHistory):
    """Keeps what the game saved, in order."""

    def __init__(self) -> None:
        self.saved: list[object] = []

    def start(self, session):
        self.saved.append("start")

    def answer(self, session, record):
        self.saved.append((record.asked.question.id, record.given, record.correct))

    def end(self, session, summary):
        self.saved.append(("end", summary.total))
        return None


def game(pack, typed: str, mode: Mode = Mode.PLAY, **options) -> tuple[str, list, GameSession]:
    """Play a game of PACK with TYPED as the input; the output, what was saved, the session."""
    chosen = GameOptions(**{"count": None, "seed": 1, **options})
    session = GameSession(select([pack], chosen), chosen, mode=mode, grace=0)
    out, err = io.StringIO(), io.StringIO()
    history = Recording()
    play(session, history, Console(io.BytesIO(typed.encode()), out, err, echo=True))
    assert err.getvalue() == ""
    return out.getvalue(), history.saved, session


def test_a_choice_is_answered_by_its_number_and_revealed_with_its_source() -> None:
    out, saved, session = game(STUDIO, "9\n\n1\n", categories=("cinematography",))
    options = session.asked[0].options
    played, results = out.split("\nResults\n")
    assert played.count("Which camera shot the night scenes?") == 1  # then only the hint again
    assert "Which camera shot the night scenes?" in results
    assert all(f"  {n}. {option}" in out for n, option in enumerate(options, start=1))
    assert "There is no option 9." in out
    assert saved == ["start", ("camera", options[0], options[0] == "Alexa 35"), ("end", 1)]
    verdict = "✓ Right, +100 points" if options[0] == "Alexa 35" else "✗ Wrong, +0 points"
    assert verdict in out
    assert "“For the night streets we leaned on the Alexa 35 and the lamps already there.”" in out
    assert "— A Shoot Diary, by Rosa Lind, Film Weekly, 17 May 2024" in out
    assert "Link: https://example.com/shoot-diary" in out  # as the full screen shows it
    assert "Its low-light range suited the street lamps." in out  # the explanation
    assert out.rstrip().endswith("points.")  # the results are the last lines


def test_a_choice_also_takes_the_options_text_and_asks_again_for_anything_else() -> None:
    out, saved, _ = game(STUDIO, "alexa 34\nsony  VENICE\n", categories=("cinematography",))
    assert "That is none of the options." in out
    assert saved[1] == ("camera", "Sony Venice", False)


def test_true_false_takes_t_f_or_a_number_and_asks_again_otherwise() -> None:
    out, saved, _ = game(STUDIO, "maybe\nf\n", categories=("effects",))
    assert "Type 1 or t for True, 2 or f for False" in out.split("> maybe", 1)[1]
    assert saved[1] == ("real-snow", "False", True)
    _, saved, _ = game(STUDIO, "1\n", categories=("effects",))
    assert saved[1] == ("real-snow", "True", False)


def test_a_number_question_refuses_what_is_not_a_number() -> None:
    out, saved, _ = game(MINI, "lots\nfive\n", categories=("production",), difficulties=("medium",))
    assert "That is not a number: type digits (12) or words (twelve)." in out
    assert saved[1] == ("months", "five", True)
    assert "No source is cited for this question." in out


def test_s_skips_and_q_quits_with_the_results_and_the_answers_kept() -> None:
    out, saved, session = game(MINI, "s\nq\n")
    assert saved[1][1:] == ("", False)
    assert saved[2] == ("end", 1)
    assert "→ Skipped" in out and "Stopped after 1 of 4 questions." in out
    assert session.phase == "finished"


def test_the_end_of_the_input_ends_the_game_as_q_does() -> None:
    out, saved, _ = game(MINI, "1\n")
    assert [entry for entry in saved if entry != "start"][-1] == ("end", 1)
    assert "Results" in out and "Stopped after 1 of 4 questions." in out


def test_typed_escape_sequences_are_shown_as_text_never_sent() -> None:
    out, saved, _ = game(MINI, "\x1b[2J\x1b]0;owned\x07\n", categories=("cast",))
    assert "\x1b" not in out and "\x07" not in out
    assert "Your answer: \\x1b[2J\\x1b]0;owned\\x07" in out
    assert saved[1] == ("director", "\x1b[2J\x1b]0;owned\x07", False)


def test_bytes_that_are_not_utf8_are_an_answer_not_a_crash() -> None:
    chosen = GameOptions(count=None, seed=1, categories=("cast",))
    session = GameSession(select([MINI], chosen), chosen, grace=0)
    out = io.StringIO()
    play(session, NoHistory(), Console(io.BytesIO(b"Gagn\xe9\n"), out, io.StringIO()))
    assert "Your answer: Gagn\ufffd" in out.getvalue()


def test_a_review_game_says_so_in_its_results() -> None:
    out, _, _ = game(MINI, "1\n1\n1\n1\n", mode=Mode.REVIEW)
    assert "\nReview results\n" in out


def test_a_history_that_fails_is_one_line_and_the_game_goes_on() -> None:
    class Locked(NoHistory):
        def answer(self, session, record):
            raise RuntimeError("the history database is locked by another program")

    chosen = GameOptions(count=2, seed=1)
    session = GameSession(select([MINI], chosen), chosen, grace=0)
    out, err = io.StringIO(), io.StringIO()
    play(session, Locked(), Console(io.BytesIO(b"1\n1\n"), out, err))
    assert (
        err.getvalue().splitlines()
        == ["Could not save to the history: the history database is locked by another program"] * 2
    )
    assert "Question 2 of 2" in out.getvalue() and "Results" in out.getvalue()


def test_a_timed_question_answered_too_late_is_times_up() -> None:
    from fake_clock import FakeClock

    clock = FakeClock()

    class SlowPlayer(io.BytesIO):
        def readline(self, *args):  # the player takes 6 seconds to answer each question
            clock.advance(6)
            return super().readline(*args)

    chosen = GameOptions(count=1, seed=1, timer=5, categories=("cinematography",))
    session = GameSession(select([STUDIO], chosen), chosen, clock=clock, grace=0)
    out = io.StringIO()
    play(session, NoHistory(), Console(SlowPlayer(b"1\n"), out, io.StringIO()))
    assert "You have 5 seconds; a later answer counts as time's up." in out.getvalue()
    assert "⏱ Time's up, +0 points" in out.getvalue()
    assert session.records[0].timed_out


def test_an_answer_longer_than_any_real_one_is_refused_unread_and_asked_again() -> None:
    from quiz.game.limits import MAX_ANSWER

    longest = "é" * MAX_ANSWER  # two bytes each: the cap is in characters
    typed = "x" * (50 * MAX_ANSWER) + "\n" + longest + "\n" + "y" * (MAX_ANSWER + 1) + "\n1\n"
    out, saved, session = game(STUDIO, typed, categories=("cinematography",))
    assert out.count(f"That answer is too long: at most {MAX_ANSWER} characters.") == 2
    assert "x" * 100 not in out and "y" * 100 not in out  # never echoed
    assert f"(a line of more than {MAX_ANSWER} characters)" in out
    # The longest answer allowed is judged (as no option: asked again); then "1" answers.
    assert saved == ["start", ("camera", session.asked[0].options[0], saved[1][2]), ("end", 1)]


def test_a_huge_source_title_or_author_is_cut_in_the_credit_line_as_the_full_screen_cuts_it() -> (
    None
):
    source = dataclasses.replace(STUDIO.sources[0], title="Title " * 20000, author="Ann " * 25000)
    pack = dataclasses.replace(STUDIO, sources=(source, *STUDIO.sources[1:]))
    out, _, _ = game(pack, "1\n", categories=("cinematography",))
    [credit] = [line for line in out.splitlines() if line.startswith("— Title ")]
    assert credit == "— " + ", ".join(credit_parts(source))
    assert "…, by Ann Ann " in credit and len(credit) < 4 * CREDIT_PART_CELLS

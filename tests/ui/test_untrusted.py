"""Untrusted pack text is never acted on: markup shows as written, controls and bidi as escapes."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import DataTable, Static
from ui_helpers import UI_FIXTURES, make_app, settle, studio_pack

from quiz.game.selection import GameOptions
from quiz.game.session import Phase
from quiz.packs.catalog import discover
from quiz.packs.loader import load_pack, load_pack_bytes
from quiz.packs.model import QuestionType
from quiz.ui.screens.problems import ProblemsScreen
from quiz.ui.screens.results import ResultsScreen
from quiz.ui.screens.setup import SetupScreen
from quiz.ui.screens.source import SourceScreen
from quiz.ui.widgets.choices import Choices
from quiz.ui.widgets.pack_list import PackList

HOSTILE = ("[bold]", "[/", "[$accent]x[/]", "[@click=app.quit]x[/]", "[link='x']y[/link]")


def rendered(widget: Widget) -> str:
    """The text a widget (and, for a container, each Static in it) draws, line by line."""
    parts = [widget, *widget.query(Static)] if widget.children else [widget]
    lines = [line for part in parts for line in part.render_lines(Region(0, 0, *part.region.size))]
    return "\n".join(line.text.rstrip() for line in lines)


def shows(widget: Widget, text: str) -> bool:
    """Whether the widget's drawn text contains `text` exactly."""
    return text in rendered(widget)


async def test_markup_in_every_pack_field_is_shown_as_written() -> None:
    pack = load_pack(UI_FIXTURES / "hostile.yaml")
    used = " ".join(
        [pack.title, pack.description or ""]
        + [q.prompt for q in pack.questions]
        + [o for q in pack.questions for o in q.options]
    )
    assert all(marker in used for marker in HOSTILE)  # the fixture really is hostile
    app = make_app([pack])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        home = app.screen.query_one(PackList)
        assert shows(home, pack.title) and shows(home, pack.description)

        await pilot.press("s")
        await settle(pilot)
        setup = app.screen
        assert isinstance(setup, SetupScreen)
        assert shows(setup.query_one("#title"), f"Set up: {pack.title}")
        for category in pack.categories:
            assert shows(setup.query_one("#categories"), category)
        setup.query_one("#seed").value = "11"
        await pilot.press("ctrl+s")
        await settle(pilot)

        game = app.screen
        seen_types = set()
        while game.session.phase is not Phase.FINISHED:
            asked = game.session.current
            question = asked.question
            seen_types.add(question.type)
            assert shows(game.query_one("#prompt"), question.prompt)
            assert pack.title in rendered(game.query_one("#meta"))
            if question.type is QuestionType.CHOICE:
                choices = game.query_one(Choices)
                for number, option in enumerate(asked.options, start=1):
                    assert shows(choices, f"{number}  {option}")
                # Click the option whose text is an app.quit "action": it only answers.
                await pilot.click(Choices, offset=(6, asked.options.index(question.answer)))
            elif question.type is QuestionType.TRUE_FALSE:
                await pilot.press("t")
            else:
                if question.unit:
                    assert shows(game.query_one("#unit"), question.unit)
                await pilot.press(*str(question.answer_text.split(" ")[0]), "enter")
            await pilot.pause()
            assert app.is_running
            reveal = game.query_one("#reveal")
            assert shows(reveal, f"Answer: {question.answer_text}")
            if question.explanation:
                assert shows(reveal, question.explanation)
            if question.source:
                assert shows(reveal, f"“{question.source.text}”")
                assert shows(reveal, "— [@click=app.quit]Quit[/] title, [link='x']y[/link] press")
            await pilot.press("n")
            await pilot.pause()
        assert seen_types == set(QuestionType)

        await settle(pilot)
        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert results.summary.right == len(pack.questions)
        table = results.query_one(DataTable)
        for row, record in enumerate(results.summary.records):
            cells = [str(cell) for cell in table.get_row_at(row)]
            assert cells[2] == record.asked.question.prompt
            assert cells[4] == record.asked.question.answer_text
        assert shows(table, "[bold]")
        first_choice = next(
            n for n, r in enumerate(results.summary.records) if r.asked.question.id == "pick"
        )
        for _ in range(first_choice):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SourceScreen)
        assert shows(dialog.query_one("#prompt", Static), dialog.record.asked.question.prompt)
        assert shows(dialog.query_one("#quote"), dialog.record.asked.question.source.text)
        assert app.is_running


RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
BIDI_PACK = """format: 1
id: bidi
title: "Bidi \\u202e pack"
questions:
  - id: pick
    prompt: "Which file is safe?"
    answer: "report\\u202etxt.exe"
    distractors: ["notes\\u2066.txt"]
"""


async def test_control_and_bidi_characters_show_as_escapes_in_game_and_results() -> None:
    pack = load_pack_bytes(BIDI_PACK.encode())
    # The loader refuses control characters; one that came by another road (a cache, a
    # future importer) must still be shown harmlessly.
    question = replace(pack.questions[0], prompt="Which \x1b[2J file is safe?")
    pack = replace(pack, questions=(question,))
    app = make_app([pack], start=GameOptions(seed=1))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        game = app.screen
        prompt, choices = rendered(game.query_one("#prompt")), rendered(game.query_one(Choices))
        assert "Which \\x1b[2J file is safe?" in prompt and RAW.search(prompt) is None
        assert "report\\u202etxt.exe" in choices and "notes\\u2066.txt" in choices
        assert RAW.search(choices) is None
        await pilot.press(str(game.session.current.options.index(question.answer) + 1), "n")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        table = rendered(app.screen.query_one(DataTable))
        assert "Which \\x1b[2J file is safe?" in table and "report\\u202etxt.exe" in table
        assert RAW.search(table) is None


async def test_a_file_name_with_control_characters_shows_escaped_in_home_and_problems(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bad\x1b[2J\u202e\n.yaml"
    path.write_text("format: 1\nid: bad\n", encoding="utf-8")
    (tmp_path / "none").mkdir()
    catalog = discover(tmp_path / "data", [path], env={}, builtin=tmp_path / "none")
    app = make_app([studio_pack()], entries=catalog.entries)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        listed = rendered(app.screen.query_one(PackList))
        assert "bad\\x1b[2J\\u202e\\n.yaml" in listed and RAW.search(listed) is None
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        for part in ("#title", "#problems"):  # their text, before it wraps to the dialog
            shown = str(app.screen.query_one(part, Static).render())
            assert "bad\\x1b[2J\\u202e\\n.yaml" in shown and RAW.search(shown) is None

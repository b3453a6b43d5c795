"""Pack text full of Textual markup is shown exactly as written and never acted on."""

from __future__ import annotations

from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import DataTable, Static
from ui_helpers import UI_FIXTURES, make_app, settle

from quiz.game.session import Phase
from quiz.packs.loader import load_pack
from quiz.packs.model import QuestionType
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
        assert shows(dialog.query_one(".quote"), dialog.record.asked.question.source.text)
        assert app.is_running

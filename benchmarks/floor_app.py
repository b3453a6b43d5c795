"""Textual alone doing what quiz's two slowest keys do (used by benchmarks/textual_floor.py).

Key 1 hides a list of options and its hint and shows a reveal-like block of seven widgets
in place, as an answer does; key n puts the question back; key s pushes a new screen
built like setup's form (radio sets, selection lists, an input, buttons, a footer); Esc
pops it. No quiz code: what these cost here is Textual's floor for such a change.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    Footer,
    Input,
    OptionList,
    RadioButton,
    RadioSet,
    SelectionList,
    Static,
)
from textual.widgets.selection_list import Selection

QUESTION = "Question 1 of 20"
START = "Start (ctrl+s)"


class FormScreen(Screen):
    """A form shaped like setup's."""

    BINDINGS = [("escape", "app.pop_screen", "Back"), ("ctrl+s", "app.bell", "Start")]

    def compose(self) -> ComposeResult:
        yield Static("Set up: a pack")
        with VerticalScroll(), Horizontal():
            with Vertical():
                with RadioSet():
                    for label in ("5", "10", "20", "All 60"):
                        yield RadioButton(label, value=label == "10")
                with RadioSet():
                    for label in ("Off", "15 s", "30 s"):
                        yield RadioButton(label, value=label == "Off")
                yield Input(placeholder="random")
            with Vertical():
                yield SelectionList[str](
                    *(Selection(f"category {i} ({i})", str(i)) for i in range(4))
                )
                yield SelectionList[str](*(Selection(d, d) for d in ("easy", "medium", "hard")))
                with RadioSet():
                    for label in ("10", "20", "50"):
                        yield RadioButton(label)
        with Horizontal():
            yield Button(START, variant="primary")
            yield Button("Back (Esc)")
            yield Static("60 questions match")
        yield Footer()


class FloorApp(App[None]):
    """A question-shaped screen whose reveal is shown and hidden in place."""

    BINDINGS = [("1", "reveal", "Answer"), ("n", "ask", "Next"), ("s", "form", "Setup")]
    CSS = "#reveal, #choices { height: auto; }"
    answers = 0

    def compose(self) -> ComposeResult:
        yield Static(f"{QUESTION}   Score 0   Streak 0")
        with VerticalScroll():
            yield Static("Pack · production · easy")
            yield Static("Which was used on the shoot of scene 1?", id="prompt")
            yield OptionList("1  Answer", "2  Wrong a", "3  Wrong b", "4  Wrong c", id="choices")
            yield Static("Press 1-4, or ↑↓ and Enter, or click an option.", id="hint")
            with Vertical(id="reveal"):
                yield Static("✗ Wrong")
                yield Static("+0 points")
                yield Static("Your answer: Wrong a   Answer: Answer")
                yield Static("Scene 1 needed it.")
                yield Static(id="quote")
                yield Static("— Source, Press, 10 January 2025")
                yield Button("Next (n)", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#reveal").display = False

    def action_reveal(self) -> None:
        self.answers += 1
        self.query_one("#quote", Static).update(f"They used answer {self.answers}, he said.")
        self._asking(False)

    def action_ask(self) -> None:
        self.query_one("#prompt", Static).update(f"Question {self.answers + 1}?")
        self._asking(True)

    def _asking(self, asking: bool) -> None:
        self.query_one("#choices").display = asking
        self.query_one("#hint").display = asking
        self.query_one("#reveal").display = not asking

    def action_form(self) -> None:
        self.push_screen(FormScreen())


if __name__ == "__main__":
    FloorApp().run()

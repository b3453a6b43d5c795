"""The help screen lists every key each screen binds, so a new key cannot go unexplained."""

from __future__ import annotations

import pytest
from textual.binding import Binding

from quiz.ui.screens.help import LEFT, RIGHT
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.results import ResultsScreen
from quiz.ui.screens.setup import SetupScreen
from quiz.ui.screens.source import SourceScreen
from quiz.ui.screens.stats import StatsScreen

# Which help sections explain which screen's keys.
SECTIONS = {
    HomeScreen: ("Home",),
    SetupScreen: ("Setup",),
    QuestionScreen: ("Question", "Answer shown"),
    ResultsScreen: ("Results",),
    SourceScreen: ("Anywhere", "Answer shown"),
    StatsScreen: ("Stats",),
}
NAMES = {"escape": "Esc", "esc": "Esc", "enter": "Enter", "space": "Space"}


def help_keys(titles: tuple[str, ...]) -> set[str]:
    """The key words in the named help sections ('h or Esc' gives h, Esc)."""
    sections = dict(LEFT + RIGHT)
    return {word for title in titles for key, _ in sections[title] for word in key.split()}


def shown(binding: Binding) -> str:
    key = binding.key_display or binding.key.split(",")[0]
    return "1..N" if key.isdigit() else NAMES.get(key, key)


@pytest.mark.parametrize("screen", list(SECTIONS), ids=lambda s: s.__name__)
def test_every_key_a_screen_binds_is_in_its_help_section(screen: type) -> None:
    keys = {shown(b) for b in screen.BINDINGS if isinstance(b, Binding) and b.description}
    assert keys, f"{screen.__name__} binds no keys?"
    missing = keys - help_keys(SECTIONS[screen])
    assert not missing, f"help does not explain {sorted(missing)} on {screen.__name__}"

"""Each screen and widget keeps its styles beside it, and only what is shown is parsed."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from ui_helpers import make_app, settle

from quiz.game.selection import GameOptions

UI = Path(__file__).resolve().parents[2] / "quiz" / "ui"
STYLE_FILES = sorted(p for p in UI.rglob("*.tcss") if p.parent != UI)  # app.tcss is global
SELECTORS = re.compile(r"(?m)^([^\s/{}][^{]*?)\s*\{")


def owner_of(style_file: Path) -> type:
    """The class whose DEFAULT_CSS is this file's text."""
    module = importlib.import_module(
        ".".join(style_file.relative_to(UI.parent.parent).with_suffix("").parts)
    )
    text = style_file.read_text(encoding="utf-8")
    owners = [c for c in vars(module).values() if getattr(c, "DEFAULT_CSS", None) == text]
    assert len(owners) == 1, f"no class of {module.__name__} uses {style_file.name}"
    return owners[0]


@pytest.mark.parametrize("style_file", STYLE_FILES, ids=lambda p: p.name)
def test_every_rule_in_a_class_style_file_starts_with_the_class_name(style_file: Path) -> None:
    # Textual scopes a class's DEFAULT_CSS to that class: a rule that started with another
    # name would be read as "inside the class" and quietly never match.
    name = owner_of(style_file).__name__
    selectors = [
        part.strip()
        for group in SELECTORS.findall(style_file.read_text(encoding="utf-8"))
        for part in group.split(",")
    ]
    assert selectors
    assert [s for s in selectors if not re.match(rf"{name}\b", s)] == []


async def test_the_first_question_parses_only_the_styles_it_shows() -> None:
    app = make_app(start=GameOptions(count=2, seed=1))  # a typed question first
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        parsed = {class_var for _, class_var in app.stylesheet.source}
        shown = {"QuestionScreen.DEFAULT_CSS", "CompactButton.DEFAULT_CSS"}
        assert shown <= parsed
        not_shown = {f"{owner_of(p).__name__}.DEFAULT_CSS" for p in STYLE_FILES} - shown
        assert "HomeScreen.DEFAULT_CSS" in not_shown
        assert parsed & (not_shown | {"Button.DEFAULT_CSS"}) == set()

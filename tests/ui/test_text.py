"""Pack text for the screen: never markup, never terminal control characters."""

from __future__ import annotations

from quiz.packs.model import Excerpt
from quiz.ui.text import excerpt_content, plain


def test_plain_keeps_markup_as_text_and_shows_control_characters_harmlessly() -> None:
    assert str(plain("[bold]x[/] \x1b]0;PWNED\x07", "bold")) == "[bold]x[/] \ufffd]0;PWNED\ufffd"
    assert str(plain("tab\tand\nnewline")) == "tab\tand\nnewline"


def test_excerpt_highlight_still_lines_up_after_a_control_character() -> None:
    content = excerpt_content(Excerpt(ref="s", text="a\x1bb answer", highlight="answer"))
    assert str(content) == "“a\ufffdb answer”"
    [span] = [s for s in content.spans if "underline" in str(s.style)]
    assert str(content)[span.start : span.end] == "answer"

"""Pack text for the screen: never markup, never terminal control or bidi characters."""

from __future__ import annotations

from quiz.packs.model import Excerpt
from quiz.ui.text import excerpt_content, plain


def test_plain_keeps_markup_as_text_and_shows_control_characters_as_escapes() -> None:
    assert str(plain("[bold]x[/] \x1b]0;PWNED\x07", "bold")) == "[bold]x[/] \\x1b]0;PWNED\\x07"
    assert str(plain("evil\u202etxt.exe")) == "evil\\u202etxt.exe"


def test_plain_keeps_line_breaks_but_shows_tabs_as_escapes() -> None:
    assert str(plain("tab\tand\nnewline")) == "tab\\tand\nnewline"


def test_excerpt_highlight_still_lines_up_after_control_and_bidi_characters() -> None:
    excerpt = Excerpt(ref="s", text="a\x1bb \u202e\nthe answer", highlight="answer")
    content = excerpt_content(excerpt)
    assert str(content) == "“a\\x1bb \\u202e\nthe answer”"
    [span] = [s for s in content.spans if "underline" in str(s.style)]
    assert str(content)[span.start : span.end] == "answer"


def test_a_highlight_holding_an_escaped_character_is_emphasised_whole() -> None:
    content = excerpt_content(Excerpt(ref="s", text="say \u202ehi\u202c now", highlight="\u202ehi"))
    [span] = [s for s in content.spans if "underline" in str(s.style)]
    assert str(content)[span.start : span.end] == "\\u202ehi"

"""printable(): control and bidi characters written as escapes, one character at a time."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.packs.printable import printable

BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def unsafe(char: str) -> bool:
    """A character that acts on a terminal, reorders text, or breaks a line."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp")  # controls, surrogates, separators
        or code in BIDI
    )


# Text rich in what matters: controls, bidi, separators, surrogates, backslashes, and words.
texts = st.text(
    st.one_of(
        st.characters(),
        st.sampled_from(["\x1b", "\x9b", "\x7f", "\n", "\t", "\r", "\\", "\u202e", "\u2066",
                         "\u200f", "\u2028", "\udcff", "é", "日"]),
    )
)  # fmt: skip


@given(texts)
def test_printable_text_never_holds_an_unsafe_character(text: str) -> None:
    assert not any(unsafe(char) for char in printable(text))


@given(texts, texts)
def test_printable_maps_character_by_character(a: str, b: str) -> None:
    assert printable(a + b) == printable(a) + printable(b)


@given(texts)
def test_printable_is_idempotent_and_leaves_safe_text_alone(text: str) -> None:
    assert printable(printable(text)) == printable(text)
    safe = "".join(char for char in text if not unsafe(char))
    assert printable(safe) == safe


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("a\u202egnp.exe", "a\\u202egnp.exe"),
        ("two\nlines\tand\rreturn", "two\\nlines\\tand\\rreturn"),
        ("\x9b31m\x7f", "\\x9b31m\\x7f"),
        ("\u2066x\u2069 \u200e\u061c", "\\u2066x\\u2069 \\u200e\\u061c"),
        ("bytes-\udcff.yaml", "bytes-\\udcff.yaml"),
        ("C:\\packs\\é 日本 🎬\u00a0", "C:\\packs\\é 日本 🎬\u00a0"),
    ],
)
def test_printable_escapes(text: str, shown: str) -> None:
    assert printable(text) == shown

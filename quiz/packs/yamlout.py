"""Writing pack YAML safely: every text as a double-quoted scalar that reads back exactly."""

from __future__ import annotations

from collections.abc import Iterable

# YAML escapes for the characters that may not appear raw in a double-quoted scalar.
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def quote(text: str) -> str:
    """text as a YAML double-quoted scalar that reads back as the same string.

    Printable characters are kept as they are (so accents stay readable); control
    characters, YAML's extra line breaks (NEL, U+2028, U+2029), the BOM and non-characters
    are written as escapes. A lone surrogate (not Unicode text) raises ValueError.
    """
    return '"' + "".join(_escape(char) for char in text) + '"'


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        raise ValueError(f"lone surrogate U+{code:04X} is not Unicode text")
    if _printable(code):
        return char
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _printable(code: int) -> bool:
    # The YAML printable set, less the characters YAML 1.1 treats as line breaks.
    if code in (0x85, 0x2028, 0x2029, 0xFEFF):
        return False
    return (
        0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def quote_list(items: Iterable[str]) -> str:
    """A flow list of quoted texts: ["one", "two"]."""
    return "[" + ", ".join(quote(item) for item in items) + "]"

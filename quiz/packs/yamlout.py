"""Writing pack YAML safely: every text as a double-quoted scalar that reads back exactly."""

from __future__ import annotations

import re
from collections.abc import Iterable

# YAML escapes for the characters that may not appear raw in a double-quoted scalar.
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
# What must be escaped: the two YAML specials, then everything outside YAML's printable
# set, and the characters YAML 1.1 treats as line breaks (NEL, U+2028, U+2029) and the
# BOM, which are inside it. Lone surrogates match too, and are refused.
_UNSAFE = re.compile(
    '["\\\\]|[^\\x20-\\x7e\\xa0-\\u2027\\u202a-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd'
    "\\U00010000-\\U0010ffff]"
)


def quote(text: str) -> str:
    """text as a YAML double-quoted scalar that reads back as the same string.

    Printable characters are kept as they are (so accents stay readable); control
    characters, YAML's extra line breaks (NEL, U+2028, U+2029), the BOM and non-characters
    are written as escapes. A lone surrogate (not Unicode text) raises ValueError.
    """
    if _UNSAFE.search(text) is None:  # most text: nothing to escape
        return f'"{text}"'
    return '"' + _UNSAFE.sub(_escape, text) + '"'


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        raise ValueError(f"lone surrogate U+{code:04X} is not Unicode text")
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def quote_list(items: Iterable[str]) -> str:
    """A flow list of quoted texts: ["one", "two"]."""
    return "[" + ", ".join(quote(item) for item in items) + "]"

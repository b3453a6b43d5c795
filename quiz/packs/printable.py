"""Terminal-safe text: printable() for every line and widget that shows untrusted text.

Pack text, file names, paths and saved history are untrusted. `printable(text)` writes
each character that could act on a terminal, or reorder what is shown, as a visible
escape, and leaves every other character alone:

- C0 control characters (ESC included), DEL and C1 control characters become `\\x1b`,
  `\\x7f`, `\\x9b` and so on. Tab, newline and carriage return are among them (`\\t`,
  `\\n`, `\\r`): a line the CLI prints stays one line, whatever a file name holds.
- Bidirectional overrides, embeddings, isolates and marks (U+202A-U+202E,
  U+2066-U+2069, U+200E, U+200F, U+061C), which can make text read differently from
  what it is, and the line and paragraph separators U+2028 and U+2029, become `\\u202e`
  and so on.
- Lone surrogates (how Python holds the bytes of a file name that is not UTF-8) become
  `\\udcff` and so on, so printing such a name never fails.

The mapping goes character by character, so printable(a + b) == printable(a) +
printable(b), and an offset found in printable text stays right. A backslash is left as
it is (Windows paths hold them), so printable is also idempotent. Widgets that show
multi-line pack text (a prompt, an excerpt) keep its line breaks and make each line
printable (quiz.ui.text.visible); names and paths are printable whole, on one line
(quiz.ui.text.one_line), as every CLI line is (quiz.commands.output.say).

CONTROL is the narrower rule of what pack text refuses: control characters other than
tab and newline. Kept apart from the loader so the UI can use it without importing YAML.
"""

from __future__ import annotations

import re

__all__ = ["CONTROL", "UNSAFE", "printable"]

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)


_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def printable(text: str) -> str:
    """`text` with every character that could act on a terminal written as an escape."""
    return UNSAFE.sub(_escape, text)

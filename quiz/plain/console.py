"""The plain interface's terminal: lines out, each made printable; answers in, a line each."""

from __future__ import annotations

from typing import BinaryIO, TextIO

from quiz.packs.printable import printable

_CHUNK = 64 * 1024  # bytes of an over-long line read (and dropped) at a time


class TooLong(Exception):
    """The line typed was longer than the answer may be (the rest of it was skipped)."""


class Console:
    """Writes lines to OUT (notices to ERR) and reads answers from IN, a line at a time.

    Every line goes out through printable(), so no pack text, typed answer or saved row
    can reach the terminal as an escape sequence; a text's own line breaks are kept as
    separate lines. When the answers come from a pipe (ECHO), each is written after its
    prompt, so the output reads as the game went.
    """

    def __init__(self, stdin: BinaryIO, out: TextIO, err: TextIO, echo: bool = False) -> None:
        self._in, self._out, self._err, self._echo = stdin, out, err, echo

    def say(self, text: str = "") -> None:
        """Print TEXT, one printable line for each of its lines."""
        self._out.write("".join(printable(line) + "\n" for line in text.split("\n")))
        self._out.flush()

    def warn(self, text: str) -> None:
        """Print one printable line to the error stream."""
        self._out.flush()
        self._err.write(printable(text) + "\n")
        self._err.flush()

    def ask(self, prompt: str, most: int) -> str | None:
        """The next line typed after PROMPT, without its line ending; None at end of input.
        A line of more than MOST characters raises TooLong, and is never held whole."""
        self._out.write(printable(prompt))
        self._out.flush()
        raw = self._in.readline(4 * most + 3)  # MOST characters of UTF-8, and \r\n
        if not raw:
            self._out.write("\n")
            self._out.flush()
            return None
        # Typed bytes are untrusted: what is not UTF-8 is kept visible, never fatal.
        text = raw.decode("utf-8", "replace").rstrip("\r\n")
        if len(text) > most or not raw.endswith(b"\n") and len(raw) > 4 * most:
            while raw and not raw.endswith(b"\n"):
                raw = self._in.readline(_CHUNK)
            if self._echo:
                self._out.write(f"(a line of more than {most} characters)\n")
                self._out.flush()
            raise TooLong
        if self._echo:
            self._out.write(printable(text) + "\n")
            self._out.flush()
        return text

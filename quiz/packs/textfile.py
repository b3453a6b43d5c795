"""The text of a file to import: UTF-8 (a BOM is fine), or one line saying where it is not."""

from __future__ import annotations

from quiz.packs.drafts import ImportFailed
from quiz.packs.files import MAX_BYTES


def decode(data: bytes, name: str, what: str) -> str:
    """DATA as text, CRLF and CR line ends made LF; ImportFailed naming the line and column
    of a NUL or of the first byte that is not UTF-8. WHAT names the format for the advice."""
    if len(data) > MAX_BYTES:
        raise ImportFailed([f"{name}:1:1: error: the file is over the 16 MiB limit; split it"])
    if b"\x00" in data:
        line, column = _place(data, data.index(b"\x00"))
        raise ImportFailed(
            [
                f"{name}:{line}:{column}: error: the file holds a NUL byte, so it is not {what} "
                "text; save it as UTF-8 text"
            ]  # fmt: skip
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        line, column = _place(data, start)
        raise ImportFailed(
            [
                f"{name}:{line}:{column}: error: byte 0x{data[start]:02x} is not UTF-8; "
                "save the file as UTF-8"
            ]  # fmt: skip
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _place(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    return line, len(data[line_start:offset].decode("utf-8", errors="replace")) + 1

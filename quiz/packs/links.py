"""Which source URLs may be followed: the one rule the game, plain mode and the exports share."""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

from quiz.packs.printable import printable


def followable(url: str | None) -> str | None:
    """The URL if a browser may be sent to it: http or https, a host, and nothing a
    terminal would act on or a reader could misread (no control, bidi, space or invisible
    format characters, such as a zero-width space inside a host, and no user name before
    the host); None otherwise. Pack
    text is untrusted: no file:, javascript: or the like.
    """
    if not url or printable(url) != url:
        return None
    if any(c.isspace() or unicodedata.category(c) == "Cf" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # a malformed IPv6 host, say
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if "@" in parts.netloc:  # "https://apple.com@evil.example" reads as one host, goes to another
        return None
    return url

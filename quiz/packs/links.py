"""Which source URLs may be followed: the one rule the game, plain mode and the exports share."""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import SplitResult, urlsplit

from quiz.packs.printable import printable

# A host a reader reads as the browser does: ASCII labels of letters, digits and hyphens,
# the last starting with a letter (so "2130706433" or "0x7f.1", which browsers read as
# 127.0.0.1, are not names). A look-alike letter, a percent escape or a dot from another
# script ("apple.com%2eevil.example", "apple.com。evil.example") is refused, not decoded.
_NAME = re.compile(
    r"(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?\.?", re.ASCII
)
# A bracketed IPv6 host, then an optional port: nothing after the bracket ("[::1]evil.com"
# is not what a reader takes it for) and no zone ("%eth0"), which browsers refuse.
_IPV6_NETLOC = re.compile(r"\[[0-9a-f:.]+\](?::\d*)?", re.ASCII | re.IGNORECASE)
_IPV4 = re.compile(
    r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}"
)


def followable(url: str | None) -> str | None:
    """The URL if a browser may be sent to it (see why_not_followable); None otherwise."""
    return url if url and why_not_followable(url) is None else None


def why_not_followable(url: str) -> str | None:
    """Why a browser must not be sent to URL, as the end of a sentence ("it ..."), or None
    when it may: http or https, a host of plain ASCII letters, digits, dots, hyphens and
    underscores (or a plain IP address), a port from 0 to 65535 if any, and nothing a
    terminal would act on or a reader could misread: no control, bidi or space character,
    none that draws nothing, no backslash before the query (browsers read one as "/"), no
    user name before the host. A path may be in any script. Pack text is untrusted.
    """
    if printable(url) != url or any(char.isspace() for char in url):
        return "holds a space, or a control or bidi character"
    if any(_hidden(char) for char in url):
        return "holds a character that draws nothing (such as a zero-width space)"
    if "\\" in re.split(r"[?#]", url, maxsplit=1)[0]:
        return "holds a backslash before its query, which browsers read as '/'"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - reading it checks it: ValueError past 65535 or not a number
    except ValueError:
        return "is not a well-formed address (its host or port cannot be read)"
    if parts.scheme.lower() not in ("http", "https"):
        return "is not an http or https address"
    if not parts.hostname:
        return "has no host"
    if "@" in parts.netloc:  # "https://apple.com@evil.example" reads as one host, goes to another
        return "has a user name before the host, so it reads as one site and opens another"
    if not _plain_host(parts):
        return ("has a host that is not plain ASCII letters, digits, dots and hyphens "
                "(or an IP address)")  # fmt: skip
    return None


# Joiners that scripts such as Persian, and emoji sequences, need in a path: not hidden.
_JOINERS = "\u200c\u200d"
_FILLERS = "\u2800\u3164\uffa0\u115f\u1160"  # the braille blank, Hangul fillers


def shown_url(url: str) -> str:
    """URL as a message quotes it: printable, with each character that draws nothing
    written as an escape (\\u200b), so the author can see where it is."""
    return "".join(f"\\u{ord(c):04x}" if _hidden(c) else c for c in printable(url))


def _hidden(char: str) -> bool:
    """A format character (a zero-width space, a soft hyphen) or a filler that draws
    nothing. Marks that join a letter (Hindi, Thai, a decomposed accent) are text in a
    path; the host's own rule keeps everything but ASCII out of a host."""
    if char in _JOINERS:
        return False
    return unicodedata.category(char) == "Cf" or char in _FILLERS


def _plain_host(parts: SplitResult) -> bool:
    host = parts.hostname or ""
    if parts.netloc.startswith("["):
        if not _IPV6_NETLOC.fullmatch(parts.netloc):
            return False
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return False
        return True
    return bool(_IPV4.fullmatch(host) or _NAME.fullmatch(host))

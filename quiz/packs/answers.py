"""What "the same answer" means: one normalisation for the loader, the importers and the judge."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

__all__ = ["answer_key", "answer_parts", "clashes", "normalise", "same_answer"]

_ARTICLES = ("the", "a", "an")
_APOSTROPHES = str.maketrans("", "", "'\u2019\u02bc\u2018`")
# Characters that show nothing, so "Pa\u200bris" must be "Paris": format characters
# (category Cf: zero-width space and joiners, soft hyphen, word joiner, BOM, bidi marks,
# tags) and these default-ignorable ones of other categories. They are dropped, where
# other symbols become spaces.
_INVISIBLE = {
    0x034F,  # combining grapheme joiner
    0x115F, 0x1160, 0x3164, 0xFFA0,  # Hangul fillers
    *range(0x180B, 0x1810),  # Mongolian free variation selectors
    *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0),  # variation selectors
}  # fmt: skip
# Letters of other alphabets drawn like a Latin letter, read as that letter, so "Pariѕ"
# (with a Cyrillic ѕ) and "Раris" (Cyrillic Р, а) are "Paris". The keys are lower case,
# since this comes after casefold. Cyrillic: every letter drawn like a Latin one in
# either case (В, К, М, Т only as capitals), with no two mapped to one Latin letter, so
# no two Cyrillic words merge (Н, like H, is left out for Һ). Greek: only ο, ϲ and ϳ,
# drawn like o, c and j in lower case too. Other Greek letters are symbols beside Latin
# ones in science (ρ and p, η and h, μ in µm), which must stay apart.
_LOOK_ALIKES = str.maketrans({
    # Cyrillic а в е і ј к м о р с т у х ѕ һ ԁ ԛ ԝ ӏ
    "\u0430": "a", "\u0432": "b", "\u0435": "e", "\u0456": "i", "\u0458": "j", "\u043a": "k",
    "\u043c": "m", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0442": "t", "\u0443": "y",
    "\u0445": "x", "\u0455": "s", "\u04bb": "h", "\u0501": "d", "\u051b": "q", "\u051d": "w",
    "\u04cf": "l",
    # Greek ο ϲ ϳ
    "\u03bf": "o", "\u03f2": "c", "\u03f3": "j",
})  # fmt: skip
# For ASCII text, where the Unicode steps change nothing: apostrophes go, and every
# character that is not a letter or digit becomes a space.
_ASCII = str.maketrans(
    {c: (None if c in "'`" else " ") for c in map(chr, range(128)) if not c.isalnum()}
)


def normalise(text: str) -> str:
    """Fold `text` for comparison.

    NFKC, casefold, accents stripped, invisible characters (zero-width space, soft
    hyphen, ...) dropped, Cyrillic and Greek look-alikes of Latin letters read as those
    letters (_LOOK_ALIKES), & -> and, apostrophes dropped ("don't" == "dont"), other
    punctuation, symbols and hyphens become spaces, spaces collapse, and leading
    articles (the/a/an) go when more words follow. Normalising twice changes nothing.
    Text with no letters or digits (only punctuation or symbols) normalises to "".
    """
    if text.isascii():  # most answers: ASCII needs none of the Unicode steps
        text = text.lower().replace("&", " and ").translate(_ASCII)
    else:
        text = unicodedata.normalize("NFKC", text).casefold()
        text = _without_accents(text)
        text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
        text = "".join(c for c in text if not _invisible(c)).translate(_LOOK_ALIKES)
        text = text.translate(_APOSTROPHES)
        text = "".join(" " if unicodedata.category(c)[0] in "PSZC" else c for c in text)
    words = text.split()
    while len(words) > 1 and words[0] in _ARTICLES:
        words.pop(0)
    return " ".join(words)


_ACCENTED_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")


def _without_accents(text: str) -> str:
    """Drop the accents of Latin, Greek and Cyrillic letters ("é" is "e"). Other scripts'
    marks are part of their letters and stay: kana's dakuten (バス is not パス), Devanagari's
    virama."""
    kept = []
    accented = False
    for char in unicodedata.normalize("NFKD", text):
        if not unicodedata.combining(char):
            accented = unicodedata.name(char, "").startswith(_ACCENTED_SCRIPTS)
        elif accented:
            continue
        kept.append(char)
    return "".join(kept)


def _invisible(char: str) -> bool:
    return ord(char) in _INVISIBLE or unicodedata.category(char) == "Cf"


def same_answer(a: str, b: str) -> bool:
    """Whether the game takes `a` and `b` for the same answer (their answer_key is one)."""
    return answer_key(a) == answer_key(b)


# --- Symbols that tell answers apart -------------------------------------------------
# normalise() drops every symbol, so "C++", "C#" and "C" would all be "c", and "💯" or
# "..." would be nothing a player could type. answer_key() keeps what normalise drops
# wherever it would change which answer is meant; normalise itself stays as it is.

# Kept besides Unicode's symbol categories (Sm Sc Sk So: + = < > ~ | $ € ° © ∞, emoji):
# these mark a different answer too ("C#", "100%").
_MEANINGFUL = frozenset("#%")
_HYPHENS = frozenset("-\u2010\u2011")
# Symbols that stand for punctuation: a backtick typed as an apostrophe, the fraction
# slash NFKC makes of "½" (typed "1/2").
_IGNORED_SYMBOLS = frozenset("`\u2044")
# Emoji and text presentation selectors: "💯" typed with or without one is the same.
_VARIATIONS = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
# The ASCII characters that can be symbols: text with none of them keeps none.
_ASCII_MARKS = frozenset("$+<=>^|~#%-")
# Not typed by players: controls, zero-width joiners inside emoji, combining marks.
_UNTYPED = ("Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Me")


def answer_parts(text: str) -> tuple[str, str]:
    """The two things the game compares: the words (normalise) and the symbols.

    The symbols are, in order, the characters normalise drops that change which answer
    is meant: + = < > ~ ^ | $ € £ ° © ∞ emoji and the like, # and %, and a hyphen or
    minus at the start or end of a word ("A-", "-5") but not one joining words
    ("twenty-five"). When the words are empty ("💯", "∞", "..."), the symbols are every
    visible character, punctuation included.
    """
    text = _VARIATIONS.sub("", text)
    words = normalise(text)
    if words and text.isascii() and _ASCII_MARKS.isdisjoint(text):  # most answers: quick
        return words, ""
    folded = [c for c in unicodedata.normalize("NFKC", text).casefold() if _typed(c)]
    if not words:
        return "", "".join(c for c in folded if not c.isspace())
    kept: list[str] = []
    start = 0
    while start < len(folded):
        c = folded[start]
        if c in _HYPHENS:  # a run of hyphens counts when it touches a word on one side only
            end = start
            while end < len(folded) and folded[end] in _HYPHENS:
                end += 1
            before = start > 0 and folded[start - 1].isalnum()
            after = end < len(folded) and folded[end].isalnum()
            if before != after:
                kept.extend(folded[start:end])
            start = end
            continue
        if c in _MEANINGFUL or (unicodedata.category(c)[0] == "S" and c not in _IGNORED_SYMBOLS):
            kept.append(c)
        start += 1
    return words, "".join(kept)


def answer_key(text: str) -> str:
    """The form the game compares answers on: the loader (options must differ), the
    importers and the judge.

    Two texts are the same answer when their words (normalise) and their symbols (see
    answer_parts) both agree: "c ++" is "C++", but "C#" and "C" are not, nor "A-" for
    "A+"; "💯" is itself. "" only for text with nothing a player could type.
    """
    words, symbols = answer_parts(text)
    return f"{words}\0{symbols}" if symbols else words  # normalise never yields \0


def _typed(c: str) -> bool:
    return unicodedata.category(c) not in _UNTYPED


def clashes(options: Sequence[str]) -> Iterator[tuple[int, int | None]]:
    """The options the game could not tell apart, in order: (i, None) for option i with
    nothing a player could type, (i, j) for option i that is the same answer as the
    earlier option j. The one rule for the loader and the importers."""
    seen: dict[str, int] = {}
    for number, option in enumerate(options):
        key = answer_key(option)
        if not key:
            yield number, None
        elif key in seen:
            yield number, seen[key]
        else:
            seen[key] = number

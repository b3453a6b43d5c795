"""Check that each question's excerpt is quoted verbatim from its source document."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from quiz.packs.files import FileRefused, read_bounded
from quiz.packs.model import Pack
from quiz.packs.problems import Problem

_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2013": "-", "\u2014": "-",
}  # fmt: skip
_ELLIPSIS = re.compile(r"\u2026|\.\.\.")


def fold(text: str) -> str:
    """Fold text for matching: NFKC, straight quotes, hyphens for dashes, one space per run."""
    if text.isascii():  # most excerpts: nothing for the Unicode steps to change
        return " ".join(text.split())
    # Dashes and quotes first: NFKC leaves them alone, and turns '…' into '...'.
    # str.split() splits on what str.isspace() calls space, as the regex \s does.
    return " ".join(unicodedata.normalize("NFKC", _straight(text)).split())


def fragments(excerpt: str) -> list[str]:
    """The parts of an excerpt that must each appear in order ('…' or '...' joins them)."""
    parts = (fold(part) for part in _ELLIPSIS.split(_straight(excerpt)))
    return [part for part in parts if part]


def missing_fragment(excerpt: str, document: str) -> str | None:
    """The first fragment of excerpt not found (in order) in document, or None if all are."""
    return missing_in_folded(excerpt, fold(document))


def missing_in_folded(excerpt: str, folded: str) -> str | None:
    """As missing_fragment, for a document already folded (fold it once, match it often)."""
    position = 0
    for part in fragments(excerpt):
        found = folded.find(part, position)
        if found < 0:
            return part
        position = found + len(part)
    return None


class Documents:
    """Source documents read and folded once, however many questions and packs cite them.

    One instance serves one check run; `fold` is there for tests to count the folding.
    """

    def __init__(self, folder: Path, fold: Callable[[str], str] | None = None) -> None:
        self.folder = folder
        self._fold = fold
        self._seen: dict[str, tuple[str | None, str | None]] = {}

    def folded(self, file: str) -> tuple[str | None, str | None]:
        """(the folded text, None), or (None, why it cannot be read) for a named file."""
        if file not in self._seen:
            self._seen[file] = self._read(file)
        return self._seen[file]

    def _read(self, file: str) -> tuple[str | None, str | None]:
        try:
            text = read_bounded(self.folder / file).decode("utf-8")
        except FileRefused as error:
            return None, (f"is not in {self.folder}; fix the name or add the file" if error.missing
                          else f"cannot be read: {error.reason}")  # fmt: skip
        except UnicodeDecodeError:
            return None, "is not UTF-8 text; save it as UTF-8"
        return (self._fold or fold)(text), None


def check_excerpts(pack: Pack, sources: Path | Documents) -> list[Problem]:
    """Problems with the pack's excerpts against the documents its sources name.

    `sources` is the folder of documents, or a Documents of it: give the same one for
    every pack of a run, and each document is read and folded once.
    """
    documents = sources if isinstance(sources, Documents) else Documents(sources)
    path = pack.path or "<pack>"
    problems: list[Problem] = []
    folded: dict[str, str] = {}
    for source in pack.sources:
        if not source.file:
            continue
        text, why = documents.folded(source.file)
        if text is not None:
            folded[source.id] = text
            continue
        message = f"source '{source.id}' names file '{source.file}', which {why}"
        problems.append(Problem(path, source.line, source.column, message))
    for question in pack.questions:
        excerpt = question.source
        if excerpt is None or excerpt.ref not in folded:
            continue
        missing = missing_in_folded(excerpt.text, folded[excerpt.ref])
        if missing is not None:
            shown = missing if len(missing) <= 60 else missing[:57] + "..."
            source = pack.source(excerpt.ref)
            file = source.file if source else excerpt.ref
            problems.append(Problem(path, excerpt.line, excerpt.column, f"excerpt of question "
                                    f"'{question.id}' is not verbatim in {file}: {shown!r} was not "
                                    "found (in order); copy the words exactly from the source"))  # fmt: skip
    return problems


def _straight(text: str) -> str:
    """Straight quotes and hyphens for curly quotes and dashes: one str.replace per
    character present, as str.translate goes a character at a time."""
    for char, plain in _FOLD.items():
        if char in text:
            text = text.replace(char, plain)
    return text

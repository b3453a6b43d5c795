"""Check that each question's excerpt is quoted verbatim from its source document."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from quiz.packs.files import FileRefused, read_bounded
from quiz.packs.model import Pack
from quiz.packs.problems import Problem
from quiz.packs.published import Published

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
        self._published: dict[str, Published] = {}

    def folded(self, file: str) -> tuple[str | None, str | None]:
        """(the folded text, None), or (None, why it cannot be read) for a named file."""
        if file not in self._seen:
            self._seen[file] = self._read(file)
        return self._seen[file]

    def published(self, file: str) -> Published:
        """The text as published, one space per run of white space (after folded() read it)."""
        return self._published[file]

    def _read(self, file: str) -> tuple[str | None, str | None]:
        try:
            text = read_bounded(self.folder / file).decode("utf-8")
        except FileRefused as error:
            return None, (f"is not in {self.folder}; fix the name or add the file" if error.missing
                          else f"cannot be read: {error.reason}")  # fmt: skip
        except UnicodeDecodeError:
            return None, "is not UTF-8 text; save it as UTF-8"
        self._published[file] = Published(text)
        return (self._fold or fold)(text), None


def check_excerpts(pack: Pack, sources: Path | Documents, exact: bool = False) -> list[Problem]:
    """Problems with the pack's excerpts against the documents its sources name.

    An excerpt found only once quotes, dashes and Unicode forms are folded is an error
    with `exact` (quoting the source's own text to paste) and a note without it.
    `sources` is the folder of documents, or a Documents of it: give the same one for
    every pack of a run, and each document is read and folded once.
    """
    documents = sources if isinstance(sources, Documents) else Documents(sources)
    path = pack.path or "<pack>"
    problems: list[Problem] = []
    files: dict[str, str] = {}
    for source in pack.sources:
        if not source.file:
            continue
        text, why = documents.folded(source.file)
        if text is not None:
            files[source.id] = source.file
            continue
        message = f"source '{source.id}' names file '{source.file}', which {why}"
        problems.append(Problem(path, source.line, source.column, message))
    for question in pack.questions:
        excerpt = question.source
        if excerpt is None or excerpt.ref not in files:
            continue
        file = files[excerpt.ref]
        folded, _ = documents.folded(file)
        assert folded is not None  # files holds only documents that were read
        found = _find_in_order(fragments(excerpt.text), folded)
        where = (path, excerpt.line, excerpt.column)
        if isinstance(found, str):
            shown = found if len(found) <= 60 else found[:57] + "..."
            problems.append(Problem(*where, f"excerpt of question '{question.id}' is not "
                                    f"verbatim in {file}: {shown!r} was not found (in order); "
                                    "copy the words exactly from the source"))  # fmt: skip
            continue
        published = documents.published(file)
        if _is_exact(excerpt.text, found, published, thorough=exact):
            continue
        if not exact:
            problems.append(Problem(*where, f"excerpt of question '{question.id}' matches "
                                    f"{file} only with its quotes, dashes or Unicode forms "
                                    "folded; quiz check --strict shows the source's exact text",
                                    severity="note"))  # fmt: skip
            continue
        as_published = _as_published(found, published)
        paste = (f"; the source has: {json.dumps(as_published, ensure_ascii=False)}" if as_published
                 else "; copy the characters exactly from the source")  # fmt: skip
        problems.append(Problem(*where, f"excerpt of question '{question.id}' is not exactly "
                                f"as published in {file}: quotes, dashes or Unicode forms "
                                f"differ{paste}"))  # fmt: skip
    return problems


def _find_in_order(parts: list[str], text: str) -> list[tuple[int, str]] | str:
    """Where each part starts in text, in order; or the first part not found."""
    found: list[tuple[int, str]] = []
    position = 0
    for part in parts:
        at = text.find(part, position)
        if at < 0:
            return part
        found.append((at, part))
        position = at + len(part)
    return found


def exact_fragments(excerpt: str) -> list[str]:
    """The excerpt's fragments as written, one space per run of white space."""
    parts = (" ".join(part.split()) for part in _ELLIPSIS.split(excerpt))
    return [part for part in parts if part]


def _is_exact(
    excerpt: str, found: list[tuple[int, str]], published: Published, thorough: bool
) -> bool:
    """Whether the excerpt is in the published text character for character (spacing aside).

    The folded match is at a known place in the published text, and one comparison there
    settles it, unless the document also has the same words again later in other quotes:
    only a `thorough` check (--strict) searches the whole text for that.
    """
    parts = exact_fragments(excerpt)
    text = published.text
    if len(parts) == len(found):
        places = [published.place(at) for at, _ in found]
        if all(text[p : p + len(part)] == part for p, part in zip(places, parts, strict=True)):
            return True
    return thorough and not isinstance(_find_in_order(parts, text), str)


def _as_published(found: list[tuple[int, str]], published: Published) -> str | None:
    """The published text of a folded match, fragments joined with ' … '; None if unsure."""
    texts = []
    for at, part in found:
        start = published.place(at)
        text = published.text[start : start + len(part)]
        if fold(text) != part or text != text.strip():  # a ligature inside it, say
            match = re.compile(_pattern(part)).search(published.text)
            if match is None:
                return None
            text = match.group()
        texts.append(text)
    return " … ".join(texts)


def _pattern(part: str) -> str:
    """A regex for published text folding to `part`, by quotes and dashes alone."""
    kinds = {"'": "'\u2018\u2019\u201a\u201b", '"': '"\u201c\u201d\u201e\u201f',
             "-": "\\-\u2013\u2014"}  # fmt: skip
    return "".join(f"[{kinds[c]}]" if c in kinds else re.escape(c) for c in part)


def _straight(text: str) -> str:
    """Straight quotes and hyphens for curly quotes and dashes: one str.replace per
    character present, as str.translate goes a character at a time."""
    for char, plain in _FOLD.items():
        if char in text:
            text = text.replace(char, plain)
    return text

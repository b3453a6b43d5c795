"""Check that each question's excerpt is quoted verbatim from its source document."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from quiz.packs.files import FileRefused, read_bounded
from quiz.packs.model import Pack
from quiz.packs.problems import Problem

_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2013": "-", "\u2014": "-",
})  # fmt: skip
_SPACES = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"\u2026|\.\.\.")


def fold(text: str) -> str:
    """Fold text for matching: NFKC, straight quotes, hyphens for dashes, one space per run."""
    # Dashes and quotes first: NFKC leaves them alone, and turns '…' into '...'.
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text.translate(_FOLD))).strip()


def fragments(excerpt: str) -> list[str]:
    """The parts of an excerpt that must each appear in order ('…' or '...' joins them)."""
    parts = (fold(part) for part in _ELLIPSIS.split(excerpt.translate(_FOLD)))
    return [part for part in parts if part]


def missing_fragment(excerpt: str, document: str) -> str | None:
    """The first fragment of excerpt not found (in order) in document, or None if all are."""
    folded = fold(document)
    position = 0
    for part in fragments(excerpt):
        found = folded.find(part, position)
        if found < 0:
            return part
        position = found + len(part)
    return None


def check_excerpts(pack: Pack, sources_dir: Path) -> list[Problem]:
    """Problems with the pack's excerpts against the documents its sources name."""
    path = pack.path or "<pack>"
    problems: list[Problem] = []
    documents: dict[str, str] = {}
    for source in pack.sources:
        if not source.file:
            continue
        try:
            documents[source.id] = read_bounded(sources_dir / source.file).decode("utf-8")
            continue
        except FileRefused as error:
            why = (f"is not in {sources_dir}; fix the name or add the file" if error.missing
                   else f"cannot be read: {error.reason}")  # fmt: skip
        except UnicodeDecodeError:
            why = "is not UTF-8 text; save it as UTF-8"
        message = f"source '{source.id}' names file '{source.file}', which {why}"
        problems.append(Problem(path, source.line, source.column, message))
    for question in pack.questions:
        excerpt = question.source
        if excerpt is None or excerpt.ref not in documents:
            continue
        missing = missing_fragment(excerpt.text, documents[excerpt.ref])
        if missing is not None:
            shown = missing if len(missing) <= 60 else missing[:57] + "..."
            source = pack.source(excerpt.ref)
            file = source.file if source else excerpt.ref
            problems.append(Problem(path, excerpt.line, excerpt.column, f"excerpt of question "
                                    f"'{question.id}' is not verbatim in {file}: {shown!r} was not "
                                    "found (in order); copy the words exactly from the source"))  # fmt: skip
    return problems

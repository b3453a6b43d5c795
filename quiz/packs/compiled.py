"""The questions of a compiled pack entry, each built (and checked) only when asked for."""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable, Sequence
from typing import Any, overload

from quiz.packs import entry
from quiz.packs.entry import Damaged
from quiz.packs.model import Difficulty, FactfulSequence, Question, QuestionFacts
from quiz.packs.packjson import Malformed, question_from_data
from quiz.packs.problems import PackError, Problem

Fallback = Callable[[], Sequence[Question]]
Rebuild = Callable[[Sequence[Question]], list[Any]]


class CompiledQuestions(FactfulSequence):
    """A pack's questions read from its open entry: question i is read, checked against
    its digest and the model's types, and built when first asked for.

    Should any part fail its checks (an entry edited by hand to still match its digests),
    every question comes from `fallback` instead (the pack file through the loader), so a
    game never meets a malformed question. `decoded` counts the questions built here.
    """

    def __init__(self, handle: int, header: dict[str, Any], body: int, size: int,
                 name: str, fallback: Fallback) -> None:  # fmt: skip
        self._name = name
        self._handle, self._body, self._size = handle, body, size
        self._count: int = header["count"]
        self._columns_at, self._ids_at = header["columns"], header["ids"]
        self._unique = header["unique"] is True
        self._counted = entry.counts(header["categories"])
        self._fallback = fallback
        self._replaced: Sequence[Question] | None = None
        self._built: dict[int, Question] = {}
        self._memo: dict[str, Any] = {}
        self.decoded = 0
        weakref.finalize(self, os.close, handle)

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Question: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Question, ...]: ...
    def __getitem__(self, index: int | slice) -> Question | tuple[Question, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._count)))
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("question index out of range")
        if self._replaced is not None:
            return self._replaced[index]
        question = self._built.get(index)
        if question is None:
            try:
                question = self._decode(index)
            except (Damaged, Malformed, OSError):
                return self._fall_back()[index]
            self._built[index] = question
        return question

    def _decode(self, index: int) -> Question:
        data = entry.read_record(self._handle, self._body, self._size, self._count, index)
        question = question_from_data(entry.loads(data))
        self.decoded += 1
        return question

    def _fall_back(self) -> Sequence[Question]:
        if self._replaced is None:
            questions = self._fallback()
            if len(questions) != self._count:
                problem = "the pack changed while it was in play; start the game again"
                raise PackError([Problem(self._name, 1, 1, problem)])
            self._replaced = questions
        return self._replaced

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(other) == self._count and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<{self._count} compiled questions>"

    @property
    def facts(self) -> QuestionFacts:
        return QuestionFacts(self._ids, self._categories, self._levels, self._unique, self._counted)

    def _ids(self) -> Sequence[str]:
        def read() -> list[str]:
            return entry.strings(entry.loads(self._part(self._ids_at)), self._count)

        return self._column("ids", read, lambda questions: [q.id for q in questions])

    def _categories(self) -> Sequence[str | None]:
        def read() -> list[str | None]:
            return entry.category_column(self._columns(), self._count)

        return self._column("categories", read, lambda questions: [q.category for q in questions])

    def _levels(self) -> Sequence[Difficulty]:
        def read() -> list[Difficulty]:
            return entry.level_column(self._columns(), self._count)

        return self._column("levels", read, lambda questions: [q.difficulty for q in questions])

    def _columns(self) -> object:
        if "columns" not in self._memo:
            self._memo["columns"] = entry.loads(self._part(self._columns_at))
        return self._memo["columns"]

    def _part(self, where: object) -> bytes:
        return entry.read_part(self._handle, self._body, self._size, where)

    def _column(self, name: str, read: Callable[[], list[Any]], rebuild: Rebuild) -> Sequence[Any]:
        """A column read from the entry, or, should that fail its checks, from the loader."""
        if name not in self._memo:
            try:
                self._memo[name] = tuple(read()) if self._replaced is None else None
            except (Damaged, OSError):
                self._memo[name] = None
            if self._memo[name] is None:
                self._memo[name] = tuple(rebuild(self._fall_back()))
        return self._memo[name]

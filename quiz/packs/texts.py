"""Pack titles and question prompts for the stats: titles from the catalog's summaries, and
a pack loaded only when prompts of its questions are asked for (once)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence

from quiz.packs.catalog import PackEntry
from quiz.packs.model import Pack
from quiz.packs.problems import PackError
from quiz.packs.summary import PackSummary


class PackTexts:
    """Titles of the playable entries by pack id, and prompts loaded with `load`."""

    def __init__(self, entries: Iterable[PackEntry], load: Callable[[PackEntry], Pack]) -> None:
        found = [(s, e) for e in entries if e.playable and (s := e.summary) is not None]
        self.titles: dict[str, PackSummary] = {summary.id: summary for summary, _ in found}
        self._entries = {summary.id: entry for summary, entry in found}
        self._load = load
        self._packs: dict[str, Pack | None] = {}
        self._lock = threading.Lock()  # the stats may be read on a worker thread

    def prompts(self, pack_id: str, question_ids: Sequence[str]) -> dict[str, str]:
        """The prompts of these questions of a pack, by question id; those the pack (or a
        pack that can't be loaded now) does not have are left out."""
        if not question_ids:
            return {}
        with self._lock:
            pack = self._pack(pack_id)
            if pack is None:
                return {}
            found = {each: pack.question(each) for each in question_ids}  # builds only these
        return {each: question.prompt for each, question in found.items() if question}

    def question_ids(self, pack_id: str) -> frozenset[str] | None:
        """The ids of the pack's questions now; None when no such pack is found (or loads)."""
        with self._lock:
            pack = self._pack(pack_id)
            return None if pack is None else frozenset(pack.facts.ids())

    def _pack(self, pack_id: str) -> Pack | None:
        """The pack of this id, loaded once (hold the lock)."""
        if pack_id not in self._entries:
            return None
        if pack_id not in self._packs:
            self._packs[pack_id] = self._loaded(self._entries[pack_id])
        return self._packs[pack_id]

    def _loaded(self, entry: PackEntry) -> Pack | None:
        try:
            return self._load(entry)
        except PackError:
            return None

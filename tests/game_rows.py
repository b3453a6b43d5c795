"""Test helper: a game row to start, from the options a test finds easiest to write."""

from __future__ import annotations

from collections.abc import Mapping

from quiz.store import NewGame, Store


def game_row(
    pack_id: str, options: Mapping[str, object] | None = None, packs: tuple[str, ...] = ()
) -> NewGame:
    """NewGame for PACK_ID (of PACKS) from {"count": 10, "timer": 20, "mode": "review", ...};
    the other keys are kept as its settings."""
    chosen = dict(options or {"count": 10})
    count = chosen.pop("count", None)
    timer = chosen.pop("timer", None)
    mode = chosen.pop("mode", "play")
    return NewGame(
        pack_id,
        packs,
        count=count if isinstance(count, int) else None,
        timed=bool(timer),
        mode=str(mode),
        settings=chosen,
    )


def bests(store: Store, pack_id: str | None = None) -> dict[str, dict[str, int]]:
    """The store's best scores as {pack id: {"10q-untimed": score}}, easy to compare."""
    table: dict[str, dict[str, int]] = {}
    for best in store.best_scores(pack_id):
        key = f"{best.count or 'all'}q-{'timed' if best.timed else 'untimed'}"
        table.setdefault(best.pack_id, {})[key] = best.score
    return table

"""The triggers that keep the totals of quiz.store.totals up to date on every write.

Each table's rows add to the totals when inserted and take away when deleted; an update
takes the old row away and adds the new one. A game's answers and listed packs count
under the id it is kept under, so changing that id moves them too. A practice round (a
game of mode PRACTICE) counts nowhere: not as a game of its packs, and its answers not
in accuracy or most missed; an answer whose game is missing still counts.
"""

from __future__ import annotations

from quiz.store.scores import FINISHED, KIND, PLAY, PRACTICE, RANKED

CATEGORY = "coalesce(CASE WHEN typeof(a.category) = 'text' THEN a.category END, 'uncategorised')"
DIFFICULTY = "coalesce(CASE WHEN typeof(a.difficulty) = 'text' THEN a.difficulty END, 'unknown')"
COUNT_KEY = "CASE WHEN g.question_count IS NULL THEN 'all' ELSE g.question_count END"


def counted(game: str) -> str:
    """SQL true when GAME (a games row, or NULL for a missing one) is no practice round."""
    return f"{game}.mode IS NOT '{PRACTICE}'"


def _game_row(row: str) -> str:
    columns = ("id", "pack_id", "mode", "question_count", "timed", "ended_at", "score")
    return "SELECT " + ", ".join(f"{row}.{c} AS {c}" for c in columns)


def _answer_row(row: str) -> str:
    columns = ("game_id", "pack_id", "question_id", "correct", "category", "difficulty")
    return "SELECT " + ", ".join(f"{row}.{c} AS {c}" for c in columns)


def own(source: str, sign: str) -> list[str]:
    """Add (sign 1) or take away (-1) the games of SOURCE, as kept under their ids."""
    return [
        "INSERT INTO scope_totals (scope, games, games_open, ranked, ranked_sum)"
        f" SELECT g.pack_id, {sign} * count(*), {sign} * sum(g.ended_at IS NULL),"
        f" {sign} * sum({RANKED}), {sign} * total(CASE WHEN {RANKED} THEN g.score END)"
        f" FROM ({source}) g WHERE g.pack_id IS NOT NULL AND {counted('g')} GROUP BY 1"
        " ON CONFLICT DO UPDATE SET games = games + excluded.games,"
        " games_open = games_open + excluded.games_open, ranked = ranked + excluded.ranked,"
        " ranked_sum = ranked_sum + excluded.ranked_sum",
        "INSERT INTO kind_totals (scope, count_key, timed, games, finished, score_sum)"
        f" SELECT g.pack_id, {COUNT_KEY}, g.timed, {sign} * count(*), {sign} * sum({FINISHED}),"
        f" {sign} * total(CASE WHEN {FINISHED} THEN g.score END) FROM ({source}) g"
        f" WHERE g.pack_id IS NOT NULL AND g.mode = '{PLAY}' AND {KIND} GROUP BY 1, 2, 3"
        " ON CONFLICT DO UPDATE SET games = games + excluded.games,"
        " finished = finished + excluded.finished, score_sum = score_sum + excluded.score_sum",
    ]


def _members(game: str, add: bool) -> list[str]:
    """Add or take away the pack_games and scope_packs rows of GAME (new or old)."""
    packs = (
        f"SELECT {game}.pack_id AS p UNION SELECT pack_id FROM game_packs WHERE game_id = {game}.id"
    )
    if add:
        return [
            "INSERT OR IGNORE INTO pack_games (pack_id, game_id, open)"
            f" SELECT p, {game}.id, {game}.ended_at IS NULL FROM ({packs}) WHERE p IS NOT NULL"
            f" AND {counted(game)}",
            "INSERT INTO scope_packs (scope, pack_id, games)"
            f" SELECT {game}.pack_id, pack_id, 1 FROM game_packs WHERE game_id = {game}.id"
            f" AND {game}.pack_id IS NOT NULL AND {counted(game)}"
            " ON CONFLICT DO UPDATE SET games = games + 1",
        ]
    return [
        f"DELETE FROM pack_games WHERE game_id = {game}.id AND pack_id IN ({packs})",
        f"UPDATE scope_packs SET games = games - 1 WHERE scope = {game}.pack_id"
        f" AND pack_id IN (SELECT pack_id FROM game_packs WHERE game_id = {game}.id)"
        f" AND {counted(game)}",
    ]


def _answers(
    source: str, scope: str, by: str, sign: str, join: str = "", when: str = "true"
) -> list[str]:
    """Add or take away the answers of SOURCE under SCOPE (their pack, or their game's id),
    those for which WHEN holds."""
    where = f"FROM ({source}) a {join} WHERE typeof({scope}) = 'text' AND {when}"
    return [
        "INSERT INTO label_totals (by, scope, category, difficulty, hits, tries)"
        f" SELECT '{by}', {scope}, {CATEGORY}, {DIFFICULTY}, {sign} * sum(a.correct = 1),"
        f" {sign} * count(*) {where} GROUP BY 2, 3, 4"
        " ON CONFLICT DO UPDATE SET hits = hits + excluded.hits, tries = tries + excluded.tries",
        "INSERT INTO question_totals (by, scope, pack_id, question_id, hits, misses, tries)"
        f" SELECT '{by}', {scope}, a.pack_id, a.question_id, {sign} * sum(a.correct = 1),"
        f" {sign} * sum(a.correct = 0), {sign} * count(*) {where}"
        " AND typeof(a.pack_id) = 'text' AND typeof(a.question_id) = 'text' GROUP BY 2, 3, 4"
        " ON CONFLICT DO UPDATE SET hits = hits + excluded.hits,"
        " misses = misses + excluded.misses, tries = tries + excluded.tries",
    ]


def _answer(row: str, sign: str) -> list[str]:
    source = _answer_row(row)
    join = "LEFT JOIN games g ON g.id = a.game_id"
    return [
        *_answers(source, "a.pack_id", "pack", sign, join, counted("g")),
        *_answers(source, "g.pack_id", "game", sign, join, counted("g")),
    ]


def _games_answers(game: str, sign: str) -> list[str]:
    """The answers given in GAME (new or old), counted under the id it is kept under."""
    source = f"SELECT * FROM answers WHERE game_id = {game}.id"
    return _answers(source, f"{game}.pack_id", "game", sign, when=counted(game))


def _pack_answers(game_id: str, sign: str, when: str) -> list[str]:
    """The answers given in game GAME_ID, counted under their own packs, when WHEN holds."""
    source = f"SELECT * FROM answers WHERE game_id = {game_id}"
    return _answers(source, "a.pack_id", "pack", sign, when=when)


_PRACTICE_CHANGED = f"({counted('old')}) IS NOT ({counted('new')})"
_MOVED = f"old.id IS NOT new.id OR old.pack_id IS NOT new.pack_id OR {_PRACTICE_CHANGED}"
# The answers of a game counted under their packs are those of no practice round; an
# answer whose game is missing counts. So a practice round added or removed, or a game
# that changes its id or becomes (or stops being) practice, moves them.
_REPRACTISED = f"WHEN old.id IS NOT new.id OR {_PRACTICE_CHANGED}"

TRIGGERS: dict[str, tuple[str, list[str]]] = {
    "pack_games_added": ("AFTER INSERT ON pack_games", [
        "UPDATE pack_games SET seq = seq + 1 WHERE pack_id = new.pack_id AND game_id > new.game_id",
        "UPDATE pack_games SET seq = 1 + coalesce((SELECT seq FROM pack_games"
        " WHERE pack_id = new.pack_id AND game_id < new.game_id ORDER BY game_id DESC LIMIT 1), 0)"
        " WHERE pack_id = new.pack_id AND game_id = new.game_id",
        "INSERT INTO scope_totals (scope, members, members_open) VALUES (new.pack_id, 1, new.open)"
        " ON CONFLICT DO UPDATE SET members = members + 1,"
        " members_open = members_open + excluded.members_open",
    ]),
    "pack_games_removed": ("AFTER DELETE ON pack_games", [
        "UPDATE pack_games SET seq = seq - 1 WHERE pack_id = old.pack_id AND game_id > old.game_id",
        "UPDATE scope_totals SET members = members - 1, members_open = members_open - old.open"
        " WHERE scope = old.pack_id",
    ]),
    "pack_games_opened": ("AFTER UPDATE OF open ON pack_games", [
        "UPDATE scope_totals SET members_open = members_open + new.open - old.open"
        " WHERE scope = new.pack_id",
    ]),
    "games_added": ("AFTER INSERT ON games", [
        *own(_game_row("new"), "1"), *_members("new", True), *_games_answers("new", "1"),
        *_pack_answers("new.id", "-1", f"NOT {counted('new')}"),
    ]),
    "games_removed": ("AFTER DELETE ON games", [
        *own(_game_row("old"), "-1"), *_members("old", False), *_games_answers("old", "-1"),
        *_pack_answers("old.id", "1", f"NOT {counted('old')}"),
    ]),
    "games_changed": ("AFTER UPDATE ON games", [
        *own(_game_row("old"), "-1"), *own(_game_row("new"), "1"),
    ]),
    "games_moved": (f"AFTER UPDATE ON games WHEN {_MOVED}", [
        *_members("old", False), *_members("new", True),
        *_games_answers("old", "-1"), *_games_answers("new", "1"),
    ]),
    "games_repractised": (f"AFTER UPDATE ON games {_REPRACTISED}", [
        *_pack_answers("old.id", "-1", counted("old")),
        *_pack_answers("new.id", "-1", "old.id IS NOT new.id"),
        *_pack_answers("new.id", "1", counted("new")),
        *_pack_answers("old.id", "1", "old.id IS NOT new.id"),
    ]),
    "games_ended": (
        f"AFTER UPDATE OF ended_at ON games WHEN NOT ({_MOVED})"
        " AND (old.ended_at IS NULL) IS NOT (new.ended_at IS NULL)", [
        "UPDATE pack_games SET open = new.ended_at IS NULL WHERE game_id = new.id AND pack_id IN"
        " (SELECT new.pack_id UNION SELECT pack_id FROM game_packs WHERE game_id = new.id)",
    ]),
    "game_packs_added": ("AFTER INSERT ON game_packs", [
        "INSERT OR IGNORE INTO pack_games (pack_id, game_id, open) SELECT new.pack_id, g.id,"
        " g.ended_at IS NULL FROM games g WHERE g.id = new.game_id AND new.pack_id IS NOT NULL"
        f" AND {counted('g')}",
        "INSERT INTO scope_packs (scope, pack_id, games) SELECT g.pack_id, new.pack_id, 1"
        f" FROM games g WHERE g.id = new.game_id AND new.pack_id IS NOT NULL AND {counted('g')}"
        " ON CONFLICT DO UPDATE SET games = games + 1",
    ]),
    "game_packs_removed": ("AFTER DELETE ON game_packs", [
        "DELETE FROM pack_games WHERE pack_id = old.pack_id AND game_id = old.game_id AND NOT"
        " EXISTS (SELECT 1 FROM games WHERE id = old.game_id AND pack_id = old.pack_id)",
        "UPDATE scope_packs SET games = games - 1 WHERE pack_id = old.pack_id"
        f" AND scope = (SELECT pack_id FROM games g WHERE id = old.game_id AND {counted('g')})",
    ]),
    "answers_added": ("AFTER INSERT ON answers", _answer("new", "1")),
    "answers_removed": ("AFTER DELETE ON answers", _answer("old", "-1")),
    "answers_changed": ("AFTER UPDATE ON answers", [*_answer("old", "-1"), *_answer("new", "1")]),
}  # fmt: skip


def trigger_sql(name: str) -> str:
    when, body = TRIGGERS[name]
    return f"CREATE TRIGGER {name} {when} BEGIN " + "; ".join(body) + "; END"

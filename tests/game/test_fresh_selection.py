"""Fresh questions first: never seen, then least recently seen, reproducible by seed."""

from __future__ import annotations

from test_game_selection import BIG, OTHER, ids

from quiz.game.selection import GameOptions, select


def test_with_no_history_the_deal_is_the_plain_seeded_shuffle() -> None:
    options = GameOptions(count=5, seed=3)
    assert ids(select([BIG], options, {})) == ids(select([BIG], options))


def test_questions_never_seen_come_before_any_seen() -> None:
    everything = [q.id for q in BIG.questions]
    seen = {("big", question_id): n for n, question_id in enumerate(everything[:20])}
    for seed in range(20):
        dealt = ids(select([BIG], GameOptions(count=6, seed=seed), seen))
        fresh = set(everything[20:])
        assert fresh <= set(dealt)  # all six never-seen questions are dealt
        assert len(dealt) == len(set(dealt)) == 6


def test_when_all_were_seen_the_least_recently_seen_come_first() -> None:
    everything = [q.id for q in BIG.questions]
    seen = {("big", question_id): n for n, question_id in enumerate(everything)}
    dealt = ids(select([BIG], GameOptions(count=4, seed=8), seen))
    assert sorted(dealt) == sorted(everything[:4])


def test_the_same_seed_and_history_deal_the_same_game() -> None:
    seen = {("big", "q01"): 5, ("big", "q02"): 9, ("other", "q99"): 1}
    options = GameOptions(count=7, seed=42)
    first, second = select([BIG, OTHER], options, seen), select([BIG, OTHER], options, seen)
    assert [(a.question, a.options) for a in first.asked] == [
        (a.question, a.options) for a in second.asked
    ]


def test_a_pack_given_twice_never_deals_a_question_twice_even_with_history() -> None:
    seen = {("big", q.id): n for n, q in enumerate(BIG.questions[:10])}
    dealt = ids(select([BIG, BIG], GameOptions(count=None, seed=1), seen))
    assert len(dealt) == len(set(dealt)) == len(BIG.questions)


def test_a_game_of_fresh_questions_keeps_its_shuffled_order() -> None:
    # The fresh ones are not all asked first: the game plays them in shuffled order.
    everything = [q.id for q in BIG.questions]
    seen = {("big", question_id): n for n, question_id in enumerate(everything)}
    orders = {tuple(ids(select([BIG], GameOptions(count=4, seed=s), seen))) for s in range(10)}
    assert len(orders) > 1


def test_a_big_pack_builds_only_the_questions_dealt(tmp_path) -> None:
    from quiz.packs.cache import load_pack_cached

    lines = ["format: 1", "id: big", "title: Big", "questions:"]
    for i in range(300):
        lines += [f"  - {{id: q{i}, prompt: Q{i}?, answer: A{i}, distractors: [B{i}, C{i}]}}"]
    path = tmp_path / "big.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    old = 10**18
    import os

    os.utime(path, ns=(old, old))
    load_pack_cached(path, tmp_path / "cache")
    pack = load_pack_cached(path, tmp_path / "cache")
    seen = {("big", f"q{i}"): i for i in range(200)}
    dealt = select([pack], GameOptions(count=10, seed=2), seen)
    assert all(int(a.question.id[1:]) >= 200 for a in dealt.asked)
    assert pack.questions.decoded == 10

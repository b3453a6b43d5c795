"""What the plain interface prints: a question, its reveal and the results, as plain lines.

The words are the full screen's (verdicts in words and symbol, never colour alone); the
console makes every line printable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.game.kinds import Mode
from quiz.game.words import credit_parts, duration
from quiz.packs.links import followable
from quiz.packs.model import QuestionType

if TYPE_CHECKING:
    from quiz.game.history import GameEnd
    from quiz.game.selection import AskedQuestion
    from quiz.game.session import GameSession
    from quiz.game.verdict import AnswerRecord, Summary

NO_SOURCE = "No source is cited for this question."


def hint(kind: QuestionType, count: int) -> str:
    """How to answer this kind of question, in one line."""
    keys = "s and Enter skips, q quits."
    if kind is QuestionType.TRUE_FALSE:
        return f"Type 1 or t for True, 2 or f for False, then Enter; {keys}"
    if kind is QuestionType.CHOICE:
        return f"Type a number from 1 to {count} (or the option's text), then Enter; {keys}"
    if kind is QuestionType.NUMBER:
        return f"Type a number (digits or words), then Enter; {keys}"
    return f"Type your answer, then Enter; {keys}"


def question(session: GameSession) -> str:
    """The current question: where it is in the game, its prompt, its numbered options."""
    asked = session.current
    q = asked.question
    details = [asked.pack.title, q.category or "", q.difficulty.value]
    lines = [
        "",
        f"Question {session.number} of {session.total}: " + ", ".join(d for d in details if d),
    ]
    lines.append(q.prompt)
    lines += [f"  {number}. {option}" for number, option in enumerate(asked.options, start=1)]
    if q.unit:
        lines.append(f"(in {q.unit})")
    if session.limit is not None:
        unit = "second" if session.limit == 1 else "seconds"
        lines.append(f"You have {session.limit:g} {unit}; a later answer counts as time's up.")
    lines.append(hint(q.type, len(asked.options)))
    return "\n".join(lines)


def reveal(record: AnswerRecord, session: GameSession) -> str:
    """The verdict in words and symbol, the answers, points, explanation and source."""
    verdict = record.verdict_text
    if record.note:
        verdict += f" ({record.note})"
    if session.scored:
        verdict += f", +{record.points} points"
    answer = f"Answer: {record.asked.question.answer_text}"
    lines = [verdict, f"Your answer: {record.given}", answer] if record.given else [verdict, answer]
    explanation = record.asked.question.explanation
    if explanation:
        lines.append(explanation)
    lines += source(record.asked)
    if session.scored:
        lines.append(f"Score {session.score}, streak {session.streak}.")
    return "\n".join(lines)


def source(asked: AskedQuestion) -> list[str]:
    """The excerpt in quotation marks, its attribution line and its link (one a browser may
    follow, as the full screen shows), or the note that there is none."""
    excerpt = asked.question.source
    if excerpt is None:
        return [NO_SOURCE]
    found = asked.pack.source(excerpt.ref)
    if found is None:
        return ["Source:", f"“{excerpt.text}”", f"— {excerpt.ref}"]
    lines = ["Source:", f"“{excerpt.text}”", "— " + ", ".join(credit_parts(found))]
    link = followable(found.url)
    return [*lines, f"Link: {link}"] if link else lines


def results(session: GameSession, summary: Summary, end: GameEnd | None) -> str:
    """The score line, a best score if there is one, and a line per question answered."""
    title = "Review results" if session.mode is Mode.REVIEW else "Results"
    if not summary.scored:
        title = "Practice results (not scored)"
    stats = [f"Right {summary.right}/{summary.total}", f"Accuracy {summary.accuracy:.0%}"]
    if summary.scored:
        stats = [f"Score {summary.score}", *stats, f"Best streak {summary.best_streak}"]
    stats.append(f"Time {duration(summary.seconds)}")
    lines = ["", title, ", ".join(stats) + "."]
    best = best_line(end)
    if best:
        lines.append(best)
    for number, record in enumerate(summary.records, start=1):
        given = record.given or ("(timed out)" if record.timed_out else "(skipped)")
        lines.append(
            f"{number}. {record.verdict_text}: {record.asked.question.prompt} Your answer: "
            f"{given}. Answer: {record.asked.question.answer_text}. {record.points} points."
        )
    if summary.total < summary.planned:
        lines.append(f"Stopped after {summary.total} of {summary.planned} questions.")
    return "\n".join(lines)


def best_line(end: GameEnd | None) -> str | None:
    """'★ New best! 1,250 (10q), up from 900', or 'Best for 10q: 1,250' (None: no best yet)."""
    if end is None:
        return None
    if end.new_best:
        since = f", up from {end.previous_best:,}" if end.previous_best else ""
        return f"★ New best! {end.score:,} ({end.kind.label}){since}"
    if end.previous_best is None:
        return None
    return f"Best for {end.kind.label}: {max(end.score, end.previous_best):,}"

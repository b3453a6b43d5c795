"""Reading one question of a pack: its type, answer, options and cited excerpt."""

from __future__ import annotations

import difflib
import functools

from quiz.packs.answers import clashes
from quiz.packs.fields import (
    Fields,
    Report,
    describe,
    inexact_number,
    parse_boolean,
    parse_number,
    places,
)
from quiz.packs.model import Difficulty, Excerpt, Question, QuestionType
from quiz.packs.provenance import fragments
from quiz.packs.yamltree import Node

MAX_DISTRACTORS = 8
MAX_REFS_SHOWN = 5  # an unknown ref's message names this many of the pack's sources
# What answer_key (quiz.packs.answers) sets aside, as messages say it.
IGNORED = (
    "case, accents, punctuation, hyphens joining words, invisible characters and a leading"
    " the/a/an, reads & as 'and', and reads Cyrillic and Greek letters drawn like Latin ones"
    " as those letters"
)
QUESTION_KEYS = (
    "id",
    "type",
    "prompt",
    "answer",
    "distractors",
    "accept",
    "tolerance",
    "unit",
    "category",
    "difficulty",
    "explanation",
    "source",
)
EXCERPT_KEYS = ("ref", "excerpt", "highlight")
# Keys that only one type of question may use.
TYPE_ONLY = {
    "distractors": QuestionType.CHOICE,
    "accept": QuestionType.TEXT,
    "tolerance": QuestionType.NUMBER,
    "unit": QuestionType.NUMBER,
}


class QuestionReader:
    """Reads one question mapping; `read` gives the Question, or None if it has problems."""

    def __init__(self, node: Node, report: Report, source_ids: frozenset[str]) -> None:
        self.node = node
        self.report = report
        self.problem_count = 0
        self.source_ids = source_ids
        self.fields = Fields(node, self._report, QUESTION_KEYS, "question")

    def _report(self, node: Node, message: str) -> None:
        self.problem_count += 1
        self.report(node, message)

    def read(self) -> Question | None:
        fields, report = self.fields, self._report
        question_id = fields.slug("id")
        qtype = self._enum("type", QuestionType, QuestionType.CHOICE)
        difficulty = self._enum("difficulty", Difficulty, Difficulty.MEDIUM)
        prompt = fields.text("prompt", required=True)
        for key, only in TYPE_ONLY.items():
            if qtype is not None and qtype is not only and key in fields.values:
                report(
                    fields.keys[key],
                    f"'{key}' is only for {only} questions, and this one is "
                    f"{qtype}; remove it or change the type",
                )
        answer = self._answer(qtype) if qtype is not None else None
        distractors = self._distractors(answer) if qtype is QuestionType.CHOICE else ()
        accept = self._accept(answer) if qtype is QuestionType.TEXT else ()
        tolerance = self._tolerance() if qtype is QuestionType.NUMBER else 0.0
        unit = fields.text("unit") if qtype is QuestionType.NUMBER else None
        source = self._excerpt()
        # Read before giving up on the question, so their problems are reported too.
        category, explanation = fields.text("category"), fields.text("explanation")
        if self.problem_count or answer is None or qtype is None:
            return None
        return Question(
            id=question_id or "",
            type=qtype,
            prompt=prompt or "",
            answer=answer,
            distractors=distractors,
            accept=accept,
            tolerance=tolerance,
            unit=unit,
            category=category,
            difficulty=difficulty or Difficulty.MEDIUM,
            explanation=explanation,
            source=source,
            line=self.node.line,
            column=self.node.column,
            written=self.fields.values["answer"].value.strip()
            if qtype is QuestionType.NUMBER
            else None,
        )

    def _enum(self, name, enum, default):
        value = self.fields.text(name)
        if value is None:
            return (
                default
                if name not in self.fields.values or self.fields.values[name].is_null
                else None
            )
        try:
            return enum(value)
        except ValueError:
            choices = " | ".join(member.value for member in enum)
            self._report(self.fields.values[name], f"'{name}' {value!r} is not one of {choices}")
            return None

    def _answer(self, qtype: QuestionType) -> str | bool | float | None:
        node = self.fields.values.get("answer")
        if node is None or node.is_null:
            self.fields.missing("answer")
            return None
        if qtype is QuestionType.TRUE_FALSE:
            value = parse_boolean(node)
            if value is None:
                self._report(
                    node,
                    f"a true-false answer must be true or false (or yes/no), not {node.value!r}"
                    if node.kind == "scalar"
                    else f"a true-false answer must be true or false, not {describe(node)}",
                )
            return value
        if qtype is QuestionType.NUMBER:
            value = parse_number(node)
            if value is None:
                self._report(
                    node,
                    "a number answer must be a number like 12 or 4.5, not "
                    + (repr(node.value) if node.kind == "scalar" else describe(node)),
                )
            elif (problem := inexact_number(node, value)) is not None:
                self._report(node, f"the number answer {node.value.strip()} {problem}")
                return None
            return value
        return self.fields.text("answer", required=True)

    def _distractors(self, answer: str | bool | float | None) -> tuple[str, ...]:
        items = self.fields.text_list("distractors")
        if items is None and "distractors" in self.fields.keys:  # `distractors:` alone
            self._report(
                self.fields.keys["distractors"],
                '\'distractors\' is empty; give 1 to 8 wrong options, like ["one", "two"]',
            )
            return ()
        if items is None:
            self._report(
                self.node,
                "a choice question needs 'distractors': 1 to 8 wrong "
                "options; add them, or change the type",
            )
            return ()
        given = len(self.fields.values["distractors"].items)  # as written, bad ones included
        if not given or given > MAX_DISTRACTORS:
            self._report(
                self.fields.values["distractors"],
                f"a choice question needs 1 to {MAX_DISTRACTORS} distractors, not {given}",
            )
        options = [(node, value, "distractor") for node, value in items]
        if isinstance(answer, str):
            options.append((self.fields.values["answer"], answer, "the answer"))
        self._check_options(options, distinct=True)
        return tuple(value for _, value in items)

    def _accept(self, answer: str | bool | float | None) -> tuple[str, ...]:
        items = self.fields.text_list("accept") or []
        options = [(node, value, "accepted answer") for node, value in items]
        if isinstance(answer, str):
            options.append((self.fields.values["answer"], answer, "the answer"))
        self._check_options(options, distinct=False)
        return tuple(value for _, value in items)

    def _check_options(self, options: list[tuple[Node, str, str]], distinct: bool) -> None:
        """Each option must have something a player can type, or no answer could match
        it; with `distinct`, no two may be the same answer to the game (the one further
        down the file is reported)."""
        ordered = sorted(options, key=lambda o: (o[0].line, o[0].column))
        for number, same_as in clashes([value for _, value, _ in ordered]):
            node, value, role = ordered[number]
            if same_as is None:
                self._report(node, f"{role} {value!r} has no character a player could type; "
                             "write it in words or symbols")  # fmt: skip
            elif distinct:
                first, first_value, first_role = ordered[same_as]
                self._report(node, f"{role} {value!r} is the same answer as {first_role} "
                             f"{first_value!r} ({places(first, node)}) to the game, which "
                             f"ignores {IGNORED}; make it differ")  # fmt: skip

    def _tolerance(self) -> float:
        value = self.fields.number("tolerance")
        if value is not None and value < 0:
            self._report(self.fields.values["tolerance"], "'tolerance' must be 0 or more")
        return value if value is not None and value >= 0 else 0.0

    def _excerpt(self) -> Excerpt | None:
        node = self.fields.values.get("source")
        if node is None or node.is_null:
            return None
        if node.kind != "mapping":
            self._report(node, "'source' must be a mapping with ref and excerpt")
            return None
        fields = Fields(node, self._report, EXCERPT_KEYS, "source citation")
        ref = fields.text("ref", required=True)
        excerpt = fields.text("excerpt", required=True)
        highlight = fields.text("highlight")
        if ref is not None and ref not in self.source_ids:
            self._report(
                fields.values["ref"],
                f"source ref '{ref}' names no source of this "
                f"pack (known: {known_refs(ref, self.source_ids)}); fix the ref or add the source",
            )
        if excerpt is not None and not fragments(excerpt):
            self._report(fields.values["excerpt"], "the excerpt has no words besides its "
                         "ellipses; quote the words from the source")  # fmt: skip
            excerpt = None
        if highlight is not None and excerpt is not None and highlight not in excerpt:
            self._report(
                fields.values["highlight"],
                "highlight is not in the excerpt; copy the words exactly from the excerpt",
            )
        if ref is None or excerpt is None:
            return None
        excerpt_node = fields.values["excerpt"]
        return Excerpt(
            ref=ref,
            text=excerpt,
            highlight=highlight or None,
            line=excerpt_node.line,
            column=excerpt_node.column,
        )


def known_refs(ref: str, source_ids: frozenset[str]) -> str:
    """The pack's source ids for a message about an unknown ref: at most MAX_REFS_SHOWN,
    those spelled like the ref first, then how many more; one line whatever the pack."""
    ordered = _in_order(source_ids)
    if not ordered:
        return "none are defined"
    # Looking for near spellings costs a comparison per source: only in a small pack.
    close = difflib.get_close_matches(ref, ordered, n=3) if len(ordered) <= 100 else []
    shown = close + [name for name in ordered[:MAX_REFS_SHOWN] if name not in close]
    shown = shown[:MAX_REFS_SHOWN]
    more = len(ordered) - len(shown)
    return ", ".join(shown) + (f" and {more:,} more" if more else "")


@functools.lru_cache(maxsize=4)
def _in_order(source_ids: frozenset[str]) -> list[str]:
    # One sort per pack, however many refs in it are wrong (a frozenset keeps its hash).
    return sorted(source_ids)

"""`quiz check`: validate pack files and print every problem as path:line:col."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.commands.output import say

if TYPE_CHECKING:
    from quiz.packs.problems import Problem
    from quiz.packs.provenance import Documents


def run(args: argparse.Namespace) -> int:
    from quiz.packs.discovery import builtin_pack_files, pack_files, unreadable
    from quiz.packs.provenance import Documents

    if not args.paths and not args.builtin:
        return _usage("give at least one PATH, or --builtin")
    files: list[Path] = builtin_pack_files() if args.builtin else []
    if args.builtin and not files:
        say("quiz check: error: no built-in packs were found; reinstall quiz", err=True)
        return 1
    for name in args.paths:
        path = Path(name)
        problem = unreadable(path)
        if problem:
            say(f"quiz check: error: cannot read {name} ({problem}); "
                "check the path and its permissions", err=True)  # fmt: skip
            return 1
        if path.is_dir():
            found = pack_files(path)
            if not found:
                say(f"quiz check: error: no *.yaml or *.yml packs in the folder {name}; "
                    "give a folder of packs or a pack file", err=True)  # fmt: skip
                return 1
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            return _usage(f"no such file or folder: {name}")
    sources_dir = Path(args.sources) if args.sources else None
    if sources_dir is not None and not os.path.isdir(sources_dir):  # False for any OSError
        return _usage(f"--sources {args.sources} is not a folder")
    # One for the run: a document cited by many questions, or many packs, is folded once.
    documents = Documents(sources_dir) if sources_dir is not None else None

    question_count = problem_count = note_count = 0
    for file in files:
        problems, questions = check_file(file, strict=args.strict, sources=documents)
        question_count += questions
        notes = sum(problem.severity == "note" for problem in problems)
        note_count += notes
        problem_count += len(problems) - notes
        for problem in problems:
            say(problem)
    notes_said = f", {_count(note_count, 'note')}" if note_count else ""
    say(f"{_count(len(files), 'pack')}, {_count(question_count, 'question')}, "
        f"{_count(problem_count, 'problem')}{notes_said}")  # fmt: skip
    return 1 if problem_count else 0


def check_file(
    path: Path, strict: bool = False, sources: Path | Documents | None = None
) -> tuple[list[Problem], int]:
    """The problems in one pack file, and how many questions it holds when valid.

    `sources`: the folder of source documents to check excerpts against, if any; with
    `strict` an excerpt must be as published, character for character.
    Notes (severity "note") are among the problems but do not fail the pack.
    """
    from quiz.game.words import brief
    from quiz.packs.links import shown_url, why_not_followable
    from quiz.packs.loader import load_pack
    from quiz.packs.problems import PackError, Problem
    from quiz.packs.provenance import check_excerpts

    try:
        pack = load_pack(path)
    except PackError as error:
        return error.problems, 0
    problems: list[Problem] = []
    if strict:
        problems += [
            Problem(
                str(path),
                q.line,
                q.column,
                f"question '{q.id}' cites no source; --strict needs "
                "a source with ref and excerpt on every question",
            )  # fmt: skip
            for q in pack.questions
            if q.source is None
        ]
    for source in pack.sources:
        reason = why_not_followable(source.url) if source.url else None
        if source.url and reason:
            shown = brief(shown_url(source.url), 80)
            problems.append(Problem(
                str(path),
                source.url_line or source.line,
                source.url_column or source.column,
                f"the url of source '{source.id}' ({shown}) {reason}: the game shows it as "
                "text and never opens it; give the article's http or https address, or "
                "leave url out",
                severity="error" if strict else "note",
            ))  # fmt: skip
    if sources is not None:
        problems += check_excerpts(pack, sources, exact=strict)
    return sorted(problems), len(pack.questions)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _usage(message: str) -> int:
    say(f"quiz check: error: {message} (see 'quiz check --help')", err=True)
    return 2

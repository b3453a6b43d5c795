"""Reading spreadsheet rows into drafts: CSV or TSV with a header naming the columns, or a
Quizlet export (term TAB definition on each line, no header) as typed-answer questions."""

from __future__ import annotations

import csv
import io

from quiz.packs.drafts import Cited, Draft, ImportFailed, Reading
from quiz.packs.textfile import decode

DISTRACTORS = tuple(f"distractor{number}" for number in range(1, 9))
COLUMNS = (
    "prompt", "answer", *DISTRACTORS, "accept", "category", "difficulty", "explanation",
    "source_title", "source_url", "excerpt",
)  # fmt: skip
DIFFICULTIES = ("easy", "medium", "hard")
ACCEPT_SEPARATOR = "|"


def read_table(data: bytes, name: str) -> Reading:
    """The drafts of a CSV or TSV file with a header, or of a Quizlet export."""
    text = decode(data, name, "CSV")
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first or name.lower().endswith(".tsv") else ","
    header = next(csv.reader([first], delimiter=delimiter), [])
    names = [cell.strip().lower() for cell in header]
    if "prompt" in names or "answer" in names:
        return _with_header(text, name, delimiter, names)
    if delimiter == "\t":
        return _quizlet(text, name)
    raise ImportFailed(
        [
            f"{name}:1:1: error: the first row does not name the columns; start the file with a "
            f"header such as prompt,answer,distractor1 (the columns are {', '.join(COLUMNS)}), "
            "or give a Quizlet export (term TAB definition)"
        ]  # fmt: skip
    )


def _with_header(text: str, name: str, delimiter: str, names: list[str]) -> Reading:
    problems = []
    for number, column in enumerate(names):
        where = f"{name}:1:{_column(names, number)}: error:"
        if column not in COLUMNS:
            problems.append(
                f"{where} unknown column {column!r}; the columns are {', '.join(COLUMNS)}"
            )
        elif names.index(column) != number:
            problems.append(f"{where} the column {column!r} is named twice")
    for needed in ("prompt", "answer"):
        if needed not in names:
            problems.append(f"{name}:1:1: error: no {needed!r} column; the header must name it")
    if problems:
        raise ImportFailed(problems)
    reading = Reading()
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    next(reader)
    line = reader.line_num + 1
    for row in reader:
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(names):
            reading.skip(name, start, _column(row, len(names)), f"the row has {len(row)} cells "
                         f"but the header names {len(names)} columns")  # fmt: skip
            continue
        cells = {column: cell.strip() for column, cell in zip(names, row, strict=False)}
        try:
            reading.drafts.append(_row(cells, start))
        except _RowProblem as problem:
            at = names.index(problem.column) if problem.column in names else 0
            reading.skip(name, start, _column(row, at), str(problem))
    return reading


def _column(cells: list[str], number: int) -> int:
    """Where cell NUMBER starts on its line, when no cell before it is quoted."""
    return 1 + sum(len(cell) + 1 for cell in cells[:number])


class _RowProblem(Exception):
    def __init__(self, message: str, column: str = "prompt") -> None:
        super().__init__(message)
        self.column = column


def _row(cells: dict[str, str], line: int) -> Draft:
    prompt, answer = cells.get("prompt", ""), cells.get("answer", "")
    if not prompt:
        raise _RowProblem("the prompt is empty", "prompt")
    if not answer:
        raise _RowProblem("the answer is empty", "answer")
    distractors = tuple(cells[key] for key in DISTRACTORS if cells.get(key))
    accept = tuple(
        each.strip() for each in cells.get("accept", "").split(ACCEPT_SEPARATOR) if each.strip()
    )
    difficulty = cells.get("difficulty", "").lower() or None
    if difficulty is not None and difficulty not in DIFFICULTIES:
        raise _RowProblem(f"difficulty {difficulty!r} is not easy, medium or hard", "difficulty")
    if distractors and accept:
        raise _RowProblem("accept is for typed answers, but distractors make this a choice "
                          "question; leave one of them empty", "accept")  # fmt: skip
    if distractors:
        kind, value = "choice", answer
    elif answer.lower() in ("true", "false") and not accept:
        kind, value = "true-false", answer.lower() == "true"
    else:
        kind, value = "text", answer
    return Draft(
        line=line, column=1, type=kind, prompt=prompt, answer=value, distractors=distractors,
        accept=accept, category=cells.get("category") or None, difficulty=difficulty,
        explanation=cells.get("explanation") or None, cited=_cited(cells),
    )  # fmt: skip


def _cited(cells: dict[str, str]) -> Cited | None:
    title, url, excerpt = (cells.get(key, "") for key in ("source_title", "source_url", "excerpt"))
    if not (title or url or excerpt):
        return None
    if not title:
        raise _RowProblem("a source needs its source_title", "source_title")
    if not excerpt:
        raise _RowProblem("a cited source needs the excerpt that shows the answer", "excerpt")
    return Cited(title, excerpt, url or None)


def _quizlet(text: str, name: str) -> Reading:
    """Quizlet's export: a card per line, the term TAB its definition, no quoting."""
    reading = Reading()
    for line, row in enumerate(text.split("\n"), start=1):
        if not row.strip():
            continue
        cells = row.split("\t")
        if len(cells) != 2 or not cells[0].strip() or not cells[1].strip():
            reading.skip(name, line, 1, "a Quizlet line is a term, a tab and its definition")
            continue
        term, definition = cells[0].strip(), cells[1].strip()
        reading.drafts.append(
            Draft(line=line, column=1, type="text", prompt=term, answer=definition)
        )
    return reading

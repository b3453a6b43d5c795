"""Reading a saved Open Trivia DB API response into plain questions, naming any bad entry."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from quiz.packs.files import MAX_BYTES
from quiz.packs.printable import CONTROL

MAX_DISTRACTORS = 8
TYPES = {"multiple": "choice", "boolean": "true-false"}
DIFFICULTIES = ("easy", "medium", "hard")
# Percent-encoded text: URL-safe characters (RFC 3986 unreserved, + and PHP's other
# unescaped ones) and %XX escapes, nothing else.
_URL_ENCODED = re.compile(r"(?:[A-Za-z0-9._~+*'()!-]|%[0-9A-Fa-f]{2})+")
_SURROGATE = re.compile("[\ud800-\udfff]")
# What the API's response codes mean (https://opentdb.com/api_config.php).
RESPONSE_CODES = {
    1: "no results: the database had fewer questions than were asked for; ask for fewer",
    2: "invalid parameter: the request had an argument the API does not know; fix the URL",
    3: "token not found: the session token does not exist; request a new one",
    4: "token empty: the session token has been given every question; reset it",
    5: "rate limit: too many requests; wait five seconds and ask again",
}


class OpenTDBError(Exception):
    """The response cannot be imported; `messages` lists every reason, one line each."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__("\n".join(messages))


@dataclass(frozen=True)
class Entry:
    """One question of the response, decoded and trimmed."""

    number: int  # its place in the results list, from 1
    type: str  # "choice" or "true-false"
    prompt: str
    answer: str | bool
    distractors: tuple[str, ...] = ()
    category: str | None = None
    difficulty: str | None = None

    def label(self, name: str) -> str:
        """How messages name the entry: FILE: entry 3 ("Which film...")."""
        return entry_label(name, self.number, self.prompt)


def entry_label(name: str, number: int, prompt: str | None) -> str:
    """FILE: entry N ("the question, shortened")."""
    if not prompt:
        return f"{name}: entry {number}"
    short = prompt if len(prompt) <= 50 else prompt[:49].rstrip() + "…"
    return f"{name}: entry {number} ({json.dumps(short, ensure_ascii=False)})"


def read_entries(data: bytes, name: str) -> list[Entry]:
    """The decoded entries of a response (an object with results, or a bare list).

    Raises OpenTDBError naming the file, or each malformed entry.
    """
    results = _results(_parse(data, name), name)
    entries: list[Entry] = []
    problems: list[str] = []
    for number, raw in enumerate(results, start=1):
        try:
            entries.append(_entry(number, raw))
        except _EntryProblem as problem:
            label = entry_label(name, number, problem.prompt)
            problems.append(f"{label}: {problem}; fix or remove the entry")
    if problems:
        raise OpenTDBError(problems)
    return entries


def _parse(data: bytes, name: str) -> object:
    if len(data) > MAX_BYTES:
        raise OpenTDBError([f"{name}: the file is over 16 MiB; split the response"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise OpenTDBError(
            [f"{name}: the file is not UTF-8 text; save the response as UTF-8"]
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise OpenTDBError(
            [
                f"{name}:{error.lineno}:{error.colno}: not valid JSON ({error.msg}); "
                "save the API response exactly as it came"
            ]
        ) from None
    except (ValueError, RecursionError):
        raise OpenTDBError(
            [f"{name}: not JSON this importer can read; save the API response exactly as it came"]
        ) from None


def _results(document: object, name: str) -> list[object]:
    if isinstance(document, list):
        results = document
    elif isinstance(document, dict) and "results" in document:
        code = document.get("response_code", 0)
        if code != 0 or isinstance(code, bool):
            known = isinstance(code, int) and not isinstance(code, bool)
            meaning = RESPONSE_CODES.get(code, "it should be 0") if known else "it should be 0"
            raise OpenTDBError(
                [
                    f"{name}: response_code is {json.dumps(code)} ({meaning}), so it holds no questions"
                ]
            )
        results = document["results"]
        if not isinstance(results, list):
            raise OpenTDBError([f"{name}: 'results' must be a list of questions"])
    else:
        raise OpenTDBError(
            [
                f'{name}: not an Open Trivia DB response; expected {{"response_code": 0, '
                '"results": [...]} or a list of questions'
            ]
        )
    if not results:
        raise OpenTDBError([f"{name}: the response holds no questions ('results' is empty)"])
    return results


class _EntryProblem(Exception):
    def __init__(self, message: str, prompt: str | None) -> None:
        super().__init__(message)
        self.prompt = prompt


def _entry(number: int, raw: object) -> Entry:
    if not isinstance(raw, dict):
        raise _EntryProblem(
            "is not an object with question, correct_answer and incorrect_answers", None
        )
    question = raw.get("question")
    prompt = _unescape(question) or None if isinstance(question, str) else None
    kind = _text(raw, "type", prompt)
    if kind not in TYPES:
        raise _EntryProblem(
            f'type {json.dumps(kind)} is not "multiple" or "boolean" (a response saved with '
            "&encode= must be fetched again without it)",
            prompt,
        )
    for key in ("question", "category"):
        if _percent_encoded(raw.get(key)):
            raise _EntryProblem(
                f"'{key}' is URL-encoded ({json.dumps(raw[key][:30])}…); a response saved "
                "with &encode=url3986 or urlLegacy must be fetched again without &encode=",
                None,
            )
    prompt = _text(raw, "question", prompt)
    answer = _text(raw, "correct_answer", prompt)
    wrong = raw.get("incorrect_answers")
    if not isinstance(wrong, list) or not all(isinstance(item, str) for item in wrong):
        problem = (
            "missing 'incorrect_answers'"
            if wrong is None
            else "'incorrect_answers' must be a list of text"
        )
        raise _EntryProblem(problem, prompt)
    distractors: tuple[str, ...] = ()
    if kind == "boolean":
        if answer.casefold() not in ("true", "false"):
            raise _EntryProblem(
                f'a boolean answer must be "True" or "False", not {json.dumps(answer)}', prompt
            )
        value: str | bool = answer.casefold() == "true"
    else:
        value = answer
        distractors = tuple(_clean(item, "incorrect_answers", prompt) for item in wrong)
        if not 1 <= len(distractors) <= MAX_DISTRACTORS:
            raise _EntryProblem(
                f"has {len(distractors)} incorrect answers; a choice question needs 1 to {MAX_DISTRACTORS}",
                prompt,
            )
    return Entry(
        number=number,
        type=TYPES[kind],
        prompt=prompt,
        answer=value,
        distractors=distractors,
        category=_optional(raw, "category", prompt),
        difficulty=_difficulty(raw, prompt),
    )


def _percent_encoded(value: object) -> bool:
    """Whether text is percent-encoded, as &encode=url3986 (spaces as %20) or urlLegacy
    (spaces as +) send it: nothing but URL-safe characters and %XX escapes, at least one
    of them, and no space. A question or category in words always has a space, so
    none reads as encoded by chance; a one-word answer can't be told apart, and is not
    looked at."""
    return isinstance(value, str) and "%" in value and _URL_ENCODED.fullmatch(value) is not None


def _text(raw: dict, key: str, prompt: str | None) -> str:
    value = raw.get(key)
    if value is None:
        raise _EntryProblem(f"missing '{key}'", prompt)
    if not isinstance(value, str):
        raise _EntryProblem(f"'{key}' must be text, not {json.dumps(value)[:30]}", prompt)
    return _clean(value, key, prompt)


def _unescape(value: str) -> str:
    """HTML entities decoded, control characters (which a pack refuses) made spaces, trimmed."""
    return CONTROL.sub(" ", html.unescape(value)).strip()


def _clean(value: str, key: str, prompt: str | None) -> str:
    """HTML entities decoded, surrounding white space trimmed; empty or non-Unicode refused."""
    text = _unescape(value)
    if not text:
        raise _EntryProblem(f"'{key}' is empty", prompt)
    return _unicode(text, key, prompt)


def _unicode(text: str, key: str, prompt: str | None) -> str:
    """TEXT, unless a JSON escape like \\ud800 left a lone surrogate in it (no pack,
    YAML or terminal can hold one)."""
    if _SURROGATE.search(text) is not None:
        raise _EntryProblem(
            f"'{key}' holds a lone surrogate escape, which is not Unicode text", prompt
        )
    return text


def _optional(raw: dict, key: str, prompt: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _EntryProblem(f"'{key}' must be text", prompt)
    return _unicode(_unescape(value), key, prompt) or None


def _difficulty(raw: dict, prompt: str) -> str | None:
    value = _optional(raw, "difficulty", prompt)
    if value is not None and value.lower() not in DIFFICULTIES:
        raise _EntryProblem(f"difficulty {json.dumps(value)} is not easy, medium or hard", prompt)
    return value.lower() if value is not None else None

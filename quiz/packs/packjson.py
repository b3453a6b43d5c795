"""A pack as JSON data and back, trusting nothing: every field of every dataclass is checked."""

from __future__ import annotations

import math
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import fields, is_dataclass
from enum import Enum
from typing import Any

from quiz.packs.model import Pack, Question, QuestionType

Convert = Callable[[object], object]
_PLAIN = (str, int, bool, type(None))  # JSON gives these as they are, and exactly these types


class Malformed(ValueError):
    """The data is not a pack as pack_to_data writes one."""


def pack_to_data(pack: Pack, *, questions: bool = True) -> dict[str, Any]:
    """The pack as JSON data (path left out: it is the file being loaded); without its
    questions if questions=False (a compiled entry holds each on its own)."""
    data = _plain(pack)
    data["path"] = None
    data["sources"] = [_plain(source) for source in pack.sources]
    data["questions"] = [question_to_data(q) for q in pack.questions] if questions else []
    return data


def question_to_data(question: Question) -> dict[str, Any]:
    """One question as JSON data."""
    return {**_plain(question), "source": _plain(question.source) if question.source else None}


def pack_from_data(data: object, path: str, questions: Sequence[Question] | None = None) -> Pack:
    """Rebuild a pack from pack_to_data's data, its path set to path; Malformed if anything
    is not exactly as written: a key missing or extra, a wrong type, an unknown enum value,
    a number that is not finite, an answer of the wrong kind for its question. With
    questions, the data holds none and the pack has these."""
    try:
        values = _values(Pack, data)
    except (KeyError, ValueError, TypeError):
        raise Malformed("not a pack as the cache writes one") from None
    if questions is not None:
        if values["questions"] != ():
            raise Malformed("questions where a compiled pack has none")
        values["questions"] = questions
    return Pack(**{**values, "path": path})


def question_from_data(data: object) -> Question:
    """Rebuild a question from question_to_data's data; Malformed as pack_from_data."""
    try:
        return Question(**_values(Question, data))
    except (KeyError, ValueError, TypeError):
        raise Malformed("not a question as the cache writes one") from None


def _plain(obj: object) -> dict[str, Any]:
    return {name: getattr(obj, name) for name, _, _ in _plan(type(obj))}


def _values(cls: type, data: object) -> dict[str, object]:
    """The init arguments of cls from data, each converted by the plan for cls."""
    plan = _plan(cls)
    if type(data) is not dict or len(data) != len(plan):
        raise Malformed(cls.__name__)
    values: dict[str, object] = {}
    for name, kinds, convert in plan:
        value = data[name]  # a missing key is a KeyError: the lengths matched, so one is odd
        if convert is not None:
            values[name] = convert(value)
        elif type(value) in kinds:
            values[name] = value
        else:
            raise Malformed(f"{cls.__name__}.{name}")
    if cls is Question:
        _check_answer(values)
    return values


_PLANS: dict[type, tuple[tuple[str, tuple[type, ...], Convert | None], ...]] = {}


def _plan(cls: type) -> tuple[tuple[str, tuple[type, ...], Convert | None], ...]:
    """Per init field of cls: its name, and either the exact JSON types it may hold or a
    converter. Built once per class from the model's own type hints, so a field added to
    the model is checked without a change here."""
    plan = _PLANS.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        plan = tuple(_field(f.name, hints[f.name]) for f in fields(cls) if f.init)
        _PLANS[cls] = plan
    return plan


def _field(name: str, hint: object) -> tuple[str, tuple[type, ...], Convert | None]:
    options = typing.get_args(hint) if _is_union(hint) else (hint,)
    if all(option in _PLAIN for option in options):
        return name, tuple(options), None
    return name, (), _converter(hint)


def _is_union(hint: object) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


def _converter(hint: Any) -> Convert:
    if _is_union(hint):
        options = typing.get_args(hint)
        if type(None) in options and len(options) == 2:
            inner = _converter(next(o for o in options if o is not type(None)))
            return lambda value: None if value is None else inner(value)
        if all(o in (str, bool, float) for o in options):
            return lambda value: _one_of(value, options)
    elif hint is float:
        return lambda value: _one_of(value, (float,))
    elif isinstance(hint, type) and issubclass(hint, Enum):
        members = {member.value: member for member in hint}
        return lambda value: members[value] if type(value) is str else _one_of(value, (str,))
    elif isinstance(hint, type) and is_dataclass(hint):
        return lambda value: hint(**_values(hint, value))
    elif _is_sequence(hint):  # tuple[X, ...], or Sequence[X]: rebuilt as a tuple
        item = typing.get_args(hint)[0]
        if item in _PLAIN:
            return lambda value: _plain_items(value, item)
        convert = _converter(item)
        return lambda value: tuple(convert(v) for v in _one_of(value, (list,)))
    raise TypeError(f"the cache cannot check a field of type {hint!r}")  # a model change


def _is_sequence(hint: object) -> bool:
    origin = typing.get_origin(hint)
    if origin is tuple:
        return typing.get_args(hint)[1:] == (...,)
    return origin is Sequence


def _plain_items(value: object, kind: type) -> tuple[object, ...]:
    if type(value) is list and all(type(item) is kind for item in value):
        return tuple(value)
    raise Malformed(f"not a list of {kind.__name__}")


def _one_of(value: object, kinds: tuple[type, ...]) -> object:
    if type(value) not in kinds or (type(value) is float and not math.isfinite(value)):
        raise Malformed(f"{type(value).__name__} where {kinds} belongs")
    return value


_ANSWER_KIND = {QuestionType.TRUE_FALSE: bool, QuestionType.NUMBER: float}


def _check_answer(values: dict[str, object]) -> None:
    """The answer's kind follows the question's type, as the loader makes it."""
    if type(values["answer"]) is not _ANSWER_KIND.get(values["type"], str):
        raise Malformed("an answer of the wrong kind for its question")

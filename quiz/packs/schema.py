"""The pack format as JSON Schema (draft-07), for editors and other tools."""

from __future__ import annotations

from typing import Any

from quiz.packs.fields import SLUG
from quiz.packs.questions import MAX_DISTRACTORS

SCHEMA_ID = "https://quiz.invalid/schema/pack-v1.json"

# YAML reads `answer: 10` as a number and `answer: no` as a boolean; the loader keeps
# such scalars as the text written, so the schema accepts any scalar where text belongs.
_TEXT: dict[str, Any] = {"type": ["string", "number", "boolean"], "minLength": 1}
_OPTIONAL_TEXT: dict[str, Any] = {"type": ["string", "number", "boolean", "null"]}
_SLUG: dict[str, Any] = {"type": "string", "pattern": f"^{SLUG.pattern}$"}
_TEXT_LIST: dict[str, Any] = {"type": "array", "items": _TEXT}
_NUMBER: dict[str, Any] = {"type": "number"}
_BOOLEAN_WORDS = ["true", "false", "yes", "no", "True", "False", "Yes", "No", "TRUE", "FALSE",
                  "YES", "NO"]  # fmt: skip


def _only_for(qtype: str, *keys: str) -> dict[str, Any]:
    """Questions of other types may not use these keys."""
    return {
        "if": {"not": {"properties": {"type": {"const": qtype}}, "required": ["type"]}}
        if qtype != "choice"
        else {
            "properties": {"type": {"enum": ["true-false", "text", "number"]}},
            "required": ["type"],
        },
        "then": {"not": {"anyOf": [{"required": [key]} for key in keys]}},
    }


def pack_schema() -> dict[str, Any]:
    """The JSON Schema of pack format version 1."""
    source = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "title"],
        "properties": {
            "id": _SLUG,
            "title": _TEXT,
            "author": _OPTIONAL_TEXT,
            "publisher": _OPTIONAL_TEXT,
            "published": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            "url": _OPTIONAL_TEXT,
            "file": _OPTIONAL_TEXT,
        },
    }
    citation = {
        "type": "object",
        "additionalProperties": False,
        "required": ["ref", "excerpt"],
        "properties": {"ref": _SLUG, "excerpt": _TEXT, "highlight": _OPTIONAL_TEXT},
    }
    question = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "prompt", "answer"],
        "properties": {
            "id": _SLUG,
            "type": {"enum": ["choice", "true-false", "text", "number"], "default": "choice"},
            "prompt": _TEXT,
            "answer": {"type": ["string", "number", "boolean"]},
            "distractors": {**_TEXT_LIST, "minItems": 1, "maxItems": MAX_DISTRACTORS, "uniqueItems": True},
            "accept": _TEXT_LIST,
            "tolerance": {**_NUMBER, "minimum": 0},
            "unit": _OPTIONAL_TEXT,
            "category": _OPTIONAL_TEXT,
            "difficulty": {"enum": ["easy", "medium", "hard"], "default": "medium"},
            "explanation": _OPTIONAL_TEXT,
            "source": citation,
        },
        "allOf": [
            _only_for("choice", "distractors"),
            _only_for("text", "accept"),
            _only_for("number", "tolerance", "unit"),
            {   # a choice question (the default type) needs distractors
                "if": {"anyOf": [{"not": {"required": ["type"]}},
                                 {"properties": {"type": {"const": "choice"}}}]},
                "then": {"required": ["distractors"]},
            },
            {
                "if": {"properties": {"type": {"const": "true-false"}}, "required": ["type"]},
                "then": {"properties": {"answer": {"anyOf": [
                    {"type": "boolean"}, {"enum": _BOOLEAN_WORDS}]}}},
            },
            {
                "if": {"properties": {"type": {"const": "number"}}, "required": ["type"]},
                "then": {"properties": {"answer": _NUMBER}},
            },
        ],
    }  # fmt: skip
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "quiz question pack, format 1",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "id", "title", "questions"],
        "properties": {
            "format": {"const": 1},
            "id": _SLUG,
            "title": _TEXT,
            "description": _OPTIONAL_TEXT,
            "author": _OPTIONAL_TEXT,
            "license": _OPTIONAL_TEXT,
            "language": _OPTIONAL_TEXT,
            "sources": {"type": "array", "items": source},
            "questions": {"type": "array", "minItems": 1, "items": question},
        },
    }

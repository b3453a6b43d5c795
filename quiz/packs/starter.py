"""The starter pack `quiz new` writes: one commented example of everything, valid and strict."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from string import Template

from quiz.packs.printable import printable
from quiz.packs.schema import SCHEMA_ID, pack_schema
from quiz.packs.slugs import slugify
from quiz.packs.yamlout import quote

SCHEMA_FILE = "quiz-pack.schema.json"

# Every excerpt below is quoted word for word from docs/pack-format.md (a test checks).
_TEMPLATE = Template("""\
# yaml-language-server: $$schema=./$schema_file
# A quiz question pack. The line above gives editors with YAML support completion and
# checks as you type, from the schema file next to this one.
#
# Edit the examples into your own questions, then check the pack:
#     quiz check --strict $file_name
# Put it in the packs/ folder of quiz's data folder (or in a folder listed in
# QUIZ_PACKS_PATH) and `quiz packs` lists it; the game's home screen shows the same list.
# The pack author's guide, docs/pack-format.md in quiz's source, explains every field.

format: 1                # the pack format version: always 1
id: $pack_id$id_pad # the pack's id: lowercase letters, digits and hyphens
title: $title   # shown on the home screen
description: "A starter pack: four example questions about writing packs."   # optional
# author: "Your name"    # optional
# license: "CC BY 4.0"   # optional: how others may reuse your questions
language: en             # optional, default en

# Sources: the articles, books or notes your questions come from. A question cites one
# with an excerpt, copied word for word, that the game shows after the answer.
sources:
  - id: pack-guide       # how questions refer to this source
    title: "Writing a question pack (the quiz pack author's guide)"
    publisher: "The quiz project"      # optional
    # published: 2025-01-31           # optional: YYYY-MM-DD
    # url: "https://example.org/..."  # optional: where to read it
    # file: "pack-format.md"          # optional: its text, for `quiz check --sources DIR`

questions:
  # A choice question (the default type): the answer plus 1 to 8 distractors (wrong
  # options), shown shuffled. Quote text that contains a colon or starts with a symbol.
  - id: how-many-distractors
    type: choice
    prompt: "How many distractors can a choice question have?"
    answer: "1 to 8"
    distractors: ["Exactly 3", "As many as you like", "None"]
    category: "question types"     # optional: free text, used for filters and stats
    difficulty: easy               # optional: easy, medium (the default) or hard
    explanation: "Two to nine options in all, counting the answer."   # optional
    source:
      ref: pack-guide
      excerpt: "A choice question offers its answer and 1 to 8 distractors, shuffled."
      highlight: "1 to 8 distractors"   # optional: part of the excerpt to emphasise

  # A true-false question: the answer is true or false.
  - id: anchors-allowed
    type: true-false
    prompt: "A pack may use YAML anchors and aliases to repeat text."
    answer: false
    category: "rules"
    source:
      ref: pack-guide
      excerpt: "Anchors, aliases and merge keys are refused"

  # A text question: the player types the answer. Case, accents and punctuation do not
  # matter; list other spellings that count as right in accept.
  - id: pack-language
    type: text
    prompt: "In which language is a pack file written?"
    answer: "YAML"
    accept: ["YML"]
    category: "rules"
    difficulty: medium
    source:
      ref: pack-guide
      excerpt: "A pack is one YAML file"

  # A number question: the player types a number; tolerance says how far off still
  # counts (default 0) and unit is shown after the answer.
  - id: longest-id
    type: number
    prompt: "How many characters long can an id be, at most?"
    answer: 64
    tolerance: 0
    unit: "characters"
    category: "rules"
    difficulty: hard
    source:
      ref: pack-guide
      excerpt: "starts with a letter or digit, and is at most 64 characters long"
""")


class SchemaStatus(StrEnum):
    """What happened to the schema file beside a new pack."""

    WRITTEN = "written"  # there was none
    KEPT = "kept"  # the same schema was already there
    UPDATED = "updated"  # an older quiz schema was replaced
    FOREIGN = "foreign"  # a file of that name that is not quiz's schema was left alone


@dataclass(frozen=True)
class NewPack:
    """What `write_starter` wrote."""

    path: Path
    schema_path: Path
    schema_status: SchemaStatus


def default_id(path: Path) -> str:
    """The pack id for a file name: its slug, or 'my-pack'."""
    return slugify(path.stem) or "my-pack"


def default_title(path: Path) -> str:
    """A title from a file name: 'film-club.yaml' -> 'Film club'."""
    # A name's bytes need not be UTF-8 (Python holds the others as lone surrogates, which
    # no pack can contain): each such byte becomes "?" in the title.
    stem = path.stem.encode("utf-8", "replace").decode("utf-8")
    words = " ".join(stem.replace("-", " ").replace("_", " ").split())
    return words[:1].upper() + words[1:] if words else "My pack"


def starter_text(pack_id: str, title: str, file_name: str = "pack.yaml") -> str:
    """The starter pack's YAML, with the schema line pointing at ./quiz-pack.schema.json."""
    return _TEMPLATE.substitute(
        schema_file=SCHEMA_FILE,
        file_name=printable(file_name),  # in a comment: one line, and UTF-8 text
        pack_id=pack_id,
        id_pad=" " * max(0, 20 - len(pack_id)),
        title=quote(title),
    )


def schema_text() -> str:
    """The pack JSON Schema as written to disk (the same as `quiz schema` prints)."""
    return json.dumps(pack_schema(), indent=2) + "\n"


def write_starter(path: Path, pack_id: str, title: str) -> NewPack:
    """Write the starter pack at path and the schema beside it.

    Never overwrites the pack (FileExistsError); creates missing parent folders.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as out:
        out.write(starter_text(pack_id, title, path.name))
    schema_path = path.parent / SCHEMA_FILE
    return NewPack(path, schema_path, write_schema(schema_path))


def write_schema(schema_path: Path) -> SchemaStatus:
    """Write the schema file unless the same one, or someone else's file, is there."""
    wanted = schema_text()
    status = SchemaStatus.WRITTEN
    if schema_path.exists():
        try:
            current = schema_path.read_text(encoding="utf-8")
            ours = json.loads(current).get("$id") == SCHEMA_ID
        except (OSError, UnicodeDecodeError, ValueError, AttributeError):
            return SchemaStatus.FOREIGN
        if current == wanted:
            return SchemaStatus.KEPT
        if not ours:
            return SchemaStatus.FOREIGN
        status = SchemaStatus.UPDATED
    schema_path.write_text(wanted, encoding="utf-8", newline="\n")
    return status

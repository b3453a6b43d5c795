"""The starter pack `quiz new` writes: one commented example of everything, valid and strict."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from string import Template

from quiz.packs.files import FileRefused, read_bounded
from quiz.packs.loader import load_pack_bytes
from quiz.packs.printable import printable
from quiz.packs.schema import SCHEMA_ID, pack_schema
from quiz.packs.slugs import slugify
from quiz.packs.writing import make_folders, remove_folders, write_atomically
from quiz.packs.yamlout import quote

SCHEMA_FILE = "quiz-pack.schema.json"
_SCHEMA_LIMIT = 2**20  # ours is about 9 KiB; a larger file there is someone else's

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
    # author: "Ada Writer"            # optional: who wrote it
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
  # counts (default 0); unit is shown with the answer and may be typed with the number.
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
    REPLACED = "replaced"  # such a file, replaced because force was given


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
        file_name=printable(file_name),  # in a comment: a line break would end it
        pack_id=pack_id,
        id_pad=" " * max(0, 20 - len(pack_id)),
        title=quote(title),
    )


def schema_text() -> str:
    """The pack JSON Schema as written to disk (the same as `quiz schema` prints)."""
    return json.dumps(pack_schema(), indent=2) + "\n"


def write_starter(path: Path, pack_id: str, title: str) -> NewPack:
    """Write the starter pack at path and the schema beside it; creates missing folders.

    Never overwrites the pack (FileExistsError). A title that cannot make a valid pack
    raises PackError, and one that is not Unicode text ValueError, before any file is
    made. When the schema cannot be written the new pack is removed again: a failure
    leaves nothing behind.
    """
    data = starter_text(pack_id, title, path.name).encode("utf-8")
    load_pack_bytes(data, str(path))  # what we write must pass `quiz check`
    made = make_folders(path.parent)
    try:
        write_atomically(path, data, overwrite=False)
    except BaseException:
        remove_folders(made)
        raise
    schema_path = path.parent / SCHEMA_FILE
    try:
        status = write_schema(schema_path)
    except BaseException:
        path.unlink(missing_ok=True)  # we made it a moment ago; half the job is not done
        remove_folders(made)
        raise
    return NewPack(path, schema_path, status)


def write_schema(schema_path: Path, *, force: bool = False) -> SchemaStatus:
    """Write the schema file unless the same one is there already. Another version of
    quiz's schema is updated; anything else is left alone (FOREIGN) unless `force`, and
    a folder, FIFO or device always is."""
    wanted = schema_text()
    status = SchemaStatus.WRITTEN
    if os.path.lexists(schema_path):
        current = _small_text(schema_path)
        if current == wanted:
            return SchemaStatus.KEPT
        if current is not None and _is_quiz_schema(current):
            status = SchemaStatus.UPDATED
        elif force and schema_path.is_file():  # someone else's file, as force asks
            status = SchemaStatus.REPLACED
        else:
            return SchemaStatus.FOREIGN
    try:
        write_atomically(
            schema_path, wanted.encode("utf-8"), overwrite=status is not SchemaStatus.WRITTEN
        )
    except FileExistsError:
        return SchemaStatus.FOREIGN  # it appeared while we wrote: not ours to replace
    return status


def _small_text(path: Path) -> str | None:
    """The UTF-8 text of a regular file of at most 1 MiB, else None (never blocks on a FIFO)."""
    try:
        return read_bounded(path, _SCHEMA_LIMIT).decode("utf-8")
    except (FileRefused, UnicodeDecodeError):
        return None


def _is_quiz_schema(text: str) -> bool:
    try:
        document = json.loads(text)
    except ValueError:
        return False
    return isinstance(document, dict) and document.get("$id") == SCHEMA_ID

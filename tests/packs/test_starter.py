"""The starter pack of `quiz new`: strict-valid, schema-valid, quoting the guide verbatim."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from quiz.commands.check import check_file
from quiz.packs.loader import load_pack, load_pack_bytes
from quiz.packs.model import QuestionType
from quiz.packs.provenance import missing_fragment
from quiz.packs.schema import SCHEMA_ID, pack_schema
from quiz.packs.starter import (
    SCHEMA_FILE,
    SchemaStatus,
    default_id,
    default_title,
    schema_text,
    starter_text,
    write_schema,
    write_starter,
)

GUIDE = Path(__file__).parents[2] / "docs" / "pack-format.md"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def test_starter_passes_strict_check_with_one_question_of_each_type(tmp_path: Path) -> None:
    made = write_starter(tmp_path / "film-club.yaml", "film-club", "Film club")
    problems, count = check_file(made.path, strict=True)
    assert problems == [] and count == 4
    pack = load_pack(made.path)
    assert (pack.id, pack.title) == ("film-club", "Film club")
    assert sorted(q.type for q in pack.questions) == sorted(QuestionType)
    assert all(q.source is not None and q.source.text for q in pack.questions)
    assert any(q.source is not None and q.source.highlight for q in pack.questions)
    assert len(pack.sources) == 1


def test_every_example_type_is_explained_by_a_comment() -> None:
    text = starter_text("p", "P")
    for words in ["A choice question", "A true-false question", "A text question", "A number question", "Sources:"]:  # fmt: skip
        assert f"# {words}" in text


def test_schema_line_resolves_to_the_schema_written_beside_the_pack(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "folder"
    made = write_starter(folder / "quiz.yml", "quiz", "Quiz")
    first_line = made.path.read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.match(first_line)
    assert match is not None
    target = (made.path.parent / match.group(1)).resolve()
    assert target == made.schema_path.resolve() and target.is_file()
    assert json.loads(target.read_text(encoding="utf-8")) == pack_schema()
    assert made.schema_status is SchemaStatus.WRITTEN


def test_starter_is_valid_against_its_own_schema(tmp_path: Path) -> None:
    made = write_starter(tmp_path / "p.yaml", "p", 'A "quoted": title')
    data = yaml.safe_load(made.path.read_text(encoding="utf-8"))
    schema = json.loads(made.schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(data)
    assert data["title"] == 'A "quoted": title'


def test_starter_excerpts_are_quoted_verbatim_from_the_pack_guide() -> None:
    pack = load_pack_bytes(starter_text("p", "P").encode())
    guide = GUIDE.read_text(encoding="utf-8")
    for question in pack.questions:
        assert question.source is not None
        assert missing_fragment(question.source.text, guide) is None, question.id


def test_the_guides_worked_example_passes_strict_check(tmp_path: Path) -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    section = guide.split("## A worked example", 1)[1]
    example = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert example is not None
    path = tmp_path / "example.yaml"
    path.write_text(example.group(1), encoding="utf-8")
    problems, count = check_file(path, strict=True)
    assert problems == [] and count == 4


def test_new_never_overwrites_a_pack(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("my questions", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_starter(path, "mine", "Mine")
    assert path.read_text(encoding="utf-8") == "my questions"
    assert not (tmp_path / SCHEMA_FILE).exists()


def test_schema_file_is_kept_updated_or_left_alone(tmp_path: Path) -> None:
    schema = tmp_path / SCHEMA_FILE
    assert write_schema(schema) is SchemaStatus.WRITTEN
    assert write_schema(schema) is SchemaStatus.KEPT
    schema.write_text(json.dumps({"$id": SCHEMA_ID, "title": "older"}), encoding="utf-8")
    assert write_schema(schema) is SchemaStatus.UPDATED
    assert schema.read_text(encoding="utf-8") == schema_text()
    for foreign in ['{"$id": "https://example.org/other"}', "not json", "[1, 2]"]:
        schema.write_text(foreign, encoding="utf-8")
        assert write_schema(schema) is SchemaStatus.FOREIGN
        assert schema.read_text(encoding="utf-8") == foreign


@pytest.mark.parametrize(
    ("name", "pack_id", "title"),
    [
        ("film-club.yaml", "film-club", "Film club"),
        ("My_Show Trivia.yml", "my-show-trivia", "My Show Trivia"),
        ("???.yaml", "my-pack", "???"),
    ],
)
def test_id_and_title_default_from_the_file_name(name: str, pack_id: str, title: str) -> None:
    assert default_id(Path(name)) == pack_id
    assert default_title(Path(name)) == title

"""`quiz schema`: a valid draft-07 schema that agrees with the loader on fixture packs."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from quiz.cli import main
from quiz.packs.loader import load_pack
from quiz.packs.problems import PackError
from quiz.packs.schema import pack_schema

FIXTURES = Path(__file__).parent.parent / "fixtures"
# Bad packs whose fault is visible in the data itself. The others (duplicate keys,
# aliases, tags, syntax, ids used twice, refs, highlights) are beyond what JSON Schema
# sees after YAML is parsed; the loader alone catches those.
SCHEMA_VISIBLE = [
    "unknown-key", "missing-title", "missing-answer", "list-for-text", "empty", "top-level-list",
    "true-false-answer", "number-answer", "negative-tolerance", "no-distractors",
    "empty-distractors", "too-many-distractors", "other-type-field", "unknown-type",
    "unknown-difficulty", "format-two", "bad-id", "empty-excerpt", "no-questions",
]  # fmt: skip


class _Yaml12Loader(yaml.SafeLoader):
    """Reads dates as text, as a YAML 1.2 editor does (PyYAML would make date objects)."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def schema_accepts(path: Path) -> bool:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)  # noqa: S506
    return jsonschema.Draft7Validator(pack_schema()).is_valid(data)


def loader_accepts(path: Path) -> bool:
    try:
        load_pack(path)
    except PackError:
        return False
    return True


def test_schema_is_valid_draft_07() -> None:
    schema = pack_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["additionalProperties"] is False
    question = schema["properties"]["questions"]["items"]
    assert question["additionalProperties"] is False
    assert question["properties"]["type"]["enum"] == ["choice", "true-false", "text", "number"]
    assert question["properties"]["difficulty"]["enum"] == ["easy", "medium", "hard"]
    assert set(schema["required"]) == {"format", "id", "title", "questions"}


@pytest.mark.parametrize("path", sorted((FIXTURES / "good").glob("*.yaml")), ids=lambda p: p.stem)
def test_schema_and_loader_accept_good_packs(path: Path) -> None:
    assert loader_accepts(path) and schema_accepts(path)


@pytest.mark.parametrize("name", SCHEMA_VISIBLE)
def test_schema_and_loader_refuse_bad_packs(name: str) -> None:
    path = FIXTURES / "bad" / f"{name}.yaml"
    assert not loader_accepts(path)
    assert not schema_accepts(path)


def test_quiz_schema_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == pack_schema()


def test_a_source_may_name_its_author() -> None:
    path = FIXTURES / "ui" / "studio.yaml"
    assert loader_accepts(path) and schema_accepts(path)
    diary = load_pack(path).source("diary")
    assert diary is not None and diary.author == "Rosa Lind"
    assert diary.byline() == ["by Rosa Lind", "Film Weekly"]

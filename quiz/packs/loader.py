"""Load a pack file into the model, collecting every problem with its line and column."""

from __future__ import annotations

import gc
import os

from quiz.packs.fields import Fields, describe, places
from quiz.packs.files import MAX_BYTES, read_pack_file
from quiz.packs.model import Pack, Question, Source
from quiz.packs.problems import PackError, Problem
from quiz.packs.questions import QuestionReader
from quiz.packs.yamltree import Node, TreeError, compose

PACK_KEYS = (
    "format",
    "id",
    "title",
    "description",
    "author",
    "license",
    "language",
    "sources",
    "questions",
)
SOURCE_KEYS = ("id", "title", "author", "publisher", "published", "url", "file")


def load_pack(path: str | os.PathLike[str]) -> Pack:
    """Load and validate the pack file at path; raise PackError listing every problem."""
    return load_pack_bytes(read_pack_file(path), str(path))


def load_pack_bytes(data: bytes, path: str = "<pack>") -> Pack:
    """Load and validate a pack from its bytes; path is used in messages.

    The cyclic garbage collector is off meanwhile: the node tree and the model are many
    objects and no cycles, and collections scanning them all, again and again as they
    grow, made a big pack's load grow faster than its size."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(data, path)
    finally:
        if enabled:
            gc.enable()


def _load(data: bytes, path: str) -> Pack:
    if len(data) > MAX_BYTES:
        raise PackError([Problem(path, 1, 1, "the pack is over the 16 MiB limit; split it")])
    text = _decode(data, path)
    try:
        root = compose(text)
    except TreeError as error:
        raise PackError(
            [Problem(path, line, col, msg) for line, col, msg in error.problems]
        ) from None
    return _PackReader(path).read(root)


def _decode(data: bytes, path: str) -> str:
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise PackError(
            [
                Problem(
                    path,
                    line,
                    1,
                    "the file contains NUL bytes, so it looks binary; "
                    "a pack must be UTF-8 YAML text",
                )
            ]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        line = data.count(b"\n", 0, start) + 1
        line_start = data.rfind(b"\n", 0, start) + 1
        column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
        raise PackError(
            [
                Problem(
                    path,
                    line,
                    column,
                    f"byte 0x{data[start]:02x} is not UTF-8; save the file as UTF-8",
                )
            ]
        ) from None


class _PackReader:
    """Walks a node tree against the format, collecting problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def report(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.path, node.line, node.column, message))

    def read(self, root: Node) -> Pack:
        if root.kind != "mapping":
            self.report(
                root,
                f"a pack must be a YAML mapping (format, id, title, questions), "
                f"not {describe(root)}",
            )
            raise PackError(self.problems)
        fields = Fields(root, self.report, PACK_KEYS, "pack")
        self._check_format(fields)
        pack_id = fields.slug("id")
        title = fields.text("title", required=True)
        description = fields.text("description")
        author = fields.text("author")
        license_ = fields.text("license")
        language = fields.text("language") or "en"
        sources = self._sources(fields)
        questions = self._questions(fields, frozenset(source.id for source in sources))
        if self.problems:
            raise PackError(self.problems)
        return Pack(
            id=pack_id or "",
            title=title or "",
            questions=tuple(questions),
            sources=tuple(sources),
            description=description,
            author=author,
            license=license_,
            language=language,
            path=self.path,
        )

    def _check_format(self, fields: Fields) -> None:
        node = fields.values.get("format")
        if node is None:
            fields.missing("format")
        elif node.is_null:
            self.report(fields.keys["format"], "'format' is empty; write format: 1")
        elif not (node.kind == "scalar" and node.plain and node.value.strip() == "1"):
            shown = repr(node.value) if node.kind == "scalar" else describe(node)
            self.report(node, f"'format' must be 1 (this program reads format 1), not {shown}")

    def _list(self, fields: Fields, name: str) -> list[Node]:
        node = fields.values.get(name)
        if node is None or node.is_null:
            return []
        if node.kind != "sequence":
            self.report(node, f"'{name}' must be a list (each item starting with '- ')")
            return []
        return node.items

    def _sources(self, fields: Fields) -> list[Source]:
        sources: list[Source] = []
        seen: dict[str, Node] = {}
        for node in self._list(fields, "sources"):
            if node.kind != "mapping":
                self.report(
                    node, f"each source must be a mapping with id and title, not {describe(node)}"
                )
                continue
            source = Fields(node, self.report, SOURCE_KEYS, "source")
            source_id, title = source.slug("id"), source.text("title", required=True)
            url_node = source.values.get("url")
            if source_id is not None:
                self._unique(source_id, source.values["id"], seen, "source")
            sources.append(
                Source(
                    id=source_id or "",
                    title=title or "",
                    author=source.text("author"),
                    publisher=source.text("publisher"),
                    published=source.date("published"),
                    url=source.text("url"),
                    file=self._document_name(source),
                    line=node.line,
                    column=node.column,
                    url_line=url_node.line if url_node else 0,
                    url_column=url_node.column if url_node else 0,
                )
            )
        return sources

    def _document_name(self, source: Fields) -> str | None:
        """A source's `file`: a name inside the sources folder, never a way out of it."""
        name = source.text("file")
        if name is None:
            return None
        parts = name.replace("\\", "/").split("/")
        if name.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]:
            self.report(source.values["file"], f"'file' {name!r} must name a document inside "
                        "the sources folder (like 'interview.txt'), not a path out of it")  # fmt: skip
            return None
        return name

    def _unique(self, value: str, node: Node, seen: dict[str, Node], what: str) -> None:
        if value in seen:
            first = seen[value]
            self.report(
                node,
                f"{what} id '{value}' is used twice ({places(first, node)}); give each {what} its own id",
            )
        else:
            seen[value] = node

    def _questions(self, fields: Fields, source_ids: frozenset[str]) -> list[Question]:
        if "questions" not in fields.values:
            fields.missing("questions")
            return []
        questions_node = fields.values["questions"]
        nodes = self._list(fields, "questions")
        if questions_node.is_null:  # `questions:` alone: at the key, where it was written
            self.report(fields.keys["questions"], "'questions' is empty; add at least one question")
        elif questions_node.kind == "sequence" and not nodes:
            self.report(questions_node, "'questions' is empty; add at least one question")
        questions: list[Question] = []
        seen: dict[str, Node] = {}
        for node in nodes:
            if node.kind != "mapping":
                self.report(
                    node,
                    f"each question must be a mapping with id, prompt and answer, "
                    f"not {describe(node)}",
                )
                continue
            reader = QuestionReader(node, self.report, source_ids)
            question = reader.read()
            id_node = reader.fields.values.get("id")
            if id_node is not None and id_node.kind == "scalar" and id_node.value:
                self._unique(id_node.value, id_node, seen, "question")
            if question is not None:
                questions.append(question)
        return questions

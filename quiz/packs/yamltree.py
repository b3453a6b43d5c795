"""Read YAML text into a node tree safely: bounded depth, no aliases, no tags.

PyYAML's C composer recurses in C and crashes the process on deeply nested input, and
aliases can multiply a small file into a huge tree. So the tree is built here from the C
parser's event stream with an explicit stack: depth is bounded, anchors, aliases and tags
are reported as problems (an alias is never expanded), and every node keeps its mark.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# A pack nests at most five levels (pack > questions > question > source, or a list of
# distractors); anything much deeper is not a pack, and refusing it early keeps the
# walk cheap. Deep enough that a wrong-but-plausible file still gets a useful message.
MAX_DEPTH = 32


@dataclass(eq=False)
class Node:
    """A YAML node: kind is 'scalar', 'mapping' or 'sequence'; line and column from 1."""

    kind: str
    line: int
    column: int
    value: str = ""  # scalar text as written (escapes resolved, no type conversion)
    plain: bool = False  # a plain (unquoted) scalar
    items: list[Node] = field(default_factory=list)  # sequence items
    pairs: list[tuple[Node, Node]] = field(default_factory=list)  # mapping pairs, in order

    @property
    def is_null(self) -> bool:
        """An empty or null plain scalar (`key:`, `key: ~`, `key: null`)."""
        return (
            self.kind == "scalar" and self.plain and self.value in ("", "~", "null", "Null", "NULL")
        )


class TreeError(Exception):
    """The text is not YAML we can read; `problems` holds (line, column, message)."""

    def __init__(self, problems: list[tuple[int, int, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(message for _, _, message in problems))


def _position(mark: yaml.Mark | None) -> tuple[int, int]:
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def _syntax_message(error: yaml.MarkedYAMLError, text: str) -> str:
    problem = error.problem or str(error)
    mark = error.problem_mark
    if mark is not None and "\t" in _text_line(text, mark.line)[: mark.column + 1]:
        return "tab character here; YAML indents with spaces, so replace the tab with spaces"
    context = getattr(error, "context", None)
    text = f"{context}, {problem}" if context else problem
    return f"YAML syntax error: {text}; fix the syntax at this spot"


def compose(text: str) -> Node:
    """Build the node tree of one YAML document, or raise TreeError listing problems."""
    problems: list[tuple[int, int, str]] = []
    documents = 0
    root: Node | None = None
    stack: list[Node] = []
    pending_keys: list[Node | None] = []

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node if documents == 1 else root
            return
        parent = stack[-1]
        if parent.kind == "sequence":
            parent.items.append(node)
        elif pending_keys[-1] is None:
            pending_keys[-1] = node
        else:
            parent.pairs.append((pending_keys[-1], node))
            pending_keys[-1] = None

    def check_node_event(event: yaml.NodeEvent, line: int, column: int) -> None:
        if event.anchor is not None:
            problems.append(
                (
                    line,
                    column,
                    f"anchor '&{event.anchor}' is not allowed in a pack; write the value out in full",
                )
            )
        tag = getattr(event, "tag", None)
        if tag is not None and not (isinstance(event, yaml.ScalarEvent) and tag == "!"):
            problems.append(
                (
                    line,
                    column,
                    f"tag '{tag}' is not allowed in a pack; remove it (packs are plain data)",
                )
            )

    try:
        for event in yaml.parse(text, Loader=_Loader):
            line, column = _position(event.start_mark)
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents == 2:
                    problems.append(
                        (
                            line,
                            column,
                            "a second YAML document starts here; a pack file holds exactly one",
                        )
                    )
            elif isinstance(event, yaml.AliasEvent):
                problems.append(
                    (
                        line,
                        column,
                        f"alias '*{event.anchor}' is not allowed in a pack; write the value out in full",
                    )
                )
                attach(Node("scalar", line, column, value="", plain=False))
            elif isinstance(event, yaml.ScalarEvent):
                check_node_event(event, line, column)
                attach(Node("scalar", line, column, value=event.value, plain=not event.style))
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                check_node_event(event, line, column)
                kind = "mapping" if isinstance(event, yaml.MappingStartEvent) else "sequence"
                node = Node(kind, line, column)
                attach(node)
                stack.append(node)
                pending_keys.append(None)
                if len(stack) > MAX_DEPTH:
                    problems.append(
                        (
                            line,
                            column,
                            f"nesting deeper than {MAX_DEPTH} levels; a pack never needs this, so check the structure",
                        )
                    )
                    raise TreeError(problems)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                pending_keys.pop()
    except TreeError:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.context_mark is not None and _at_end(text, error.problem_mark):
            mark = error.context_mark  # where the unclosed thing opened, not the end of file
        line, column = _position(mark)
        problems.append((line, column, _syntax_message(error, text)))
        raise TreeError(problems) from None
    except yaml.reader.ReaderError as error:
        # libyaml gives a byte offset into the UTF-8 text; count characters instead.
        index = len(text.encode("utf-8")[: error.position].decode("utf-8", errors="replace"))
        line, column = _line_column(text, index)
        problems.append(
            (
                line,
                column,
                f"character U+{_code(error.character):04X} is not allowed in YAML; remove it or save the file as plain UTF-8 text",
            )
        )
        raise TreeError(problems) from None
    except (yaml.YAMLError, ValueError, RecursionError) as error:  # defensive: never escape
        problems.append(
            (
                1,
                1,
                f"could not read the YAML ({error.__class__.__name__}); check the file is a YAML pack",
            )
        )
        raise TreeError(problems) from None

    if documents == 0 or root is None:
        problems.append(
            (
                1,
                1,
                "the file is empty; a pack is a YAML mapping with format, id, title and questions",
            )
        )
    if problems:
        raise TreeError(problems)
    return root


def _at_end(text: str, mark: yaml.Mark | None) -> bool:
    """True when the parser ran out of text at MARK (judged by position, not its wording)."""
    if mark is None:
        return False
    lines = text.splitlines(keepends=True)  # the same line breaks as YAML's, once read
    last = len(lines) - 1
    return mark.line > last or (mark.line == last and mark.column >= len(lines[last]))


def _line_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index in text."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def _text_line(text: str, line_index: int) -> str:
    """The line of text at a 0-based index, or '' past the end."""
    lines = text.split("\n", line_index + 1)
    return lines[line_index] if line_index < len(lines) else ""


def _code(character: str | int) -> int:
    return character if isinstance(character, int) else ord(character)

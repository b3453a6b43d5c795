"""Reading typed values out of YAML nodes, recording a problem when a value is wrong."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date

from quiz.packs.printable import CONTROL
from quiz.packs.yamltree import Node

SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
BOOLEANS = {"true": True, "yes": True, "false": False, "no": False}

Report = Callable[[Node, str], None]


def describe(node: Node) -> str:
    """What a node is, in words, for messages."""
    return {"mapping": "a mapping", "sequence": "a list"}.get(node.kind, "text")


class Fields:
    """Reads one YAML mapping's keys: reports duplicates, unknown keys and wrong kinds."""

    def __init__(self, node: Node, report: Report, allowed: tuple[str, ...], what: str) -> None:
        self.node = node
        self.report = report
        self.what = what
        self.values: dict[str, Node] = {}
        self.keys: dict[str, Node] = {}
        for key, value in node.pairs:
            if key.kind != "scalar":
                report(key, f"a {self.what} key must be a plain name, not {describe(key)}")
                continue
            name = key.value
            if name == "<<" and key.plain:
                report(key, "merge keys (<<) are not allowed in a pack; write the keys out in full")
            elif name in self.keys:
                first = self.keys[name]
                report(
                    key,
                    f"key '{name}' is given twice in this {self.what} ({places(first, key)}); keep one",
                )
            elif name not in allowed:
                report(key, f"unknown key '{name}' in a {self.what}; {_suggest(name, allowed)}")
            else:
                self.keys[name] = key
                self.values[name] = value

    def has(self, name: str) -> bool:
        """True when the key is present with a non-null value."""
        node = self.values.get(name)
        return node is not None and not node.is_null

    def text(self, name: str, required: bool = False) -> str | None:
        """A text field, read as written; None when absent (reported if required)."""
        node = self.values.get(name)
        if node is None or node.is_null:
            if required:
                self.missing(name)
            return None
        if node.kind != "scalar":
            self.report(node, f"'{name}' must be text, not {describe(node)}")
            return None
        if required and not node.value.strip():
            self.report(node, f"'{name}' is empty; give it a value")
            return None
        if not plain_text(node, self.report, f"'{name}'"):
            return None
        return node.value

    def slug(self, name: str) -> str | None:
        """A required id-like field: lowercase letters, digits and hyphens."""
        value = self.text(name, required=True)
        if value is not None and not SLUG.fullmatch(value):
            self.report(
                self.values[name],
                f"'{name}' is {value!r}, not a valid id; use 1-64 lowercase letters, digits and "
                "hyphens, starting with a letter or digit (like 'cable-shot')",
            )
            return None
        return value

    def number(self, name: str) -> float | None:
        """A number field (int or decimal); None when absent."""
        node = self.values.get(name)
        if node is None or node.is_null:
            return None
        value = parse_number(node)
        if value is None:
            self.report(node, f"'{name}' must be a number (like 3 or 0.5), not {_shown(node)}")
        return value

    def text_list(self, name: str) -> list[tuple[Node, str]] | None:
        """A list of text items, each with its node; None when absent."""
        node = self.values.get(name)
        if node is None or node.is_null:
            return None
        if node.kind != "sequence":
            self.report(node, f'\'{name}\' must be a list of text, like ["one", "two"]')
            return None
        items = []
        for item in node.items:
            if item.kind != "scalar" or item.is_null or not item.value.strip():
                self.report(item, f"each item of '{name}' must be non-empty text")
            elif plain_text(item, self.report, f"an item of '{name}'"):
                items.append((item, item.value))
        return items

    def date(self, name: str) -> str | None:
        """An ISO date (YYYY-MM-DD), quoted or not."""
        value = self.text(name)
        if value is None:
            return None
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError
            date.fromisoformat(value)
        except ValueError:
            self.report(
                self.values[name], f"'{name}' must be a date written YYYY-MM-DD, not {value!r}"
            )
            return None
        return value

    def missing(self, name: str) -> None:
        """Report a required key as missing, or, when written with no value (`prompt:`,
        `answer: ~`, `answer: null`), as empty at that key's own line and column."""
        key = self.keys.get(name)
        if key is not None:
            self.report(key, f"'{name}' is empty; give it a value")
        else:
            self.report(self.node, f"this {self.what} is missing '{name}'; add it")


def places(first: Node, second: Node) -> str:
    """Where two nodes stand, for 'given twice' messages: lines, or columns on one line."""
    if first.line == second.line:
        return f"line {first.line}, columns {first.column} and {second.column}"
    return f"lines {first.line} and {second.line}"


def parse_number(node: Node) -> float | None:
    """The number a scalar node holds, or None if it is not a finite number."""
    if node.kind != "scalar":
        return None
    text = node.value.strip().replace("_", "")
    if not NUMBER.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def inexact_number(node: Node, value: float) -> str | None:
    """Why the float `value` read from `node` is not the number written, or None.

    A float keeps about 17 significant digits and nothing below 5e-324, so
    9007199254740993 would be judged (and shown) as 9007199254740992, and 1e-400 as 0.
    """
    from decimal import Decimal

    written = Decimal(node.value.strip().replace("_", ""))
    if value == 0 and written != 0:
        return "is too small for the game, which would take it for 0; use a larger unit"
    if Decimal(repr(value)) != written:
        return (
            f"has more digits than the game keeps (it would be {repr(value).removesuffix('.0')}); "
            "round it to 15 significant digits or fewer"
        )
    return None


def plain_text(node: Node, report: Report, what: str) -> bool:
    """True if a scalar holds no control characters; otherwise report the first one."""
    found = CONTROL.search(node.value)
    if found is None:
        return True
    report(node, f"{what} contains control character U+{ord(found.group()):04X}; remove it "
           "(pack text is plain text, and such characters would reach the terminal)")  # fmt: skip
    return False


def parse_boolean(node: Node) -> bool | None:
    """true/false/yes/no in any case, or None."""
    if node.kind != "scalar":
        return None
    return BOOLEANS.get(node.value.strip().lower())


def _shown(node: Node) -> str:
    return repr(node.value) if node.kind == "scalar" else describe(node)


def _suggest(name: str, allowed: tuple[str, ...]) -> str:
    import difflib

    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "allowed keys are " + ", ".join(allowed)

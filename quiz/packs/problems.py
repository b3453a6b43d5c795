"""Problems found in a pack, and the one error that carries them all."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.packs.printable import printable


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a pack, at a place in its file (line and column from 1)."""

    path: str
    line: int
    column: int
    message: str
    severity: str = "error"  # or "note": worth fixing, but the pack passes

    def __str__(self) -> str:
        # Messages quote pack text (key names, refs) and the path is a file name: one line,
        # and nothing in it acts on the terminal.
        where = f"{self.path}:{self.line}:{self.column}"
        return printable(f"{where}: {self.severity}: {self.message}")


class PackError(Exception):
    """A pack could not be loaded; `problems` lists every reason, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @property
    def first(self) -> Problem:
        """The problem nearest the top of the file."""
        return self.problems[0]

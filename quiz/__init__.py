"""quiz: a terminal trivia game about how films and shows are made."""

__version__ = "0.1.0"

"""Where quiz keeps its data: --data-dir, else QUIZ_DATA_DIR, else the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

from quiz.userpath import user_path

ENV_VAR = "QUIZ_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder to use (not created here): the override, the env var, or the default.

    An empty override is a ValueError (the CLI refuses `--data-dir ""` as a usage error).
    QUIZ_DATA_DIR set to an empty value counts as unset, as XDG_DATA_HOME does.
    """
    if override is not None:
        if not os.fspath(override):
            raise ValueError("the data folder must not be empty")
        return user_path(override)
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return user_path(from_env)
    import platformdirs

    return Path(platformdirs.user_data_dir("quiz", appauthor=False))

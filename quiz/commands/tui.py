"""Launch the Textual UI for `quiz`, `quiz play` and `quiz review`: one sequence for all three."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from quiz import collector
from quiz.commands.output import close_history, say

if TYPE_CHECKING:
    from quiz.game.history import History
    from quiz.game.review import ReviewPlan
    from quiz.game.selection import GameOptions, Selection
    from quiz.packs.catalog import PackEntry, PackLoader
    from quiz.packs.model import Pack


def launch(
    open_history: Callable[[], History],
    packs: Sequence[Pack],
    *,
    prog: str,
    start: GameOptions | None = None,
    dealt: Selection | None = None,
    review: ReviewPlan | None = None,
    entries: Sequence[PackEntry] | None = None,
    loader: PackLoader | None = None,
) -> int:
    """Run the app over PACKS (loaded) and ENTRIES (found, with LOADER to load them when
    played) with the history OPEN_HISTORY gives; its exit code.

    Textual is imported while the history opens (start `quiz.history.opening` first to
    overlap them). A history that can't be opened is one error line and exit 1, with no
    UI. The history is closed when the app ends, however it ends; answers it could not
    save by then are one error line and exit 1.
    """
    from quiz.store import StoreError

    collector.pause()  # until the first screen is painted (see quiz/collector.py)
    from quiz.ui.app import create_app

    try:
        history = open_history()
    except StoreError as error:
        collector.resume()
        say(f"{prog}: error: {error}", err=True)
        return 1
    try:
        app = create_app(
            packs,
            history=history,
            start=start,
            dealt=dealt,
            review=review,
            entries=entries,
            loader=loader,
        )
        app.run()
    finally:
        saved = close_history(history, prog)
        collector.resume()  # a no-op once the app has resumed it
    if not saved:
        return 1
    return int(app.return_code or 0)

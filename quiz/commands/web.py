"""textual-serve's Server for `quiz serve`: quiet, and its page reached at the address asked."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiohttp import web
from textual_serve.server import Server


class QuizServer(Server):
    """Serves COMMAND to each browser tab; logs only warnings (no banner, no access log)."""

    def __init__(self, command: str, *, host: str, port: int) -> None:
        super().__init__(command, host=host, port=port, title="quiz")
        self._tabs: set[asyncio.Task[Any]] = set()  # each open tab's websocket handler

    def initialize_logging(self) -> None:
        logging.basicConfig(level=logging.WARNING, format="quiz serve: %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        pass  # quiz serve has said where it listens, and how to stop it

    async def on_shutdown(self, app: web.Application) -> None:
        # Stopping ends each tab's game now (its answers are saved as given): the
        # server would otherwise wait on the open websockets before it exits.
        for tab in list(self._tabs):
            tab.cancel()

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        tab = asyncio.current_task()
        if tab is not None:
            self._tabs.add(tab)
        try:
            return await super().handle_websocket(request)
        finally:
            self._tabs.discard(tab)  # type: ignore[arg-type]

    async def handle_index(self, request: web.Request) -> Any:
        # The page's links and websocket go back to the address the browser used: with
        # --host 0.0.0.0 the server's own address would send another computer to itself.
        # Set and used with no await between, so each request gets its own.
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)

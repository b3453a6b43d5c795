"""textual-serve's Server for `quiz serve`: quiet, and starting games only from its own page."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

from quiz.commands.webtab import TabGame, forward, quiet, screen_size
from quiz.packs.printable import printable

MAX_TABS = 16  # games served at once; each is a process of its own (~100 MB)


def is_loopback(name: str) -> bool:
    """Whether NAME (a host name or address, IPv6 with or without brackets) is this computer."""
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


class QuizServer(Server):
    """Serves COMMAND to each browser tab; logs only warnings (no banner, no access log)."""

    def __init__(self, command: str, *, host: str, port: int, loopback: bool) -> None:
        super().__init__(command, host=host, port=port, title="quiz")
        self.loopback = loopback  # listening on this computer only
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

    def refused(self, request: web.Request) -> str | None:
        """Why REQUEST is not served, or None.

        On loopback the page is asked for by a loopback name only: another name that
        resolves here (DNS rebinding) is a web site reaching in. A game is started only
        from a page of this server: any other site's page could open the websocket too.
        """
        name = urlsplit(f"//{request.host}").hostname or ""
        if self.loopback and not is_loopback(name):
            return f"this server answers to 127.0.0.1 or localhost, not {name}"
        origin = request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc != request.host:
            return "games start only from this server's own page"
        return None

    async def handle_index(self, request: web.Request) -> Any:
        why = self.refused(request)
        if why:
            raise web.HTTPForbidden(text=why)
        # The page's links and websocket go back to the address the browser used: with
        # --host 0.0.0.0 the server's own address would send another computer to itself.
        # Set and used with no await between, so each request gets its own.
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab's game, from its websocket opening to its closing (however it closes,
        the game's process ends with it)."""
        why = self.refused(request)
        if why:
            raise web.HTTPForbidden(text=why)
        if len(self._tabs) >= MAX_TABS:
            raise web.HTTPServiceUnavailable(
                text=f"{MAX_TABS} games are open already; close one, then reload this page"
            )
        tab = asyncio.current_task()
        if tab is not None:
            self._tabs.add(tab)
        websocket = web.WebSocketResponse(heartbeat=15)
        width, height = screen_size(request.query.get("width"), request.query.get("height"))
        game: TabGame | None = None
        try:
            await websocket.prepare(request)
            game = TabGame(
                self.command,
                write_bytes=quiet(websocket.send_bytes),
                write_str=quiet(websocket.send_str),
                close=quiet(websocket.close),
                download_manager=self.download_manager,
            )
            await game.start(width, height)
            await forward(websocket, game)
        except (ConnectionError, asyncio.CancelledError):
            pass  # the browser went, or the server is stopping: the game ends below
        except Exception as error:  # one line, never a traceback
            logging.getLogger(__name__).warning("a tab's game failed: %s", printable(str(error)))
        finally:
            if game is not None:
                await game.stop()
            await quiet(websocket.close)()
            self._tabs.discard(tab)  # type: ignore[arg-type]
        return websocket

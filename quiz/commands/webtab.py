"""One browser tab's game for `quiz serve`: a child kept to a sane size, always ended."""

from __future__ import annotations

import asyncio
import json
import shlex
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService

MAX_WIDTH, MAX_HEIGHT = 500, 200  # cells; a game's memory grows with its screen
QUIT_WAIT = 5.0  # seconds a tab's game has to quit when asked, before it is killed


def screen_size(width: object, height: object) -> tuple[int, int]:
    """The terminal size a tab asked for, as whole cells from 1 to the maximum (80 x 24
    for what is not a number)."""

    def cells(value: object, default: int, most: int) -> int:
        try:
            number = int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError, OverflowError):
            number = default
        return min(max(number, 1), most)

    return cells(width, 80, MAX_WIDTH), cells(height, 24, MAX_HEIGHT)


def quiet(send: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[None]]:
    """SEND, doing nothing once the browser has gone: the game's output is then read and
    dropped, so the game is never stuck writing and can quit when told."""

    async def sending(*args: Any) -> None:
        try:
            await send(*args)
        except (ConnectionError, RuntimeError):
            pass

    return sending


class TabGame(AppService):
    """textual-serve's AppService for one tab, run without a shell (the process started
    is the game itself), and stopped for certain: asked to quit, then killed."""

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        self._process = process = await asyncio.create_subprocess_exec(
            *shlex.split(self.command),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
        )
        self._stdin = process.stdin
        return process

    async def stop(self) -> None:
        try:
            await asyncio.wait_for(super().stop(), QUIT_WAIT)
        except (Exception, asyncio.CancelledError):
            pass  # gone already, or stuck: killed below either way
        finally:
            process = self._process
            if process is not None and process.returncode is None:
                process.kill()
                await process.wait()


async def forward(websocket: web.WebSocketResponse, game: TabGame) -> None:
    """Pass the browser's keys, sizes and focus to the game until the tab closes; what is
    not a message textual-serve's page sends is ignored."""
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            envelope = json.loads(message.data)
        except ValueError:
            continue
        if not (isinstance(envelope, list) and len(envelope) == 2):
            continue
        kind, data = envelope
        if kind == "stdin" and isinstance(data, str):
            await game.send_bytes(data.encode("utf-8", "replace"))
        elif kind == "resize" and isinstance(data, dict):
            await game.set_terminal_size(*screen_size(data.get("width"), data.get("height")))
        elif kind == "ping":
            await websocket.send_json(["pong", data])
        elif kind == "blur":
            await game.blur()
        elif kind == "focus":
            await game.focus()

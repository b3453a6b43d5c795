"""`quiz serve`: checks like `quiz play`, says where it listens, serves only its own pages,
and stops cleanly on Ctrl+C."""

from __future__ import annotations

import http.client
import os
import shlex
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from quiz.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
STUDIO = ROOT / "tests" / "fixtures" / "ui" / "studio.yaml"
DEADLINE = 60.0  # seconds; generous for a slow machine, never reached when all is well


class FakeServer:
    """Stands in for textual-serve: records what it was asked to serve."""

    made: list[FakeServer] = []

    def __init__(self, command: str, *, host: str, port: int, loopback: bool) -> None:
        self.command, self.host, self.port, self.loopback = command, host, port, loopback
        FakeServer.made.append(self)

    def serve(self) -> None:
        pass


@pytest.fixture
def fake_server(monkeypatch: pytest.MonkeyPatch) -> list[FakeServer]:
    FakeServer.made = []
    monkeypatch.setattr("quiz.commands.web.QuizServer", FakeServer)
    monkeypatch.setattr("quiz.commands.serve.listen_problem", lambda host, port: None)
    return FakeServer.made


def test_each_tab_plays_quiz_play_with_the_options_given(
    fake_server: list[FakeServer], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    shutil.copy(STUDIO, tmp_path / "studio.yaml")
    monkeypatch.chdir(tmp_path)
    args = ["serve", "--data-dir", "data", "--questions", "3", "--category", "cinematography",
            "--category", "effects", "--difficulty", "easy", "--timer", "12.5", "--seed", "7",
            "studio.yaml"]  # fmt: skip
    assert main(args) == 0
    (server,) = fake_server
    words = shlex.split(server.command)
    assert words[:3] == [sys.executable, "-m", "quiz"]
    played = build_parser().parse_args(words[3:])
    served = build_parser().parse_args(args)
    assert played.command == "play" and played.plain is False  # the tab's pipe is no terminal
    for option in ("questions", "category", "difficulty", "timer", "seed"):
        assert getattr(played, option) == getattr(served, option)
    assert played.packs == [str(tmp_path / "studio.yaml")]  # found wherever the tab starts
    assert played.data_dir == str(tmp_path / "data")


def test_it_listens_on_this_computer_only_unless_told(
    fake_server: list[FakeServer], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", str(STUDIO)]) == 0
    assert (fake_server[0].host, fake_server[0].port) == ("127.0.0.1", 8000)
    assert fake_server[0].loopback
    out = capsys.readouterr().out
    assert "serving on http://127.0.0.1:8000 (this computer only" in out
    assert "warning" not in out


def test_listening_on_every_address_warns_that_anyone_can_play(
    fake_server: list[FakeServer], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--host", "0.0.0.0", "--port", "8123", str(STUDIO)]) == 0
    assert (fake_server[0].host, fake_server[0].port) == ("0.0.0.0", 8123)
    assert not fake_server[0].loopback
    warning = capsys.readouterr().out.splitlines()[0]
    assert warning.startswith("quiz serve: warning: ") and "anyone" in warning


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--questions", "0", str(STUDIO)], 2, "--questions must be at least 1"),
        (["--port", "0"], 2, "is not a port number"),
        (["--category", "nope", str(STUDIO)], 1, "no questions match category 'nope'"),
        (["no-such-pack.yaml"], 1, "no such pack file: no-such-pack.yaml"),
    ],
)
def test_bad_options_and_packs_are_one_line_before_serving(
    fake_server: list[FakeServer],
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    code: int,
    message: str,
) -> None:
    assert main(["serve", *args]) == code
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("quiz serve: error: ") and message in lines[0]
    assert fake_server == []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(*args: str, data_dir: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZ_DATA_DIR": str(data_dir)}
    return subprocess.Popen([sys.executable, "-m", "quiz", "serve", *args], env=env, cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)  # fmt: skip


def wait_for_page(url: str, process: subprocess.Popen[str]) -> str:
    """The page at URL, once the server answers (it must not end first)."""
    started = time.monotonic()
    while True:
        assert process.poll() is None, process.communicate()
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            assert time.monotonic() - started < DEADLINE, f"{url} never answered"
            time.sleep(0.1)  # polling a condition, with a deadline


def refused(port: int, path: str, headers: dict[str, str]) -> bool:
    """Whether the server on PORT refuses a request for PATH with HEADERS (403)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=DEADLINE)
    try:
        connection.request("GET", path, headers=headers)
        return connection.getresponse().status == 403
    finally:
        connection.close()


def test_the_page_is_served_and_ctrl_c_stops_it_in_one_line(tmp_path: Path) -> None:
    port = free_port()
    process = serve("--port", str(port), str(STUDIO), data_dir=tmp_path)
    try:
        page = wait_for_page(f"http://127.0.0.1:{port}/", process)
        assert f"ws://127.0.0.1:{port}/ws" in page
        assert refused(port, "/", {"Host": f"rebound.example:{port}"})
        ws = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
              "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}  # fmt: skip
        assert refused(port, "/ws", {**ws, "Origin": "http://another.example"})
        assert not refused(port, "/", {"Origin": f"http://127.0.0.1:{port}"})
        os.killpg(process.pid, signal.SIGINT)  # as Ctrl+C in its terminal
        out, err = process.communicate(timeout=DEADLINE)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode in (0, 130)
    assert err == "" and "Traceback" not in out
    assert out.splitlines()[0] == (
        f"quiz serve: serving on http://127.0.0.1:{port} (this computer only; "
        "--host 0.0.0.0 to share it)"
    )
    assert out.splitlines()[-1] == "quiz serve: stopped"


def test_a_port_in_use_is_one_line_and_exit_1(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = serve("--port", str(port), str(STUDIO), data_dir=tmp_path)
        out, err = process.communicate(timeout=DEADLINE)
    assert process.returncode == 1 and out == ""
    (line,) = err.splitlines()
    assert line.startswith(f"quiz serve: error: can't listen on 127.0.0.1 port {port}")


def children(pid: int) -> list[int]:
    """The processes whose parent is PID (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # ended meanwhile
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def until(condition, what: str):
    """Poll CONDITION until it gives something true, within the deadline; that value."""
    started = time.monotonic()
    while not (value := condition()):
        assert time.monotonic() - started < DEADLINE, what
        time.sleep(0.05)  # polling a condition, with a deadline
    return value


def waiting_bytes(sock: socket.socket) -> int:
    import array
    import fcntl
    import termios

    count = array.array("i", [0])
    fcntl.ioctl(sock, termios.FIONREAD, count)
    return count[0]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_a_tab_that_drops_its_connection_ends_its_game_kept_to_a_sane_size(tmp_path: Path) -> None:
    port = free_port()
    process = serve("--port", str(port), str(STUDIO), data_dir=tmp_path)
    try:
        wait_for_page(f"http://127.0.0.1:{port}/", process)
        tab = socket.create_connection(("127.0.0.1", port), timeout=DEADLINE)
        tab.sendall(
            f"GET /ws?width=3000&height=3000 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Origin: http://127.0.0.1:{port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
            "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
            .encode()
        )  # fmt: skip
        assert tab.recv(12) == b"HTTP/1.1 101"
        (game,) = until(lambda: children(process.pid), "no game started for the tab")
        environ = (Path("/proc") / str(game) / "environ").read_bytes().split(b"\0")
        assert b"COLUMNS=500" in environ and b"ROWS=200" in environ
        # The game draws its screen and the tab never reads it, then the connection is
        # reset, as a browser killed mid-game or a hostile client does.
        until(lambda: waiting_bytes(tab) > 64 * 1024, "the game never drew its screen")
        tab.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        tab.close()
        until(lambda: game not in children(process.pid), "the tab's game outlived its tab")
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=DEADLINE)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert "Traceback" not in out + err


def test_a_tab_asking_for_a_huge_or_odd_screen_gets_a_sane_one_and_odd_messages_are_ignored():
    import asyncio
    from types import SimpleNamespace

    from aiohttp import WSMsgType

    from quiz.commands.webtab import forward

    sent = [
        '["resize", {"width": 10000, "height": 10000}]',
        '["resize", {"width": "x", "height": -3}]',
        '["resize", [1, 2]]',
        "not json",
        '["stdin"]',
        '["stdin", 7]',
        '["stdin", "q\\ud800"]',
    ]

    class Tab:
        def __aiter__(self):
            return self

        async def __anext__(self):
            if not sent:
                raise StopAsyncIteration
            return SimpleNamespace(type=WSMsgType.TEXT, data=sent.pop(0))

    class Game:
        def __init__(self) -> None:
            self.sizes: list[tuple[int, int]] = []
            self.keys: list[bytes] = []

        async def set_terminal_size(self, width: int, height: int) -> None:
            self.sizes.append((width, height))

        async def send_bytes(self, data: bytes) -> None:
            self.keys.append(data)

    game = Game()
    asyncio.run(forward(Tab(), game))  # type: ignore[arg-type]
    assert game.sizes == [(500, 200), (80, 1)]
    assert game.keys == [b"q?"]


def test_a_tab_beyond_the_most_games_at_once_is_refused_without_starting_one():
    import asyncio

    from aiohttp import web
    from aiohttp.test_utils import make_mocked_request

    from quiz.commands.web import MAX_TABS, QuizServer

    server = QuizServer("false", host="127.0.0.1", port=8000, loopback=True)
    server._tabs = {object() for _ in range(MAX_TABS)}  # type: ignore[assignment]
    request = make_mocked_request("GET", "/ws", headers={"Host": "127.0.0.1:8000"})
    with pytest.raises(web.HTTPServiceUnavailable):
        asyncio.run(server.handle_websocket(request))

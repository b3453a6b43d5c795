"""`quiz serve` in a real browser: Debian's Chromium, headless, driven by Selenium.

The page draws the terminal on a canvas, so the test reads what the game sent it: a
script put in the page before it loads keeps the text of every websocket frame (the
escape sequences are stripped here). The screenshot is kept as a test artifact in
test-artifacts/ (or $QUIZ_TEST_ARTIFACTS), to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STUDIO = ROOT / "tests" / "fixtures" / "ui" / "studio.yaml"
ARTIFACTS = Path(os.environ.get("QUIZ_TEST_ARTIFACTS") or ROOT / "test-artifacts")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
DEADLINE = (
    90.0  # seconds for each wait; generous for a slow machine, never reached when all is well
)
ESCAPES = re.compile(
    r"\x1b(\[[0-9;?<>=:]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78])"
)

# Kept in the page before its own script runs: every binary frame the game sends, as text.
RECORD_FRAMES = """
(() => {
  const Native = window.WebSocket;
  window.quizFrames = [];
  window.WebSocket = function (...args) {
    const socket = new Native(...args);
    const decoder = new TextDecoder();
    socket.addEventListener("message", (event) => {
      if (event.data instanceof ArrayBuffer) {
        window.quizFrames.push(decoder.decode(event.data, {stream: true}));
      }
    });
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
})();
"""


def _missing() -> str | None:
    """Why the browser test can't run here, or None."""
    if not (os.access(CHROMIUM, os.X_OK) and os.access(DRIVER, os.X_OK)):
        return (
            f"Chromium and its driver are not installed ({CHROMIUM}, {DRIVER}); "
            "apt-get install chromium chromium-driver (.ci/run does)"
        )
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed: pip install -e '.[test]'"
    return None


def wait_until(ready, what: str) -> None:
    """Poll READY until it is true, failing with WHAT after the deadline."""
    started = time.monotonic()
    while not ready():
        assert time.monotonic() - started < DEADLINE, f"never saw {what}"
        time.sleep(0.1)  # polling a condition, with a deadline


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def saved(data_dir: Path) -> list[tuple]:
    """The answers saved so far (none before the history file has its tables)."""
    path = data_dir / "quiz.db"
    if not path.exists():
        return []
    conn = sqlite3.connect(path, timeout=5)
    try:
        return conn.execute("SELECT pack_id, question_id, given FROM answers").fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        conn.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`quiz serve` of one question on a free loopback port; its URL and process."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZ_DATA_DIR": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "quiz", "serve", "--port", str(port), "--category",
         "cinematography", str(STUDIO)],
        env=env, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"

    def answers() -> bool:
        assert process.poll() is None, process.communicate()
        try:
            with urllib.request.urlopen(url, timeout=5):
                return True
        except OSError:
            return False

    try:
        wait_until(answers, "the server answer")
        yield url, process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture
def browser() -> Iterator[object]:
    why = _missing()
    if why:
        pytest.skip(why)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1000,700", "--disable-gpu"):  # fmt: skip
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_FRAMES})
        yield driver
    finally:
        driver.quit()


def screen_text(driver) -> str:
    """All the text the game has drawn in the page so far."""
    return ESCAPES.sub("", "".join(driver.execute_script("return window.quizFrames || []")))


def test_a_question_answered_in_chromium_is_revealed_and_saved(
    served: tuple[str, subprocess.Popen[str]], browser, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    url, server = served
    browser.get(url)
    wait_until(
        lambda: "Which camera shot the night scenes?" in screen_text(browser), "the question"
    )
    keys = browser.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    verdict = re.compile(r"(✓ Right|✗ Wrong)")

    def answered() -> bool:
        # A key in the grace period after the question appears is dropped as a bounce,
        # so the player's key is pressed again until the reveal shows.
        keys.send_keys("1")
        started = time.monotonic()
        while time.monotonic() - started < 2:
            if verdict.search(screen_text(browser)):
                return True
            time.sleep(0.1)
        return False

    wait_until(answered, "the reveal")
    text = screen_text(browser)
    assert "For the night streets" in text  # the source excerpt
    assert "A Shoot Diary" in text  # its attribution
    wait_until(lambda: len(saved(tmp_path)) == 1, "the answer in the history")
    ((pack, question, given),) = saved(tmp_path)
    assert (pack, question) == ("studio", "camera")
    assert ("✓ Right" if given == "Alexa 35" else "✗ Wrong") in text
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "browser-reveal.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 1000

    os.killpg(server.pid, signal.SIGINT)  # Ctrl+C, with the tab still open
    out, err = server.communicate(timeout=DEADLINE)
    assert server.returncode in (0, 130), err
    assert "Traceback" not in out + err
    assert out.splitlines()[-1] == "quiz serve: stopped"

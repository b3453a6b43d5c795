"""`quiz serve`: the game on a web page, one `quiz play` for each browser tab (textual-serve)."""

from __future__ import annotations

import argparse
import shlex
import socket
import sys
from pathlib import Path

from quiz.commands.output import say
from quiz.commands.play import deal, options_problem, pack_paths

PROG = "quiz serve"


def run(args: argparse.Namespace) -> int:
    # Checked once here, as `quiz play` checks them: a bad option or pack is one line now,
    # not a broken page in every tab.
    problem = options_problem(args)
    if problem:
        say(f"{PROG}: error: {problem} (see '{PROG} --help')", err=True)
        return 2
    files = pack_paths(args.packs, PROG)
    if files is None:
        return 1
    dealt = deal(args, files, PROG)
    if isinstance(dealt, int):
        return dealt

    from quiz.datadir import data_dir
    from quiz.history.sqlite import SqliteHistory
    from quiz.store import StoreError

    folder = Path(data_dir(args.data_dir)).resolve()
    try:  # opened (and brought to the current schema) once, before any tab opens it
        history = SqliteHistory.open(folder)
    except StoreError as error:
        say(f"{PROG}: error: {error}", err=True)
        return 1
    for notice in history.take_notices():
        say(f"{PROG}: {notice}", err=True)
    history.close()
    return _serve(args, play_command(args, files, folder))


def play_command(args: argparse.Namespace, files: list[Path], folder: Path) -> str:
    """The shell command each browser tab runs: `quiz play` with the options given here."""
    words = [sys.executable, "-m", "quiz", "--data-dir", str(folder), "play", "--no-plain"]
    if args.questions is not None:
        words += ["--questions", str(args.questions)]
    for category in args.category:
        words += ["--category", category]
    for difficulty in args.difficulty:
        words += ["--difficulty", difficulty]
    if args.timer is not None:
        words += ["--timer", repr(args.timer)]
    if args.seed is not None:
        words += ["--seed", str(args.seed)]
    if args.packs:  # none: the built-in packs, found by the tab's quiz as here
        words += ["--", *(str(file.resolve()) for file in files)]
    return shlex.join(words)


def _serve(args: argparse.Namespace, command: str) -> int:
    from quiz.commands.web import QuizServer, is_loopback

    host = args.host
    loopback = is_loopback(host)
    problem = listen_problem(host, args.port)
    if problem is not None:  # a port in use, or a host not this computer's: told first
        return _cannot_listen(host, args.port, problem)
    where = f"[{host}]" if ":" in host else host
    url = f"http://{where}:{args.port}"
    if loopback:
        say(f"{PROG}: serving on {url} (this computer only; --host 0.0.0.0 to share it)")
    else:
        say(
            f"{PROG}: warning: listening on {host}: anyone who can reach this computer on the "
            "network can open the page and play, and their answers go into your history"
        )
        say(f"{PROG}: serving on {url} (others open this computer's address, port {args.port})")
    say(f"{PROG}: each browser tab plays its own game; press Ctrl+C to stop")
    sys.stdout.flush()
    try:
        QuizServer(command, host=host, port=args.port, loopback=loopback).serve()
    except OSError as error:  # taken since it was tried
        return _cannot_listen(host, args.port, error)
    say(f"{PROG}: stopped")
    return 0


def listen_problem(host: str, port: int) -> OSError | None:
    """Why a server could not listen on HOST:PORT now, or None."""
    try:
        socket.create_server((host, port)).close()
    except OSError as error:
        return error
    return None


def _cannot_listen(host: str, port: int, error: OSError) -> int:
    # socket.create_server adds where it tried to bind; the command line says that already.
    reason = (error.strerror or str(error)).split(" (while attempting", 1)[0]
    say(
        f"{PROG}: error: can't listen on {host} port {port}: {reason}; "
        "choose another port with --port, or another --host",
        err=True,
    )
    return 1

"""Followable sources: the reveal and the source dialog cite a source in full, and its
link opens in a browser (key o or a click) only when it is an http(s) URL."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static
from ui_helpers import UI_FIXTURES, keys_for, make_app, settle

from quiz.game.selection import GameOptions
from quiz.game.words import CREDIT_PART_CELLS
from quiz.packs.loader import load_pack
from quiz.packs.model import Source
from quiz.ui.screens.results import ResultsScreen
from quiz.ui.screens.source import SourceScreen
from quiz.ui.text import attribution, citation, followable
from quiz.ui.widgets.source_link import SourceLink

DIARY_URL = "https://example.com/shoot-diary"  # the studio pack's diary source


def only(category: str) -> GameOptions:
    return GameOptions(count=None, categories=(category,), seed=7)


def opened_urls(app, monkeypatch) -> list[str]:
    """The URLs the app is asked to open from now on (no browser is started)."""
    urls: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **kwargs: urls.append(url))
    return urls


def link_text(screen) -> str | None:
    """The link the screen shows, or None when it shows none."""
    links = [link for link in screen.query(SourceLink) if link.display]
    return str(links[0].content) if links else None


async def reveal(pilot, right: bool = True):
    await settle(pilot)
    screen = pilot.app.screen
    await pilot.press(*keys_for(screen.session.current, right))
    await pilot.pause()
    return screen


async def test_o_opens_the_revealed_sources_url(monkeypatch) -> None:
    app = make_app(start=only("cinematography"))  # cites the diary, which has a URL
    async with app.run_test(size=(80, 24)) as pilot:
        urls = opened_urls(app, monkeypatch)
        await settle(pilot)
        await pilot.press("o")  # asking: o is not a key of the question
        assert urls == []
        screen = await reveal(pilot)
        assert DIARY_URL in link_text(screen)
        await pilot.press("o")
        await pilot.pause()
        assert urls == [DIARY_URL]


async def test_clicking_the_link_opens_it(monkeypatch) -> None:
    app = make_app(start=only("cinematography"))
    async with app.run_test(size=(80, 24)) as pilot:
        urls = opened_urls(app, monkeypatch)
        screen = await reveal(pilot)
        await pilot.click(screen.query_one(SourceLink))
        await pilot.pause()
        assert urls == [DIARY_URL]


async def test_the_reveal_cites_title_author_publisher_and_date() -> None:
    app = make_app(start=only("cinematography"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await reveal(pilot)
        shown = "\n".join(str(static.render()) for static in screen.query(Static))
        assert "— A Shoot Diary, by Rosa Lind, Film Weekly, 17 May 2024" in shown


async def test_a_source_without_a_url_shows_no_link_and_o_does_nothing(monkeypatch) -> None:
    app = make_app(start=only("effects"))  # cites the memo, which has no URL
    async with app.run_test(size=(80, 24)) as pilot:
        urls = opened_urls(app, monkeypatch)
        screen = await reveal(pilot)
        assert link_text(screen) is None
        await pilot.press("o")
        await pilot.pause()
        assert urls == []
        assert app.screen is screen and screen.session.phase.value == "revealed"


def pack_with_url(folder: Path, url: str) -> Path:
    text = (UI_FIXTURES / "studio.yaml").read_text(encoding="utf-8")
    path = folder / "studio.yaml"
    path.write_text(text.replace(DIARY_URL, url), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "file:///etc/passwd", "https://evil.example/\u202egpj.exe", "//x.org"],
)
async def test_only_http_urls_are_links(monkeypatch, tmp_path: Path, url: str) -> None:
    pack = load_pack(pack_with_url(tmp_path, url))
    app = make_app([pack], start=only("cinematography"))
    async with app.run_test(size=(80, 24)) as pilot:
        urls = opened_urls(app, monkeypatch)
        screen = await reveal(pilot)
        assert link_text(screen) is None
        await pilot.press("o")
        await pilot.pause()
        assert urls == []


@pytest.mark.parametrize(
    ("url", "followed"),
    [
        ("https://example.com/a?b=c#d", True),
        ("HTTP://EXAMPLE.COM", True),
        ("http://", False),
        ("https://exa mple.com", False),
        ("https://example.com/\x1b[2J", False),
        ("mailto:someone@example.com", False),
        ("https://[::1", False),
        ("https://exa\u200bmple.com/path", False),  # looks like example.com
        ("https://example.com/\u2060x", False),
        ("https://apple.com@evil.example/", False),  # reads as apple.com, goes elsewhere
        ("https://user:pass@example.com/", False),
        ("https://medium.com/@someone/post", True),  # an @ in the path names no user
        ("https://evil.example\\.apple.com/login", False),  # a browser reads \\ as /
        ("https://\\evil.example", False),
        ("https://apple.com%2eevil.example/", False),  # decoded by the browser to a dot
        ("https://apple.com\u3002evil.example/", False),  # an ideographic full stop
        ("https://apple.com\u2044login.evil.example/", False),  # a fraction slash
        ("https://\u0430pple.com/", False),  # a Cyrillic a
        ("https://exa\u2800mple.com/", False),  # a braille blank
        ("https://example\u034f.com/", False),  # a joiner that draws nothing
        ("http://2130706433:8000/", False),  # 127.0.0.1, as browsers read it
        ("http://0x7f.1/", False),
        ("https://example.com:99999/", False),
        ("https://apple.com:443.evil.example/", False),
        ("https://[v1.x]/", False),
        ("https://xn--pple-43d.com/", True),  # punycode shows what it is
        ("http://192.168.1.20:8080/notes", True),
        ("https://[2001:db8::1]:8443/", True),
        ("https://example.com./a", True),
        ("https://[::1]evil.com/", False),  # reads as evil.com; browsers refuse it
        ("http://[fe80::1%25eth0]/", False),  # a zone, which browsers refuse
        ("https://ex_ample.com/", True),
        ("https://example.com/?q=a\\b", True),  # a backslash in the query stays there
        ("https://hi.wikipedia.org/wiki/\u0939\u093f\u0928\u094d\u0926\u0940", True),  # Hindi
        ("https://fa.wikipedia.org/wiki/\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", True),
        ("https://fr.wikipedia.org/wiki/Gagne\u0301", True),  # a decomposed accent
        ("https://example.com/\u2764\ufe0f", True),  # an emoji with its variation selector
        ("https://example.com/a\u00adb", False),  # a soft hyphen: invisible in the middle
        ("", False),
        (None, False),
    ],
)
def test_followable_urls(url: str | None, followed: bool) -> None:
    assert followable(url) == (url if followed else None)


def test_the_credit_under_a_quote_shortens_a_huge_part_and_the_dialog_shows_it_whole() -> None:
    title = "A real headline, " + "long " * 17  # 102 characters, as a published one may be
    source = Source("s", title, author="Ann " * 2500, publisher="Weekly")
    credit = str(attribution(source, "s"))
    assert credit.startswith(f"— {title}, by Ann Ann ") and credit.endswith("…, Weekly")
    assert len(credit) < 2 * CREDIT_PART_CELLS
    assert str(dict(citation(source, "s"))["Author"]) == source.author


async def open_source_dialog(pilot) -> SourceScreen:
    screen = await reveal(pilot, right=False)
    await pilot.press("n")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ResultsScreen)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, SourceScreen)
    assert screen is not pilot.app.screen
    return pilot.app.screen


def dialog_text(dialog: SourceScreen) -> str:
    return "\n".join(str(static.content) for static in dialog.query(Static) if static.display)


async def test_the_source_dialog_cites_the_source_in_full(monkeypatch) -> None:
    app = make_app(start=only("cinematography"))
    async with app.run_test(size=(80, 24)) as pilot:
        urls = opened_urls(app, monkeypatch)
        dialog = await open_source_dialog(pilot)
        text = dialog_text(dialog)
        question = dialog.record.asked.question
        for part in (question.prompt, question.explanation, question.source.text,
                     "A Shoot Diary", "Rosa Lind", "Film Weekly", "17 May 2024", DIARY_URL,
                     "Studio Tour", "Film club", "CC BY 4.0"):  # fmt: skip
            assert part in text
        assert f"Your answer: {dialog.record.given}" in text  # it was wrong: both shown
        await pilot.press("o")
        await pilot.pause()
        assert urls == [DIARY_URL]


async def test_the_source_dialog_of_a_question_without_a_url(monkeypatch) -> None:
    app = make_app(start=only("effects"))
    async with app.run_test(size=(80, 24)) as pilot:
        urls = opened_urls(app, monkeypatch)
        dialog = await open_source_dialog(pilot)
        assert "Production memo" in dialog_text(dialog)
        assert link_text(dialog) is None
        await pilot.press("o")
        await pilot.pause()
        assert urls == [] and app.screen is dialog


async def test_a_right_choice_does_not_repeat_the_answer() -> None:
    app = make_app(start=only("cinematography"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reveal(pilot, right=True)
        answers = str(screen.query_one(".answers", Static).content)
        assert answers == "Answer: Alexa 35"


async def test_a_number_answer_without_its_unit_is_not_repeated() -> None:
    app = make_app(start=GameOptions(count=None, categories=("production",), seed=3))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        while screen.session.current.question.type.value != "number":
            await pilot.press(*keys_for(screen.session.current), "n")
            await pilot.pause()
        await pilot.press("4", "2", "enter")  # the answer is 42 days
        await pilot.pause()
        assert str(screen.query_one(".answers", Static).content) == "Answer: 42 days"

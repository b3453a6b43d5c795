"""A pack written for Anki's text import: a note per question, with a GUID that stays the
same for the same pack and question, so exporting again updates the cards in place."""

from __future__ import annotations

import hashlib
import html
from collections.abc import Sequence

from quiz.packs.links import followable
from quiz.packs.model import Pack, Question, QuestionType


def guid(pack_id: str, question_id: str) -> str:
    """The note's GUID: from the pack id and question id alone, so it never changes."""
    digest = hashlib.sha256(f"{pack_id}\x1f{question_id}".encode()).hexdigest()
    return f"quiz-{digest[:20]}"


def _html(text: str) -> str:
    """TEXT as HTML a field may hold: escaped, new lines as <br>, no raw tab."""
    escaped = html.escape(text, quote=False).replace('"', "&quot;")
    return escaped.replace("\r", "").replace("\n", "<br>").replace("\t", "&#9;")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _tag(text: str) -> str:
    """A tag: Anki separates tags with spaces, so words are joined with _."""
    return "_".join(text.replace('"', "").split())


def to_anki(pack: Pack, questions: Sequence[Question]) -> str:
    """The import file: Anki's header lines, then GUID, front, back and tags per note."""
    lines = [
        "#separator:tab",
        "#html:true",
        "#notetype:Basic",
        f"#deck:{_one_line(pack.title)}",
        f"#tags:quiz {_tag(pack.id)}",
        "#columns:GUID\tFront\tBack\tTags",
        "#guid column:1",
        "#tags column:4",
    ]
    for question in questions:
        tags = [_tag(question.category or ""), question.difficulty.value]
        fields = [guid(pack.id, question.id), _front(question), _back(pack, question),
                  " ".join(tag for tag in tags if tag)]  # fmt: skip
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"


def _front(question: Question) -> str:
    front = _html(question.prompt)
    if question.type is QuestionType.CHOICE:
        options = sorted(question.options, key=lambda text: (text.casefold(), text))
        front += "<ol>" + "".join(f"<li>{_html(each)}</li>" for each in options) + "</ol>"
    elif question.type is QuestionType.TRUE_FALSE:
        front += "<br><i>True or false?</i>"
    elif question.type is QuestionType.NUMBER and question.unit:
        front += f"<br><i>(in {_html(question.unit)})</i>"
    return front


def _back(pack: Pack, question: Question) -> str:
    back = f"<b>{_html(question.answer_text)}</b>"
    if question.accept:
        back += "<br>Also right: " + ", ".join(_html(each) for each in question.accept)
    if question.type is QuestionType.NUMBER and question.tolerance and not question.answer_range:
        back += f" (give or take {_html(str(question.tolerance).removesuffix('.0'))})"
    if question.explanation:
        back += f"<br><br>{_html(question.explanation)}"
    if question.source is not None:
        excerpt = _html(question.source.text)
        if question.source.highlight:
            mark = _html(question.source.highlight)
            excerpt = excerpt.replace(mark, f"<b>{mark}</b>", 1)
        back += f"<br><br><blockquote>{excerpt}</blockquote>{_citation(pack, question.source.ref)}"
    return back


def _citation(pack: Pack, ref: str) -> str:
    source = pack.source(ref)
    if source is None:
        return ""
    parts = [f"<i>{_html(source.title)}</i>"]
    parts += [_html(part) for part in (*source.byline(), source.published) if part]
    cited = "— " + ", ".join(parts)
    if followable(source.url):  # never a tab or line break to split the note's row
        link = html.escape(source.url, quote=True)
        cited += f'<br><a href="{link}">{_html(source.url)}</a>'
    elif source.url:
        cited += f"<br>{_html(source.url)}"
    return cited

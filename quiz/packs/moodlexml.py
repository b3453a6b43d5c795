"""Reading a Moodle XML export into drafts, parsed with defusedxml: no entities, no external
references, and a bounded depth, so no file can blow up memory or time."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from xml.sax import SAXException, SAXParseException
from xml.sax.handler import ContentHandler

from quiz.packs.drafts import Draft, ImportFailed, Reading
from quiz.packs.fields import NUMBER
from quiz.packs.files import MAX_BYTES
from quiz.packs.gift import category_name
from quiz.packs.gift_answers import MAX_DISTRACTORS, Skip, decimal_text
from quiz.packs.htmltext import html_to_text, looks_like_html

MAX_DEPTH = 32  # a Moodle export nests 6 deep; this leaves room and refuses a deep bomb
_HTML_FORMATS = ("html", "moodle_auto_format")
_OTHER_TYPES = {
    "essay": "an essay question",
    "description": "a description",
    "matching": "a matching question",
    "multianswer": "an embedded-answers (cloze) question",
    "ddwtos": "a drag-and-drop question",
    "gapselect": "a select-missing-words question",
    "calculated": "a calculated question",
    "calculatedsimple": "a calculated question",
    "calculatedmulti": "a calculated question",
    "randomsamatch": "a random matching question",
}


@dataclass
class Element:
    """An element of the file: its tag, attributes, text, children and place."""

    tag: str
    attrs: dict[str, str]
    line: int
    column: int
    children: list[Element] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    def child(self, tag: str) -> Element | None:
        return next((each for each in self.children if each.tag == tag), None)

    def text_of(self, tag: str) -> str:
        """The text of <tag><text>...</text></tag> (or of <tag> itself), "" when absent."""
        found = self.child(tag)
        if found is None:
            return ""
        inner = found.child("text")
        return "".join((inner or found).parts)


class _TooDeep(SAXException):
    pass


class _Builder(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[Element] = []
        self.root: Element | None = None
        self.locator = None

    def setDocumentLocator(self, locator) -> None:  # noqa: N802 (SAX's name)
        self.locator = locator

    def place(self) -> tuple[int, int]:
        if self.locator is None:
            return 1, 1
        return self.locator.getLineNumber() or 1, (self.locator.getColumnNumber() or 0) + 1

    def startElement(self, name: str, attrs) -> None:  # noqa: N802
        if len(self.stack) >= MAX_DEPTH:
            raise _TooDeep(f"elements nested over {MAX_DEPTH} deep")
        element = Element(name, dict(attrs), *self.place())
        if self.stack:
            self.stack[-1].children.append(element)
        else:
            self.root = element
        self.stack.append(element)

    def endElement(self, name: str) -> None:  # noqa: N802
        self.stack.pop()

    def characters(self, content: str) -> None:
        if self.stack:
            self.stack[-1].parts.append(content)


def parse(data: bytes, name: str) -> Element:
    """The file's root element; ImportFailed with one line if it is not XML we will read."""
    import defusedxml.sax
    from defusedxml import DefusedXmlException

    if len(data) > MAX_BYTES:
        raise ImportFailed([f"{name}:1:1: error: the file is over the 16 MiB limit; split it"])
    builder = _Builder()
    try:
        defusedxml.sax.parseString(data, builder, forbid_dtd=True)
    except SAXParseException as error:
        line, column = error.getLineNumber(), error.getColumnNumber() + 1
        raise ImportFailed([f"{name}:{line}:{column}: error: the XML cannot be read "
                            f"here ({error.getMessage()}); export the quiz from Moodle again, as UTF-8"]) from None  # fmt: skip
    except DefusedXmlException:
        line, column = builder.place()
        raise ImportFailed([f"{name}:{line}:{column}: error: the file declares a DTD or "
                            "entities, which are refused (a Moodle export has none)"]) from None  # fmt: skip
    except _TooDeep as error:
        line, column = builder.place()
        raise ImportFailed([f"{name}:{line}:{column}: error: {error}; this is not a Moodle "
                            "XML export"]) from None  # fmt: skip
    if builder.root is None or builder.root.tag != "quiz":
        tag = builder.root.tag if builder.root is not None else "nothing"
        raise ImportFailed([f"{name}:1:1: error: the file holds <{tag}>, not a Moodle <quiz>; "
                            "export the questions as Moodle XML"])  # fmt: skip
    return builder.root


def read_moodle_xml(data: bytes, name: str) -> Reading:
    """The drafts of a Moodle XML export."""
    reading = Reading()
    category: str | None = None
    for question in parse(data, name).children:
        if question.tag != "question":
            continue
        kind = question.attrs.get("type", "")
        if kind == "category":
            category = category_name(question.text_of("category"))
            continue
        try:
            reading.drafts.append(_draft(question, kind, category))
        except Skip as skip:
            reading.skip(name, question.line, question.column, str(skip))
    return reading


def _clean(element: Element | None, tag: str | None = None) -> str:
    """An element's text (or its <tag>'s) as a pack holds it: HTML reduced, trimmed."""
    if element is None:
        return ""
    form = (element.child(tag) if tag else element) or element
    raw = element.text_of(tag) if tag else "".join((element.child("text") or element).parts)
    text = raw.strip()
    if form.attrs.get("format", "html") in _HTML_FORMATS and looks_like_html(text):
        text = html_to_text(text)
    return text


def _draft(question: Element, kind: str, category: str | None) -> Draft:
    if kind in _OTHER_TYPES:
        raise Skip(f"{_OTHER_TYPES[kind]}: a pack has no such type")
    answers = [each for each in question.children if each.tag == "answer"]
    for answer in answers:
        if _clean(answer, "feedback"):
            raise Skip("feedback on an answer: a pack keeps one explanation per question "
                       "(use the general feedback)")  # fmt: skip
    weights = [_weight(answer) for answer in answers]
    right = [answer for answer, weight in zip(answers, weights, strict=True) if weight == 100]
    fields: dict[str, object] = {}
    if any(0 < weight < 100 or weight < 0 for weight in weights):
        raise Skip("answers with partial credit: a pack's question has fully right answers only")
    if kind == "multichoice":
        wrong = [_clean(answer) for answer in answers if _weight(answer) == 0]
        if len(right) != 1:
            raise Skip("a multiple-choice question without exactly one right answer: a pack's "
                       "choice question has one")  # fmt: skip
        if not 1 <= len(wrong) <= MAX_DISTRACTORS:
            raise Skip(f"{len(wrong)} wrong answers: a pack's choice question has 1 to "
                       f"{MAX_DISTRACTORS}")  # fmt: skip
        fields = {"type": "choice", "answer": _clean(right[0]), "distractors": tuple(wrong)}
    elif kind == "truefalse":
        if len(right) != 1 or _clean(right[0]).lower() not in ("true", "false"):
            raise Skip("a true/false question whose right answer is not true or false")
        fields = {"type": "true-false", "answer": _clean(right[0]).lower() == "true"}
    elif kind == "shortanswer":
        spellings = [_clean(answer) for answer in right]
        if len(right) != len(answers) or not right or "*" in "".join(spellings):
            raise Skip("wrong answers or wildcards (*) in a short answer: a pack's text "
                       "question lists right spellings only")  # fmt: skip
        fields = {"type": "text", "answer": spellings[0], "accept": tuple(spellings[1:])}
    elif kind == "numerical":
        fields = _number(answers, right)
        fields["unit"] = _unit(question)
    else:
        raise Skip(f"a question of type {kind or 'none'!r}, which a pack cannot hold")
    explanation = _clean(question, "generalfeedback") or None
    return Draft(
        line=question.line, column=question.column, prompt=_clean(question, "questiontext"),
        category=category, explanation=explanation, name=question.text_of("name").strip() or None,
        **fields,  # type: ignore[arg-type]
    )  # fmt: skip


def _weight(answer: Element) -> Decimal:
    """An answer's credit in percent, -100 to 100 as Moodle writes it."""
    written = answer.attrs.get("fraction", "0")
    try:
        weight = Decimal(written.strip())
    except InvalidOperation:
        weight = Decimal("NaN")
    if not weight.is_finite():  # NaN, sNaN and Infinity parse but compare as no number
        raise Skip(f"an answer's fraction {written!r} is not a number")
    if not -100 <= weight <= 100:
        raise Skip(f"an answer's fraction {written!r} is not between -100 and 100")
    return weight


def _number(answers: list[Element], right: list[Element]) -> dict[str, object]:
    if len(answers) != 1 or len(right) != 1:
        raise Skip("several numbers, or an answer marked wrong: a pack's number question has "
                   "one answer and a tolerance")  # fmt: skip
    written = _clean(right[0])
    margin = "".join((right[0].child("tolerance") or Element("", {}, 0, 0)).parts).strip() or "0"
    if not NUMBER.fullmatch(written) or not NUMBER.fullmatch(margin):
        raise Skip(f"the answer {written!r} or its tolerance {margin!r} is not a number")
    tolerance = abs(Decimal(margin))
    return {"type": "number", "answer": written,
            "tolerance": decimal_text(tolerance) if tolerance else None}  # fmt: skip


def _unit(question: Element) -> str | None:
    """The unit whose multiplier is 1 (the one the answer is in), if any."""
    units = question.child("units")
    for unit in units.children if units is not None else []:
        multiplier = "".join((unit.child("multiplier") or unit).parts).strip()
        name = "".join((unit.child("unit_name") or unit).parts).strip()
        if name and multiplier in ("1", "1.0", "1.0000000"):
            return name
    return None

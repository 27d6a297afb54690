"""The HTML mistakes a validator (the Nu HTML Checker) finds most often in our templates.

``problems(html)`` returns a readable line for each: an id used twice; an ``aria-*`` or
``for`` reference to an id the page lacks; a block (``div``, ``details``, ``form``, a list, a
table, a heading) inside an element that holds phrasing content only (``span``, ``label``,
``button``, ``a`` within such, ``p``, …); a ``<time datetime>`` or a date input's value that
is not in the standard's form. It is fast enough to run on every page of the URL matrix.
"""

import re
from html.parser import HTMLParser

VOID = frozenset(
    "area base br col embed hr img input link meta source track wbr".split()  # noqa: SIM905
)
# Elements whose content model is phrasing content only.
PHRASING_ONLY = frozenset(
    [
        "span",
        "label",
        "button",
        "p",
        "small",
        "strong",
        "em",
        "b",
        "i",
        "code",
        "abbr",
        "cite",
        "q",
        "sub",
        "sup",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "summary",
    ]
)
BLOCKS = frozenset(
    [
        "div",
        "details",
        "form",
        "table",
        "ul",
        "ol",
        "dl",
        "section",
        "article",
        "aside",
        "nav",
        "header",
        "footer",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "fieldset",
        "figure",
        "blockquote",
        "pre",
        "hr",
    ]
)
# <p> is closed by a block start in HTML; the validator then reports the stray </p>.
CLOSES_P = BLOCKS - {"p"}
ID_REFERENCES = ("aria-describedby", "aria-labelledby", "aria-controls", "for", "list")
DATE = r"\d{4}-\d{2}-\d{2}"
TIME = r"\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?"
ZONE = r"(Z|[+-]\d{2}:?\d{2})"
DATETIME_VALUE = re.compile(rf"^({DATE}|{DATE}[T ]{TIME}{ZONE}?|{TIME}|\d{{4}}-\d{{2}}|\d{{4}})$")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ids: dict[str, int] = {}
        self.references: list[tuple[str, str, str]] = []
        self.found: list[str] = []
        # An option being read: its label attribute and its text so far.
        self.open_option: tuple[str, list[str]] | None = None

    def handle_data(self, data: str) -> None:
        if self.open_option is not None:
            self.open_option[1].append(data)

    def _close_option(self) -> None:
        if self.open_option is not None:
            label, text = self.open_option
            if not label.strip() and not "".join(text).strip():
                self.found.append("<option> with neither text nor label")
            self.open_option = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in CLOSES_P and "p" in self.stack[-1:]:
            self.stack.pop()  # the parser closes the paragraph, as a browser does
        if tag in BLOCKS:
            inside = [t for t in self.stack if t in PHRASING_ONLY]
            heading_in_summary = tag[0] == "h" and tag[1:].isdigit() and inside == ["summary"]
            if inside and not heading_in_summary:
                self.found.append(f"<{tag}> inside <{inside[-1]}> (phrasing content only)")
        for name in ("id", "for"):
            if name in values and not values[name].strip():
                self.found.append(f'<{tag} {name}=""> is empty')
        if tag in ("option", "optgroup"):
            self._close_option()
        if tag == "option":
            self.open_option = (values.get("label", ""), [])
        element_id = values.get("id")
        if element_id:
            self.ids[element_id] = self.ids.get(element_id, 0) + 1
        for name in ID_REFERENCES:
            if values.get(name) and not (name == "for" and tag == "output"):
                for target in values[name].split():
                    self.references.append((tag, name, target))
        if tag == "time" and not DATETIME_VALUE.match(values.get("datetime", "2000-01-01")):
            self.found.append(f'<time datetime="{values["datetime"]}"> is not a valid date')
        value = values.get("value", "")
        if (
            tag == "input"
            and values.get("type") == "date"
            and value
            and not re.fullmatch(DATE, value)
        ):
            self.found.append(f'<input type="date" value="{values["value"]}"> is not YYYY-MM-DD')
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("option", "select"):
            self._close_option()
        if tag in VOID:
            return
        # Close up to the matching element (browsers do; optional end tags such as </li>
        # and </td> may be left out).
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index] == tag:
                del self.stack[index:]
                return


def problems(html: str) -> list[str]:
    """What a validator would refuse in ``html`` (of the kinds this module checks)."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    found = list(checker.found)
    found += [
        f'id "{name}" is used {count} times' for name, count in checker.ids.items() if count > 1
    ]
    found += [
        f'<{tag} {attribute}="{target}"> points to no element'
        for tag, attribute, target in checker.references
        if target not in checker.ids
    ]
    return found

"""A tiny HTML reader for layout tests: elements with their attributes, headings with their text."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass
class Page:
    elements: list[tuple[str, dict]] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)

    def all(self, tag: str) -> list[dict]:
        return [attrs for name, attrs in self.elements if name == tag]

    def heading_texts(self, level: int) -> list[str]:
        return [text for heading_level, text in self.headings if heading_level == level]


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._open_heading: list | None = None

    def handle_starttag(self, tag, attrs):
        self.page.elements.append((tag, {name: value or "" for name, value in attrs}))
        if tag in HEADINGS:
            self._open_heading = [int(tag[1]), ""]

    def handle_endtag(self, tag):
        if self._open_heading and tag == f"h{self._open_heading[0]}":
            level, text = self._open_heading
            self.page.headings.append((level, " ".join(text.split())))
            self._open_heading = None

    def handle_data(self, data):
        if self._open_heading:
            self._open_heading[1] += data


def read(html: str | bytes) -> Page:
    reader = _Reader()
    reader.feed(html.decode() if isinstance(html, bytes) else html)
    reader.close()
    return reader.page


def section(html: str | bytes, tag: str) -> str:
    """The markup of the first <tag>…</tag> (for landmarks that occur once, like <footer>)."""
    html = html.decode() if isinstance(html, bytes) else html
    start = html.index(f"<{tag}")
    return html[start : html.index(f"</{tag}>", start)]

"""A structural check of rendered pages: site layout, one h1, labelled and linked fields."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

UNLABELLED_INPUT_TYPES = {"hidden", "submit", "button", "reset", "image"}


@dataclass
class PageStructure:
    h1_count: int = 0
    ids: set[str] = field(default_factory=set)
    label_targets: set[str] = field(default_factory=set)
    controls: list[dict] = field(default_factory=list)
    has_site_header: bool = False
    has_site_footer: bool = False
    title: str = ""


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.page = PageStructure()
        self._in_title = False
        self._label_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.page.ids.add(attributes["id"])
        classes = (attributes.get("class") or "").split()
        if tag == "h1":
            self.page.h1_count += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "header" and "site-header" in classes:
            self.page.has_site_header = True
        elif tag == "footer" and "site-footer" in classes:
            self.page.has_site_footer = True
        elif tag == "label":
            self._label_depth += 1
            if attributes.get("for"):
                self.page.label_targets.add(attributes["for"])
        elif tag in {"input", "select", "textarea"}:
            if tag == "input" and attributes.get("type") in UNLABELLED_INPUT_TYPES:
                return
            self.page.controls.append({**attributes, "_wrapped": self._label_depth > 0})

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "label":
            self._label_depth -= 1

    def handle_data(self, data):
        if self._in_title:
            self.page.title += data


def parse(html: str) -> PageStructure:
    parser = _Parser()
    parser.feed(html)
    return parser.page


def assert_accessible_page(response, *, title: str | None = None) -> PageStructure:
    """The page uses the site layout, has one h1, and every form control has a label; every
    aria-describedby points at something that exists (help texts, error lists)."""
    page = parse(response.content.decode())
    assert page.has_site_header and page.has_site_footer, "page does not extend base.html"
    assert page.h1_count == 1, f"expected one h1, found {page.h1_count}"
    for control in page.controls:
        name = control.get("name") or control.get("id")
        labelled = (
            control["_wrapped"]
            or control.get("aria-label")
            or control.get("id") in page.label_targets
        )
        assert labelled, f"form control {name!r} has no label"
        for target in (control.get("aria-describedby") or "").split():
            assert target in page.ids, f"{name!r} is described by missing #{target}"
    if title is not None:
        assert " ".join(page.title.split()).startswith(title), page.title
    return page

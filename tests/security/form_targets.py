"""What the form fuzzer sends where: the forms found on the project's pages, and hostile values.

The targets are derived from the URL conf and the permission matrix, so a new POST address is
fuzzed without anyone listing it: every route (API and admin aside) is posted to by the personas
the matrix lets write there. The fields come from the pages themselves: every page is opened
once, its `<form method="post">` elements are read, and each form's fields are filed under the
address it posts to (a button on one page often posts to another route).
"""

import datetime
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import strategies as st

from tests.conftest import PERSONAS

from . import permission_matrix as matrix

# Served by schemathesis (tests/api/) or guarded page by page alike by Django (the admin).
NOT_FUZZED_PREFIXES = ("api/", "admin/")
# A page's form is read as the persona who sees it best: a 200 page shows the form, a 405
# action has its form on another page, a redirect shows nothing.
GET_PREFERENCE = (200, 405)

BUTTON_TYPES = {"submit", "button", "image", "reset"}
TODAY = datetime.date.today()


@dataclass
class Field:
    name: str
    kind: str  # an <input> type, "select", "select-multiple" or "textarea"
    values: list[str] = field(default_factory=list)  # what the page sends as it is
    choices: list[str] = field(default_factory=list)


@dataclass
class Form:
    action: str  # the path it posts to
    fields: dict[str, Field] = field(default_factory=dict)


class FormParser(HTMLParser):
    """The POST forms of a page with their fields, as a browser would submit them."""

    def __init__(self, page_url: str):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._textarea: Field | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {key: value or "" for key, value in attrs}
        if tag == "form":
            self._start_form(attrs)
        elif tag == "option" and self._select is not None:
            self._option(attrs)
        elif self._form is None or not attrs.get("name"):
            return
        elif tag == "input":
            self._input(attrs)
        elif tag == "button" and attrs.get("type", "submit") == "submit":
            self._field(attrs["name"], "submit").choices.append(attrs.get("value", ""))
        elif tag == "select":
            kind = "select-multiple" if "multiple" in attrs else "select"
            self._select = self._field(attrs["name"], kind)
        elif tag == "textarea":
            self._textarea = self._field(attrs["name"], "textarea")

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.values = [(self._textarea.values or [""])[0] + data]

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None:
            if not self._select.values and self._select.kind == "select":
                non_empty = [choice for choice in self._select.choices if choice]
                self._select.values = non_empty[:1]
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def _start_form(self, attrs):
        if attrs.get("method", "get").lower() != "post":
            return
        action = urlsplit(urljoin(self.page_url, attrs.get("action") or self.page_url))
        self._form = Form(action=action.path + (f"?{action.query}" if action.query else ""))
        self.forms.append(self._form)

    def _option(self, attrs):
        value = attrs.get("value", "")
        self._select.choices.append(value)
        if "selected" in attrs:
            self._select.values.append(value)

    def _field(self, name: str, kind: str) -> Field:
        return self._form.fields.setdefault(name, Field(name=name, kind=kind))

    def _input(self, attrs):
        kind = attrs.get("type", "text").lower()
        if kind in BUTTON_TYPES:
            self._field(attrs["name"], "submit").choices.append(attrs.get("value", ""))
            return
        entry = self._field(attrs["name"], kind)
        value = attrs.get("value", "on" if kind in ("checkbox", "radio") else "")
        entry.choices.append(value)
        if kind in ("checkbox", "radio"):
            if "checked" in attrs:
                entry.values.append(value)
        elif kind != "file":
            entry.values = [value or plausible(attrs["name"], kind)]


def plausible(name: str, kind: str) -> str:
    """A value a person would type into an empty field, so that hostile values in the other
    fields reach the code behind the validation instead of failing on a missing value."""
    if kind == "hidden":
        return ""
    if kind == "email" or "email" in name:
        return "fuzz@example.org"
    later = TODAY + datetime.timedelta(days=9)
    return {
        "number": "1",
        "date": later.isoformat(),
        "datetime-local": f"{later.isoformat()}T10:00",
        "time": "10:00",
        "month": later.strftime("%Y-%m"),
        "url": "https://example.org/",
        "tel": "+48 600 100 200",
        "password": "Fuzz-haslo-12345!",
    }.get(kind, "Fuzz")


def forms_of(html: str, page_url: str) -> list[Form]:
    parser = FormParser(page_url)
    parser.feed(html)
    return parser.forms


def baseline(form_fields: dict[str, Field]) -> dict[str, list[str]]:
    """The form as the page would send it: the first submit button, the rest as shown."""
    data = {}
    for name, entry in form_fields.items():
        values = entry.choices[:1] if entry.kind == "submit" else entry.values
        if values:
            data[name] = list(values)
    return data


# --- targets ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    key: str
    persona: str

    @property
    def id(self) -> str:
        return f"{self.key}-{self.persona}"


def _rank(entry: matrix.Expect, persona: str) -> int:
    status = entry.get.get(persona)
    return GET_PREFERENCE.index(status) if status in GET_PREFERENCE else len(GET_PREFERENCE)


def writers_of(entry: matrix.Expect) -> list[str]:
    """The persona who sees the form best, and an anonymous visitor as well when the public may
    send it: public forms are the ones strangers fill in."""
    allowed = [persona for persona in PERSONAS if entry.may_write(persona)]
    logged_in = sorted(
        (persona for persona in allowed if persona != "anonymous"), key=lambda p: _rank(entry, p)
    )
    chosen = logged_in[:1]
    if "anonymous" in allowed and _rank(entry, "anonymous") < len(GET_PREFERENCE):
        chosen.insert(0, "anonymous")
    # Nobody may post here (an e-mailed link with an unknown token): hostile data must still
    # be refused without a trace.
    return chosen or ["anonymous"]


def is_fuzzed(path: str) -> bool:
    return not path.startswith(NOT_FUZZED_PREFIXES)


def targets(routes) -> list[Target]:
    """Every route a persona may post to, for one or two such personas (see `writers_of`)."""
    found = []
    for key, route in routes.items():
        if "POST" not in route.methods or not is_fuzzed(route.path) or key not in matrix.MATRIX:
            continue
        found.extend(Target(key, persona) for persona in writers_of(matrix.MATRIX[key]))
    return found


# --- hostile values --------------------------------------------------------------------------

SQL_HTML_TEMPLATE = [
    "' OR 1=1 --",
    "'; DROP TABLE accounts_user; --",
    '" OR ""="',
    "1) UNION SELECT password FROM accounts_user --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "%s%s%s%s%n",
    "%(password)s",
    "${7*7}",
    "../../../../etc/passwd",
    "\\",
    "NULL",
]
EMOJI = ["👩‍👩‍👧‍👦", "🏳️‍🌈", "🇵🇱", "🧑🏽‍💻", "❤️", "a\u0301\u0301\u0301", "\ufeff", "\U0001d54f"]
DIRECTION_MARKS = ["\u202e", "\u200f", "\u200e", "\u2066", "\u2069", "\u200b", "\u00ad"]
BAD_DATES = [
    "2026-02-30",
    "0000-00-00",
    "9999-99-99",
    "31.12.2026",
    "2026-13-01T25:61",
    "-1",
    "1970-01-01",
    "9999-12-31T23:59",
    "0001-01-01",
]
BAD_CHOICES = ["nieistniejaca-opcja", "-1", "0", "999999999999", "1.5", "true", "[]", "{}"]
# A browser sends any Unicode scalar value, never a lone surrogate (not encodable in UTF-8).
ANY_CHAR = st.characters(codec="utf-8")
CONTROL_CHAR = st.characters(codec="utf-8", categories=["Cc"])


def _repeat(unit_and_length: tuple[str, int]) -> str:
    unit, length = unit_and_length
    return (unit * (length // len(unit) + 1))[:length]


huge_strings = st.tuples(
    st.sampled_from(["a", "ż", "🧑🏽‍💻", "<b>", "\x00", " ", "0", "a\u202e"]),
    st.integers(10_000, 100_000),
).map(_repeat)
control_strings = st.text(CONTROL_CHAR, min_size=1, max_size=8).map(lambda s: f"x{s}\x00y")
numbers = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["1e309", "-0", "0x10", "1_000", "١٢٣", "½", "NaN", "Infinity", " 7 "]),
)


def decorated(plain: str):
    """The page's own value with something hostile around it: it may still pass length limits."""
    noise = st.one_of(st.sampled_from(DIRECTION_MARKS + EMOJI + SQL_HTML_TEMPLATE), control_strings)
    return st.tuples(noise, noise).map(lambda pair: f"{pair[0]}{plain}{pair[1]}")


def hostile_text(plain: str):
    return st.one_of(
        decorated(plain),
        huge_strings,
        control_strings,
        st.sampled_from(SQL_HTML_TEMPLATE + EMOJI + DIRECTION_MARKS),
        numbers,
        st.sampled_from(BAD_DATES + BAD_CHOICES),
        st.text(ANY_CHAR, max_size=40),
        st.just(""),
    )


hostile_files = st.builds(
    SimpleUploadedFile,
    name=st.sampled_from(
        ["skrypt.exe", "obraz.png", "dokument.pdf", "a" * 300 + ".pdf", "../../x.html", ".pdf"]
    ),
    content=st.sampled_from(
        [b"<script>alert(1)</script>", b"%PDF-1.4 broken", b"\x89PNG\r\n\x1a\n junk", b"", b"\x00"]
    ),
    content_type=st.sampled_from(["application/pdf", "image/png", "text/html", "x/unknown"]),
)

KEEP, DROP, MANY, HOSTILE = range(4)


@st.composite
def field_value(draw, entry: Field):
    """Mostly the page's own value, so that a single hostile field reaches the code behind the
    form; otherwise missing, repeated, or hostile."""
    plain = (entry.values or entry.choices or [""])[0]
    how = draw(st.sampled_from([KEEP, KEEP, KEEP, DROP, MANY, HOSTILE, HOSTILE]))
    if entry.kind == "file":
        return draw(hostile_files) if how in (MANY, HOSTILE) else None
    if how == KEEP:
        return entry.values or None
    if how == DROP:
        return None
    if how == MANY:
        return draw(st.lists(hostile_text(plain), min_size=2, max_size=4))
    return draw(hostile_text(plain))


@st.composite
def form_data(draw, form_fields: dict[str, Field]) -> dict:
    """All fields of a form at once, plus sometimes a field the form does not have."""
    data = {}
    for name, entry in form_fields.items():
        if entry.kind == "submit":
            data[name] = draw(st.sampled_from(entry.choices))
            continue
        value = draw(field_value(entry))
        if value is not None:
            data[name] = value
    if draw(st.booleans()):
        data[draw(st.sampled_from(["id", "pk", "user", "status", "nieznane-pole"]))] = draw(
            hostile_text("1")
        )
    return data

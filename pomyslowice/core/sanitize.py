import html
import re

import nh3
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = set("p br strong b em i u s a ul ol li h2 h3 h4 blockquote hr sub sup".split())
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def clean_html(html: str) -> str:
    """Rich text from users, reduced to harmless markup: no scripts, styles, handlers or images."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer nofollow",
    ).strip()


_BLOCK_END = re.compile(r"(</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>|<hr\s*/?>)", re.IGNORECASE)


def plain_text(rich_text: str) -> str:
    """Rich text as one line of plain text, keeping words of adjacent paragraphs apart."""
    text = html.unescape(strip_tags(_BLOCK_END.sub(r"\1 ", clean_html(rich_text))))
    return " ".join(text.split())


def safe_html(rich_text: str) -> SafeString:
    """Rich text cleaned again on the way out, ready to be shown in a template as it is."""
    return mark_safe(clean_html(rich_text))  # nh3 has just sanitised it  # nosec B308, B703
